import type { Howl as HowlInstance } from 'howler';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioStatus } from '../player-state/vocabulary.js';
import { classify, worst, type AudioFailure } from './audio-failure.js';
import { atEnd, elementOf, keepPlace, moveSound, pauseQuietly, setSoundRate } from './howl-sound.js';
import { howlerFormat, loadAudioEngine, loadedAudioEngine, prefetchAudioEngine, retryAudioEngineLoad, type AudioSource } from './audio-engine.js';
import { MediaWatch, SILENCE_MS } from './media-watch.js';

export type { AudioFailure } from './audio-failure.js';

/** What the element fires when it may have data where it stands (after a move, readyState can stay high). */
const READY_EVENTS = ['canplay', 'playing', 'seeked'] as const;

export type { AudioSource } from './audio-engine.js';

export interface HowlControllerEvents {
  /** Playback really started (the media element accepted `play()`). */
  onPlay?(): void;
  /** Playback paused, by request. */
  onPause?(): void;
  /** The episode played to its end: `at` is where the file ended (before the story's end when it is cut short). */
  onEnd?(at: number): void;
  /** The listener has waited BUFFERING_MS for sound (`buffering` is true), or sound flows again. */
  onBuffering?(): void;
  /** The audio is ready; `duration` is known. */
  onLoad?(): void;
  onError?(failure: AudioFailure): void;
}

/**
 * Plays one episode through one howler `Howl` (`html5: true`: streaming, and pitch kept when the
 * rate changes) and keeps its state on the controller for the host to render.
 *
 * Intent and howler are kept apart: `play()`, `pause()`, `seek()` and `setRate()` record what the
 * listener wants, and the controller hands it to howler one operation at a time. While a play is in
 * flight (howler's play promise pending, or the element waiting for data before howler is asked),
 * howler would queue a call and can lose it: then a move, a pause and a speed go to the element
 * itself, at once, and howler's note of its sound is kept in step (src/audio/howl-sound.ts).
 *
 * Nothing is fetched until `load()` or `play()`.
 *
 * @example
 * audio = new HowlController(this, { onEnd: () => this.announce('End.') });
 * audio.setSources([{ src: 'episode.webm', type: 'audio/webm; codecs=opus' }]);
 * audio.play();
 */
export class HowlController implements ReactiveController {
  /** Where the audio stands: idle until first needed, then loading, ready or error. */
  status: AudioStatus = AudioStatus.idle;
  /** Whether the audio is really playing (not merely requested). */
  playing = false;
  /** Whether the listener wants it playing. */
  wanted = false;
  /** Seconds, 0 until the audio has loaded. */
  duration = 0;
  /** Why the audio failed, when `status` is `error`. */
  failure: AudioFailure | null = null;
  /** URL of the source that loaded (after any fallbacks); empty until one has, and after the sources change. */
  loadedSrc = '';
  /** Whether the listener has waited BUFFERING_MS or more for sound that does not come (yet). */
  buffering = false;

