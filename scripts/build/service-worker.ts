/**
 * The service worker of the built site: `src/service-worker/service-worker.ts` bundled with esbuild
 * into `<out>/service-worker.js`, with the precache manifest (every file with its revision, from
 * workbox-build's `getManifest`) and the list of episode audio files (saved only on "Save for
 * offline") compiled in. Run it after every other file of the site is written: the manifest is made
 * from what is in `out`.
 */
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest } from 'workbox-build';
import type { OfflineAudioFile, OfflineBuild, PictureSet } from '../../src/service-worker/offline-build.js';
import type { PictureFile, TimedStory } from '../../src/story/timed-story.js';
import { pictureLockScreenArtwork, pictureSources } from '../story/pictures.js';
import { RENDERED_FILES, STORY_FILES } from '../story/paths.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The worker's file name, next to the front page (its scope is the whole site: every story). */
export const SERVICE_WORKER_FILE = 'service-worker.js';

/**
 * Precached on the first visit: the app shell (front page, scripts, styles, `icon.svg`) and, for
 * every story, its page, its tracks and every picture at every width the page's `srcset` offers in
 * WebP (what every browser with a service worker picks, so a rotation or a zoom offline still finds
 * its size). Everything else a page shows (JPEG copies, the lock-screen artwork) is cached when the
 * browser asks for it; offline, a picture's artwork that was never fetched is answered with the
 * nearest precached WebP of the picture. Each story's audio is saved only on request.
 */
export const PRECACHE_PATTERNS = [
  'index.html',
  'icon.svg',
  '*.{js,css,webmanifest}',
  `*/${RENDERED_FILES.page}`,
  `*/${dirname(RENDERED_FILES.captions)}/*.{vtt,json}`,
  `*/${STORY_FILES.generatedImages}/*.webp`,
] as const;


export interface ServiceWorkerOptions {
  /** Keep workbox's development logging in the worker. */
  development?: boolean;
  log?: (line: string) => void;
}

export interface ServiceWorkerResult {
  file: string;
  /** Files precached on the first visit, and their bytes. */
  precache: { count: number; bytes: number };
  audio: OfflineAudioFile[];
  warnings: string[];
}

/** The width a stand-in for the 512 px lock-screen artwork should reach: lock screens show it small, and the next WebP up (800 px) is two to three times the bytes. */
const ARTWORK_STAND_IN_WIDTH = 400;

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

/** Every story's episode files, with their bytes and revisions, at their URLs in the site. */
async function audioFiles(out: string, stories: TimedStory[]): Promise<OfflineAudioFile[]> {
  const files: OfflineAudioFile[] = [];
  for (const story of stories) {
    for (const file of story.files) {
      const url = `${story.id}/${file.src}`;
      const data = await readFile(join(out, url));
      files.push({ url, type: file.type, bytes: data.length, revision: md5(data) });
    }
  }
  return files;
}

/** Each picture's WebP widths and artwork, so that the worker can offer a cached size when another one is asked for offline. */
function pictureSets(stories: TimedStory[]): PictureSet[] {
  return stories.flatMap((story) => {
    const pictures: PictureFile[] = [...story.scenes.map((scene) => scene.picture), ...(story.cover ? [story.cover] : [])];
    return pictures.map((picture) => ({
      sources: pictureSources(picture).map((source) => ({ url: `${story.id}/${source.webp}`, width: source.width })),
      artwork: { url: `${story.id}/${pictureLockScreenArtwork(picture).jpeg}`, width: ARTWORK_STAND_IN_WIDTH },
    }));
  });
}

/** Bundles the worker into `out` with the manifest of what `out` holds now. */
export async function buildServiceWorker(out: string, stories: TimedStory[], options: ServiceWorkerOptions = {}): Promise<ServiceWorkerResult> {
  const log = options.log ?? (() => {});
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: out,
    globPatterns: [...PRECACHE_PATTERNS],
    globIgnores: [SERVICE_WORKER_FILE, '**/*.map', '**/*.LEGAL.txt'],
    // The photos may be large at 1600 px; the default limit (2 MB) would drop them silently.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  if (warnings.length) for (const warning of warnings) log(`service worker: ${warning}`);
  const manifest = manifestEntries ?? [];
  if (!manifest.some((entry) => entry.url === 'index.html')) throw new Error(`service worker: ${out} has no index.html to precache`);
  let bytes = 0;
  const parts: Record<string, number> = { '': 0 };
  const storyIds = new Set(stories.map((story) => story.id));
  for (const entry of manifest) {
    const size = (await stat(join(out, entry.url))).size;
    bytes += size;
    const folder = entry.url.split('/')[0] ?? '';
    const part = entry.url.includes('/') && storyIds.has(folder) ? folder : '';
    parts[part] = (parts[part] ?? 0) + size;
  }

  const audio = await audioFiles(out, stories);
  const version = md5(Buffer.from(JSON.stringify([manifest, audio]))).slice(0, 12);
  const offline: OfflineBuild = { version, precacheBytes: bytes, precacheParts: parts, audio, pictures: pictureSets(stories) };

  await esbuild({
    entryPoints: [join(ROOT, 'src/service-worker/service-worker.ts')],
    outfile: join(out, SERVICE_WORKER_FILE),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: !options.development,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': JSON.stringify(options.development ? 'development' : 'production'),
      'self.__WB_MANIFEST': JSON.stringify(manifest),
      __STORY_OFFLINE_BUILD__: JSON.stringify(offline),
    },
  });
  const size = (await stat(join(out, SERVICE_WORKER_FILE))).size;
  log(`${SERVICE_WORKER_FILE}: ${size} bytes; precache ${manifest.length} files, ${bytes} bytes; audio saved on request: ${audio.map((a) => `${a.url} ${a.bytes} bytes`).join(', ') || 'none'}`);
  return { file: join(out, SERVICE_WORKER_FILE), precache: { count: manifest.length, bytes }, audio, warnings };
}
