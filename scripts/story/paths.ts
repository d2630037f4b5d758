/**
 * Where things are: the stories folder, the files inside each story's folder, and the files the
 * build renders next to each story's page. Every script and test takes its paths from here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STORIES_DIR = join(ROOT, 'stories');

/** A story's own files, relative to its folder `stories/<id>/`. */
export const STORY_FILES = {
  manuscript: 'manuscript.yaml',
  timing: 'timing.json',
  audio: { webm: 'audio/episode.webm', mp3: 'audio/episode.mp3' },
  /** The pictures as the author gives them (SVG or raster). */
  images: 'images',
  /** What `npm run images` makes from them. */
  generatedImages: 'images/generated',
} as const;

/** What the build renders from the timed story, relative to the story's folder in the site. */
export const RENDERED_FILES = {
  page: 'index.html',
  captions: 'captions/captions.vtt',
  descriptions: 'captions/descriptions.vtt',
  chapters: 'captions/chapters.vtt',
  podcastChapters: 'captions/chapters.json',
  feed: 'feed.xml',
  transcriptHtml: 'transcript.html',
  transcriptJson: 'transcript.json',
} as const;

/** The story's talking book (EPUB 3 with Media Overlays), in its folder of the site: `at-the-line.epub`. */
export const epubFileName = (id: string): string => `${id}.epub`;

/** Where `npm start` serves the site: the base of every absolute URL (feeds, chapters) unless the build is given another. */
export const DEFAULT_BASE_URL = 'http://localhost:8000/';

/** The story folders to work on: the ones named (folders or manuscript files), else every folder in stories/ with a manuscript. */
export function storyFolders(named: string[] = []): string[] {
  if (named.length > 0) {
    return named.map((path) => {
      const folder = resolve(basename(path) === STORY_FILES.manuscript ? dirname(path) : path);
      if (!existsSync(join(folder, STORY_FILES.manuscript))) throw new Error(`${path} is not a story folder: it has no ${STORY_FILES.manuscript}`);
      return folder;
    });
  }
  return readdirSync(STORIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(STORIES_DIR, entry.name, STORY_FILES.manuscript)))
    .map((entry) => join(STORIES_DIR, entry.name))
    .sort();
}