  readonly #host: ReactiveControllerHost;
  readonly #events: HowlControllerEvents;
  #sources: AudioSource[] = [];
  #candidates: AudioSource[] = [];
  #howl: HowlInstance | undefined;
  #id: number | undefined;
  #rate = 1;
  #position = 0;
  #pendingSeek: number | null = null;
  #watch: MediaWatch | undefined;
  /** What went wrong with each source tried since `load()`. */
  #failures: AudioFailure[] = [];
  /** The howler operation in flight, if any: a play promise. */
  #busy: 'play' | null = null;
  /** The sound waits for data where it was moved to (its element's 'canplay'), before howler plays it. */
  #awaiting = false;
  /** The play in flight resumes a sound that was already playing for the listener (after a move): no `onPlay`. */
  #resuming = false;
  /** The element was paused under howler's pending play: its 'play' or 'playerror' that follows is not news. */
  #abandoned = false;
  /** A seek handed to howler by the controller: its synchronous 'seek' event is not news. */
  #seeking = false;
  /** The first source waits for howler to be imported: told as silent when it takes SILENCE_MS. */
  #engineWait: { timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(host: ReactiveControllerHost, events: HowlControllerEvents = {}) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {
    prefetchAudioEngine();
  }

  hostDisconnected(): void {
    this.unload();
  }

  /** Sets the episode's sources in order of preference; takes effect on the next load. */
  setSources(sources: AudioSource[]): void {
    const same =
      sources.length === this.#sources.length &&
      sources.every((s, i) => s.src === this.#sources[i]?.src && s.type === this.#sources[i]?.type);
    if (same) return;
    this.#sources = sources;
    this.loadedSrc = '';
    if (this.#howl || this.#engineWait || this.status === AudioStatus.error) {
      this.unload();
      if (this.wanted) this.load();
    }
  }

  /** Starts loading the audio if it has not started yet (or failed before). */
  load(): void {
    if ((this.#howl && this.status !== AudioStatus.error) || this.#engineWait) return;
    const probe = document.createElement('audio');
    this.#candidates = this.#sources.filter((s) => !s.type || probe.canPlayType(s.type) !== '');
    this.failure = null;
    this.#failures = [];
    this.#next();
  }

  /** Plays from the current position, loading first if needed. */
  play(): void {
    this.wanted = true;
    if (!this.#howl || this.status === AudioStatus.error) this.load();
    else this.#settle();
    if (!this.playing) this.#watch?.wait();
    this.#host.requestUpdate();
  }

  pause(): void {
    this.wanted = false;
    this.#waited();
    // A play in flight stops now: the element itself is paused, howler told when its play returns.
    const howl = this.#howl;
    const node = howl && elementOf(howl);
    if (howl && node && this.#awaiting) {
      this.#awaiting = false;
      node.pause();
      keepPlace(howl);
    } else if (node && this.#busy === 'play' && !this.#abandoned) {
      this.#abandoned = true;
      node.pause();
    }
    this.#settle();
    this.#host.requestUpdate();
  }

  /** Moves to `time` seconds (clamped to the episode); playing continues if it was. */
  seek(time: number): void {
    const max = this.duration > 0 ? this.duration : Infinity;
    this.#position = Math.min(Math.max(0, time), max);
    const howl = this.#howl;
    // Asked to play at its end, an element starts again from 0: a move to the end ends the episode.
    const node = howl && elementOf(howl);
    if (howl && node && this.status === AudioStatus.ready && this.wanted && atEnd(node, this.#position)) {
      this.#finish(this.duration);
      return;
    }
    if (howl && this.status === AudioStatus.ready && this.#inFlight) {
      // The element moves now (howler would queue it behind its pending play).
      this.#pendingSeek = null;
      this.#watch?.moved();
      moveSound(howl, this.#position);
      if (this.wanted) this.#watch?.wait();
    } else {
      this.#pendingSeek = this.#position;
      this.#settle();
    }
    this.#host.requestUpdate();
  }

  /** Playback rate, 0.5–4; pitch is kept. */
  setRate(rate: number): void {
    this.#rate = rate;
    if (this.#howl && this.status === AudioStatus.ready) setSoundRate(this.#howl, rate);
    this.#host.requestUpdate();
  }

  /** A play is in flight: howler's play promise is pending, or the element waits for data first. */
  get #inFlight(): boolean {
    return this.#busy !== null || this.#awaiting;
  }

  /** The playback position in seconds, read from the media element now. */
  get position(): number {
    const endedAt = this.#watch?.endedAt;
    if (typeof endedAt === 'number') return endedAt;
    if (this.#howl && this.status === AudioStatus.ready && this.#busy === null && this.#pendingSeek === null) {
      const p = this.#howl.seek(this.#id);
      if (typeof p === 'number' && Number.isFinite(p)) this.#position = p;
    }
    return this.#position;
  }

  /** Stops and releases the audio element. */
  unload(): void {
    clearTimeout(this.#engineWait?.timer);
    this.#engineWait = null;
    this.#dropHowl();
    this.playing = false;
    this.status = AudioStatus.idle;
    this.#pendingSeek = this.#position > 0 ? this.#position : null;
  }

  /** Tries the next playable source; reports a failure when none is left. */
  #next(): void {
    const engine = loadedAudioEngine();
    if (!engine) {
      this.#awaitEngine();
      return;
    }
    this.#dropHowl();
    const source = this.#candidates.shift();
    if (!source) {
      this.#fail(worst(this.#failures));
      return;
    }
    this.status = AudioStatus.loading;
    // howler emits a load error at once (before `on()` could listen) when it refuses a source: the
    // constructor's own listener hears it.
    const onloaderror = (_id: unknown, code: unknown): void => {
      // An element that had read the file's header failed later: the file plays here, the connection broke.
      const reported = typeof code === 'number' ? code : undefined;
      const started = (node?.readyState ?? 0) >= HTMLMediaElement.HAVE_METADATA && reported !== MediaError.MEDIA_ERR_DECODE;
      if (howl === this.#howl) void this.#failed(source, started ? MediaError.MEDIA_ERR_NETWORK : reported);
    };
    const howl: HowlInstance = new engine.Howl({
      src: [source.src],
      format: [howlerFormat(engine, source)],
      html5: true,
      preload: true,
      rate: this.#rate,
      onloaderror,
    });
    this.#howl = howl;
    const node = elementOf(howl);
    if (node) {
      this.#watch = new MediaWatch(node, {
        buffering: (on) => {
          this.buffering = on;
          this.#events.onBuffering?.();
          this.#host.requestUpdate();
        },
        silent: () => this.#silent(howl),
      });
      if (this.wanted) this.#watch.wait();
    }
    howl.on('load', () => {
      if (howl !== this.#howl) return;
      this.status = AudioStatus.ready;
      this.loadedSrc = source.src;
      this.duration = howl.duration();
      // A seek on a loaded, paused Howl marks its one sound "not ended", so the first play() picks
      // that sound up with the position kept (a fresh play() would reset it to 0).
      const start = this.#pendingSeek ?? this.#position;
      this.#pendingSeek = null;
      howl.seek(start);
      setSoundRate(howl, this.#rate);
      this.#events.onLoad?.();
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('playerror', () => {
      if (howl !== this.#howl) return;
      if (this.#abandoned) {
        this.#abandon(howl);
        return;
      }
      // howler reports a refused play twice; one report is enough.
      const first = this.wanted || this.#busy !== null;
      this.#busy = null;
      this.#resuming = false;
      this.wanted = false;
      this.#waited();
      this.playing = false;
      if (first) this.#events.onError?.('refused');
      this.#host.requestUpdate();
    });
    howl.on('play', () => {
      if (howl !== this.#howl) return;
      if (this.#abandoned) {
        if (this.#id !== undefined) pauseQuietly(howl, this.#id);
        this.#abandon(howl);
        return;
      }
      this.#busy = null;
      this.playing = true;
      const resumed = this.#resuming;
      this.#resuming = false;
      if (!resumed) this.#events.onPlay?.();
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('pause', () => {
      if (howl !== this.#howl) return;
      this.playing = false;
      this.#events.onPause?.();
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('seek', () => {
      if (howl !== this.#howl || this.#seeking) return;
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('end', () => {
      if (howl !== this.#howl) return;
      const watch = this.#watch;
      // howler tells the element's 'ended' a task later: a move in between took the listener
      // elsewhere, and the sound goes on from there (howler has stopped this one at 0).
      if (watch?.movedAfterEnd) {
        this.#reload();
        return;
      }
      // Keep the position at the end, as a media element does, and start afresh on the next play:
      // an ended element that is sought while paused can sit without data, and howler would wait
      // for it forever. Where the file really ended: a file cut short ends before its duration
      // (its jump to the duration undone by the watch).
      let at = watch?.endedAt ?? null;
      if (at === null) {
        const now = node?.currentTime;
        const end = now !== undefined && Number.isFinite(now) && now > 0 ? now : this.duration;
        const playedTo = watch?.playedTo ?? 0;
        at = playedTo > 0 && playedTo < end - 1 ? playedTo : end;
      }
      this.#finish(at);
    });
  }

  /**
   * The episode ended at `at`: the Howl is let go. At the end, the end as howler counts the
   * duration (rounded up), so that Play starts afresh.
   */
  #finish(at: number): void {
    this.playing = false;
    this.wanted = false;
    this.#position = at < this.duration - 1 ? at : Math.max(at, this.duration);
    this.#letGo();
    this.#events.onEnd?.(this.#position);
    this.#host.requestUpdate();
  }

  /** The Howl is let go and, when the listener wants sound, a new one plays from the position kept. */
  #reload(): void {
    this.playing = false;
    this.#letGo();
    if (this.wanted) this.load();
    this.#host.requestUpdate();
  }

  /** The Howl is let go after its end: nothing is left to seek, and the next play loads afresh. */
  #letGo(): void {
    this.#dropHowl();
    this.#pendingSeek = null;
    this.status = AudioStatus.idle;
  }

  /** Lets the Howl go: its element unwatched and released, nothing of it in flight. */
  #dropHowl(): void {
    this.#release();
    this.#howl?.unload();
    this.#howl = undefined;
    this.#id = undefined;
    this.#busy = null;
    this.#abandoned = false;
    this.#resuming = false;
  }

  /**
   * A source failed. Before it loaded, the next one is tried, and the failure is classified by
   * what happened to it; once it had loaded, the file was there and playable, so the failure is
   * the connection's (or, when decoding broke off, an incomplete file) and it is told at once, at
   * the place where it stopped.
   */
  async #failed(source: AudioSource, code: number | undefined): Promise<void> {
    const howl = this.#howl;
    const loaded = this.status === AudioStatus.ready;
    if (loaded) this.#position = this.position;
    this.#release();
    const failure = loaded ? (!navigator.onLine ? 'offline' : code === MediaError.MEDIA_ERR_DECODE ? 'incomplete' : 'network') : await classify(source.src, code);
    if (howl !== this.#howl) return;
    this.#failures.push(failure);
    if (loaded) {
      this.#dropHowl();
      this.#pendingSeek = this.#position;
      this.#fail(failure);
    } else {
      this.#next();
    }
  }

  /**
   * Loads howler, then tries the first source. An import that fails is told as the audio's
   * network failure (or offline), one that hangs as a silent server, after SILENCE_MS.
   */
  #awaitEngine(): void {
    this.status = AudioStatus.loading;
    const silent = (): void => {
      // The next Play asks for it again, instead of waiting on the same hung request.
      retryAudioEngineLoad();
      this.#fail(navigator.onLine ? 'silent' : 'offline');
    };
    const wait = { timer: setTimeout(() => settle(silent), SILENCE_MS) };
    const settle = (then: () => void): void => {
      if (this.#engineWait !== wait) return;
      clearTimeout(wait.timer);
      this.#engineWait = null;
      then();
    };
    this.#engineWait = wait;
    loadAudioEngine().then(
      () => settle(() => this.#next()),
      () => settle(() => this.#fail(navigator.onLine ? 'network' : 'offline')),
    );
    this.#host.requestUpdate();
  }

  /** Nothing came from the server for SILENCE_MS: told, with the place kept; Play tries again. */
  #silent(howl: HowlInstance): void {
    if (howl !== this.#howl) return;
    if (this.status === AudioStatus.ready) this.#position = this.position;
    this.#dropHowl();
    this.#pendingSeek = this.#position > 0 ? this.#position : null;
    this.#fail(navigator.onLine ? 'silent' : 'offline');
  }

  /**
   * The listener no longer waits for sound (paused, ended, failed). Not `onBuffering`: that says
   * sound flows again, and none does (the host was told "Playing." over the silence).
   */
  #waited(): void {
    this.#watch?.idle();
    this.buffering = false;
  }

  /** Stops watching the element of the Howl being let go. */
  #release(): void {
    this.#awaiting = false;
    this.#waited();
    this.#watch?.release();
    this.#watch = undefined;
  }

  #fail(failure: AudioFailure): void {
    this.#waited();
    this.status = AudioStatus.error;
    this.loadedSrc = '';
    this.failure = failure;
    this.wanted = false;
    this.playing = false;
    this.#events.onError?.(failure);
    this.#host.requestUpdate();
  }

  /**
   * Hands the listener's intent to howler, one operation at a time. A move while playing is done
   * here, not by howler's seek: howler pauses, moves and plays again, and when the new place has
   * no data its play waits for 'canplay' there, holding every later call in its queue (a seek made
   * meanwhile ran only once data came for a place the listener had left, or never: the element
   * stood at the old place, paused, with Pause shown). Here the sound is paused without a word,
   * moved (at once, as howler moves a paused sound), and played again only when its element can
   * play where it stands.
   */
  #settle(): void {
    const howl = this.#howl;
    if (!howl || this.status !== AudioStatus.ready || this.#busy) return;
    const id = this.#id;
    if (this.#pendingSeek !== null) {
      const time = this.#pendingSeek;
      this.#pendingSeek = null;
      this.#watch?.moved();
      this.#seeking = true;
      try {
        if (id === undefined) {
          howl.seek(time);
        } else {
          if (howl.playing(id)) pauseQuietly(howl, id);
          howl.seek(time, id);
          if (this.#awaiting) moveSound(howl, time);
        }
      } finally {
        this.#seeking = false;
      }
      // The element, paused meanwhile, fires no 'waiting' when the new place has no data yet: the
      // wait is watched from here (buffering shown, silence told), until sound flows again.
      if (id !== undefined && this.playing) this.#watch?.wait();
    }
    const sounding = id !== undefined && howl.playing(id);
    const node = elementOf(howl);
    if (this.wanted && !sounding && node && atEnd(node)) {
      this.#finish(this.duration);
      return;
    }
    if (this.wanted && !sounding) {
      this.#play(howl, id);
      return;
    }
    // A sound waiting for data is paused for howler already; its element, asked to play, is not.
    if (!this.wanted && this.#awaiting) {
      this.#awaiting = false;
      node?.pause();
      keepPlace(howl);
    }
    if (!this.wanted && this.playing && id !== undefined) {
      this.#position = this.position;
      howl.pause(id);
    }
    // Not wanted, not howler's: an element asked to play on its own (to make it fetch) stops too.
    if (!this.wanted && node && !node.paused && !howl.playing(id)) {
      node.pause();
      keepPlace(howl);
    }
  }

  /**
   * The element was paused under howler's pending play, which has now returned (played, or
   * refused because of that pause): howler is brought in step, the pause told, and what the
   * listener wants since then is done.
   */
  #abandon(howl: HowlInstance): void {
    this.#abandoned = false;
    this.#busy = null;
    this.#resuming = false;
    this.playing = false;
    keepPlace(howl);
    this.#events.onPause?.();
    this.#settle();
    this.#host.requestUpdate();
  }

  /**
   * Plays the sound once its element can play where it stands (howler would wait, and queue the
   * rest). Meanwhile the element itself is asked to play: a paused element may not fetch (Chromium
   * after a seek), and one asked to play starts as soon as data comes; howler then takes it over
   * from where it got to.
   */
  #play(howl: HowlInstance, id: number | undefined): void {
    const node = elementOf(howl);
    const noData = (element: HTMLMediaElement): boolean => element.seeking || element.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
    if (id !== undefined && node && noData(node)) {
      if (this.#awaiting) return;
      this.#awaiting = true;
      setSoundRate(howl, this.#rate);
      node.play().catch(() => undefined);
      const ready = (): void => {
        const current = howl === this.#howl && this.#awaiting;
        if (current && noData(node)) return;
        for (const type of READY_EVENTS) node.removeEventListener(type, ready);
        if (!current) return;
        this.#awaiting = false;
        // howler plays from where it last put the sound: where the element got to on its own.
        if (!node.paused) keepPlace(howl);
        this.#settle();
        this.#host.requestUpdate();
      };
      for (const type of READY_EVENTS) node.addEventListener(type, ready);
      return;
    }
    this.#awaiting = false;
    this.#busy = 'play';
    this.#resuming = this.playing;
    setSoundRate(howl, this.#rate);
    const played = id === undefined ? howl.play() : howl.play(id);
    if (typeof played === 'number') this.#id = played;
  }
}
