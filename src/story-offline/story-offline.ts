import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { playerClockContext, playerStateContext, type PlayerClock, type PlayerState } from '../player-state/context.js';
import { StoryPauseRequestEvent } from '../player-state/events.js';
import { StoryNotice } from '../player-state/vocabulary.js';
import type { OfflineAudioStatus, OfflineStatus } from '../service-worker/messages.js';
import {
  StoryOfflineErrorEvent,
  StoryOfflineRemovedEvent,
  StoryOfflineSavedEvent,
  StoryOfflineUpdateAvailableEvent,
} from './events.js';
import { saveAudio, SaveError, type SaveFailure } from './save-audio.js';
import { ServiceWorkerController } from './service-worker-controller.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { TermArgs, TermKey } from '../i18n/translation.js';
import { styles } from './story-offline.styles.js';

/** Where the offline copy stands. */
export const OfflineState = {
  /** No service workers in this browser. */
  unsupported: 'unsupported',
  /** Waiting for the service worker to answer. */
  preparing: 'preparing',
  /** Not saved; "Save for offline" is offered with the size. */
  available: 'available',
  saving: 'saving',
  /** Every file is in the cache, checked by the worker. */
  saved: 'saved',
  /** Saving failed, or the worker could not start; `errorMessage` says why. */
  error: 'error',
} as const;
export type OfflineState = (typeof OfflineState)[keyof typeof OfflineState];

/** Percentages announced while saving; one announcement at most every MILESTONE_GAP_MS. */
const MILESTONES = [25, 50, 75] as const;
const MILESTONE_GAP_MS = 2000;
/** How long a pause request may take before an update gives up (audio never swaps under a listener). */
const PAUSE_WAIT_MS = 3000;
/** After a pause, how long "Update available" waits so that the player's "Paused." is heard first. */
const AFTER_PAUSE_MS = 1200;
/** Set just before the reload of an accepted update, to say "Updated" once afterwards. */
const UPDATED_KEY = 'story-offline:updated';

