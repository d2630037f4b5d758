import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HowlController, type AudioFailure, type AudioSource } from '../audio/howl-controller.js';
import { pauseWhenOthersPlay, startedPlaying } from '../audio/one-at-a-time.js';
import { CueIndex } from '../captions/cue-index.js';
import type { StoryCue, TimeRange } from '../player-state/context.js';

/** How often it looks at the audio far from any boundary, in milliseconds. */
const TICK_MS = 250;
/** It wakes this long before a boundary and then polls, as the player's loop does. */
const EARLY_MS = 30;
/** The end of the range counts as reached this close to it, in seconds. */
const EPSILON = 0.004;
/** How long a press may wait for the audio to start before the listener is told, in milliseconds. */
export const START_TIMEOUT_MS = 10_000;

/** What went wrong: a failure of the audio, or no start within `START_TIMEOUT_MS`. */
export type DescriptionFailure = AudioFailure | 'timeout';

export interface DescriptionAudioEvents {
  /** The description played to the end of its range (or of its file). */
  finished(): void;
  /** It did not play, or stopped: said in words by the host. */
  failed(failure: DescriptionFailure): void;
  /** Another player or scene on the page started, so it stopped. */
  interrupted(): void;
}

/**
 * A scene's own description, played without a player: one file, or a range of an episode. It
 * stops at the end of the range, pauses when any other player or scene on the page starts, and
 * follows the cue and the word being spoken for the host to show.
 *
 * Timers, not animation frames, so that the end of the range is kept in a background tab; near a
 * boundary (a word, a cue, the end) it wakes just before it and polls.
 */
export class DescriptionAudio implements ReactiveController {
  /** The cue being spoken (kept through the pauses between cues), and its word being spoken (-1: none). */
  cue: StoryCue | undefined;
  word = -1;

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #events: DescriptionAudioEvents;
  readonly #audio: HowlController;
  #cues = new CueIndex<StoryCue>([]);
  #range: TimeRange | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #startTimer: ReturnType<typeof setTimeout> | undefined;
  #stopListening: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, events: DescriptionAudioEvents) {
    this.#host = host;
    this.#events = events;
    this.#audio = new HowlController(host, {
      onPlay: () => {
        clearTimeout(this.#startTimer);
        startedPlaying(host);
        this.#look();
      },
      onEnd: () => this.#finish(),
      onError: (failure) => this.#fail(failure),
    });
    host.addController(this);
  }

  /** Whether the listener wants it playing (it may still be loading). */
  get active(): boolean {
    return this.#audio.wanted;
  }

  /** Seconds of audio it plays: the range, else the file once loaded (0 before). */
  get length(): number {
    return this.#range ? this.#range.end - this.#range.start : this.#audio.duration;
  }

  /** The audio position, in seconds (in the file). */
  get position(): number {
    return this.#audio.position;
  }

  hostConnected(): void {
    this.#stopListening = pauseWhenOthersPlay(this.#host, () => {
      if (!this.active) return;
      this.stop();
      this.#events.interrupted();
    });
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.stop();
  }

  /** Sets what it plays: the sources, and the range in them (none: the whole file). */
  set(sources: AudioSource[], range: TimeRange | undefined): void {
    this.#audio.setSources(sources);
    this.#range = range;
  }

  /** Sets the cues to show; only those inside the range are shown. */
  setCues(cues: readonly StoryCue[]): void {
    const range = this.#range;
    this.#cues = new CueIndex(range ? cues.filter((c) => c.end > range.start && c.start < range.end) : cues);
    if (this.active) this.#follow(this.#audio.position);
  }

  /** Plays the description from its start. */
  start(): void {
    this.cue = undefined;
    this.word = -1;
    this.#audio.seek(this.#range?.start ?? 0);
    this.#audio.play();
    clearTimeout(this.#startTimer);
    this.#startTimer = setTimeout(() => {
      if (this.#audio.playing || !this.#audio.wanted) return;
      this.#audio.pause();
      this.#fail('timeout');
    }, START_TIMEOUT_MS);
  }

  /** Stops it (it starts again from the beginning next time). */
  stop(): void {
    if (!this.active) return;
    this.#audio.pause();
    this.#end();
  }

  #finish(): void {
    this.#end();
    this.#events.finished();
  }

  #fail(failure: DescriptionFailure): void {
    this.#end();
    this.#events.failed(failure);
  }

  #end(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#startTimer);
    this.cue = undefined;
    this.word = -1;
    this.#host.requestUpdate();
  }

  #look = (): void => {
    clearTimeout(this.#timer);
    if (!this.#audio.playing) return;
    const now = this.#audio.position;
    const end = this.#range?.end;
    if (end !== undefined && now >= end - EPSILON) {
      this.#audio.pause();
      this.#finish();
      return;
    }
    this.#follow(now);
    const ms = (Math.min(end ?? Infinity, this.#nextBoundary(now)) - now) * 1000;
    this.#timer = setTimeout(this.#look, ms > TICK_MS + EARLY_MS ? TICK_MS : Math.max(0, ms - EARLY_MS));
  };

  /** Shows the cue and word at `time`; asks for a render only when either changes. */
  #follow(time: number): void {
    const cue = this.#cues.at(time) ?? this.cue;
    let word = -1;
    for (const [i, w] of (cue?.words ?? []).entries()) if (w.start <= time) word = i;
    if (cue === this.cue && word === this.word) return;
    this.cue = cue;
    this.word = word;
    this.#host.requestUpdate();
  }

  /** The next time the cue or the word changes (Infinity: none). */
  #nextBoundary(now: number): number {
    const times = [this.#cues.next(now)?.start, ...(this.cue?.words.map((w) => w.start) ?? [])];
    return Math.min(...times.filter((t): t is number => t !== undefined && t > now));
  }
}
