import { Workbox, messageSW } from 'workbox-window';
import {
  OfflineMessage,
  type ClientStateMessage,
  type InstallFileFailedMessage,
  type OfflineStatus,
  type RepairAnswer,
  type SkipWaitingAnswer,
} from '../service-worker/messages.js';
import { trustedScriptURL } from '../shared/trusted-types.js';

/** How long the worker may take to take control of the page or to answer. */
const ANSWER_MS = 20000;
/** How often a long listening session looks for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** One `<story-offline>` on the page, as the link sees it. */
export interface LinkSubscriber {
  /** A new version is installed and waits (also at subscribing, when one waits already). */
  waiting(): void;
  /** Registration failed; `detail` says why, in the browser's words. */
  registrationFailed(detail: string): void;
  /**
   * The first install failed (a file of the site could not be downloaded): nothing controls the
   * page. `file` is the one that failed, as the worker told it (it may tell it after the failure:
   * then this is called again, with it).
   */
  installFailed(file?: FailedFile): void;
  /** Another tab accepted the update: the new version controls this page now. */
  takenOver(): void;
  /** Whether this subscriber's story plays now. */
  playing(): boolean;
  /** Asks this subscriber's player to pause; resolves once it has or has given up. */
  pause(): Promise<void>;
}

/** A file of the site the worker could not download while installing. */
export interface FailedFile {
  url: string;
  /** What the server answered, or 0 when no answer came (the network). */
  status: number;
  statusText: string;
}

/** What became of an accepted update. */
export type UpdateOutcome = 'activated' | 'playing-elsewhere' | 'none';

export const serviceWorkerSupported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/** `promise`, or a rejection once ANSWER_MS have passed without an answer. */
const timeout = <T>(promise: Promise<T>): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the offline helper did not answer')), ANSWER_MS))]);

const links = new Map<string, ServiceWorkerLink>();

/**
 * The page's one link to the worker at `url` (absolute): registered by the first `<story-offline>`
 * that asks, shared by every other, so that a page of several stories registers once and offers an
 * update once.
 */
export function serviceWorkerLink(url: string, scope?: string): ServiceWorkerLink {
  const key = `${url} ${scope ?? ''}`;
  let link = links.get(key);
  if (!link) links.set(key, (link = new ServiceWorkerLink(url, scope)));
  return link;
}

/**
 * Registers the site's service worker with workbox-window and talks to it for every subscriber:
 * asks what is saved, notices a new version waiting, and activates it only when asked (the page then
 * reloads). The first subscriber still connected leads: it is the one that offers an update.
 */
export class ServiceWorkerLink {
  readonly #workbox: Workbox;
  #registration: ServiceWorkerRegistration | undefined;
  #waiting = false;
  #registrationError: string | null = null;
  #installFailed = false;
  /** The file the installing worker could not download, once it has said. */
  #failedFile: FailedFile | undefined;
  /** Whether a worker controlled this page before the latest `controllerchange` (false on the first visit). */
  #wasControlled = !!navigator.serviceWorker.controller;
  #reloadOnControl = false;
  #updateTimer: ReturnType<typeof setInterval> | undefined;
  readonly #subscribers = new Set<LinkSubscriber>();
  /** What each subscriber last told of its story; the worker keeps one record per page. */
  readonly #told = new Map<LinkSubscriber, { playing: boolean; audioKey: string | undefined }>();
  /** The first worker to control this page; rejected when the first install fails. */
  readonly #controlled: Promise<ServiceWorker>;
  #failInstall: (error: Error) => void = () => undefined;

