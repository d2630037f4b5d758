import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { StoryOfflineUpdateAvailableEvent } from './events.js';
import { serviceWorkerSupported, type ServiceWorkerLink } from './service-worker-link.js';

/** After a pause, how long "Update available" waits so that the player's "Paused." is heard first. */
const AFTER_PAUSE_MS = 1200;
/** Set just before the reload of an accepted update, to say "Updated" once afterwards. */
const UPDATED_KEY = 'story-offline:updated';

function setUpdatedFlag(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(UPDATED_KEY, '1');
    else sessionStorage.removeItem(UPDATED_KEY);
  } catch {
    // Without session storage the reload is only not announced.
  }
}

/** Whether this page is the reload of an accepted update (said once: the flag goes). */
function takeUpdatedFlag(): boolean {
  try {
    const updated = sessionStorage.getItem(UPDATED_KEY) !== null;
    sessionStorage.removeItem(UPDATED_KEY);
    return updated;
  } catch {
    return false;
  }
}

/** Reloads into the version now in control; the page says "Updated" once it is back. */
function reloadUpdated(): void {
  setUpdatedFlag(true);
  window.location.reload();
}

export interface OfflineUpdatesOptions {
  link(): ServiceWorkerLink | undefined;
  /** Whether this element offers the page's update (the first `<story-offline>` connected does). */
  leads(): boolean;
  localize: LocalizeController;
  say(message: string): void;
}

/**
 * A new version of the site that waits for the listener: offered calmly, announced once and never
 * while a story plays, applied only when nothing plays (the page then reloads where it was), and
 * "Updated" said after the reload.
 */
export class OfflineUpdates implements ReactiveController {
  /** "Update now" was pressed and the update is under way. */
  updating = false;
  /** Why the last "Update now" did not update, in words. */
  note = '';
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: OfflineUpdatesOptions;
  #offered = false;
  /** "Update available" has not been announced yet; it is when the story is next paused. */
  #toAnnounce = false;
  #afterPause: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: OfflineUpdatesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** A new version of the site is installed and waits (a fact of the page, true on every element). */
  get available(): boolean {
    return this.#options.link()?.waiting ?? false;
  }

  /** This element shows "Update available". */
  get offered(): boolean {
    return this.#offered && this.available;
  }

  /** Whether a story on the page plays. */
  get #playing(): boolean {
    return this.#options.link()?.playing ?? false;
  }

  hostConnected(): void {
    if (serviceWorkerSupported && takeUpdatedFlag()) setTimeout(() => this.#options.say(this.#t('statusUpdated')), 500);
  }

  hostDisconnected(): void {
    clearTimeout(this.#afterPause);
  }

  /** The link says a version waits. Only the leading element offers it, so it is said once. */
  waiting(): void {
    this.#host.requestUpdate();
    if (this.#offered || !this.#options.leads()) return;
    this.#offered = true;
    this.note = '';
    this.#toAnnounce = true;
    if (!this.#playing) this.#announceAvailable();
    this.#host.dispatchEvent(new StoryOfflineUpdateAvailableEvent());
  }

  /**
   * Another tab accepted the update. A paused page reloads into the new version at once (the
   * player has kept its place); a playing one is left alone.
   */
  takenOver(): void {
    this.#offered = false;
    this.updating = false;
    this.#toAnnounce = false;
    this.#host.requestUpdate();
    if (this.#options.leads() && !this.#playing) reloadUpdated();
  }

  played(): void {
    clearTimeout(this.#afterPause);
  }

  paused(): void {
    if (!this.#toAnnounce) return;
    // After the player's own "Paused.", so that both are heard.
    clearTimeout(this.#afterPause);
    this.#afterPause = setTimeout(() => {
      if (!this.#playing) this.#announceAvailable();
    }, AFTER_PAUSE_MS);
  }

  /** Pauses every story on the page, activates the new version and reloads; or says why not. */
  async apply(): Promise<void> {
    const link = this.#options.link();
    if (!link || !this.available || this.updating) return;
    this.updating = true;
    this.note = '';
    this.#host.requestUpdate();
    if (link.playing && !(await link.pauseAll())) return this.#refused(this.#t('updateNotPaused'));
    // This page's own "Update available" needs no announcement once the listener acted on it.
    this.#toAnnounce = false;
    setUpdatedFlag(true);
    const outcome = await link.applyUpdate();
    if (outcome === 'activated') return; // The page reloads when the new version takes control.
    setUpdatedFlag(false);
    if (outcome === 'playing-elsewhere') return this.#refused(this.#t('updatePlayingElsewhere'));
    // No version waits any more (another tab took it, or it failed): the control goes.
    this.updating = false;
    this.#offered = false;
    this.#host.requestUpdate();
  }

  #t: LocalizeController['term'] = (key, ...args) => this.#options.localize.term(key, ...args);

  /** Says once, politely, that a new version waits; never while a story plays. */
  #announceAvailable(): void {
    if (!this.#toAnnounce || !this.offered) return;
    this.#toAnnounce = false;
    this.#options.say(this.#t('statusUpdateAvailable'));
  }

  #refused(why: string): void {
    this.updating = false;
    this.note = why;
    this.#host.requestUpdate();
    this.#options.say(why);
  }
}
