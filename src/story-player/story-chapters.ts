import type { StoryChapter, StoryCue, TimeRange } from '../player-state/context.js';

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
 * cues, when present, give the titles and fill in any chapter the page does not mark up.
 */
export function readChapters(root: Element, chapterCues: readonly StoryCue[], descriptionCues: readonly StoryCue[]): StoryChapter[] {
  const fromPage: StoryChapter[] = [];
  const parts = root.querySelectorAll<HTMLElement>('story-scene, [data-start][data-end]:not(.sentence)');
  for (const el of Array.from(parts)) {
    if (el.closest('story-scene') && el.localName !== 'story-scene') continue; // sentences inside scenes
    const isScene = el.localName === 'story-scene';
    const start = num(isScene ? el.getAttribute('start') : el.dataset.start);
    const end = num(isScene ? el.getAttribute('end') : el.dataset.end);
    if (start === undefined || end === undefined || end <= start) continue;
    const chapter: StoryChapter = { id: el.id || `chapter-${fromPage.length + 1}`, title: headingText(el), start, end };
    if (isScene) {
      const number = num(el.getAttribute('number'));
      if (number !== undefined) chapter.number = number;
      const artwork = el.getAttribute('artwork');
      if (artwork) chapter.artwork = new URL(artwork, document.baseURI).href;
      const description = describedRange(el, { start, end }, descriptionCues);
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
  return merged;
}

/** A scene's description range: its attributes, else the description cues inside the scene. */
function describedRange(scene: Element, range: TimeRange, cues: readonly StoryCue[]): TimeRange | undefined {
  const start = num(scene.getAttribute('description-start'));
  const end = num(scene.getAttribute('description-end'));
  if (start !== undefined && end !== undefined && end > start) return { start, end };
  const inside = cues.filter((c) => c.start >= range.start && c.end <= range.end);
  const first = inside[0];
  const last = inside.at(-1);
  return first && last ? { start: first.start, end: last.end } : undefined;
}
