/**
 * The timed story: what `npm run narrate` writes to `story/timing.json` and what the page build
 * reads. All times are seconds from the start of the episode audio, rounded to milliseconds.
 */

/** What a stretch of the episode is: spoken by the narrator, an audio description, or a scene's spoken title. */
export const SentenceKinds = ['announcement', 'description', 'narration'] as const;
export type SentenceKind = (typeof SentenceKinds)[number];

export interface TimedWord {
  /** The word exactly as written in the manuscript, punctuation attached. */
  text: string;
  start: number;
  end: number;
}

export interface TimedSentence {
  /** Stable id, also the WebVTT cue id: `scene-3-narration-2`, `intro-1`, … */
  id: string;
  kind: SentenceKind;
  text: string;
  /** Start of the first word and end of the last: where speech really is. */
  start: number;
  end: number;
  words: TimedWord[];
}

export interface TimeRange {
  start: number;
  end: number;
}

/** A chapter: the intro, one scene (photo), or the close. Chapters tile the episode. */
export interface TimedChapter extends TimeRange {
  /** `intro`, `scene-1` … `scene-N`, `close`. */
  id: string;
  title: string;
  sentences: TimedSentence[];
}

export interface TimedScene extends TimedChapter {
  /** 1-based position among the photos. */
  number: number;
  /** The range that is skipped when audio descriptions are off, pauses around it included. */
  description: TimeRange;
}

export interface EpisodeFile {
  src: string;
  type: string;
  bytes: number;
  /** Decoded duration of this file, measured after encoding. */
  duration: number;
}

export interface TimedStory {
  version: 1;
  title: string;
  language: string;
  /** Duration of the synthesized episode in seconds. */
  duration: number;
  files: EpisodeFile[];
  intro: TimedChapter;
  scenes: TimedScene[];
  close: TimedChapter;
}

/** Intro, scenes and close in playing order. */
export function chaptersOf(story: TimedStory): TimedChapter[] {
  return [story.intro, ...story.scenes, story.close];
}
