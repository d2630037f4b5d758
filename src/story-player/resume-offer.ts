import type { ReactiveControllerHost } from 'lit';
import type { StoryChapter } from '../player-state/context.js';
import { chapterIndexAt } from './timeline.js';

/** The player the offer moves: where it resumes, and how it starts. */
export interface ResumingPlayer extends ReactiveControllerHost {
  seek(time: number): void;
  play(): void;
}

/**
 * A returning listener gets one decision: Play says "Resume at photo 2, 1:05", with "Start over"
 * beside it, until they take either, play, or hear a description. The offer is the place saved;
 * using it leaves focus in the bar, on Play (the button they pressed is gone or renamed).
 */
export class ResumeOffer {
  #at: number | null = null;
  readonly #player: ResumingPlayer;
  readonly #playButton: () => HTMLElement | null | undefined;

  constructor(player: ResumingPlayer, playButton: () => HTMLElement | null | undefined) {
    this.#player = player;
    this.#playButton = playButton;
  }

  /** What Play shows: the place and the number of the picture there, or null. */
  shown(chapters: readonly StoryChapter[]): { at: number; number: number | undefined } | null {
    const at = this.#at;
    return at === null ? null : { at, number: chapters[chapterIndexAt(chapters, at)]?.number };
  }

  offer(at: number): void {
    this.#set(at);
  }

  withdraw(): void {
    this.#set(null);
  }

  /** "Resume at …": goes to the saved place and plays. */
  resume(): void {
    const at = this.#at;
    this.#focusPlayAfterUpdate();
    if (at !== null) this.#player.seek(at);
    this.#player.play();
  }

  /** "Start over": the offer goes, and the story waits at its start. */
  startOver(): void {
    this.withdraw();
    this.#focusPlayAfterUpdate();
    this.#player.seek(0);
  }

  #set(at: number | null): void {
    if (at === this.#at) return;
    this.#at = at;
    this.#player.requestUpdate();
  }

  #focusPlayAfterUpdate(): void {
    void this.#player.updateComplete.then(() => this.#playButton()?.focus());
  }
}
