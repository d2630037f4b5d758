/**
 * The story's timeline rules, pure and tested in Node: which chapter a time is in, which
 * description range, where a seek lands, where "previous" goes, and when the playback loop must
 * next look at the audio.
 */
import type { StoryChapter, StoryCue, TimeRange } from '../player-state/context.js';

/** A boundary is "reached" this close before it: the poll interval near a boundary. */
export const EPSILON = 0.004;
/** How often the loop looks at the audio far from any boundary, in milliseconds. */
export const TICK_MS = 250;
/** "Previous picture" restarts the current one when this far into it, in seconds. */
export const RESTART_WITHIN = 3;
/** A description played on its own starts this long before its first words, in seconds. */
export const DESCRIBE_LEAD_IN = 0.2;

/** Index of the chapter playing at `time` (the last one started), or -1 before the first. */
export function chapterIndexAt(chapters: readonly StoryChapter[], time: number): number {
  let found = -1;
  for (const [i, c] of chapters.entries()) if (c.start <= time + EPSILON) found = i;
  return found;
}

/** The description range `time` is in (from just before its start), if any. */
export function descriptionRangeAt(chapters: readonly StoryChapter[], time: number): TimeRange | undefined {
  return chapters.find((c) => c.description && time >= c.description.start - EPSILON && time < c.description.end)?.description;
}

/** Where a seek to `time` lands: inside the episode and, with descriptions skipped, after any description. */
export function seekTarget(time: number, length: number, chapters: readonly StoryChapter[], skipDescriptions: boolean): number {
  const inside = Math.max(0, length > 0 ? Math.min(time, length) : time);
  if (!skipDescriptions) return inside;
  return descriptionRangeAt(chapters, inside)?.end ?? inside;
}

/** The chapter "previous" goes to: the start of this one when well into it, else the one before. */
export function previousChapterIndex(chapters: readonly StoryChapter[], now: number): number {
  const index = chapterIndexAt(chapters, now);
  const current = chapters[index];
  if (current && now - current.start > RESTART_WITHIN) return index;
  return Math.max(0, index - 1);
}

/** The chapter "next" goes to, or -1 at the last. */
export function nextChapterIndex(chapters: readonly StoryChapter[], now: number): number {
  const index = chapterIndexAt(chapters, now) + 1;
  return index < chapters.length ? index : -1;
}

/** Where a description played on its own starts: a breath before its first words, never before the range. */
export function describeStart(range: TimeRange, descriptionCues: readonly StoryCue[]): number {
  const firstWords = descriptionCues.find((c) => c.start >= range.start && c.start < range.end);
  return firstWords ? Math.max(range.start, firstWords.start - DESCRIBE_LEAD_IN) : range.start;
}

/** The picture whose end playback crossed between `previous` and `now`, if any (self-paced mode). */
export function pictureEndedBetween(chapters: readonly StoryChapter[], previous: number, now: number): StoryChapter | undefined {
  return chapters.find((c) => c.number !== undefined && previous < c.end - EPSILON && now >= c.end - EPSILON);
}

/** What the loop watches for. */
export interface Watch {
  chapters: readonly StoryChapter[];
  /** A description being played on its own: its end. */
  describing: TimeRange | null;
  skipDescriptions: boolean;
  pauseAfterPicture: boolean;
  /** Descriptions play at a speed of their own: their starts and ends change the speed. */
  descriptionSpeed?: boolean;
}

/**
 * The speed at `time`: the description speed inside a description that plays (and in a
 * description played on its own), the story's speed everywhere else. `descriptionRate` 0 means the
 * story's speed everywhere.
 */
export function rateAt(time: number, chapters: readonly StoryChapter[], rates: { story: number; description: number }, state: { describing: boolean; skipDescriptions: boolean }): number {
  if (!rates.description) return rates.story;
  if (state.describing) return rates.description;
  return !state.skipDescriptions && descriptionRangeAt(chapters, time) ? rates.description : rates.story;
}

/** The next time after `now` at which the loop must act, if any. */
export function nextBoundary(now: number, watch: Watch): number | undefined {
  const ahead: number[] = [];
  const later = (x: number | undefined): void => {
    if (x !== undefined && x > now) ahead.push(x);
  };
  if (watch.describing) {
    later(watch.describing.end);
  } else {
    for (const c of watch.chapters) {
      if (watch.skipDescriptions || watch.descriptionSpeed) later(c.description?.start);
      if (watch.descriptionSpeed && !watch.skipDescriptions) later(c.description?.end);
      if (watch.pauseAfterPicture && c.number !== undefined) later(c.end);
    }
  }
  return ahead.length ? Math.min(...ahead) : undefined;
}

/**
 * Milliseconds until the loop should look again: the usual pace far from a boundary; close to one,
 * just before it (then it polls), at the playback rate.
 */
export function msUntilNextLook(now: number, boundary: number | undefined, rate: number): number {
  if (boundary === undefined) return TICK_MS;
  const ms = ((boundary - now) / (rate || 1)) * 1000;
  return ms > TICK_MS + 50 ? TICK_MS : Math.max(0, ms - 30);
}
