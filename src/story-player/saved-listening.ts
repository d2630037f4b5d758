import type { CaptionsMode, DescriptionMode } from '../player-state/vocabulary.js';

/** What the player remembers per story between visits. */
export interface SavedListening {
  /** Seconds into the episode where the listener stopped. */
  position: number;
  rate: number;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPhoto: boolean;
  shortcuts: boolean;
  /** `Date.now()` when saved. */
  savedAt: number;
}

const keyOf = (storyId: string): string => `story-player:${storyId}`;

/** Reads what was saved for a story; null when nothing was, or storage is unavailable. */
export function readSaved(storyId: string): Partial<SavedListening> | null {
  if (!storyId) return null;
  try {
    const raw = localStorage.getItem(keyOf(storyId));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Partial<SavedListening>) : null;
  } catch {
    return null;
  }
}

/** Saves; silently does nothing when storage is full or blocked (private modes). */
export function writeSaved(storyId: string, value: SavedListening): void {
  if (!storyId) return;
  try {
    localStorage.setItem(keyOf(storyId), JSON.stringify(value));
  } catch {
    // Storage refused: listening goes on, only resuming is lost.
  }
}
