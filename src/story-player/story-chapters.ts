import type { PictureNoun } from '../i18n/translation.js';
import type { StoryChapter, StoryCue, TimeRange } from '../player-state/context.js';
import { commonPictureKind, readPictureKind, type PictureKind } from '../story/timed-story.js';
import * as problem from './page-problems.js';

/** A problem in the page's markup, for the author: the element, and what is wrong with it. */
export interface PageProblem {
  element: Element;
  message: string;
}

/** The chapters of a story, what its pictures are, and what on the page could not be used. */
export interface ReadChapters {
  chapters: StoryChapter[];
  /** One per `<story-scene>` attribute that is missing or invalid. */
  problems: PageProblem[];
  /** "photo" when every scene is a photograph, else "picture": how the player's labels name them. */
  pictureNoun: PictureNoun;
  /** How many `<story-scene>` elements the story has. */
  sceneCount: number;
}

/** Titles for chapters that neither the page nor the chapters track names, in the player's language. */
export interface FallbackTitles {
  picture(noun: PictureNoun, number: number): string;
  part(number: number): string;
}

const num = (value: string | null | undefined): number | undefined => {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

const headingText = (el: Element): string =>
  el.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * What a scene's picture is: its `picture-kind` attribute, a photograph by default. An unknown
 * value is a problem, and reads as "picture", which is never wrong.
 */
export function pictureKindOf(scene: Element): { kind: PictureKind | 'unknown'; problem?: string } {
  const value = scene.getAttribute('picture-kind');
  const kind = readPictureKind(value);
  return kind === 'unknown' ? { kind, problem: problem.scenePictureKind(sceneName(scene), value ?? '') } : { kind };
}

/**
 * The chapters of a story, read from its page: `<story-scene>` elements (pictures) and sections with
 * `data-start` / `data-end` (intro, close), refined by the chapters track when it loaded.
 *
 * The page is the source for ranges, picture numbers, artwork and description ranges; the chapter
 * cues, when present, give the titles and fill in any chapter the page does not mark up. A scene
 * whose `start` / `end` cannot be used is left out (the chapters track may still fill it in), and
 * one whose description attributes cannot be used gets its description range from the description
 * cues inside it; either way `problems` says so. A scene with neither description attributes nor a
 * `.description` block has no recorded description: no range, and nothing to report.
 */
export function readChapters(
  root: Element,
  chapterCues: readonly StoryCue[],
  descriptionCues: readonly StoryCue[],
  titles: FallbackTitles,
): ReadChapters {
  const fromPage: StoryChapter[] = [];
  const problems: PageProblem[] = [];
  const report = (element: Element, message: string) => problems.push({ element, message });
  const scenes = Array.from(root.querySelectorAll('story-scene'));
  const kinds = scenes.map((scene) => {
    const { kind, problem: wrong } = pictureKindOf(scene);
    if (wrong) report(scene, wrong);
    return kind;
  });
  const pictureNoun: PictureNoun = commonPictureKind(kinds) === 'photograph' ? 'photo' : 'picture';
  const parts = root.querySelectorAll<HTMLElement>('story-scene, [data-start][data-end]:not(.sentence)');
  for (const el of Array.from(parts)) {
    if (el.closest('story-scene') && el.localName !== 'story-scene') continue; // sentences inside scenes
    const isScene = el.localName === 'story-scene';
    let range: TimeRange | undefined;
    if (isScene) {
      const checked = checkRange(el, 'start', 'end');
      if (typeof checked === 'string') report(el, problem.sceneTiming(sceneName(el), checked));
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
      const description = readDescription(el, range, descriptionCues, report);
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
  for (const [i, c] of merged.entries()) if (!c.title) c.title = c.number ? titles.picture(pictureNoun, c.number) : titles.part(i + 1);
  return { chapters: merged, problems, pictureNoun, sceneCount: scenes.length };
}

/**
 * A scene's description range: from its attributes; from the description cues inside it when they
 * cannot be used (reported); none when the picture has no recorded description.
 */
function readDescription(
  scene: Element,
  range: TimeRange,
  cues: readonly StoryCue[],
  report: (element: Element, message: string) => void,
): TimeRange | undefined {
  if (!scene.hasAttribute('description-start') && !scene.hasAttribute('description-end')) {
    if (!scene.querySelector('.description')) return undefined;
    report(scene, problem.sceneDescriptionUntimed(sceneName(scene)));
    return describedByCues(range, cues);
  }
  const described = checkRange(scene, 'description-start', 'description-end', range);
  if (typeof described !== 'string') return described;
  report(scene, problem.sceneDescription(sceneName(scene), described));
  return describedByCues(range, cues);
}

function sceneName(scene: Element): string {
  return problem.sceneName(headingText(scene), scene.id);
}

/**
 * Reads a pair of time attributes: the range, or what is wrong with them in words. `within`, when
 * given, is the range the pair must lie in.
 */
function checkRange(el: Element, startName: string, endName: string, within?: TimeRange): TimeRange | string {
  const time = (name: string): number | string => {
    const value = el.getAttribute(name);
    if (value === null) return problem.attributeMissing(name);
    const n = num(value);
    return n === undefined || n < 0 ? problem.attributeNotTime(name, value) : n;
  };
  const start = time(startName);
  if (typeof start === 'string') return start;
  const end = time(endName);
  if (typeof end === 'string') return end;
  const value = (name: string): string => el.getAttribute(name) ?? '';
  if (end <= start) return problem.attributeNotAfter(endName, value(endName), startName, value(startName));
  if (within && start < within.start) return problem.attributeBefore(startName, value(startName), 'start', value('start'));
  if (within && end > within.end) return problem.attributeAfter(endName, value(endName), 'end', value('end'));
  return { start, end };
}

/** A scene's description range from the description cues inside it, when its attributes cannot be used. */
function describedByCues(range: TimeRange, cues: readonly StoryCue[]): TimeRange | undefined {
  const inside = cues.filter((c) => c.start >= range.start && c.end <= range.end);
  const first = inside[0];
  const last = inside.at(-1);
  return first && last ? { start: first.start, end: last.end } : undefined;
}
