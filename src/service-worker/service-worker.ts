/// <reference lib="webworker" />
/**
 * The story's service worker (built by `scripts/build/service-worker.ts`).
 *
 * - Precached on the first visit, with revisions: the page, scripts, styles, captions, story data
 *   and photos. Served cache-first; a new build installs beside the old one and waits.
 * - The episode audio: from the copy saved by "Save for offline", Range requests answered by RFC 9110
 *   (`byte-range.ts`);
 *   otherwise straight from the network.
 * - Updates never activate on their own: the page shows "Update available" and sends `SKIP_WAITING`
 *   when the listener accepts, after pausing its story. Every page reports when it plays and pauses,
 *   and the waiting version refuses `SKIP_WAITING` while the story plays in any other tab; a saved
 *   audio revision is kept as long as a page of its version is open.
 */
import { cacheNames, clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import {
  cacheNameFor,
  AUDIO_CACHE_PREFIX,
  CLIENTS_CACHE_PREFIX,
  OfflineMessage,
  PICTURE_CACHE_PREFIX,
  type ClientStateMessage,
  type InstallFileFailedMessage,
  type OfflineStatus,
  type RepairAnswer,
  type SkipWaitingAnswer,
} from './messages.js';
import type { OfflineBuild } from './offline-build.js';
import { OfflineAudio } from './offline-audio.js';
import { ClientRecords } from './client-records.js';
import { PictureFallback } from './picture-fallback.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };
/** Compiled in by the build. */
declare const __STORY_OFFLINE_BUILD__: OfflineBuild;

const build = __STORY_OFFLINE_BUILD__;
const manifest = self.__WB_MANIFEST;
const scope = self.registration.scope;

const audio = new OfflineAudio(build.audio, scope, cacheNameFor(AUDIO_CACHE_PREFIX, scope));
const pages = new ClientRecords(cacheNameFor(CLIENTS_CACHE_PREFIX, scope), scope);
const pictures = new PictureFallback(build.pictures, scope, cacheNameFor(PICTURE_CACHE_PREFIX, scope));

/**
 * Tells every window of the scope (the first visit's page is not controlled yet) which file of the
 * precache failed while installing, and how: the install then fails, and the page names the file.
 */
async function tellInstallFailed(url: string, status: number, statusText: string): Promise<void> {
  const file = new URL(url);
  file.searchParams.delete('__WB_REVISION__');
  const message: InstallFileFailedMessage = { type: OfflineMessage.installFileFailed, url: file.href, status, statusText };
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}
const installing = (event: Event | undefined): boolean => event?.type === 'install';
addPlugins([
  {
    fetchDidSucceed: async ({ request, response, event }) => {
      if (!response.ok && installing(event)) await tellInstallFailed(request.url, response.status, response.statusText);
      return response;
    },
    fetchDidFail: async ({ request, event }) => {
      if (installing(event)) await tellInstallFailed(request.url, 0, '');
    },
  },
]);
// The page is one document: any query string (tracking, a shared link's position) opens it.
precacheAndRoute(manifest, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
// The first visit's page is served by this worker at once, so "Save for offline" works without a reload.
clientsClaim();

registerRoute(
  ({ url, request }) => request.method === 'GET' && audio.fileFor(url) !== undefined,
  async ({ request, url, event }) => audio.respond(request, url, (await pages.get((event as FetchEvent).clientId))?.audioKey),
);
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && (pictures.matches(url) || request.destination === 'image'),
  pictures.handle,
);

self.addEventListener('install', (event) => {
  event.waitUntil(audio.refreshSaved());
});

/** The audio revisions that open pages play (pages of an older version keep theirs). */
async function audioInUse(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const record of (await pages.live(self.clients)).values()) if (record.audioKey) keys.add(record.audioKey);
  return keys;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(audioInUse().then((inUse) => audio.removeOutdated(inUse)));
});

/** Once no page of an older version is left, its audio goes; only the active version, with no other installed, tidies. */
async function tidy(): Promise<void> {
  const { waiting, installing } = self.registration;
  if (self.serviceWorker.state !== 'activated' || waiting || installing) return;
  await audio.removeOutdated(await audioInUse());
}

const manifestUrls = manifest.map((entry) => (typeof entry === 'string' ? entry : entry.url));

async function missingFromPrecache(): Promise<string[]> {
  const missing: string[] = [];
  await Promise.all(
    manifestUrls.map(async (url) => {
      if (!(await matchPrecache(url))) missing.push(url);
    }),
  );
  return missing.sort();
}

/** Downloads each missing precached file again into its key (the revisioned URL) in the precache. */
async function repair(): Promise<RepairAnswer> {
  const cache = await caches.open(cacheNames.precache);
  for (const url of await missingFromPrecache()) {
    const key = getCacheKeyForURL(url);
    if (!key) continue;
    try {
      const response = await fetch(new URL(url, scope).href, { cache: 'reload' });
      if (response.ok && response.type === 'basic') await cache.put(key, response);
      // An unread body keeps its loader open: it is let go.
      else void response.body?.cancel().catch(() => undefined);
    } catch {
      // Still missing: the answer says so.
    }
  }
  return { missing: await missingFromPrecache() };
}

/** Activates this waiting version unless the story plays in a page other than `requester`. */
async function skipWaiting(requester: string | undefined): Promise<SkipWaitingAnswer> {
  const records = await pages.live(self.clients);
  const playingElsewhere = [...records].filter(([id, record]) => record.playing && id !== requester).length;
  if (playingElsewhere > 0) return { activated: false, playingElsewhere };
  await self.skipWaiting();
  return { activated: true, playingElsewhere: 0 };
}

async function status(): Promise<OfflineStatus> {
  await tidy();
  const missing = await missingFromPrecache();
  return {
    version: build.version,
    audioCache: audio.cacheName,
    precache: { count: manifest.length, bytes: build.precacheBytes, missing, parts: build.precacheParts },
    audio: await audio.status(),
  };
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  const client = event.source instanceof Client ? event.source : null;
  const answer = (promise: Promise<unknown>): void => event.waitUntil(promise.then((value) => event.ports[0]?.postMessage(value)));
  switch (data?.type) {
    case OfflineMessage.skipWaiting:
      answer(skipWaiting(client?.id));
      break;
    case OfflineMessage.status:
      answer(status());
      break;
    case OfflineMessage.repair:
      answer(repair());
      break;
    case OfflineMessage.clientState: {
      const { playing, audioKey } = data as ClientStateMessage;
      if (client) event.waitUntil(pages.set(client.id, { playing: playing === true, ...(typeof audioKey === 'string' ? { audioKey } : {}) }).then(tidy));
      break;
    }
  }
});
