import { LitElement, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { TermArgs, TermKey } from '../i18n/translation.js';
import { Announcer } from '../shared/announcer.js';
import { OfflineSaving, OfflineState } from './offline-saving.js';
import { OfflineUpdates } from './offline-updates.js';
import { PlayerLink } from './player-link.js';
import type { SaveFailure } from './save-audio.js';
import { pictureOf } from './failed-picture.js';
import { serviceWorkerLink, serviceWorkerSupported, type FailedFile, type LinkSubscriber, type ServiceWorkerLink } from './service-worker-link.js';
import { StorageEstimate } from './storage-estimate.js';
import { styles } from './story-offline.styles.js';

export { OfflineState };

const icon = {
  save: svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M11 4h2v8.2l3.3-3.3 1.4 1.4L12 16 6.3 10.3l1.4-1.4 3.3 3.3zM5 18h14v2H5z"/></svg>`,
  saved: svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/></svg>`,
};

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
    return this.#saving.state;
  }

  /** A new version of the site is installed and waits. */
  get updateAvailable(): boolean {
    return this.#updates.available;
  }

  /** What the listener was told when saving failed, or why offline listening is not available. */
  get errorMessage(): string {
    return this.#saving.errorText;
  }

  /** Why saving last failed. */
  get failure(): SaveFailure | null {
    return this.#saving.failure;
  }

  /** Bytes downloaded so far while saving. */
  get loaded(): number {
    return this.#saving.loaded;
  }

  /** Bytes to download while saving. */
  get total(): number {
    return this.#saving.total;
  }

  /** Bytes "Save for offline" downloads (the audio the player uses); 0 until known. */
  get bytesToSave(): number {
    return this.#saving.bytesToSave;
  }

  /** Bytes the whole story takes once saved: the site's shell, its page, captions and pictures, and its audio; 0 until known. */
  get storyBytes(): number {
    return this.#saving.storyBytes;
  }

  readonly #localize = new LocalizeController(this);
  readonly #announcer = new Announcer(this, () => this.shadowRoot?.querySelector('[role="status"]'));
  readonly #storage = new StorageEstimate(this);
  readonly #player = new PlayerLink(this, {
    onPlay: () => {
      this.#updates.played();
      this.#tell(true);
    },
    onPause: () => {
      this.#tell(false);
      this.#updates.paused();
    },
  });
  #link: ServiceWorkerLink | undefined;
  #leave: (() => void) | undefined;
  #focusAfterRender: string | null = null;

  readonly #saving = new OfflineSaving(this, {
    link: () => this.#link,
    player: this.#player,
    storage: this.#storage,
    localize: this.#localize,
    story: () => ({ id: this.story, folder: this.story ? new URL(`${this.story}/`, new URL(this.scope || this.src, document.baseURI)).href : '' }),
    say: (message) => this.#say(message),
    focusAfterRender: (selector) => {
      if (this.shadowRoot?.activeElement) this.#focusAfterRender = selector;
    },
    audioKnown: () => this.#tell(this.#player.playing),
  });

  readonly #updates = new OfflineUpdates(this, {
    link: () => this.#link,
    leads: () => this.#link?.lead === this.#subscriber,
    localize: this.#localize,
    say: (message) => this.#say(message),
  });

  /** How this element hears from the page's one service-worker link. */
  readonly #subscriber: LinkSubscriber = {
    waiting: () => this.#updates.waiting(),
    registrationFailed: (detail) => this.#saving.cannotStart(this.#t('notRegistered', detail)),
    installFailed: (file) => this.#saving.cannotStart(file ? this.#installFailedOn(file) : this.#t('installFailed'), true),
    takenOver: () => this.#updates.takenOver(),
    playing: () => this.#player.playing,
    pause: () => this.#player.pause(),
  };

  /** Why the first install failed, naming the file (and the story's picture it is, if one is). */
  #installFailedOn(file: FailedFile): string {
    const name = decodeURIComponent(new URL(file.url).pathname.split('/').pop() ?? file.url);
    const picture = pictureOf(file.url);
    const t = this.#localize;
    return file.status === 0
      ? t.term('installFailedNetwork', name, picture)
      : t.term('installFailedHttp', name, `${file.status} ${file.statusText}`.trim(), picture);
  }

  /**
   * Saves the story for offline listening and resolves to whether every file is in the cache.
   * Failures are shown, announced and sent as `story-offline-error`; they never reject.
   */
  save(): Promise<boolean> {
    return this.#saving.save();
  }

  /** Stops a save in progress; nothing is kept. */
  cancel(): void {
    this.#saving.cancel();
  }

  /**
   * Removes this story's saved audio (other stories' stay). The page, captions and pictures stay
   * cached so that the page still opens.
   */
  removeOfflineCopy(): Promise<void> {
    return this.#saving.remove();
  }

  /** Looks for a new version of the site now (the element also looks every hour and when back online). */
  async checkForUpdate(): Promise<void> {
    await this.#link?.checkForUpdate();
  }

  /**
   * Accepts the waiting version: pauses the story if it plays (the player keeps the position and
   * preferences), then activates the new worker and reloads the page. Never swaps under playing audio:
   * if the story does not pause here, or plays in another tab, nothing is swapped and the control
   * says why.
   */
  applyUpdate(): Promise<void> {
    return this.#updates.apply();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!serviceWorkerSupported) {
      this.#saving.state = OfflineState.unsupported;
      return;
    }
    this.#link = serviceWorkerLink(new URL(this.src, document.baseURI).href, this.scope ? new URL(this.scope, document.baseURI).href : undefined);
    this.#leave = this.#link.subscribe(this.#subscriber);
    void this.#saving.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#leave?.();
    this.#leave = undefined;
  }

  protected override updated(): void {
    // The control pressed has gone: focus its successor once that is rendered, so focus is never lost.
    const selector = this.#focusAfterRender;
    const target = selector === null ? null : this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    this.#focusAfterRender = null;
    target.focus();
  }

  // Templates are written compact: esbuild keeps their whitespace as it is.
  protected override render() {
    return html`<div class="base" part="base" role="group" aria-label=${this.#t('offlineRegion')}>${this.#renderState()} ${this.#renderUpdate()}
${this.#player.announces ? nothing : html`<p class="visually-hidden" part="status" role="status"></p>`}</div>`;
  }

  #renderState() {
    const saving = this.#saving;
    const { state, loaded, total } = saving;
    switch (state) {
      case OfflineState.unsupported:
        return html`<p class="detail" part="detail">${this.#t('unsupported')}</p>`;
      case OfflineState.preparing:
      case OfflineState.available:
        return html`${saving.notice ? html`<p part="summary">${saving.notice}</p>` : nothing}
${this.#saveRow('save', state === OfflineState.preparing)}
${saving.online ? nothing : html`<p class="detail" part="detail">${this.#t('offlineNotSaved')}</p>`} ${this.#renderStorage(false)}`;
      case OfflineState.saving:
        return html`<p id="saving-label">${this.#t('saving')}</p>
<div class="row"><progress part="progress" aria-labelledby="saving-label" aria-describedby="progress-text" max=${total || 1} .value=${loaded}></progress>
<span part="progress-text" id="progress-text">${this.#t('progress', loaded, total, total > 0 ? Math.floor((loaded / total) * 100) : 0)}</span>
<button type="button" class="cancel" part="cancel-button" @click=${this.cancel}>${this.#t('cancel')}</button></div>`;
      case OfflineState.saved:
        return html`<p class="summary" part="summary">${icon.saved}<span>${this.#t('saved')}</span></p>
<div class="row"><button type="button" class="remove" part="remove-button" @click=${this.removeOfflineCopy}>${this.#t('remove')}</button></div>
${this.#renderStorage(true)}`;
      case OfflineState.error:
        return html`<p class="error" part="error">${saving.errorText}</p>
${saving.failure ? html`${this.#saveRow('retry')} ${this.#renderStorage(false)}` : nothing}`;
    }
  }

  /** "Save for offline", or after a failure "Try again", with the size to download beside it. */
  #saveRow(kind: 'save' | 'retry', waiting?: boolean) {
    const { status } = this.#saving;
    // One size for the decision: what it downloads (the progress, the announcement and "removed" say the same).
    const detail = status ? this.#t('saveDetail', this.bytesToSave) : kind === 'save' ? this.#t('checking') : nothing;
    return html`<div class="row"><button type="button" class="${kind} primary" part="${kind}-button" aria-describedby="detail" aria-disabled=${waiting ?? nothing} @click=${this.save}>
${icon.save}${this.#t(kind)}</button>
<p class="detail" part="detail" id="detail">${detail}</p></div>`;
  }

  #renderStorage(saved: boolean) {
    const { known, usage, quota, persisted } = this.#storage;
    if (!known) return nothing;
    const keep = saved && persisted !== null ? ` ${persisted ? this.#t('persisted') : this.#t('notPersisted')}` : '';
    return html`<p class="storage" part="storage">${this.#t('storage', usage, quota)}${keep}</p>`;
  }

  #renderUpdate() {
    const { offered, updating, note } = this.#updates;
    if (!offered) return nothing;
    return html`<div class="update row" part="update"><p>${this.#t('updateAvailable')}${this.#player.playing ? ` ${this.#t('updateWhilePlaying')}` : ''}${note ? ` ${note}` : ''}</p>
<button type="button" class="update-button" part="update-button" aria-disabled=${updating} @click=${this.applyUpdate}>${this.#t(updating ? 'updating' : 'update')}</button></div>`;
  }

  /** A term in the element's language. */
  #t<K extends TermKey>(key: K, ...args: TermArgs<K>): string {
    return this.#localize.term(key, ...args);
  }

  /** Through the player's status region when inside one, else through this element's own. */
  #say(message: string): void {
    if (!this.#player.announce(message)) this.#announcer.say(message);
  }

  /** Tells the worker whether this element's story plays, and the audio revision of this page. */
  #tell(playing: boolean): void {
    this.#link?.tell(this.#subscriber, playing, this.#saving.pageAudioKey);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-offline': StoryOffline;
  }
}
