import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoryChapter } from '../player-state/context.js';
import { EPSILON, descriptionRangeAt, msUntilNextLook, nextBoundary, pictureEndedBetween, type Watch } from './timeline.js';

/** The audio as the loop sees it. */
export interface LoopAudio {
  readonly position: number;
  readonly playing: boolean;
  seek(time: number): void;
  pause(): void;
}

/** What the loop asks of the player, and tells it. */
export interface LoopHost {
  readonly audio: LoopAudio;
  /** What to watch for now: the chapters and the modes. */
  watch(): Watch;
  rate(): number;
  /** The description played on its own reached its end; the audio is paused. */
  describedToEnd(): void;
  /** Self-paced mode stopped at the end of `picture`; the audio is paused there. */
  pausedAfter(picture: StoryChapter): void;
  /** A description was skipped (descriptions off): the audio moved to `time`. */
  skippedTo(time: number): void;
  /** Time passed while playing: `time` is where the audio is. */
  followed(time: number): void;
}

/**
 * The playback loop. While the audio plays it follows the time, skips descriptions when they are
 * off, stops at the end of each picture in self-paced mode and at the end of a description played
 * alone. Timers, not requestAnimationFrame, so that it keeps working in a background tab; near a
 * boundary it wakes just before it and polls every few milliseconds.
 */
export class PlaybackLoop implements ReactiveController {
  readonly #player: LoopHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Where the audio was at the last look: a picture's end is "crossed" between two looks. */
  #last: number | null = null;

  constructor(host: ReactiveControllerHost, player: LoopHost) {
    this.#player = player;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The audio was moved to `time` (a seek): crossings are measured from there. */
  movedTo(time: number): void {
    this.#last = time;
  }

  /** Looks now, and keeps looking while the audio plays. */
  start(): void {
    this.#last = this.#player.audio.position;
    this.#schedule(0);
  }

  /** Looks again now (the modes changed), if playing. */
  refresh(): void {
    this.#schedule(0);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    if (!this.#player.audio.playing) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#look, ms);
  }

  #look = (): void => {
    this.#timer = undefined;
    const player = this.#player;
    const audio = player.audio;
    if (!audio.playing) return;
    const now = audio.position;
    const previous = this.#last ?? now;
    this.#last = now;
    const watch = player.watch();

    if (watch.describing) {
      if (now >= watch.describing.end - EPSILON) {
        audio.pause();
        player.describedToEnd();
        return;
      }
    } else {
      const skip = watch.skipDescriptions ? descriptionRangeAt(watch.chapters, now) : undefined;
      if (skip) {
        audio.seek(skip.end);
        this.#last = skip.end;
        player.skippedTo(skip.end);
        this.#schedule(msUntilNextLook(skip.end, undefined, player.rate()));
        return;
      }
      const ended = watch.pauseAfterPicture ? pictureEndedBetween(watch.chapters, previous, now) : undefined;
      if (ended) {
        audio.seek(ended.end);
        this.#last = ended.end;
        audio.pause();
        player.pausedAfter(ended);
        return;
      }
    }

    player.followed(now);
    this.#schedule(msUntilNextLook(now, nextBoundary(now, watch), player.rate()));
  };
}
