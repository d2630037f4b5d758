import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Workbox, messageSW } from 'workbox-window';
import { OfflineMessage, type OfflineStatus } from '../service-worker/messages.js';

/** How long the worker may take to take control of the page or to answer. */
const ANSWER_MS = 20000;
/** How often a long listening session looks for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface ServiceWorkerControllerOptions {
  /** A new version is installed and waiting. */
  onWaiting?(): void;
  /** Registration failed; `detail` says why, in the browser's words. */
  onError?(detail: string): void;
}

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
    workbox.addEventListener('waiting', () => {
      this.updateWaiting = true;
      this.#options.onWaiting?.();
      this.#host.requestUpdate();
    });
    workbox.addEventListener('controlling', () => {
      if (this.#reloadOnControl) window.location.reload();
    });
    workbox.register().catch((error: unknown) => {
      this.error = error instanceof Error ? error.message : String(error);
      this.#options.onError?.(this.error);
      this.#host.requestUpdate();
    });
  }

  hostConnected(): void {
    this.#updateTimer = setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    clearInterval(this.#updateTimer);
    window.removeEventListener('online', this.#onOnline);
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
    return timeout(
      new Promise<ServiceWorker>((resolve) => {
        const changed = (): void => {
          if (!container.controller) return;
          container.removeEventListener('controllerchange', changed);
          resolve(container.controller);
        };
        container.addEventListener('controllerchange', changed);
        changed();
      }),
      ANSWER_MS,
    );
  }

  /** What the controlling worker has precached and saved. */
  async status(): Promise<OfflineStatus> {
    const worker = await this.controller();
    return timeout(messageSW(worker, { type: OfflineMessage.status }) as Promise<OfflineStatus>, ANSWER_MS);
  }

  /** Activates the waiting version; the page reloads when it takes control. */
  applyUpdate(): void {
    if (!this.#workbox || !this.updateWaiting) return;
    this.#reloadOnControl = true;
    this.#workbox.messageSkipWaiting();
  }
}
