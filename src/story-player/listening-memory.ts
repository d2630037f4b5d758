import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { usableSaved, type ListeningStore, type SavedListening } from './saved-listening.js';

/** How often the position is saved while playing, in milliseconds. */
const SAVE_MS = 5000;

/** The listener's preferences, as saved. */
export type Preferences = Omit<SavedListening, 'position' | 'savedAt'>;

/** The player whose listening is remembered: its `story-id`, its store and its length as the page gives it. */
export interface RememberingPlayer extends ReactiveControllerHost {
  readonly storyId: string;
  readonly listeningStore: ListeningStore;
  /** The episode's length as the page gives it (0: unknown), to check a saved place against. */
  readonly duration: number;
}

/** What the memory asks the player. */
export interface MemoryOptions {
  position(): number;
  preferences(): Preferences;
  /** Applies what was saved and can be used. */
  recall(saved: Partial<SavedListening>): void;
}

/**
 * Remembers the listener's place and preferences per story: read once when the player connects
 * (and when its `story-id` changes), written on every change, every few seconds while playing, on
 * pause, and when the page is hidden or left. Nothing is kept without a `story-id`.
 *
 * Nothing is written until the listener acts (plays, moves, or changes a preference): opening the
 * page, or hiding it untouched, leaves what is stored alone, whatever it is — another tab's, or a
 * value that is corrupt (the player used none of it that was invalid). The first write after that
 * keeps what was valid (the preferences recalled) and drops the rest, a place outside the episode
 * included.
 */
export class ListeningMemory implements ReactiveController {
  readonly #player: RememberingPlayer;
  readonly #options: MemoryOptions;
  #restored = false;
  /** Whether the listener has played or moved in this page (else its position is not theirs). */
  #listened = false;
  /** The preferences once what was saved has been applied (after the first update that follows `restore`), as JSON. */
  #recalled: string | undefined;
  #awaitingRecalled = false;
  /** Whether the listener changed a preference since `restore`. */
  #changed = false;
  #lastSave = 0;

  constructor(player: RememberingPlayer, options: MemoryOptions) {
    this.#player = player;
    this.#options = options;
    player.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('visibilitychange', this.#onHide);
    this.save();
  }

  /** Whether what was saved has been read (saving before that would overwrite it). */
  get restored(): boolean {
    return this.#restored;
  }

  /** After the update that applied what was restored (a speed clamped, modes set): the preferences to compare with. */
  hostUpdated(): void {
    if (!this.#awaitingRecalled) return;
    this.#awaitingRecalled = false;
    this.#recalled = JSON.stringify(this.#options.preferences());
  }

  restore(): void {
    this.#restored = true;
    this.#recalled = undefined;
    this.#awaitingRecalled = true;
    this.#changed = false;
    const { storyId, listeningStore, duration } = this.#player;
    if (storyId) this.#options.recall(usableSaved(listeningStore.read(storyId), duration));
  }

  /** The listener played or moved: from now on the player's position is theirs to save. */
  listened(): void {
    this.#listened = true;
  }

  save(position = this.#options.position()): void {
    const { storyId, listeningStore, duration } = this.#player;
    if (!this.#restored || !storyId) return;
    const preferences = this.#options.preferences();
    if (!this.#listened && !this.#changed) {
      // Not yet anything of the listener's to write: the page connecting, recalling, or hidden untouched.
      if (this.#recalled === undefined || JSON.stringify(preferences) === this.#recalled) return;
      this.#changed = true;
    }
    this.#lastSave = performance.now();
    listeningStore.write(storyId, {
      // The place is shared by every tab of the story: one where nobody has listened or moved keeps
      // the place another tab saved (if it is one in this episode) instead of writing its own start over it.
      position: this.#listened ? position : (usableSaved(listeningStore.read(storyId), duration).position ?? position),
      ...preferences,
      savedAt: Date.now(),
    });
  }

  /** While playing: saves when the last save is a few seconds old. */
  saveNowAndThen(): void {
    if (performance.now() - this.#lastSave > SAVE_MS) this.save();
  }

  #onHide = (): void => {
    if (document.visibilityState === 'hidden') this.save();
  };
}
