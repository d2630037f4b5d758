import type { StoryChapter, StoryCue, TimeRange } from '../player-state/context.js';
import { storyStrings as t } from '../player-state/strings.js';

/** The chapters of a story, and what on the page could not be used, in words. */
export interface ReadChapters {
  chapters: StoryChapter[];
  /** One sentence per `<story-scene>` whose timing attributes are missing or invalid. */
  problems: string[];
}

const num = (value: string | null | undefined): number | undefined => {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

const headingText = (el: Element): string =>
  el.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The chapters of a story, read from its page: `<story-scene>` elements (photos) and sections with
 * `data-start` / `data-end` (intro, close), refined by the chapters track when it loaded.
 *
 * The page is the source for ranges, photo numbers, artwork and description ranges; the chapter
 * cues, when present, give the titles and fill in any chapter the page does not mark up. A scene
 * whose `start` / `end` cannot be used is left out (the chapters track may still fill it in), and
 * one whose description attributes cannot be used gets its description range from the description
 * cues inside it; either way `problems` says so.
 */
export function readChapters(root: Element, chapterCues: readonly StoryCue[], descriptionCues: readonly StoryCue[]): ReadChapters {
  const fromPage: StoryChapter[] = [];
  const problems: string[] = [];
  const parts = root.querySelectorAll<HTMLElement>('story-scene, [data-start][data-end]:not(.sentence)');
  for (const el of Array.from(parts)) {
    if (el.closest('story-scene') && el.localName !== 'story-scene') continue; // sentences inside scenes
    const isScene = el.localName === 'story-scene';
    let range: TimeRange | undefined;
    if (isScene) {
      const checked = checkRange(el, 'start', 'end');
      if (typeof checked === 'string') problems.push(t.errorSceneTiming(sceneName(el), checked));
      else range = checked;
    } else {
      const start = num(el.dataset.start);
      const end = num(el.dataset.end);
      if (start !== undefined && end !== undefined && end > start) range = { start, end };
    }
    if (!range) continue;
    const chapter: StoryChapter = { id: el.id || `chapter-${fromPage.length + 1}`, title: headingText(el), ...range };
    if (isScene) {
      const number = num(el.getAttribute('number'));
      if (number !== undefined) chapter.number = number;
      const artwork = el.getAttribute('artwork');
      if (artwork) chapter.artwork = new URL(artwork, document.baseURI).href;
      const described = checkRange(el, 'description-start', 'description-end', range);
      if (typeof described === 'string') problems.push(t.errorSceneDescription(sceneName(el), described));
      const description = typeof described === 'string' ? describedByCues(range, descriptionCues) : described;
      if (description) chapter.description = description;
    }
    fromPage.push(chapter);
  }

  const byId = new Map(fromPage.map((c) => [c.id, c]));
  const merged: StoryChapter[] = [...fromPage];
  for (const cue of chapterCues) {
    const match = byId.get(cue.id) ?? fromPage.find((c) => Math.abs(c.start - cue.start) < 0.5);
    if (match) {
      if (cue.text) match.title = cue.text;
    } else {
      merged.push({ id: cue.id || `chapter-${merged.length + 1}`, title: cue.text, start: cue.start, end: cue.end });
    }
  }
  merged.sort((a, b) => a.start - b.start);
  for (const [i, c] of merged.entries()) if (!c.title) c.title = c.number ? `Photo ${c.number}` : `Part ${i + 1}`;
  return { chapters: merged, problems };
}

/** How a problem names the scene: its heading and id, else whichever it has. */
function sceneName(scene: Element): string {
  return t.sceneName(headingText(scene), scene.id);
}

/**
 * Reads a pair of time attributes: the range, or what is wrong with them in words. `within`, when
 * given, is the range the pair must lie in.
 */
function checkRange(el: Element, startName: string, endName: string, within?: TimeRange): TimeRange | string {
  const time = (name: string): number | string => {
    const value = el.getAttribute(name);
    if (value === null) return t.sceneAttributeMissing(name);
    const n = num(value);
    return n === undefined || n < 0 ? t.sceneAttributeNotTime(name, value) : n;
  };
  const start = time(startName);
  if (typeof start === 'string') return start;
  const end = time(endName);
  if (typeof end === 'string') return end;
  const value = (name: string): string => el.getAttribute(name) ?? '';
  if (end <= start) return t.sceneAttributeNotAfter(endName, value(endName), startName, value(startName));
  if (within && start < within.start) return t.sceneAttributeBefore(startName, value(startName), 'start', value('start'));
  if (within && end > within.end) return t.sceneAttributeAfter(endName, value(endName), 'end', value('end'));
  return { start, end };
}

/** A scene's description range from the description cues inside it, when its attributes cannot be used. */
function describedByCues(range: TimeRange, cues: readonly StoryCue[]): TimeRange | undefined {
  const inside = cues.filter((c) => c.start >= range.start && c.end <= range.end);
  const first = inside[0];
  const last = inside.at(-1);
  return first && last ? { start: first.start, end: last.end } : undefined;
}
