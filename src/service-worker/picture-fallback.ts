/**
 * Pictures the precache does not hold (the JPEG copies a browser without WebP asks for, the
 * lock-screen artwork) are cached as they are seen. Offline, a width that was never fetched is answered
 * with the nearest width of the same photo and format that is on the device, so a photo still shows
 * after a rotation or a zoom; artwork never fetched is answered with the nearest WebP of its photo.
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { matchPrecache } from 'workbox-precaching';
import type { RouteHandlerCallbackOptions } from 'workbox-core/types.js';
import { CacheFirst } from 'workbox-strategies';
import type { PictureSet } from './offline-build.js';

interface Sibling {
  href: string;
  width: number;
}

export class PictureFallback {
  readonly #sets = new Map<string, Sibling[]>();
  readonly #strategy: CacheFirst;

  constructor(sets: readonly PictureSet[], scope: string, cacheName: string) {
    for (const set of sets) {
      const siblings = set.sources.map((source) => ({ href: new URL(source.url, scope).href, width: source.width }));
      for (const sibling of siblings) this.#sets.set(sibling.href, siblings);
      // The artwork's stand-ins: the same photo's widths, as wide as the artwork at least if there is one.
      if (set.artwork) {
        const href = new URL(set.artwork.url, scope).href;
        this.#sets.set(href, [{ href, width: set.artwork.width }, ...siblings]);
      }
    }
    this.#strategy = new CacheFirst({
      cacheName,
      plugins: [new ExpirationPlugin({ maxEntries: 120, purgeOnQuotaError: true })],
    });
  }

  matches(url: URL): boolean {
    return this.#sets.has(`${url.origin}${url.pathname}`);
  }

  handle = async (options: RouteHandlerCallbackOptions): Promise<Response> => {
    try {
      return await this.#strategy.handle(options);
    } catch (error) {
      const nearest = await this.#nearestSaved(options.url);
      if (nearest) return nearest;
      throw error;
    }
  };

  /** The smallest saved width at least as wide as the one asked for, else the widest saved. */
  async #nearestSaved(url: URL): Promise<Response | undefined> {
    const href = `${url.origin}${url.pathname}`;
    const siblings = this.#sets.get(href) ?? [];
    const wanted = siblings.find((s) => s.href === href)?.width ?? 0;
    const order = [...siblings.filter((s) => s.width >= wanted), ...siblings.filter((s) => s.width < wanted).reverse()];
    for (const sibling of order) {
      if (sibling.href === href) continue;
      const found = (await matchPrecache(sibling.href)) ?? (await caches.match(sibling.href, { cacheName: this.#strategy.cacheName }));
      if (found) return found;
    }
    return undefined;
  }
}