  constructor(url: string, scope?: string) {
    const container = navigator.serviceWorker;
    this.#controlled = new Promise((resolve, reject) => {
      this.#failInstall = reject;
      const changed = (): void => {
        if (container.controller) resolve(container.controller);
      };
      container.addEventListener('controllerchange', changed);
      changed();
    });
    this.#controlled.catch(() => undefined);
    // Under `require-trusted-types-for 'script'` register() takes a TrustedScriptURL only;
    // workbox-window passes it through as it is. A URL the policy refuses (another origin), or a
    // policy the page's CSP does not allow, is a registration failure like any other.
    let scriptURL: ReturnType<typeof trustedScriptURL> = url;
    let refused: unknown = null;
    try {
      scriptURL = trustedScriptURL(url);
    } catch (error) {
      refused = error;
    }
    this.#workbox = new Workbox(scriptURL, scope ? { scope } : {});
    this.#workbox.addEventListener('waiting', () => {
      this.#waiting = true;
      for (const subscriber of this.#subscribers) subscriber.waiting();
    });
    container.addEventListener('controllerchange', this.#onControllerChange);
    const workerURL = new URL(url, document.baseURI).href;
    container.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as Partial<InstallFileFailedMessage> | null;
      if (data?.type !== OfflineMessage.installFileFailed || !(event.source instanceof ServiceWorker) || event.source.scriptURL !== workerURL) return;
      if (this.#failedFile) return;
      this.#failedFile = { url: String(data.url), status: Number(data.status) || 0, statusText: String(data.statusText ?? '') };
      if (this.#installFailed) for (const subscriber of this.#subscribers) subscriber.installFailed(this.#failedFile);
    });
    (refused === null ? this.#workbox.register() : Promise.reject(refused))
      .then((registration) => {
        if (!registration) return;
        this.#registration = registration;
        this.#watchInstall(registration.installing);
        registration.addEventListener('updatefound', () => this.#watchInstall(registration.installing));
      })
      .catch((error: unknown) => {
        this.#registrationError = error instanceof Error ? error.message : String(error);
        for (const subscriber of this.#subscribers) subscriber.registrationFailed(this.#registrationError);
      });
  }

  /** A new version is installed and waits for the listener. */
  get waiting(): boolean {
    return this.#waiting;
  }

  /** The subscriber that offers an update: the first connected of those still connected. */
  get lead(): LinkSubscriber | undefined {
    return this.#subscribers.values().next().value;
  }

  /** Whether the story of any subscriber plays. */
  get playing(): boolean {
    return [...this.#subscribers].some((subscriber) => subscriber.playing());
  }

  /** Adds `subscriber`, telling it at once what has happened already; returns how to leave. */
  subscribe(subscriber: LinkSubscriber): () => void {
    this.#subscribers.add(subscriber);
    if (this.#subscribers.size === 1) {
      this.#updateTimer = setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
      window.addEventListener('online', this.#onOnline);
    }
    if (this.#registrationError !== null) subscriber.registrationFailed(this.#registrationError);
    if (this.#installFailed) subscriber.installFailed(this.#failedFile);
    if (this.#waiting) subscriber.waiting();
    return () => {
      const wasLead = this.lead === subscriber;
      this.#subscribers.delete(subscriber);
      this.#told.delete(subscriber);
      if (this.#subscribers.size === 0) {
        clearInterval(this.#updateTimer);
        window.removeEventListener('online', this.#onOnline);
      } else if (wasLead && this.#waiting) {
        this.lead?.waiting();
      }
    };
  }

  /** Asks every subscriber's player to pause; resolves to whether nothing plays any more. */
  async pauseAll(): Promise<boolean> {
    await Promise.all([...this.#subscribers].filter((s) => s.playing()).map((s) => s.pause()));
    return !this.playing;
  }

  /** Watches an installing worker: when the first install fails, nothing will ever control the page. */
  #watchInstall(worker: ServiceWorker | null): void {
    if (!worker) return;
    const check = (): void => {
      if (this.#installFailed || worker.state !== 'redundant' || this.#registration?.active || navigator.serviceWorker.controller) return;
      this.#installFailed = true;
      this.#failInstall(new Error('the service worker could not be installed'));
      for (const subscriber of this.#subscribers) subscriber.installFailed(this.#failedFile);
    };
    worker.addEventListener('statechange', check);
    check();
  }

  #onControllerChange = (): void => {
    const wasControlled = this.#wasControlled;
    this.#wasControlled = true;
    if (this.#reloadOnControl) {
      window.location.reload();
    } else if (wasControlled) {
      // Activated from another tab: this page's update control is moot.
      this.#waiting = false;
      for (const subscriber of this.#subscribers) subscriber.takenOver();
    }
  };

  #onOnline = (): void => {
    void this.checkForUpdate();
  };

  /** Asks the server for a new version of the worker now. */
  async checkForUpdate(): Promise<void> {
    if (!navigator.onLine) return;
    await this.#workbox.update().catch(() => undefined);
  }

  /** The worker that controls this page, once there is one. */
  controller(): Promise<ServiceWorker> {
    const { controller } = navigator.serviceWorker;
    return controller ? Promise.resolve(controller) : timeout(this.#controlled);
  }

  /** What the controlling worker has precached and saved. */
  async status(): Promise<OfflineStatus> {
    return timeout(messageSW(await this.controller(), { type: OfflineMessage.status }) as Promise<OfflineStatus>);
  }

  /** Asks the worker to download the precached files missing from the cache again; resolves to those still missing. */
  async repair(): Promise<string[]> {
    const answer = (await timeout(messageSW(await this.controller(), { type: OfflineMessage.repair }))) as RepairAnswer;
    return answer.missing;
  }

  /**
   * Tells the worker whether `subscriber`'s story plays, and which audio revision its page belongs to.
   * The worker keeps one record per page: the page plays when any of its stories does.
   */
  tell(subscriber: LinkSubscriber, playing: boolean, audioKey?: string): void {
    this.#told.set(subscriber, { playing, audioKey: audioKey ?? this.#told.get(subscriber)?.audioKey });
    const told = [...this.#told.values()];
    const key = told.find((state) => state.audioKey)?.audioKey;
    const message: ClientStateMessage = { type: OfflineMessage.clientState, playing: told.some((state) => state.playing), ...(key ? { audioKey: key } : {}) };
    (navigator.serviceWorker.controller ?? this.#registration?.active)?.postMessage(message);
  }

  /**
   * Activates the waiting version; the page reloads when it takes control. The waiting worker refuses
   * while the story plays in another tab (`playing-elsewhere`). `none`: no version waits any more.
   */
  async applyUpdate(): Promise<UpdateOutcome> {
    const waiting = this.#registration?.waiting;
    if (!waiting) {
      this.#waiting = false;
      return 'none';
    }
    this.#reloadOnControl = true;
    const answer = (await timeout(messageSW(waiting, { type: OfflineMessage.skipWaiting })).catch(() => null)) as SkipWaitingAnswer | null;
    if (answer?.activated) return 'activated';
    this.#reloadOnControl = false;
    return answer ? 'playing-elsewhere' : 'none';
  }
}
