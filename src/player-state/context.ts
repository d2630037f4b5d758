/**
 * What `<story-player>` shares with its followers (scenes, captions, transcript, the offline
 * control) through `@lit/context`, in two parts so that each is published only when it changes:
 *
 * - `storyContext`: the story itself — title, length, chapters, the caption index. It changes when
 *   the page or a text track is read, not while playing.
 * - `playbackContext`: where the listening stands — playing or not, the modes, the current chapter
 *   and sentence. It changes on discrete events (a sentence or chapter starts, the listener presses
 *   something), never on a timer: the time itself is not in it.
 *
 * Anything that must follow the audio frame by frame (the caption word) reads `playerClock.now()`
 * in its own requestAnimationFrame loop instead.
 */
import { createContext } from '@lit/context';
import type { CueIndex } from '../captions/cue-index.js';
import type { PictureNoun } from '../i18n/translation.js';
import type { TimedWord, TimeRange } from '../story/timed-story.js';
import type { AudioStatus, CaptionsMode, DescriptionMode } from './vocabulary.js';

export type { TimedWord, TimeRange };

/** A chapter of the episode: the intro, one picture (scene) or the close. */
export interface StoryChapter extends TimeRange {
  /** `intro`, `scene-3`, `close`: the chapter cue id, or the scene element's id. */
  id: string;
  /** As shown in the chapter list: `Photo 3 of 9: On her knees`. */
  title: string;
  /** 1-based picture number for scenes; absent for the intro and the close. */
  number?: number;
  /** Image URL for the lock screen (the scene's `artwork` attribute). */
  artwork?: string;
  /** The range skipped when descriptions are off (scenes only). */
  description?: TimeRange;
}

/** A caption or description cue, read once from its WebVTT file. */
export interface StoryCue extends TimeRange {
  /** The cue id, equal to the sentence id on the page (`scene-3-narration-1`). */
  id: string;
  /** Plain text, without markup. */
  text: string;
  /** The speaker from `<v …>`, or null. */
  voice: string | null;
  /** The words with their times, for highlighting. */
  words: readonly TimedWord[];
}

/** The story as the player read it: changes when the page or a track is read. */
export interface StoryInfo {
  storyId: string;
  title: string;
  /** Seconds; 0 until known. */
  duration: number;
  chapters: readonly StoryChapter[];
  /** "photo" when every scene is a photograph, else "picture". */
  pictureNoun: PictureNoun;
  /**
   * The caption cues (`items`, by start time) and the cue at any time, indexed once by the player
   * for every follower; empty until the captions load.
   */
  captionIndex: CueIndex<StoryCue>;
}

/** Where the listening stands: changes on discrete events, never on a timer. */
export interface PlaybackState {
  playing: boolean;
  rate: number;
  audio: AudioStatus;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPhoto: boolean;
  /** "Follow along": the page (and the transcript's list) keeps the narration in view. */
  follow: boolean;
  /** Index into the story's `chapters`, or -1. */
  chapterIndex: number;
  /**
   * Index into `captionIndex.items` of the sentence being spoken or, between sentences, the last one
   * spoken; -1 before the first.
   */
  sentenceIndex: number;
  /** The scene whose description is playing on its own ("Describe this photo"), or null. */
  describing: string | null;
}

/** A live view of the playback position, for frame-accurate followers. */
export interface PlayerClock {
  /** The exact playback position in seconds, read from the audio now. */
  now(): number;
  /** Whether audio is playing right now. */
  playing(): boolean;
}

// Keys from the global symbol registry: a player and a scene from two separately bundled copies of
// the toolkit on one page still find each other.
export const storyContext = createContext<StoryInfo | undefined>(Symbol.for('listen-photo-story/story'));
export const playbackContext = createContext<PlaybackState | undefined>(Symbol.for('listen-photo-story/playback'));
export const playerClockContext = createContext<PlayerClock | undefined>(Symbol.for('listen-photo-story/player-clock'));

/** Whether two published values say the same thing (one level deep): then nothing is published. */
export function sameValues<T extends object>(a: T | undefined, b: T): boolean {
  if (!a) return false;
  return (Object.keys(b) as (keyof T)[]).every((key) => Object.is(a[key], b[key]));
}

