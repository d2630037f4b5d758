/**
 * npm run build [-- stories/<id> …] [--base-url https://example.org/stories/] — the static site in
 * dist/: for each story a folder with its page, text tracks, podcast feed and transcripts rendered
 * from its timed story, its audio and its pictures; the front page
 * listing the stories; the components bundled with esbuild, the page stylesheet, and the service
 * worker. Nothing here needs a speech engine.
 */
import { build as esbuild } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkTimedStory } from '../../src/story/check-timed-story.js';
import type { TimedStory } from '../../src/story/timed-story.js';
import { runAsScript } from '../cli.js';
import { MANIFEST, sha256, type ImageManifest } from '../images/images.js';
import { storyLanguage } from '../story/languages.js';
import { pictureFiles } from '../story/pictures.js';
import { DEFAULT_BASE_URL, epubFileName, ROOT, STORY_FILES, storyFolders } from '../story/paths.js';
import { epubFiles, zipEpub } from '../render/epub.js';
import { storyUrls } from '../render/feed.js';
import { renderIndexPage } from '../render/index-page.js';
import { renderStoryFiles } from '../render/story-files.js';
import { buildServiceWorker, SERVICE_WORKER_FILE } from './service-worker.js';
import { minifyLiteralsPlugin } from './minify-literals.js';

export { ROOT };

export interface BuildOptions {
  out?: string;
  /** Story folders to build; every folder in stories/ by default. */
  stories?: string[];
  /** Where the site will be served: the base of the feeds' and chapters' absolute URLs. */
  baseUrl?: string;
  log?: (line: string) => void;
}

/** Read a story's timing.json and hold it to every promise of a timed story, with words for each problem. */
export async function readTimedStory(file: string): Promise<TimedStory> {
  let story: TimedStory;
  try {
    story = JSON.parse(await readFile(file, 'utf8')) as TimedStory;
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON (${(error as Error).message}): run npm run narrate`);
  }
  const problems = checkTimedStory(story);
  if (problems.length > 0) {
    throw new Error(`${file} is not a valid timed story: run npm run narrate\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return story;
}

/**
 * The pictures the timed story names, as `npm run images` made them: every file there, at the size
 * the timed story gives (a picture replaced since narrate ran would get a wrong srcset).
 */
async function checkPictures(folder: string, story: TimedStory): Promise<void> {
  let manifest: ImageManifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as ImageManifest;
  } catch {
    throw new Error(`${join(folder, MANIFEST)} is missing: run npm run images -- ${folder}`);
  }
  const problems: string[] = [];
  for (const picture of [...story.scenes.map((scene) => scene.picture), ...(story.cover ? [story.cover] : [])]) {
    const made = manifest[picture.file];
    if (!made) problems.push(`${picture.file} has no generated files: run npm run images`);
    else if (made.sha256 !== sha256(await readFile(join(folder, picture.file)))) problems.push(`${picture.file} changed since its files were made: run npm run images, then npm run narrate`);
    else if (made.width !== picture.width || made.height !== picture.height) {
      problems.push(`${picture.file} is ${made.width} × ${made.height}, but the timed story says ${picture.width} × ${picture.height}: run npm run narrate`);
    } else {
      // Files made by an older `npm run images` may lack one the page now names (the 512 px artwork).
      const missing = pictureFiles(picture).filter((file) => !made.files.includes(file));
      if (missing.length > 0) problems.push(`${picture.file} has no ${missing.join(', ')}: run npm run images`);
    }
  }
  if (problems.length > 0) throw new Error(`${folder}: its pictures do not match its timed story\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

export async function buildSite(options: BuildOptions = {}): Promise<string> {
  const out = resolve(options.out ?? join(ROOT, 'dist'));
  const log = options.log ?? (() => {});
  const folders = options.stories ?? storyFolders();
  const stories: TimedStory[] = [];
  for (const folder of folders) {
    const story = await readTimedStory(join(folder, STORY_FILES.timing));
    await checkPictures(folder, story);
    stories.push(story);
  }
  const ids = new Set<string>();
  for (const story of stories) {
    if (ids.has(story.id)) throw new Error(`two stories have the id "${story.id}"`);
    ids.add(story.id);
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await cp(join(ROOT, 'src/page/icon.svg'), join(out, 'icon.svg'));
  const bundle = await esbuild({
    entryPoints: { app: join(ROOT, 'src/main.ts'), page: join(ROOT, 'src/page/page.css') },
    outdir: out,
    bundle: true,
    // What a page may never need (another language's words, …) in chunks of its own, loaded on demand.
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    plugins: [minifyLiteralsPlugin()],
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, info] of Object.entries(bundle.metafile.outputs)) {
    if (!file.endsWith('.map')) log(`${file.replace(`${out}/`, '')}: ${info.bytes} bytes`);
  }

  const assets = { script: '../app.js', stylesheet: '../page.css', icon: '../icon.svg', serviceWorker: `../${SERVICE_WORKER_FILE}` };
  for (const [index, story] of stories.entries()) {
    const folder = folders[index]!;
    const site = join(out, story.id);
    for (const file of [...story.files.map((f) => f.src), STORY_FILES.generatedImages]) {
      await mkdir(dirname(join(site, file)), { recursive: true });
      await cp(join(folder, file), join(site, file), { recursive: true });
    }
    await rm(join(site, STORY_FILES.generatedImages, 'manifest.json'), { force: true });
    const home = { href: '../', label: storyLanguage(story.language).words.allStories };
    for (const [file, text] of Object.entries(renderStoryFiles(story, { ...assets, ...(stories.length > 1 ? { home } : {}) }, options.baseUrl ?? DEFAULT_BASE_URL))) {
      await mkdir(dirname(join(site, file)), { recursive: true });
      await writeFile(join(site, file), text);
    }
    const modified = process.env['SOURCE_DATE_EPOCH'] ? new Date(Number(process.env['SOURCE_DATE_EPOCH']) * 1000) : new Date();
    await writeFile(join(site, epubFileName(story.id)), await zipEpub(epubFiles(story, modified, storyUrls(story, options.baseUrl ?? DEFAULT_BASE_URL).page), folder));
    log(`${story.id}/: page, tracks, feed, transcripts, talking book, ${story.files.length} audio files, ${story.scenes.length} pictures`);
  }
  await writeFile(join(out, 'index.html'), renderIndexPage(stories, { script: 'app.js', stylesheet: 'page.css', icon: 'icon.svg', serviceWorker: SERVICE_WORKER_FILE }));
  // Last: the service worker precaches what is in `out` now.
  await buildServiceWorker(out, stories, { log });
  log(`built ${out}`);
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { 'base-url': { type: 'string' } }, allowPositionals: true });
  const baseUrl = values['base-url'] ?? process.env['SITE_URL'];
  if (baseUrl !== undefined && !/^https?:\/\/.+\/$/.test(baseUrl)) throw new Error(`--base-url must be an http(s) URL ending in "/" (it is "${baseUrl}")`);
  await buildSite({ ...(positionals.length > 0 ? { stories: storyFolders(positionals) } : {}), ...(baseUrl ? { baseUrl } : {}), log: (line) => console.log(line) });
}

runAsScript(import.meta.url, main);
