import { LONGEST_TIME } from '../captions/time-text.js';
import { CaptionsMode, DescriptionMode, PlaybackRates } from '../player-state/vocabulary.js';

/** What the player remembers per story between visits. */
export interface SavedListening {
  /** Seconds into the episode where the listener stopped. */
  position: number;
  rate: number;
  /** The descriptions' own speed; 0: the story's. */
  descriptionRate: number;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPhoto: boolean;
  shortcuts: boolean;
  /** "Follow along": the page keeps the picture being narrated in view. */
  follow: boolean;
  /** `Date.now()` when saved. */
  savedAt: number;
}

/**
 * Where a player keeps what it remembers. The default is the browser's localStorage; a site can
 * give the player its own (`player.listeningStore = …`), for example one that follows the listener
 * from device to device. `read` returns whatever was stored (the player checks every field).
 */
export interface ListeningStore {
  read(storyId: string): unknown;
  write(storyId: string, value: SavedListening): void;
}

const keyOf = (storyId: string): string => `story-player:${storyId}`;

/** localStorage, under `story-player:<story-id>`; nothing when storage is blocked or full. */
export const localListeningStore: ListeningStore = {
  read(storyId) {
    try {
      const raw = localStorage.getItem(keyOf(storyId));
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  },
  write(storyId, value) {
    try {
      localStorage.setItem(keyOf(storyId), JSON.stringify(value));
    } catch {
      // Storage refused: listening goes on, only resuming is lost.
    }
  },
};

/**
 * What can be used of a stored value: each field only when it is valid (a known speed, a known
 * mode, a place inside the episode and not at its very start or end). With the length unknown
 * (`duration` 0), a place is valid up to the longest time a clock shows: never NaN, Infinity or 1e308.
 */
export function usableSaved(value: unknown, duration: number): Partial<SavedListening> {
  if (!value || typeof value !== 'object') return {};
  const saved = value as Record<string, unknown>;
  const usable: Partial<SavedListening> = {};
  const { rate, descriptionRate, descriptions, captions, pauseAfterPhoto, shortcuts, follow, position } = saved;
  if (typeof rate === 'number' && (PlaybackRates as readonly number[]).includes(rate)) usable.rate = rate;
  if (descriptionRate === 0 || (typeof descriptionRate === 'number' && (PlaybackRates as readonly number[]).includes(descriptionRate))) {
    usable.descriptionRate = descriptionRate;
  }
  if (descriptions === DescriptionMode.on || descriptions === DescriptionMode.off) usable.descriptions = descriptions;
  if (captions === CaptionsMode.on || captions === CaptionsMode.off) usable.captions = captions;
  if (typeof pauseAfterPhoto === 'boolean') usable.pauseAfterPhoto = pauseAfterPhoto;
  if (typeof shortcuts === 'boolean') usable.shortcuts = shortcuts;
  if (typeof follow === 'boolean') usable.follow = follow;
  const length = duration > 0 ? Math.min(duration, LONGEST_TIME) : LONGEST_TIME;
  if (typeof position === 'number' && position > 1 && position < length - 1) usable.position = position;
  return usable;
}
