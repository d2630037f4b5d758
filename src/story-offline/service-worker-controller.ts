import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Workbox, messageSW } from 'workbox-window';
import {
  OfflineMessage,
  type ClientStateMessage,
  type OfflineStatus,
  type RepairAnswer,
  type SkipWaitingAnswer,
} from '../service-worker/messages.js';

/** How long the worker may take to take control of the page or to answer. */
const ANSWER_MS = 20000;
/** How often a long listening session looks for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface ServiceWorkerControllerOptions {
  /** A new version is installed and waiting. */
  onWaiting?(): void;
  /** Registration failed; `detail` says why, in the browser's words. */
  onError?(detail: string): void;
  /** The first install failed (a file of the site could not be downloaded): nothing controls the page. */
  onInstallFailed?(): void;
  /**
   * Another tab accepted the update: the new version controls this page now. The page of the old
   * version should reload when its story is not playing.
   */
  onTakenOver?(): void;
}

/** What became of an accepted update. */
export type UpdateOutcome = 'activated' | 'playing-elsewhere' | 'none';

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/**
 * Registers the story's service worker with workbox-window and talks to it: asks what is saved,
 * notices a new version waiting, and activates it only when asked (then reloads the page).
 *
 * Feature-detected: where `navigator.serviceWorker` is missing, `supported` is false and nothing runs.
 */
export class ServiceWorkerController implements ReactiveController {
  readonly supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  /** A new version is installed and waiting for the listener. */
  updateWaiting = false;
  /** Why registration failed, or null. */
  error: string | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: ServiceWorkerControllerOptions;
  #workbox: Workbox | undefined;
  #url = '';
  #scope: string | undefined;
  #updateTimer: ReturnType<typeof setInterval> | undefined;
  #reloadOnControl = false;
  #registration: ServiceWorkerRegistration | undefined;
  /** Whether a worker controlled this page before the latest `controllerchange` (false on the first visit). */
  #controlled = false;
  #installFailed = false;
  readonly #failures = new Set<(error: Error) => void>();

  constructor(host: ReactiveControllerHost, options: ServiceWorkerControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Registers `url` (once per page and URL); call when the host is connected. */
  register(url: string, scope?: string): void {
    if (!this.supported || (this.#workbox && url === this.#url && scope === this.#scope)) return;
    this.#url = url;
    this.#scope = scope;
    const workbox = new Workbox(url, scope ? { scope } : {});
    this.#workbox = workbox;
    this.#controlled = !!navigator.serviceWorker.controller;
    workbox.addEventListener('waiting', () => {
      this.updateWaiting = true;
      this.#options.onWaiting?.();
      this.#host.requestUpdate();
    });
    navigator.serviceWorker.addEventListener('controllerchange', this.#onControllerChange);
    workbox
      .register()
      .then((registration) => {
        if (!registration) return;
        this.#registration = registration;
        this.#watchInstall(registration.installing);
        registration.addEventListener('updatefound', () => this.#watchInstall(registration.installing));
      })
      .catch((error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
        this.#options.onError?.(this.error);
        this.#host.requestUpdate();
      });
  }

  /** Watches an installing worker: when the first install fails, nothing will ever control the page. */
  #watchInstall(worker: ServiceWorker | null): void {
    if (!worker) return;
    const check = (): void => {
      if (worker.state !== 'redundant' || this.#registration?.active || navigator.serviceWorker.controller) return;
      this.#installFailed = true;
      const error = new Error('the service worker could not be installed');
      for (const fail of this.#failures) fail(error);
      this.#options.onInstallFailed?.();
      this.#host.requestUpdate();
    };
    worker.addEventListener('statechange', check);
    check();
  }

  #onControllerChange = (): void => {
    const wasControlled = this.#controlled;
    this.#controlled = true;
    if (this.#reloadOnControl) {
      window.location.reload();
    } else if (wasControlled) {
      // Activated from another tab: this page's update control is moot.
      this.updateWaiting = false;
      this.#options.onTakenOver?.();
      this.#host.requestUpdate();
    }
  };

  hostConnected(): void {
    this.#updateTimer = setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    clearInterval(this.#updateTimer);
    window.removeEventListener('online', this.#onOnline);
    if (this.supported) navigator.serviceWorker.removeEventListener('controllerchange', this.#onControllerChange);
  }

  #onOnline = (): void => {
    void this.checkForUpdate();
  };

  /** Asks the server for a new version of the worker now. */
  async checkForUpdate(): Promise<void> {
    if (!this.#workbox || !navigator.onLine) return;
    await this.#workbox.update().catch(() => undefined);
  }

  /** The worker that controls this page, once there is one. */
  async controller(): Promise<ServiceWorker> {
    if (!this.supported || !this.#workbox) throw new Error('no service worker');
    const container = navigator.serviceWorker;
    if (container.controller) return container.controller;
    if (this.#installFailed) throw new Error('the service worker could not be installed');
    let fail: ((error: Error) => void) | undefined;
    return timeout(
      new Promise<ServiceWorker>((resolve, reject) => {
        fail = reject;
        this.#failures.add(reject);
        const changed = (): void => {
          if (!container.controller) return;
          container.removeEventListener('controllerchange', changed);
          resolve(container.controller);
        };
        container.addEventListener('controllerchange', changed);
        changed();
      }),
      ANSWER_MS,
    ).finally(() => fail && this.#failures.delete(fail));
  }

  /** What the controlling worker has precached and saved. */
  async status(): Promise<OfflineStatus> {
    const worker = await this.controller();
    return timeout(messageSW(worker, { type: OfflineMessage.status }) as Promise<OfflineStatus>, ANSWER_MS);
  }

  /** Asks the worker to download the precached files missing from the cache again; resolves to those still missing. */
  async repair(): Promise<string[]> {
    const worker = await this.controller();
    const answer = (await timeout(messageSW(worker, { type: OfflineMessage.repair }), ANSWER_MS)) as RepairAnswer;
    return answer.missing;
  }

  /** Tells the worker whether this page's story plays, and which audio revision the page belongs to. */
  tell(playing: boolean, audioKey?: string): void {
    const worker = this.supported ? (navigator.serviceWorker.controller ?? this.#registration?.active) : null;
    const message: ClientStateMessage = { type: OfflineMessage.clientState, playing, ...(audioKey ? { audioKey } : {}) };
    worker?.postMessage(message);
  }

  /**
   * Activates the waiting version; the page reloads when it takes control. The waiting worker refuses
   * while the story plays in another tab (`playing-elsewhere`). `none`: no version waits any more.
   */
  async applyUpdate(): Promise<UpdateOutcome> {
    const waiting = this.#registration?.waiting;
    if (!waiting) {
      this.updateWaiting = false;
      return 'none';
    }
    this.#reloadOnControl = true;
    const answer = (await timeout(messageSW(waiting, { type: OfflineMessage.skipWaiting }), ANSWER_MS).catch(() => null)) as SkipWaitingAnswer | null;
    if (answer?.activated) return 'activated';
    this.#reloadOnControl = false;
    return answer ? 'playing-elsewhere' : 'none';
  }
}
