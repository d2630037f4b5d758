/**
 * The service worker of the built site: `src/service-worker/service-worker.ts` bundled with esbuild
 * into `<out>/service-worker.js`, with the precache manifest (every file with its revision, from
 * workbox-build's `getManifest`) and the list of episode audio files (saved only on "Save for
 * offline") compiled in. Run it after every other file of the site is written: the manifest is made
 * from what is in `out`.
 */
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest } from 'workbox-build';
import type { OfflineAudioFile, OfflineBuild, PictureSet } from '../../src/service-worker/offline-build.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The worker's file name, next to index.html (its scope is the site's folder). */
export const SERVICE_WORKER_FILE = 'service-worker.js';

/**
 * Precached on the first visit: the app shell (the page's favicon, `icon.svg`, included), the captions and story data, and every photo at every
 * width the page's `srcset` offers in WebP (what every browser with a service worker picks, so a
 * rotation or a zoom offline still finds its size). Everything else the page shows (JPEG copies, the
 * lock-screen artwork) is cached when the browser asks for it; offline, a photo's artwork that was
 * never fetched is answered with the nearest precached WebP of the photo.
 */
export const PRECACHE_PATTERNS = ['index.html', 'icon.svg', '*.{js,css,webmanifest}', 'captions/*.{vtt,json}', 'story/images/generated/*.webp'] as const;

/** Episode audio, by extension: kept out of the precache and saved whole on request. */
const AUDIO_TYPES: Record<string, string> = {
  webm: 'audio/webm; codecs=opus',
  opus: 'audio/ogg; codecs=opus',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
};

export interface ServiceWorkerOptions {
  /** Folder of the episode audio inside `out`. */
  audioDir?: string;
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

/** The width of the lock-screen artwork (`scripts/images`), the size its stand-in should reach. */
const ARTWORK_WIDTH = 400;

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

async function audioFiles(out: string, folder: string): Promise<OfflineAudioFile[]> {
  const names = await readdir(join(out, folder)).catch(() => [] as string[]);
  const files: OfflineAudioFile[] = [];
  for (const name of names.sort()) {
    const type = AUDIO_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) continue;
    const data = await readFile(join(out, folder, name));
    files.push({ url: `${folder}/${name}`, type, bytes: data.length, revision: md5(data) });
  }
  return files;
}

/** Each photo's widths, so that the worker can offer a cached size when another one is asked for offline. */
async function pictureSets(out: string): Promise<PictureSet[]> {
  const folder = 'story/images/generated';
  const names = await readdir(join(out, folder)).catch(() => [] as string[]);
  const sets = new Map<string, PictureSet>();
  const artwork = new Map<string, string>();
  for (const name of names) {
    const art = /^(.+)-artwork\.jpe?g$/.exec(name);
    if (art) artwork.set(art[1] ?? '', `${folder}/${name}`);
    const match = /^(.+)-(\d+)\.(webp|jpg|jpeg|avif|png)$/.exec(name);
    if (!match) continue;
    const [, stem, width, format] = match as unknown as [string, string, string, string];
    const key = `${stem}.${format}`;
    const set = sets.get(key) ?? { sources: [] };
    set.sources.push({ url: `${folder}/${name}`, width: Number(width) });
    sets.set(key, set);
  }
  for (const set of sets.values()) set.sources.sort((a, b) => a.width - b.width);
  // The artwork (400 px square) is matched with the photo's WebP set, its stand-in offline.
  for (const [stem, url] of artwork) {
    const set = sets.get(`${stem}.webp`);
    if (set) set.artwork = { url, width: ARTWORK_WIDTH };
  }
  return [...sets.values()];
}

/** Bundles the worker into `out` with the manifest of what `out` holds now. */
export async function buildServiceWorker(out: string, options: ServiceWorkerOptions = {}): Promise<ServiceWorkerResult> {
  const log = options.log ?? (() => {});
  const audioDir = options.audioDir ?? 'audio';
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
  for (const entry of manifest) bytes += (await stat(join(out, entry.url))).size;

  const audio = await audioFiles(out, audioDir);
  const version = md5(Buffer.from(JSON.stringify([manifest, audio]))).slice(0, 12);
  const offline: OfflineBuild = { version, precacheBytes: bytes, audio, pictures: await pictureSets(out) };

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
