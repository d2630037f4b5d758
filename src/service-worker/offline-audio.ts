/**
 * The episode audio in the worker: served from the saved copy when there is one (Range requests
 * answered by RFC 9110, `byte-range.ts`, so the player seeks offline), else streamed from the network untouched. It is never
 * cached from the player's own requests (`cache.put` refuses 206 responses, and a listener who did
 * not ask to save should not pay for storage); `<story-offline>` saves it whole on request.
 */
import { rangeResponse } from './byte-range.js';
import { audioCacheKey, REVISION_PARAM, type OfflineAudioStatus } from './messages.js';
import type { OfflineAudioFile } from './offline-build.js';

/** `href` without the revision parameter: the file a cache key belongs to. */
function fileOfKey(key: string): string {
  const url = new URL(key);
  url.searchParams.delete(REVISION_PARAM);
  return url.href;
}

export class OfflineAudio {
  readonly #files: Map<string, OfflineAudioFile>;

  constructor(
    files: readonly OfflineAudioFile[],
    readonly scope: string,
    readonly cacheName: string,
  ) {
    this.#files = new Map(files.map((file) => [new URL(file.url, scope).href, file]));
  }

  /** The audio file `url` names (search and hash ignored), if it is one of the episode's. */
  fileFor(url: URL): OfflineAudioFile | undefined {
    return this.#files.get(`${url.origin}${url.pathname}`);
  }

  keyFor(file: OfflineAudioFile): string {
    return audioCacheKey(new URL(file.url, this.scope).href, file.revision);
  }

  /** The saved copy of `file`, if this revision is saved. */
  async saved(file: OfflineAudioFile): Promise<Response | undefined> {
    const cache = await caches.open(this.cacheName);
    return cache.match(this.keyFor(file));
  }

  /**
   * Answers a request for an episode file: from the saved copy with range support, else the network.
   * `pageKey` is the saved revision the requesting page was built with, when it differs from this
   * version's (a page of the previous version, still open after an update): it keeps hearing the
   * audio its captions were made for.
   */
  async respond(request: Request, url: URL, pageKey?: string): Promise<Response> {
    const file = this.fileFor(url);
    if (!file) return fetch(request);
    const cache = await caches.open(this.cacheName);
    const own = pageKey && fileOfKey(pageKey) === new URL(file.url, this.scope).href ? await cache.match(pageKey) : undefined;
    const saved = own ?? (await cache.match(this.keyFor(file)));
    if (!saved) return fetch(request);
    // Our own ranges, not workbox-range-requests' (which answers bytes=100-50 and bytes=-0 with empty
    // 206s, claims a byte too many for bytes=0-<size> and refuses a last position past the end).
    return rangeResponse(request, saved);
  }

  /**
   * Each file, where it is, and whether this revision is saved whole. A copy is only ever put in the
   * cache whole (the page's download and `refreshSaved` check every byte first) with its size in
   * `Content-Length`, so the stored size is read from there: no file is read into memory.
   */
  async status(): Promise<OfflineAudioStatus[]> {
    return Promise.all(
      [...this.#files].map(async ([href, file]) => {
        const saved = await this.saved(file);
        const whole = saved?.headers.get('content-length') === String(file.bytes);
        return { ...file, href, cacheKey: this.keyFor(file), saved: whole };
      }),
    );
  }

  /**
   * On install of a new version: every file the listener saved in an older revision is downloaded
   * again in this one, so that accepting the update keeps the story saved (and in step with the new
   * captions). If a download fails, the install fails and the browser tries the update again later;
   * the old version and its saved copy keep working meanwhile.
   */
  async refreshSaved(): Promise<void> {
    const cache = await caches.open(this.cacheName);
    const savedFiles = new Set((await cache.keys()).map((request) => fileOfKey(request.url)));
    for (const [href, file] of this.#files) {
      if (!savedFiles.has(href) || (await cache.match(this.keyFor(file)))) continue;
      const response = await fetch(href, { cache: 'no-cache' });
      if (response.status !== 200) {
        // An unread body keeps its loader open: it is let go.
        void response.body?.cancel().catch(() => undefined);
        throw new Error(`${file.url}: the server answered ${response.status}`);
      }
      const blob = await response.blob();
      if (blob.size !== file.bytes) throw new Error(`${file.url}: ${blob.size} bytes received of ${file.bytes}`);
      const headers = new Headers(response.headers);
      headers.set('Content-Length', String(blob.size));
      await cache.put(this.keyFor(file), new Response(blob, { headers }));
    }
  }

  /**
   * Drops saved copies that no file of this version uses (older revisions, removed files), except
   * those in `inUse`: the revisions that pages of an older version, still open, play.
   */
  async removeOutdated(inUse: ReadonlySet<string> = new Set()): Promise<void> {
    const cache = await caches.open(this.cacheName);
    const current = new Set([...this.#files.values()].map((file) => this.keyFor(file)));
    for (const request of await cache.keys()) {
      if (!current.has(request.url) && !inUse.has(request.url)) await cache.delete(request);
    }
  }
}