const icon = {
  save: svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M11 4h2v8.2l3.3-3.3 1.4 1.4L12 16 6.3 10.3l1.4-1.4 3.3 3.3zM5 18h14v2H5z"/></svg>`,
  saved: svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/></svg>`,
};

interface Announcer extends HTMLElement {
  announce(message: string): void;
}

function hasAnnounce(element: Element | null): element is Announcer {
  return !!element && typeof (element as Partial<Announcer>).announce === 'function';
}

/** The audio URL a player loaded (`<story-player>`'s `currentSrc`); empty when it has not loaded any. */
function loadedAudio(element: Element | null): string {
  const src = (element as { currentSrc?: unknown } | null)?.currentSrc;
  return typeof src === 'string' ? src : '';
}

/**
 * Offline listening for a story: registers the site's service worker with workbox-window and offers
 * "Save for offline" with the size before saving, progress (bytes and percent), the result, the
 * storage the site uses, and "Remove offline copy". It reports the story saved only when the service
 * worker has checked that every file (page, scripts, captions, photos and the episode audio the
 * player uses) is in the cache. When a new version of the site is installed it shows a calm "Update
 * available" control; accepting it pauses the story first, and the page reloads where it was.
 *
 * Place it inside `<story-player>` (in the header, or in a slot the player offers): it reads the
 * player's state to know whether audio plays, announces through the player's status region, and
 * saves the audio file the player loaded (its `currentSrc`), or before it has loaded, the first
 * `<source>` of the player's `<audio>` that this browser can play. Outside a player it
 * announces through its own status region and saves the first playable audio file of the site.
 *
 * @summary "Save for offline", its progress and result, and "Update available".
 *
 * @event {StoryOfflineSavedEvent} story-offline-saved - Every file of the story is in the cache (`bytes`: what the story takes on the device).
 * @event {StoryOfflineRemovedEvent} story-offline-removed - The offline copy of the audio was removed at the listener's request.
 * @event {StoryOfflineErrorEvent} story-offline-error - Saving failed; nothing was claimed as saved (`failure`, `message`).
 * @event {StoryOfflineUpdateAvailableEvent} story-offline-update-available - A new version is installed and waits for the listener.
 * @event {StoryPauseRequestEvent} story-pause-request - Sent to the player when the listener accepts an update while the story plays.
 *
 * @csspart base - The group around everything.
 * @csspart save-button - "Save for offline".
 * @csspart detail - The size to download, or a note (offline, unsupported).
 * @csspart progress - The `<progress>` bar while saving.
 * @csspart progress-text - Bytes and percent while saving.
 * @csspart cancel-button - Stops saving.
 * @csspart summary - "Saved for offline …" or "Offline copy removed …".
 * @csspart remove-button - "Remove offline copy".
 * @csspart storage - The storage estimate and whether the browser keeps the copy.
 * @csspart error - What went wrong while saving.
 * @csspart retry-button - "Try again".
 * @csspart update - The "Update available" box.
 * @csspart update-button - "Update now".
 * @csspart status - The polite status region, rendered only outside a `<story-player>`.
 *
 * @cssproperty [--story-offline-color=var(--story-player-color)] - Text.
 * @cssproperty [--story-offline-muted=var(--story-player-muted)] - Secondary text.
 * @cssproperty [--story-offline-accent=var(--story-player-accent)] - "Save for offline" and the progress bar.
 * @cssproperty [--story-offline-border=var(--story-player-border)] - Button and box borders.
 * @cssproperty [--story-offline-focus=var(--story-player-focus)] - Focus ring.
 * @cssproperty [--story-offline-error-color=light-dark(#a0141e, #ff9c9c)] - Error text and its bar.
 * @cssproperty [--story-offline-radius=var(--story-player-radius)] - Corner radius.
 * @cssproperty [--story-offline-font-size=0.9375rem] - Text size.
 *
 * @example
 * <story-player story-id="border-story" …>
 *   <header><h1>At the Border</h1><story-offline src="service-worker.js"></story-offline></header>
 *   …
 * </story-player>
 */
export class StoryOffline extends LitElement {
  /** The tag it is registered under by `define.js` and `story-offline.js`. */
  static readonly tagName = 'story-offline';
  static override styles = styles;

  /** URL of the service worker script, relative to the page. */
  @property() src = 'service-worker.js';

  /** The worker's scope; by default the folder of `src`. */
  @property() scope = '';

  /**
   * The story to save, by its folder in the site (`at-the-line`), for an element outside that
   * story's player: one per story on a list of stories. Inside a player the player's audio says it.
   */
  @property() story = '';

  /** Where the offline copy stands. */
  get state(): OfflineState {
    return this.offlineState;
  }

  /** A new version of the site is installed and waits. */
  get updateAvailable(): boolean {
    return this.updateWaiting;
  }

  /** What the listener was told when saving failed, or why offline listening is not available. */
  get errorMessage(): string {
    return this.errorText;
  }

  /** Why saving last failed. */
  get failure(): SaveFailure | null {
    return this.lastFailure;
  }

  /** Bytes downloaded so far while saving. */
  get loaded(): number {
    return this.bytesLoaded;
  }

  /** Bytes to download while saving. */
  get total(): number {
    return this.bytesTotal;
  }

  @state() private offlineState: OfflineState = OfflineState.preparing;
  @state() private updateWaiting = false;
  @state() private errorText = '';
  @state() private lastFailure: SaveFailure | null = null;
  @state() private bytesLoaded = 0;
  @state() private bytesTotal = 0;
  /** Why the last "Update now" did not update, in words. */
  @state() private updateNote = '';

  @state() private status: OfflineStatus | null = null;
  @state() private notice = '';
  @state() private estimate: { usage: number; quota: number } | null = null;
  @state() private persisted: boolean | null = null;
  @state() private online = navigator.onLine;
  @state() private updating = false;
  @state() private ownStatus = '';

  @state() private player?: PlayerState;
  private clock?: PlayerClock;
  readonly #localize = new LocalizeController(this);

  /** A term in the element's language. */
  #t<K extends TermKey>(key: K, ...args: TermArgs<K>): string {
    return this.#localize.term(key, ...args);
  }
  #consuming = false;

  readonly #worker = new ServiceWorkerController(this, {
    onWaiting: () => {
      if (this.updateWaiting) return;
      this.updateWaiting = true;
      this.updateNote = '';
      this.#updateToAnnounce = true;
      if (!this.#playing()) this.#announceUpdateAvailable();
      this.dispatchEvent(new StoryOfflineUpdateAvailableEvent());
    },
    onError: (detail) => {
      this.offlineState = OfflineState.error;
      this.errorText = this.#t('notRegistered', detail);
    },
    onInstallFailed: () => {
      this.offlineState = OfflineState.error;
      this.lastFailure = null;
      this.errorText = this.#t('installFailed');
      this.#announce(this.#t('installFailed'));
    },
    onTakenOver: () => {
      // Another tab accepted the update. A paused page reloads into the new version at once (the
      // player has kept its place); a playing one is left alone.
      this.updateWaiting = false;
      this.updating = false;
      this.#updateToAnnounce = false;
      if (!this.#playing()) this.#reloadUpdated();
    },
  });

  /** "Update available" has not been announced yet; it is when the story is next paused. */
  #updateToAnnounce = false;
  #afterPause: ReturnType<typeof setTimeout> | undefined;
  /** The audio revision this page was built with (its version's), told to the worker. */
  #pageAudioKey: string | undefined;

  #abort: AbortController | undefined;
  #announced = new Set<number>();
  #lastAnnouncement = 0;
  #focusAfterRender: string | null = null;

  // ─── Public API ──────────────────────────────────────────────────────────────────────────────

  /** Bytes "Save for offline" downloads (the audio the player uses); 0 until known. */
  get bytesToSave(): number {
    return this.#audioFile()?.bytes ?? 0;
  }

  /** Bytes the whole story takes once saved: the site's shell, its page, captions and pictures, and its audio; 0 until known. */
  get storyBytes(): number {
    return (this.status ? this.#precache(this.status).bytes : 0) + this.bytesToSave;
  }

  /**
   * Saves the story for offline listening and resolves to whether every file is in the cache.
   * Failures are shown, announced and sent as `story-offline-error`; they never reject.
   */
  async save(): Promise<boolean> {
    const ready: OfflineState[] = [OfflineState.available, OfflineState.saved, OfflineState.error];
    if (!ready.includes(this.offlineState) || (this.offlineState === OfflineState.error && !this.lastFailure)) return false;
    const abort = new AbortController();
    this.#abort = abort;
    const persist = this.#requestPersist();
    this.lastFailure = null;
    this.errorText = '';
    this.notice = '';
    this.bytesLoaded = 0;
    this.bytesTotal = this.bytesToSave;
    this.#announced.clear();
    this.#lastAnnouncement = performance.now();
    this.#moveFocusAfterRender('.cancel');
    this.offlineState = OfflineState.saving;
    try {
      if (!navigator.onLine) throw new SaveError({ reason: 'offline' });
      const status = await this.#askWorker();
      const file = this.#audioFile(status);
      this.bytesTotal = file?.bytes ?? 0;
      this.#announce(this.#t('statusSaving', this.bytesTotal));
      // Precached files that went missing (evicted, or a failed update) are downloaded again first.
      if (this.#precache(status).missing.length > 0) await this.#worker.repair().catch(() => undefined);
      if (file && !file.saved) {
        await saveAudio(file, status.audioCache, { signal: abort.signal, onProgress: this.#onProgress });
      }
      const checked = await this.#askWorker();
      const audio = this.#audioFile(checked);
      // A whole audio copy is kept even when another file is missing: "Try again" needs only that file.
      const missing = this.#precache(checked).missing.length + (audio && !audio.saved ? 1 : 0);
      if (missing > 0) throw new SaveError({ reason: 'incomplete', missing });
      this.status = checked;
      this.bytesLoaded = this.bytesTotal;
      await persist;
      await this.#readStorage();
      this.#moveFocusAfterRender('.remove');
      this.offlineState = OfflineState.saved;
      this.#announce(this.#t('statusSaved'));
      this.dispatchEvent(new StoryOfflineSavedEvent(this.storyBytes));
      return true;
    } catch (error) {
      const failure: SaveFailure = error instanceof SaveError ? error.failure : { reason: 'network' };
      await this.#readStorage();
      if (failure.reason === 'cancelled') {
        this.notice = this.#t('cancelled');
        this.#moveFocusAfterRender('.save');
        this.offlineState = OfflineState.available;
        this.#announce(this.#t('cancelled'));
        return false;
      }
      this.lastFailure = failure;
      this.errorText = this.#failureText(failure);
      this.#moveFocusAfterRender('.retry');
      this.offlineState = OfflineState.error;
      this.#announce(this.errorText);
      this.dispatchEvent(new StoryOfflineErrorEvent(failure, this.errorText));
      if (failure.reason === 'changed') void this.#worker.checkForUpdate();
      return false;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** Stops a save in progress; nothing is kept. */
  cancel(): void {
    this.#abort?.abort();
  }

  /**
   * Removes this story's saved audio (other stories' stay). The page, captions and pictures stay
   * cached so that the page still opens.
   */
  async removeOfflineCopy(): Promise<void> {
    const status = this.status ?? (await this.#askWorker().catch(() => null));
    if (!status) return;
    const bytes = this.bytesToSave;
    this.#moveFocusAfterRender('.save');
    const folder = this.#audioFolder(status);
    const cache = await caches.open(status.audioCache);
    for (const request of await cache.keys()) if (folder && request.url.startsWith(folder)) await cache.delete(request);
    // The notice first: it shows the moment the state says "available".
    this.notice = this.#t('removed', bytes);
    await this.#refresh();
    this.#announce(this.#t('statusRemoved'));
    this.dispatchEvent(new StoryOfflineRemovedEvent());
  }

  /** Looks for a new version of the site now (the element also looks every hour and when back online). */
  checkForUpdate(): Promise<void> {
    return this.#worker.checkForUpdate();
  }

  /**
   * Accepts the waiting version: pauses the story if it plays (the player keeps the position and
   * preferences), then activates the new worker and reloads the page. Never swaps under playing audio:
   * if the story does not pause here, or plays in another tab, nothing is swapped and the control
   * says why.
   */
  async applyUpdate(): Promise<void> {
    if (!this.updateWaiting || this.updating) return;
    this.updating = true;
    this.updateNote = '';
    if (this.#playing()) {
      const player = this.#player();
      const paused = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PAUSE_WAIT_MS);
        player?.addEventListener(StoryNotice.pause, () => (clearTimeout(timer), resolve()), { once: true });
      });
      this.dispatchEvent(new StoryPauseRequestEvent());
      await paused;
      if (this.#playing()) return this.#updateRefused(this.#t('updateNotPaused'));
    }
    // This page's own "Update available" needs no announcement once the listener acted on it.
    this.#updateToAnnounce = false;
    this.#setUpdatedFlag(true);
    const outcome = await this.#worker.applyUpdate();
    if (outcome === 'activated') return; // The page reloads when the new version takes control.
    this.#setUpdatedFlag(false);
    if (outcome === 'playing-elsewhere') return this.#updateRefused(this.#t('updatePlayingElsewhere'));
    // No version waits any more (another tab took it, or it failed): the control goes.
    this.updating = false;
    this.updateWaiting = this.#worker.updateWaiting;
  }

  // ─── Lifecycle ───────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onConnection);
    window.addEventListener('offline', this.#onConnection);
    this.#consumePlayer();
    const player = this.#player();
    player?.addEventListener(StoryNotice.play, this.#onPlay);
    player?.addEventListener(StoryNotice.pause, this.#onPause);
    if (!this.#worker.supported) {
      this.offlineState = OfflineState.unsupported;
      return;
    }
    this.#worker.register(new URL(this.src, document.baseURI).href, this.scope ? new URL(this.scope, document.baseURI).href : undefined);
    void this.#refresh();
    this.#announceUpdated();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnection);
    window.removeEventListener('offline', this.#onConnection);
    this.#player()?.removeEventListener(StoryNotice.play, this.#onPlay);
    this.#player()?.removeEventListener(StoryNotice.pause, this.#onPause);
    clearTimeout(this.#afterPause);
    this.#abort?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The control pressed has gone: focus its successor once that is rendered, so focus is never lost.
    const selector = this.#focusAfterRender;
    const target = selector === null ? null : this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    this.#focusAfterRender = null;
    target.focus();
  }

  // ─── Rendering ───────────────────────────────────────────────────────────────────────────────

  protected override render() {
    return html`<div class="base" part="base" role="group" aria-label=${this.#t('offlineRegion')}>
      ${this.#renderState()} ${this.#renderUpdate()}
      ${hasAnnounce(this.#player()) ? nothing : html`<p class="visually-hidden" part="status" role="status">${this.ownStatus}</p>`}
    </div>`;
  }

  #renderState() {
    switch (this.offlineState) {
      case OfflineState.unsupported:
        return html`<p class="detail" part="detail">${this.#t('unsupported')}</p>`;
      case OfflineState.preparing:
      case OfflineState.available:
        return html`${this.notice ? html`<p part="summary">${this.notice}</p>` : nothing}
          <div class="row">
            <button
              type="button"
              class="save primary"
              part="save-button"
              aria-describedby="detail"
              aria-disabled=${this.offlineState === OfflineState.preparing ? 'true' : 'false'}
              @click=${this.#onSave}
            >
              ${icon.save}${this.#t('save')}
            </button>
            <p class="detail" part="detail" id="detail">
              ${this.status ? this.#t('saveDetail', this.bytesToSave, this.#precache(this.status).bytes) : this.#t('checking')}
            </p>
          </div>
          ${this.online ? nothing : html`<p class="detail" part="detail">${this.#t('offlineNotSaved')}</p>`} ${this.#renderStorage(false)}`;
      case OfflineState.saving: {
        const percent = this.bytesTotal > 0 ? Math.floor((this.bytesLoaded / this.bytesTotal) * 100) : 0;
        return html`<p id="saving-label">${this.#t('saving')}</p>
          <div class="row">
            <progress part="progress" aria-labelledby="saving-label" aria-describedby="progress-text" max=${this.bytesTotal || 1} .value=${this.bytesLoaded}></progress>
            <span part="progress-text" id="progress-text">${this.#t('progress', this.bytesLoaded, this.bytesTotal, percent)}</span>
            <button type="button" class="cancel" part="cancel-button" @click=${this.cancel}>${this.#t('cancel')}</button>
          </div>`;
      }
      case OfflineState.saved:
        return html`<p class="summary" part="summary">${icon.saved}<span>${this.#t('saved', this.storyBytes)}</span></p>
          <div class="row">
            <button type="button" class="remove" part="remove-button" @click=${this.#onRemove}>${this.#t('remove')}</button>
          </div>
          ${this.#renderStorage(true)}`;
      case OfflineState.error:
        return html`<p class="error" part="error">${this.errorText}</p>
          ${this.lastFailure
            ? html`<div class="row">
                <button type="button" class="retry primary" part="retry-button" aria-describedby="detail" @click=${this.#onSave}>
                  ${icon.save}${this.#t('retry')}
                </button>
                <p class="detail" part="detail" id="detail">${this.status ? this.#t('saveDetail', this.bytesToSave, this.#precache(this.status).bytes) : nothing}</p>
              </div>
              ${this.#renderStorage(false)}`
            : nothing}`;
    }
  }

  #renderStorage(saved: boolean) {
    if (!this.estimate) return nothing;
    const keep = saved && this.persisted !== null ? ` ${this.persisted ? this.#t('persisted') : this.#t('notPersisted')}` : '';
    return html`<p class="storage" part="storage">${this.#t('storage', this.estimate.usage, this.estimate.quota)}${keep}</p>`;
  }

  #renderUpdate() {
    if (!this.updateWaiting) return nothing;
    return html`<div class="update row" part="update">
      <p>${this.#t('updateAvailable')}${this.#playing() ? html` ${this.#t('updateWhilePlaying')}` : nothing}${this.updateNote ? html` ${this.updateNote}` : nothing}</p>
      <button
        type="button"
        class="update-button"
        part="update-button"
        aria-disabled=${this.updating ? 'true' : 'false'}
        @click=${this.#onUpdate}
      >${this.updating ? this.#t('updating') : this.#t('update')}</button>
    </div>`;
  }

  // ─── Internals ───────────────────────────────────────────────────────────────────────────────

  #onSave = (): void => {
    void this.save();
  };

  #onRemove = (): void => {
    void this.removeOfflineCopy();
  };

  #onUpdate = (): void => {
    void this.applyUpdate();
  };

  #onConnection = (): void => {
    this.online = navigator.onLine;
    // Streaming unsaved audio: say it now, not only when the buffer runs dry and the player fails.
    if (!this.online && this.#playing() && this.offlineState !== OfflineState.saved) this.#announce(this.#t('statusOfflineWhilePlaying'));
  };

  #onPlay = (): void => {
    clearTimeout(this.#afterPause);
    this.#worker.tell(true, this.#pageAudioKey);
  };

  #onPause = (): void => {
    this.#worker.tell(false, this.#pageAudioKey);
    if (!this.#updateToAnnounce) return;
    // After the player's own "Paused.", so that both are heard.
    clearTimeout(this.#afterPause);
    this.#afterPause = setTimeout(() => {
      if (!this.#playing()) this.#announceUpdateAvailable();
    }, AFTER_PAUSE_MS);
  };

  /** Says once, politely, that a new version waits; never while the story plays. */
  #announceUpdateAvailable(): void {
    if (!this.#updateToAnnounce || !this.updateWaiting) return;
    this.#updateToAnnounce = false;
    this.#announce(this.#t('statusUpdateAvailable'));
  }

  #updateRefused(why: string): void {
    this.updating = false;
    this.updateNote = why;
    this.#announce(why);
  }

  #setUpdatedFlag(on: boolean): void {
    try {
      if (on) sessionStorage.setItem(UPDATED_KEY, '1');
      else sessionStorage.removeItem(UPDATED_KEY);
    } catch {
      // Without session storage the reload is only not announced.
    }
  }

  /** Reloads into the version now in control; the page says "Updated" once it is back. */
  #reloadUpdated(): void {
    this.#setUpdatedFlag(true);
    window.location.reload();
  }

  /**
   * A milestone reached within MILESTONE_GAP_MS of the last announcement waits for the gap (the
   * highest one reached is then said), so a fast start does not swallow every milestone.
   */
  #onProgress = (loaded: number, total: number): void => {
    this.bytesLoaded = loaded;
    this.bytesTotal = total;
    const percent = (loaded / total) * 100;
    const now = performance.now();
    const reached = MILESTONES.filter((m) => percent >= m && !this.#announced.has(m));
    if (reached.length === 0 || now - this.#lastAnnouncement < MILESTONE_GAP_MS) return;
    for (const m of reached) this.#announced.add(m);
    this.#lastAnnouncement = now;
    this.#announce(this.#t('statusMilestone', reached.at(-1) ?? 0));
  };

  /**
   * Subscribes to the player's state and clock. When this element is defined before
   * `<story-player>`, a request made now would reach no provider, so it waits for the player.
   */
  #consumePlayer(): void {
    if (this.#consuming) return;
    this.#consuming = true;
    const consume = (): void => {
      new ContextConsumer(this, { context: playerStateContext, subscribe: true, callback: (value) => (this.player = value) });
      new ContextConsumer(this, { context: playerClockContext, subscribe: true, callback: (value) => (this.clock = value) });
    };
    if (this.#player() && !customElements.get('story-player')) void customElements.whenDefined('story-player').then(consume);
    else consume();
  }

  #player(): HTMLElement | null {
    return this.closest('story-player');
  }

  #playing(): boolean {
    return this.clock?.playing() ?? this.player?.playing ?? false;
  }

  #announce(message: string): void {
    const player = this.#player();
    if (hasAnnounce(player)) {
      player.announce(message);
    } else if (message === this.ownStatus) {
      this.ownStatus = '';
      setTimeout(() => (this.ownStatus = message), 100);
    } else {
      this.ownStatus = message;
    }
  }

  #announceUpdated(): void {
    let updated = false;
    try {
      updated = sessionStorage.getItem(UPDATED_KEY) !== null;
      sessionStorage.removeItem(UPDATED_KEY);
    } catch {
      return;
    }
    if (updated) setTimeout(() => this.#announce(this.#t('statusUpdated')), 500);
  }

  #moveFocusAfterRender(selector: string): void {
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (focused) this.#focusAfterRender = selector;
  }

  /**
   * The audio file to save: the one the player loaded, else the first of its sources this browser
   * plays, as the player would pick it.
   */
  #audioFile(status: OfflineStatus | null = this.status): OfflineAudioStatus | undefined {
    if (!status) return undefined;
    const loaded = loadedAudio(this.#player());
    const file = loaded ? status.audio.find((a) => a.href === loaded) : undefined;
    if (file) return file;
    const probe = document.createElement('audio');
    const playable = (type: string) => !type || probe.canPlayType(type) !== '';
    const sources = Array.from(this.#player()?.querySelectorAll<HTMLSourceElement>(':scope > audio source[src]') ?? []);
    for (const source of sources) {
      if (!playable(source.type)) continue;
      const file = status.audio.find((a) => a.href === source.src);
      if (file) return file;
    }
    const folder = this.story ? new URL(`${this.story}/`, new URL(this.scope || this.src, document.baseURI)).href : '';
    return status.audio.find((a) => playable(a.type) && a.href.startsWith(folder));
  }

  /**
   * What of the precache is this story's: the site's shell and the story's own folder (the folder its
   * audio is in), so that on a site of several stories each counts and checks only its own files.
   */
  #precache(status: OfflineStatus): { bytes: number; missing: string[] } {
    const folder = this.#audioFile(status)?.url.split('/')[0];
    const { parts, missing, bytes } = status.precache;
    if (!folder || !(folder in parts)) return { bytes, missing };
    const mine = (url: string) => !url.includes('/') || url.startsWith(`${folder}/`) || !(url.split('/')[0]! in parts);
    return { bytes: (parts[''] ?? 0) + (parts[folder] ?? 0), missing: missing.filter(mine) };
  }

  /** The folder of this story's audio in the site: every revision and format of it lives below. */
  #audioFolder(status: OfflineStatus): string {
    const file = this.#audioFile(status);
    return file ? new URL('.', file.href).href : '';
  }

  async #askWorker(): Promise<OfflineStatus> {
    try {
      const status = await this.#worker.status();
      this.status = status;
      return status;
    } catch (error) {
      throw new SaveError({ reason: 'worker' }, { cause: error });
    }
  }

  /** Reads what is saved and sets `state` from it. */
  async #refresh(): Promise<void> {
    try {
      const status = await this.#askWorker();
      const audio = this.#audioFile(status);
      if (this.#pageAudioKey === undefined && audio) {
        this.#pageAudioKey = audio.cacheKey;
        this.#worker.tell(this.#playing(), this.#pageAudioKey);
      }
      // A story whose audio this element cannot find (a wrong `story`, no playable format) is never "saved".
      if (!audio && this.story) console.warn(`<story-offline story="${this.story}">: no audio of that story in this site`, this);
      const saved = this.#precache(status).missing.length === 0 && (audio ? audio.saved : !this.story && status.audio.length === 0);
      if (this.offlineState !== OfflineState.saving) this.offlineState = saved ? OfflineState.saved : OfflineState.available;
    } catch {
      // A failed registration or first install has said so already.
      if (this.offlineState === OfflineState.preparing) {
        this.offlineState = OfflineState.error;
        this.errorText = this.#t('notReady');
      }
    }
    await this.#readStorage();
  }

  async #readStorage(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage) return;
    const [estimate, persisted] = await Promise.all([
      storage.estimate?.().catch(() => null),
      storage.persisted?.().catch(() => null),
    ]);
    if (estimate && typeof estimate.usage === 'number' && typeof estimate.quota === 'number') {
      this.estimate = { usage: estimate.usage, quota: estimate.quota };
    }
    this.persisted = persisted ?? null;
  }

  /** Asks the browser to keep the site's storage (window only; the worker cannot ask). */
  async #requestPersist(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return;
    this.persisted = await storage.persist().catch(() => null);
  }

  #failureText(failure: Exclude<SaveFailure, { reason: 'cancelled' }>): string {
    switch (failure.reason) {
      case 'offline':
        return this.#t('saveErrorOffline');
      case 'network':
        return this.#t('errorNetwork', this.#t('audioFile'));
      case 'http':
        return this.#t('errorHttp', this.#t('audioFile'), failure.status);
      case 'changed':
        return this.#t('errorChanged', this.#t('audioFile'));
      case 'quota': {
        const free = this.estimate ? Math.max(0, this.estimate.quota - this.estimate.usage) : null;
        return this.#t('errorQuota', this.bytesToSave, free !== null && free < this.bytesToSave ? free : null);
      }
      case 'incomplete':
        return this.#t('errorIncomplete', failure.missing);
      case 'worker':
        return this.#t('errorWorker');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-offline': StoryOffline;
  }
}
