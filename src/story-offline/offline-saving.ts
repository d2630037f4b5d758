import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OfflineAudioStatus, OfflineStatus } from '../service-worker/messages.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { StoryOfflineErrorEvent, StoryOfflineRemovedEvent, StoryOfflineSavedEvent } from './events.js';
import type { PlayerLink } from './player-link.js';
import { saveAudio, SaveError, type SaveFailure } from './save-audio.js';
import type { ServiceWorkerLink } from './service-worker-link.js';
import type { StorageEstimate } from './storage-estimate.js';
import { storyAudio, storyPrecache } from './story-files.js';

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

let probe: HTMLAudioElement | undefined;
const playable = (type: string): boolean => !type || (probe ??= document.createElement('audio')).canPlayType(type) !== '';

export interface OfflineSavingOptions {
  link(): ServiceWorkerLink | undefined;
  player: PlayerLink;
  storage: StorageEstimate;
  localize: LocalizeController;
  /** The `story` attribute, and the folder it names in the site (absolute, '' without one). */
  story(): { id: string; folder: string };
  say(message: string): void;
  /** The control pressed goes away: focus `selector` once it is rendered, if focus was inside. */
  focusAfterRender(selector: string): void;
  /** The audio revision this page belongs to is known: tell the worker. */
  audioKnown(): void;
}

/**
 * Saving one story for offline listening, and what is saved: the state, the progress, the failure
 * in words, removing the copy. "Saved" only when the worker has checked every file is in the cache.
 */
