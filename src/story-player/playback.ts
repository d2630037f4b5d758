import type { ReactiveControllerHost } from 'lit';
import { HowlController, type AudioFailure, type AudioSource } from '../audio/howl-controller.js';
import { startedPlaying } from '../audio/one-at-a-time.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { StringTermKey, TermKey } from '../i18n/translation.js';
import type { AnnounceOptions } from '../shared/announcer.js';
import type { TimeRange } from '../player-state/context.js';
import { StoryChapterChangeEvent, StoryErrorEvent } from '../player-state/events.js';
import { StoryNotice } from '../player-state/vocabulary.js';
import type { ListeningMemory } from './listening-memory.js';
import { MediaSessionController } from './media-session-controller.js';
import type { PageReader } from './page-reader.js';
import { PlaybackLoop } from './playback-loop.js';
import * as timeline from './timeline.js';

/** How often the visible time moves while playing, in milliseconds. */
const SHOW_MS = 250;
/** A file that ends this much before the story's known length has been cut short, in seconds. */
const CUT_SHORT_S = 1;
/** The key of the audio's errors in the status region: they last until the audio plays. */
const AUDIO = 'audio';

/** What the listener is told when the audio fails. */
const failureTerm = {
  missing: 'errorAudioMissing',
  network: 'errorAudioNetwork',
  decode: 'errorAudioDecode',
  offline: 'errorOffline',
  'no-source': 'errorNoSource',
  refused: 'errorPlayRefused',
  silent: 'errorAudioSilent',
  incomplete: 'errorAudioIncomplete',
} as const satisfies Record<AudioFailure, TermKey>;

/** A description being played on its own: its range, and which scene it describes. */
export type Describing = TimeRange & { sceneId: string; number?: number };

/** The player element, as playback sees it: its modes, its story, and where to say things. */
export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  readonly descriptions: 'on' | 'off';
  readonly pauseAfterPhoto: boolean;
  readonly playbackRate: number;
  /** The speed of descriptions, or 0 for the story's speed. */
  readonly descriptionRate: number;
  /** The episode's length as the page gives it, before the audio has loaded. */
  readonly duration: number;
  readonly artwork: string;
  announce(message: string, options?: AnnounceOptions): void;
}

/** The parts playback works with, made by the player. */
export interface PlaybackParts {
  reader: PageReader;
  memory: ListeningMemory;
  localize: LocalizeController;
  /** The story's title, for the lock screen. */
  title(): string;
  /** The listener moved to `time` (a seek): the slider tells assistive technology. */
  moved(time: number): void;
  /** The error said under `key` is over: it is no longer shown. */
  resolved(key: string): void;
}

/**
 * Playback of the episode, the player's one owner of the audio: play, pause, seeks, chapters,
 * a description played on its own, the playback loop and the lock screen. It follows the time into
 * the current chapter and sentence (what followers see) and says what happens in the player's
 * status region, in the listener's language. Events (`play`, `pause`, `ended`, `error`,
 * `story-chapter-change`) are dispatched on the player.
 */
export class Playback {
  chapterIndex = -1;
  sentenceIndex = -1;
  /** The time the bar shows: moved every SHOW_MS while playing, at once on seeks. */
  shownTime = 0;
  #describing: Describing | null = null;

  readonly #host: PlaybackHost;
  readonly #parts: PlaybackParts;
  readonly audio: HowlController;
  readonly #loop: PlaybackLoop;
  readonly #session: MediaSessionController;
  #lastShown = 0;
  /** The speed last given to the audio (the story's, or the descriptions' inside one). */
  #appliedRate: number | undefined;
  /** Whether "Playing." is said when the audio starts (not for a description or a resume after a pause at a picture's end). */
  #announcePlay = false;
  /** How many times the episode has ended: a move that ends it has saved its place (0) already. */
  #ends = 0;

