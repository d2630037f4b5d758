/**
 * npm run build — the static site in dist/: the page rendered from the manuscript and the timed
 * story, the components bundled with esbuild, the page stylesheet, and the story's files (audio,
 * captions, pictures) at the same paths the page names.
 */
import { build as esbuild } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimedStory } from '../../src/story/timed-story.js';
import { runAsScript } from '../cli.js';
import { loadManuscript } from '../story/manuscript.js';
import { checkTimedStory } from '../narrate/check.js';
import { renderPage, type ImageManifest } from './page.js';
import { buildServiceWorker, SERVICE_WORKER_FILE } from './service-worker.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Folders copied as they are, so the paths in the page and the captions hold in dist/. */
export const STORY_FILES = ['audio', 'captions', 'story/images/generated'] as const;

export interface BuildOptions {
  out?: string;
  /** Folder holding the story's inputs (story/manuscript.yaml, story/timing.json, audio/, captions/, story/images/generated/); the repository by default. */
  story?: string;
  log?: (line: string) => void;
}

/** Read story/timing.json and hold it to every promise narrate checks, with words for each problem. */
export async function readTimedStory(file: string): Promise<TimedStory> {
  let story: TimedStory;
  try {
    story = JSON.parse(await readFile(file, 'utf8')) as TimedStory;
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON (${(error as Error).message}): run npm run narrate`);
  }
  const problems = typeof story === 'object' && story?.version === 1 ? checkTimedStory(story) : ['it is not a version 1 timed story'];
  if (problems.length > 0) {
    throw new Error(`${file} is not a valid timed story: run npm run narrate\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return story;
}

export async function buildSite(options: BuildOptions = {}): Promise<string> {
  const out = resolve(options.out ?? join(ROOT, 'dist'));
  const log = options.log ?? (() => {});
  const input = resolve(options.story ?? ROOT);
  const manuscript = loadManuscript(join(input, 'story/manuscript.yaml'));
  const story = await readTimedStory(join(input, 'story/timing.json'));
  const images = JSON.parse(await readFile(join(input, 'story/images/generated/manifest.json'), 'utf8')) as ImageManifest;

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const folder of STORY_FILES) await cp(join(input, folder), join(out, folder), { recursive: true });
  await cp(join(ROOT, 'src/page/icon.svg'), join(out, 'icon.svg'));

  const bundle = await esbuild({
    entryPoints: { app: join(ROOT, 'src/main.ts'), page: join(ROOT, 'src/page/page.css') },
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, info] of Object.entries(bundle.metafile.outputs)) {
    if (!file.endsWith('.map')) log(`${file.replace(`${out}/`, '')}: ${info.bytes} bytes`);
  }

  await writeFile(join(out, 'index.html'), renderPage(manuscript, story, images, { script: 'app.js', stylesheet: 'page.css', icon: 'icon.svg', serviceWorker: SERVICE_WORKER_FILE }));
  // Last: the service worker precaches what is in `out` now.
  await buildServiceWorker(out, { log });
  log(`built ${out}`);
  return out;
}

runAsScript(import.meta.url, () => buildSite({ log: (line) => console.log(line) }));
