/**
 * What each open page of the site plays, kept by the worker so that an update is never activated
 * under a listener in another tab. Pages report on load and on every play and pause; a record whose
 * page has gone (closed, reloaded, navigated away) is dropped whenever the records are read.
 *
 * The records live in the Cache Storage (one small JSON entry per page), not in the worker's memory:
 * the browser stops an idle worker, and the waiting version (which decides on SKIP_WAITING) must see
 * what the pages told the active one.
 */
import type { ClientRecord } from './messages.js';

export class ClientRecords {
  readonly #prefix: string;

  constructor(
    readonly cacheName: string,
    scope: string,
  ) {
    this.#prefix = new URL('__story-offline-client/', scope).href;
  }

  async set(clientId: string, record: ClientRecord): Promise<void> {
    const cache = await caches.open(this.cacheName);
    await cache.put(this.#prefix + encodeURIComponent(clientId), new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } }));
  }

  /** The record of `clientId`, if its page reported one. */
  async get(clientId: string): Promise<ClientRecord | undefined> {
    if (!clientId) return undefined;
    const cache = await caches.open(this.cacheName);
    const response = await cache.match(this.#prefix + encodeURIComponent(clientId));
    return response ? ((await response.json()) as ClientRecord) : undefined;
  }

  /** The records of the pages still open; the others are deleted. */
  async live(clients: Clients): Promise<Map<string, ClientRecord>> {
    const cache = await caches.open(this.cacheName);
    const records = new Map<string, ClientRecord>();
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(this.#prefix)) continue;
      const id = decodeURIComponent(request.url.slice(this.#prefix.length));
      const response = (await clients.get(id)) ? await cache.match(request) : undefined;
      if (!response) {
        await cache.delete(request);
        continue;
      }
      records.set(id, (await response.json()) as ClientRecord);
    }
    return records;
  }
}
