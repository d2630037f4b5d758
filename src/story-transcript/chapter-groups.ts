import type { StoryChapter, StoryCue } from '../player-state/context.js';

/** A chapter and the sentences spoken in it. */
export interface ChapterGroup {
  chapter: StoryChapter;
  cues: StoryCue[];
}

/** The cues in the list's order, and for each cue its place in that order and its chapter (-1: loose). */
export interface ListOrder {
  groups: readonly ChapterGroup[];
  cues: StoryCue[];
  at: Map<StoryCue, number>;
  group: Map<StoryCue, number>;
}

/**
 * The cues in their chapters, chapters without a cue left out; cues outside every chapter are
 * loose. One pass over both: `cues` are sorted by start, so each cue's chapter is at or after the
 * previous one's.
 */
export function groupByChapter(cues: readonly StoryCue[], chapters: readonly StoryChapter[]): { groups: ChapterGroup[]; loose: StoryCue[] } {
  const groups = [...chapters].sort((a, b) => a.start - b.start).map((chapter) => ({ chapter, cues: [] as StoryCue[] }));
  const loose: StoryCue[] = [];
  let g = 0;
  for (const cue of cues) {
    while (g < groups.length && cue.start >= groups[g]!.chapter.end) g++;
    const group = groups[g];
    (group && cue.start >= group.chapter.start ? group.cues : loose).push(cue);
  }
  return { groups: groups.filter((group) => group.cues.length > 0), loose };
}

/** Every cue in the order the list shows them: by chapter, then the loose ones. */
export function listOrder(groups: readonly ChapterGroup[], loose: readonly StoryCue[]): ListOrder {
  const cues: StoryCue[] = [];
  const at = new Map<StoryCue, number>();
  const group = new Map<StoryCue, number>();
  const add = (cue: StoryCue, g: number) => {
    at.set(cue, cues.push(cue) - 1);
    group.set(cue, g);
  };
  groups.forEach((g, i) => g.cues.forEach((cue) => add(cue, i)));
  loose.forEach((cue) => add(cue, -1));
  return { groups, cues, at, group };
}
