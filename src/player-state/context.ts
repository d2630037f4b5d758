/**
 * What `<story-player>` shares with its descendants through `@lit/context`.
 *
 * `playerState` changes on discrete events and about four times a second while playing (enough for
 * text and the current photo). Anything that must follow the audio frame by frame (the caption
 * word) reads `playerClock.now()` in its own requestAnimationFrame loop instead.
 */
import { createContext } from '@lit/context';
import type { CueIndex } from '../captions/cue-index.js';
import type { TimedWord, TimeRange } from '../story/timed-story.js';
import type { AudioStatus, CaptionsMode, DescriptionMode } from './vocabulary.js';

export type { TimedWord, TimeRange };

/** A chapter of the episode: the intro, one photo (scene) or the close. */
export interface StoryChapter extends TimeRange {
  /** `intro`, `scene-3`, `close`: the chapter cue id, or the scene element's id. */
  id: string;
  /** As shown in the chapter list: `Photo 3 of 9: On her knees`. */
  title: string;
  /** 1-based photo number for scenes; absent for the intro and the close. */
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

export interface PlayerState {
  storyId: string;
  title: string;
  /** Seconds; 0 until known. */
  duration: number;
  /** Seconds; refreshed about four times a second while playing and on every seek. */
  currentTime: number;
  playing: boolean;
  rate: number;
  audio: AudioStatus;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPhoto: boolean;
  chapters: readonly StoryChapter[];
  /** Index into `chapters`, or -1. */
  chapterIndex: number;
  /** The scene whose description is playing on its own ("Describe this photo"), or null. */
  describing: string | null;
  /**
   * The caption cues (`items`, by start time) and the cue at any time, indexed once by the player
   * for every follower; empty until the captions load.
   */
  captionIndex: CueIndex<StoryCue>;
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
export const playerStateContext = createContext<PlayerState | undefined>(Symbol.for('listen-photo-story/player-state'));
export const playerClockContext = createContext<PlayerClock | undefined>(Symbol.for('listen-photo-story/player-clock'));
