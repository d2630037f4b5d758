/// <reference lib="webworker" />
/**
 * The story's service worker (built by `scripts/build/service-worker.ts`).
 *
 * - Precached on the first visit, with revisions: the page, scripts, styles, captions, story data
 *   and photos. Served cache-first; a new build installs beside the old one and waits.
 * - The episode audio: from the copy saved by "Save for offline", with 206 answers to Range requests;
 *   otherwise straight from the network.
 * - Updates never activate on their own: the page shows "Update available" and sends `SKIP_WAITING`
 *   when the listener accepts (never while the story plays).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { cacheNameFor, AUDIO_CACHE_PREFIX, OfflineMessage, PICTURE_CACHE_PREFIX, type OfflineStatus } from './messages.js';
import type { OfflineBuild } from './offline-build.js';
import { OfflineAudio } from './offline-audio.js';
import { PictureFallback } from './picture-fallback.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };
/** Compiled in by the build. */
declare const __STORY_OFFLINE_BUILD__: OfflineBuild;

const build = __STORY_OFFLINE_BUILD__;
const manifest = self.__WB_MANIFEST;
const scope = self.registration.scope;

const audio = new OfflineAudio(build.audio, scope, cacheNameFor(AUDIO_CACHE_PREFIX, scope));
const pictures = new PictureFallback(build.pictures, scope, cacheNameFor(PICTURE_CACHE_PREFIX, scope));

// The page is one document: any query string (tracking, a shared link's position) opens it.
precacheAndRoute(manifest, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
// The first visit's page is served by this worker at once, so "Save for offline" works without a reload.
clientsClaim();

registerRoute(({ url, request }) => request.method === 'GET' && audio.fileFor(url) !== undefined, audio.handle);
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && (pictures.matches(url) || request.destination === 'image'),
  pictures.handle,
);

self.addEventListener('install', (event) => {
  event.waitUntil(audio.refreshSaved());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(audio.removeOutdated());
});

async function status(): Promise<OfflineStatus> {
  const missing: string[] = [];
  await Promise.all(
    manifest.map(async (entry) => {
      const url = typeof entry === 'string' ? entry : entry.url;
      if (!(await matchPrecache(url))) missing.push(url);
    }),
  );
  return {
    version: build.version,
    audioCache: audio.cacheName,
    precache: { count: manifest.length, bytes: build.precacheBytes, missing: missing.sort() },
    audio: await audio.status(),
  };
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === OfflineMessage.skipWaiting) {
    event.waitUntil(self.skipWaiting());
  } else if (type === OfflineMessage.status) {
    event.waitUntil(status().then((answer) => event.ports[0]?.postMessage(answer)));
  }
});
