import type { ReactiveControllerHost } from 'lit';

/**
 * How much storage the site uses of what the browser allows it, and whether the browser keeps it
 * (persisted) or may evict it. Feature-detected: without `navigator.storage`, nothing is known.
 */
export class StorageEstimate {
  usage = 0;
  quota = 0;
  /** Known once read; until then `usage` and `quota` mean nothing. */
  known = false;
  /** Whether the browser keeps the site's storage until the listener removes it; null when unknown. */
  persisted: boolean | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Bytes free for the site, or null when unknown. */
  get free(): number | null {
    return this.known ? Math.max(0, this.quota - this.usage) : null;
  }

  async read(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage) return;
    const [estimate, persisted] = await Promise.all([storage.estimate?.().catch(() => null), storage.persisted?.().catch(() => null)]);
    if (typeof estimate?.usage === 'number' && typeof estimate.quota === 'number') {
      this.usage = estimate.usage;
      this.quota = estimate.quota;
      this.known = true;
    }
    this.persisted = persisted ?? null;
    this.#host.requestUpdate();
  }

  /** Asks the browser to keep the site's storage (window only; the worker cannot ask). */
  async persist(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return;
    this.persisted = await storage.persist().catch(() => null);
    this.#host.requestUpdate();
  }
}