  constructor(host: PlaybackHost, parts: PlaybackParts) {
    this.#host = host;
    this.#parts = parts;
    this.audio = new HowlController(host, {
      onPlay: () => this.#onPlay(),
      onPause: () => this.#onPause(),
      onEnd: (at) => this.#onEnd(at),
      onBuffering: () => this.#onBuffering(),
      onLoad: () => this.follow(this.audio.position, true),
      onError: (failure) => this.#onError(failure),
    });
    this.#loop = new PlaybackLoop(host, {
      audio: this.audio,
      watch: () => ({
        chapters: parts.reader.chapters,
        describing: this.describing,
        skipDescriptions: host.descriptions === 'off',
        pauseAfterPicture: host.pauseAfterPhoto,
        descriptionSpeed: host.descriptionRate > 0 && host.descriptionRate !== host.playbackRate,
      }),
      rate: () => this.#rate,
      describedToEnd: () => {
        this.describing = null;
        this.#say('statusDescribed');
        this.follow(this.audio.position, true);
      },
      pausedAfter: (picture) => {
        this.#announcePlay = false;
        host.announce(parts.localize.term('statusPausedAfterPicture', parts.reader.pictureNoun, picture.number ?? 0));
        this.follow(picture.end, true);
      },
      skippedTo: (time) => this.follow(time, true),
      followed: (time) => {
        this.follow(time);
        parts.memory.saveNowAndThen();
      },
    });
    this.#session = new MediaSessionController(host, {
      play: () => this.play(),
      pause: () => this.pause(),
      seekBy: (s) => this.seek(this.audio.position + s),
      seekTo: (time) => this.seek(time),
      previous: () => this.goToChapter(timeline.previousChapterIndex(parts.reader.chapters, this.audio.position)),
      next: () => this.goToChapter(timeline.nextChapterIndex(parts.reader.chapters, this.audio.position)),
    });
  }

  /** The description being played on its own, if any. */
  get describing(): Describing | null {
    return this.#describing;
  }

  set describing(describing: Describing | null) {
    if (describing === this.#describing) return;
    this.#describing = describing;
    this.#host.requestUpdate();
  }

  /** Whether the story is paused (or has not started). */
  get paused(): boolean {
    return !this.audio.wanted && !this.audio.playing;
  }

  /** What the Play button shows: sound is heard, the listener waits for it, or neither. */
  get shown(): 'playing' | 'waiting' | 'paused' {
    if (this.paused) return 'paused';
    return this.audio.playing && !this.audio.buffering ? 'playing' : 'waiting';
  }

  /** The episode's length: the audio's, else the page's, else where the last chapter ends. */
  get length(): number {
    return this.audio.duration || this.#host.duration || this.#parts.reader.chapters.at(-1)?.end || 0;
  }

  setSources(sources: AudioSource[], preload: boolean): void {
    this.audio.setSources(sources);
    if (preload) this.audio.load();
  }

  /** The story's or the description speed changed: the audio takes the one for where it is. */
  setRate(): void {
    this.#applyRate(this.audio.position);
    this.#session.setPosition(this.audio.position, this.length, this.#rate);
  }

  /** The speed the audio plays at now. */
  get #rate(): number {
    return this.#appliedRate ?? this.#host.playbackRate;
  }

  /** Gives the audio the speed for `time` (descriptions may have their own), when it changes. */
  #applyRate(time: number): void {
    const host = this.#host;
    const rate = timeline.rateAt(time, this.#parts.reader.chapters, { story: host.playbackRate, description: host.descriptionRate }, {
      describing: this.describing !== null,
      skipDescriptions: host.descriptions === 'off',
    });
    if (rate === this.#appliedRate) return;
    this.#appliedRate = rate;
    this.audio.setRate(rate);
  }

  /** The modes changed: the loop looks again at once. */
  refresh(): void {
    this.#loop.refresh();
  }

  /** A saved place: the audio starts there, nothing is said. */
  placeAt(time: number): void {
    this.audio.seek(time);
    this.#loop.movedTo(time);
    this.shownTime = time;
    this.#host.requestUpdate();
  }

  play(): void {
    this.#parts.memory.listened();
    const length = this.length;
    if (length > 0 && this.audio.position >= length - 0.05) this.seek(0);
    this.describing = null;
    this.#announcePlay = true;
    this.#start();
  }

  pause(): void {
    const wasDescribing = this.describing !== null;
    this.describing = null;
    if (this.paused) return;
    this.#announcePlay = false;
    this.audio.pause();
    this.#say(wasDescribing ? 'statusDescribed' : 'statusPaused');
  }

  seek(time: number): void {
    this.#parts.memory.listened();
    // Inside the description played alone it is not skipped; a seek out of it leaves it, and lands
    // as any seek does (past a description, when they are off), not inside one for the loop to skip.
    const describing = this.describing;
    const inside = describing !== null && time >= describing.start && time < describing.end;
    const skip = !inside && this.#host.descriptions === 'off';
    const target = timeline.seekTarget(time, this.length, this.#parts.reader.chapters, skip);
    if (describing && (target < describing.start || target >= describing.end)) this.describing = null;
    const ends = this.#ends;
    this.#moveTo(target);
    this.#parts.moved(target);
    this.#session.setPosition(target, this.length, this.#host.playbackRate);
    // A move to the end while playing ends the story, which starts the next visit from the beginning.
    if (this.#ends === ends) this.#parts.memory.save();
  }

  goToChapter(index: number): void {
    const chapter = this.#parts.reader.chapters[index];
    if (!chapter) return;
    this.seek(chapter.start);
    this.#host.announce(this.#parts.localize.term('statusChapter', chapter.title));
  }

  describe(sceneId: string, range?: TimeRange): void {
    const { reader, localize } = this.#parts;
    const chapter = reader.chapters.find((c) => c.id === sceneId);
    const described = range ?? chapter?.description;
    if (!described) return;
    const start = timeline.describeStart(described, reader.descriptionCues);
    this.#announcePlay = false;
    this.describing = { sceneId, start, end: described.end, ...(chapter?.number ? { number: chapter.number } : {}) };
    this.#moveTo(start);
    this.#start();
    this.#host.announce(localize.term('statusDescribing', reader.pictureNoun, chapter?.number));
  }

  /** Follows the time: the chapter and sentence at once, the visible time every SHOW_MS (`force`: now). */
  follow(time: number, force = false): void {
    this.#applyRate(time);
    const { reader } = this.#parts;
    const chapters = reader.chapters;
    const index = timeline.chapterIndexAt(chapters, time);
    const sentence = reader.captionIndex.currentOrLastIndex(time);
    const now = performance.now();
    const show = force || index !== this.chapterIndex || now - this.#lastShown >= SHOW_MS;
    if (show) {
      this.#lastShown = now;
      this.shownTime = time;
    }
    // Only a change is worth a render: near a boundary the loop looks every few milliseconds.
    if (show || sentence !== this.sentenceIndex || index !== this.chapterIndex) this.#host.requestUpdate();
    this.sentenceIndex = sentence;
    if (index === this.chapterIndex) return;
    const first = this.chapterIndex === -1;
    this.chapterIndex = index;
    const chapter = chapters[index];
    if (!chapter) return;
    this.#showChapter();
    // Not for the first reading of the page: change events follow playback and the listener.
    if (!first) this.#host.dispatchEvent(new StoryChapterChangeEvent(chapter.id));
  }

  /** The chapters were read again: the current one is found afresh. */
  chaptersRead(at: number): void {
    this.chapterIndex = -1;
    this.follow(at, true);
  }

  #showChapter(): void {
    this.#session.showChapter(this.#parts.reader.chapters, this.chapterIndex, { title: this.#parts.title(), artwork: this.#host.artwork });
  }

  #moveTo(time: number): void {
    this.audio.seek(time);
    this.#loop.movedTo(time);
    this.follow(time, true);
  }

  /** Starts the audio for this player, pausing any other on the page. */
  #start(): void {
    this.#session.claim();
    startedPlaying(this.#host);
    this.audio.play();
  }

  #onPlay(): void {
    this.#parts.resolved(AUDIO);
    if (this.#announcePlay) this.#say('statusPlaying');
    this.#announcePlay = false;
    this.#session.setPlaybackState(true);
    this.#session.setPosition(this.audio.position, this.length, this.#host.playbackRate);
    this.#showChapter();
    this.follow(this.audio.position, true);
    this.#loop.start();
    this.#host.dispatchEvent(new Event(StoryNotice.play));
  }

  #onPause(): void {
    this.#loop.stop();
    const position = this.audio.position;
    this.#session.setPlaybackState(false);
    this.#session.setPosition(position, this.length, this.#host.playbackRate);
    this.follow(position, true);
    this.#parts.memory.save();
    this.#host.dispatchEvent(new Event(StoryNotice.pause));
  }

  #onEnd(at: number): void {
    this.#ends++;
    this.#loop.stop();
    this.describing = null;
    this.#session.setPlaybackState(false);
    // The story's length as the page knows it: a file that ends well before it was cut short.
    const known = this.#host.duration || this.#parts.reader.chapters.at(-1)?.end || 0;
    if (known > 0 && at < known - CUT_SHORT_S) {
      this.follow(at, true);
      this.#parts.memory.save(at);
      this.#host.dispatchEvent(new Event(StoryNotice.pause));
      this.#onError('incomplete');
      return;
    }
    this.follow(this.length, true);
    this.#say('statusEnded');
    this.#parts.memory.save(0);
    this.#host.dispatchEvent(new Event(StoryNotice.ended));
  }

  /** Waiting for sound is said once per wait; sound that comes back after it is said too. */
  #onBuffering(): void {
    if (this.audio.buffering) this.#say('statusBuffering');
    else if (this.audio.playing) this.#say('statusPlaying');
    this.#session.setPlaybackState(this.shown === 'playing');
  }

  #onError(failure: AudioFailure): void {
    this.describing = null;
    this.#loop.stop();
    this.#session.setPlaybackState(false);
    const at = this.audio.position;
    this.follow(at, true);
    if (at > 0 && failure !== 'refused') this.#parts.memory.save(at);
    const message = this.#parts.localize.term(failureTerm[failure]);
    this.#host.announce(message, { error: AUDIO });
    this.#host.dispatchEvent(new StoryErrorEvent(message, failure === 'refused' ? 'play' : 'audio'));
  }

  /** Says a term that takes no values, in the player's language. */
  #say(key: StringTermKey): void {
    this.#host.announce(this.#parts.localize.term(key));
  }
}