export class OfflineSaving implements ReactiveController {
  state: OfflineState = OfflineState.preparing;
  errorText = '';
  failure: SaveFailure | null = null;
  loaded = 0;
  total = 0;
  /** "Cancelled" or "Removed", shown above "Save for offline". */
  notice = '';
  /** The worker's last answer. */
  status: OfflineStatus | null = null;
  online = navigator.onLine;
  /** The cache key of the audio revision this page was built with (its version's). */
  pageAudioKey: string | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: OfflineSavingOptions;
  #abort: AbortController | undefined;
  #announced = new Set<number>();
  #lastAnnouncement = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: OfflineSavingOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onConnection);
    window.addEventListener('offline', this.#onConnection);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onConnection);
    window.removeEventListener('offline', this.#onConnection);
    this.#abort?.abort();
  }

  /** The story's audio file in the worker's last answer (or `status`). */
  audio(status = this.status): OfflineAudioStatus | undefined {
    if (!status) return undefined;
    const player = this.#options.player;
    return storyAudio(status, { loaded: player.loadedSrc, sources: player.sources, folder: this.#options.story().folder, playable });
  }

  /** The story's share of the precache. */
  precache(status: OfflineStatus): { bytes: number; missing: string[] } {
    return storyPrecache(status, this.audio(status));
  }

  get bytesToSave(): number {
    return this.audio()?.bytes ?? 0;
  }

  get storyBytes(): number {
    return (this.status ? this.precache(this.status).bytes : 0) + this.bytesToSave;
  }

  /** Registration failed, or the first install did: nothing can be saved, and "Try again" cannot help. */
  cannotStart(message: string, announce = false): void {
    this.failure = null;
    this.#set(OfflineState.error, message);
    if (announce) this.#options.say(message);
  }

  async save(): Promise<boolean> {
    const ready: OfflineState[] = [OfflineState.available, OfflineState.saved, OfflineState.error];
    if (!ready.includes(this.state) || (this.state === OfflineState.error && !this.failure)) return false;
    const { focusAfterRender, storage } = this.#options;
    const abort = new AbortController();
    this.#abort = abort;
    const persist = storage.persist();
    this.failure = null;
    this.errorText = '';
    this.notice = '';
    this.loaded = 0;
    this.total = this.bytesToSave;
    this.#announced.clear();
    this.#lastAnnouncement = performance.now();
    focusAfterRender('.cancel');
    this.#set(OfflineState.saving);
    try {
      if (!navigator.onLine) throw new SaveError({ reason: 'offline' });
      const status = await this.#askWorker();
      const file = this.audio(status);
      this.total = file?.bytes ?? 0;
      this.#options.say(this.#t('statusSaving', this.total));
      // Precached files that went missing (evicted, or a failed update) are downloaded again first.
      if (this.precache(status).missing.length > 0) await this.#options.link()?.repair().catch(() => undefined);
      if (file && !file.saved) await saveAudio(file, status.audioCache, { signal: abort.signal, onProgress: this.#onProgress });
      const checked = await this.#askWorker();
      const audio = this.audio(checked);
      // A whole audio copy is kept even when another file is missing: "Try again" needs only that file.
      const missing = this.precache(checked).missing.length + (audio && !audio.saved ? 1 : 0);
      if (missing > 0) throw new SaveError({ reason: 'incomplete', missing });
      this.loaded = this.total;
      await persist;
      await storage.read();
      focusAfterRender('.remove');
      this.#set(OfflineState.saved);
      this.#options.say(this.#t('statusSaved'));
      this.#host.dispatchEvent(new StoryOfflineSavedEvent(this.storyBytes));
      return true;
    } catch (error) {
      const failure: SaveFailure = error instanceof SaveError ? error.failure : { reason: 'network' };
      await storage.read();
      if (failure.reason === 'cancelled') {
        this.notice = this.#t('cancelled');
        focusAfterRender('.save');
        this.#set(OfflineState.available);
        this.#options.say(this.notice);
        return false;
      }
      this.failure = failure;
      focusAfterRender('.retry');
      this.#set(OfflineState.error, this.#failureText(failure));
      this.#options.say(this.errorText);
      this.#host.dispatchEvent(new StoryOfflineErrorEvent(failure, this.errorText));
      if (failure.reason === 'changed') void this.#options.link()?.checkForUpdate();
      return false;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  async remove(): Promise<void> {
    const status = this.status ?? (await this.#askWorker().catch(() => null));
    if (!status) return;
    const bytes = this.bytesToSave;
    this.#options.focusAfterRender('.save');
    // Every revision and format of the story's audio lives below its folder.
    const file = this.audio(status);
    const folder = file ? new URL('.', file.href).href : '';
    const cache = await caches.open(status.audioCache);
    for (const request of await cache.keys()) if (folder && request.url.startsWith(folder)) await cache.delete(request);
    // The notice first: it shows the moment the state says "available".
    this.notice = this.#t('removed', bytes);
    await this.refresh();
    this.#options.say(this.#t('statusRemoved'));
    this.#host.dispatchEvent(new StoryOfflineRemovedEvent());
  }

  /** Reads what is saved and sets `state` from it. */
  async refresh(): Promise<void> {
    try {
      const status = await this.#askWorker();
      const audio = this.audio(status);
      if (this.pageAudioKey === undefined && audio) {
        this.pageAudioKey = audio.cacheKey;
        this.#options.audioKnown();
      }
      // A story whose audio this element cannot find (a wrong `story`, no playable format) is never "saved".
      const { id } = this.#options.story();
      if (!audio && id) console.warn(`<story-offline story="${id}">: no audio of that story in this site`, this.#host);
      const saved = this.precache(status).missing.length === 0 && (audio ? audio.saved : !id && status.audio.length === 0);
      if (this.state !== OfflineState.saving) this.#set(saved ? OfflineState.saved : OfflineState.available);
    } catch {
      // A failed registration or first install has said so already.
      if (this.state === OfflineState.preparing) this.#set(OfflineState.error, this.#t('notReady'));
    }
    await this.#options.storage.read();
  }

  #set(state: OfflineState, errorText?: string): void {
    this.state = state;
    if (errorText !== undefined) this.errorText = errorText;
    this.#host.requestUpdate();
  }

  #t: LocalizeController['term'] = (key, ...args) => this.#options.localize.term(key, ...args);

  async #askWorker(): Promise<OfflineStatus> {
    try {
      const link = this.#options.link();
      if (!link) throw new Error('no service worker');
      this.status = await link.status();
      this.#host.requestUpdate();
      return this.status;
    } catch (error) {
      throw new SaveError({ reason: 'worker' }, { cause: error });
    }
  }

  #onConnection = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
    // Streaming unsaved audio: say it now, not only when the buffer runs dry and the player fails.
    if (!this.online && this.#options.player.playing && this.state !== OfflineState.saved) this.#options.say(this.#t('statusOfflineWhilePlaying'));
  };

  /**
   * A milestone reached within MILESTONE_GAP_MS of the last announcement waits for the gap (the
   * highest one reached is then said), so a fast start does not swallow every milestone.
   */
  #onProgress = (loaded: number, total: number): void => {
    this.loaded = loaded;
    this.total = total;
    this.#host.requestUpdate();
    const percent = (loaded / total) * 100;
    const now = performance.now();
    const reached = MILESTONES.filter((m) => percent >= m && !this.#announced.has(m));
    if (reached.length === 0 || now - this.#lastAnnouncement < MILESTONE_GAP_MS) return;
    for (const m of reached) this.#announced.add(m);
    this.#lastAnnouncement = now;
    this.#options.say(this.#t('statusMilestone', reached.at(-1) ?? 0));
  };

  #failureText(failure: Exclude<SaveFailure, { reason: 'cancelled' }>): string {
    const file = this.#t('audioFile');
    switch (failure.reason) {
      case 'offline':
        return this.#t('saveErrorOffline');
      case 'network':
        return this.#t('errorNetwork', file);
      case 'http':
        return this.#t('errorHttp', file, failure.status);
      case 'changed':
        return this.#t('errorChanged', file);
      case 'quota': {
        const free = this.#options.storage.free;
        return this.#t('errorQuota', this.bytesToSave, free !== null && free < this.bytesToSave ? free : null);
      }
      case 'incomplete':
        return this.#t('errorIncomplete', failure.missing);
      case 'worker':
        return this.#t('errorWorker');
    }
  }
}
