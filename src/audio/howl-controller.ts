// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- so that the package build (which lists only the entries) sees it too
/// <reference path="./howler-core.d.ts" />
import howler from 'howler/src/howler.core.js';
import type { Howl as HowlInstance } from 'howler';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioStatus } from '../player-state/vocabulary.js';

// howler is CommonJS: the dev server serves it through the commonjs plugin, where only the default
// import exists (named imports fail), and esbuild bundles it either way.
const { Howl, Howler } = howler;

// howler waits for 'canplaythrough' before playing an element whose data is not ready (after a seek
// while paused). Chromium often stops buffering a paused element at HAVE_FUTURE_DATA, so that event
// never comes and Play hangs; 'canplay' matches howler's own `readyState >= 3` check.
(Howler as unknown as { _canPlayEvent: string })._canPlayEvent = 'canplay';

// On unload howler stops the download by setting the element's src to a tiny data: URL, which a
// strict CSP (`media-src 'self' blob:`) refuses with a violation report. Releasing the element the
// way the HTML spec says (no src, then load()) stops the download as well. (howler's play() looks
// for that data: URL only to reload a live stream it stopped itself; the controller never calls
// stop(), and an unloaded Howl is never played again.)
(Howl.prototype as unknown as { _clearSound(node: HTMLMediaElement): void })._clearSound = (node) => {
  node.removeAttribute('src');
  node.load();
};

/** One `<source>` of the episode. */
export interface AudioSource {
  src: string;
  /** MIME type with codecs, as on `<source type>`; may be empty. */
  type: string;
}

/** How long a play may wait for data before the element is replaced. */
const STALL_MS = 2500;

/** Why the audio cannot play, so that the host can say it in words. */
export type AudioFailure = 'missing' | 'network' | 'decode' | 'no-source' | 'offline' | 'refused';

export interface HowlControllerEvents {
  /** Playback really started (the media element accepted `play()`). */
  onPlay?(): void;
  /** Playback paused, by request. */
  onPause?(): void;
  /** The episode played to its end. */
  onEnd?(): void;
  /** The audio is ready; `duration` is known. */
  onLoad?(): void;
  onError?(failure: AudioFailure): void;
}

const formatOf = ({ src, type }: AudioSource): string => {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const byType: Record<string, string> = {
    'audio/webm': 'webm',
    'audio/ogg': 'ogg',
    'audio/mpeg': 'mp3',
    'audio/mp3': 'mp3',
    'audio/mp4': 'm4a',
    'audio/aac': 'aac',
    'audio/wav': 'wav',
    'audio/flac': 'flac',
  };
  return byType[mime] ?? new URL(src, document.baseURI).pathname.split('.').pop()?.toLowerCase() ?? '';
};

/**
 * Plays one episode through one howler `Howl` (`html5: true`: streaming, and pitch kept when the
 * rate changes) and keeps its state on the controller for the host to render.
 *
 * Intent and howler are kept apart: `play()`, `pause()`, `seek()` and `setRate()` record what the
 * listener wants, and the controller hands it to howler one operation at a time. howler queues calls
 * made while a `play()` promise is pending and can lose them; here the last seek always wins and a
 * pause during a pending play is honoured.
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

  readonly #host: ReactiveControllerHost;
  readonly #events: HowlControllerEvents;
  #sources: AudioSource[] = [];
  #candidates: AudioSource[] = [];
  #howl: HowlInstance | undefined;
  #id: number | undefined;
  #rate = 1;
  #appliedRate = 1;
  #position = 0;
  #pendingSeek: number | null = null;
  #source: AudioSource | undefined;
  #stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** The howler operation in flight, if any: a play promise, or a seek while playing. */
  #busy: 'play' | 'seek' | null = null;

  constructor(host: ReactiveControllerHost, events: HowlControllerEvents = {}) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
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
    if (this.#howl || this.status === AudioStatus.error) {
      this.unload();
      if (this.wanted) this.load();
    }
  }

  /** Starts loading the audio if it has not started yet (or failed before). */
  load(): void {
    if (this.#howl && this.status !== AudioStatus.error) return;
    const probe = document.createElement('audio');
    this.#candidates = this.#sources.filter((s) => !s.type || probe.canPlayType(s.type) !== '');
    this.failure = null;
    this.#next();
  }

  /** Plays from the current position, loading first if needed. */
  play(): void {
    this.wanted = true;
    if (!this.#howl || this.status === AudioStatus.error) this.load();
    else this.#settle();
    this.#host.requestUpdate();
  }

  pause(): void {
    this.wanted = false;
    this.#settle();
    this.#host.requestUpdate();
  }

  /** Moves to `time` seconds (clamped to the episode); playing continues if it was. */
  seek(time: number): void {
    const max = this.duration > 0 ? this.duration : Infinity;
    this.#position = Math.min(Math.max(0, time), max);
    this.#pendingSeek = this.#position;
    this.#settle();
    this.#host.requestUpdate();
  }

  /** Playback rate, 0.5–4; pitch is kept. */
  setRate(rate: number): void {
    this.#rate = rate;
    this.#settle();
    this.#host.requestUpdate();
  }

  /** The playback position in seconds, read from the media element now. */
  get position(): number {
    if (this.#howl && this.status === AudioStatus.ready && this.#busy === null && this.#pendingSeek === null) {
      const p = this.#howl.seek(this.#id);
      if (typeof p === 'number' && Number.isFinite(p)) this.#position = p;
    }
    return this.#position;
  }

  /** Stops and releases the audio element. */
  unload(): void {
    clearTimeout(this.#stallTimer);
    this.#howl?.unload();
    this.#howl = undefined;
    this.#id = undefined;
    this.#busy = null;
    this.playing = false;
    this.status = AudioStatus.idle;
    this.#pendingSeek = this.#position > 0 ? this.#position : null;
  }

  /** Tries the next playable source; reports a failure when none is left. */
  #next(): void {
    this.#howl?.unload();
    this.#howl = undefined;
    this.#id = undefined;
    this.#busy = null;
    const source = this.#candidates.shift();
    this.#source = source;
    if (!source) {
      this.#fail(this.failure ?? 'no-source');
      return;
    }
    this.status = AudioStatus.loading;
    this.#appliedRate = this.#rate;
    const howl: HowlInstance = new Howl({
      src: [source.src],
      format: [formatOf(source)],
      html5: true,
      preload: true,
      rate: this.#rate,
    });
    this.#howl = howl;
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
      this.#events.onLoad?.();
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('loaderror', (_id, code) => {
      if (howl !== this.#howl) return;
      const failure: AudioFailure = !navigator.onLine
        ? 'offline'
        : code === 2
          ? 'network'
          : code === 3
            ? 'decode'
            : 'missing';
      this.failure = failure;
      this.#next();
    });
    howl.on('playerror', () => {
      if (howl !== this.#howl) return;
      // howler reports a refused play twice; one report is enough.
      const first = this.wanted || this.#busy !== null;
      this.#busy = null;
      this.wanted = false;
      this.playing = false;
      if (first) this.#events.onError?.('refused');
      this.#host.requestUpdate();
    });
    howl.on('play', () => {
      if (howl !== this.#howl) return;
      clearTimeout(this.#stallTimer);
      this.#busy = null;
      this.playing = true;
      this.#events.onPlay?.();
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
      if (howl !== this.#howl) return;
      if (this.#busy === 'seek') this.#busy = null;
      this.#settle();
      this.#host.requestUpdate();
    });
    howl.on('end', () => {
      if (howl !== this.#howl) return;
      this.playing = false;
      this.wanted = false;
      // Keep the position at the end, as a media element does, and start afresh on the next play:
      // an ended element that is sought while paused can sit without data, and howler would wait
      // for it forever.
      this.#position = this.duration;
      this.#pendingSeek = null;
      this.#howl = undefined;
      this.#id = undefined;
      this.#busy = null;
      this.status = AudioStatus.idle;
      howl.unload();
      this.#events.onEnd?.();
      this.#host.requestUpdate();
    });
  }

  /**
   * howler plays an element that has no data yet only after 'canplay', and Chromium may never
   * fetch for a paused element: after STALL_MS, start again with a fresh element at the position.
   */
  #unstall(howl: HowlInstance): void {
    if (howl !== this.#howl || this.#busy !== 'play' || this.playing || !this.#source) return;
    const position = this.#position;
    this.#candidates.unshift(this.#source);
    this.#pendingSeek = position;
    this.#next();
  }

  #fail(failure: AudioFailure): void {
    this.status = AudioStatus.error;
    this.loadedSrc = '';
    this.failure = failure;
    this.wanted = false;
    this.playing = false;
    this.#events.onError?.(failure);
    this.#host.requestUpdate();
  }

  /** Hands the listener's intent to howler, one operation at a time. */
  #settle(): void {
    const howl = this.#howl;
    if (!howl || this.status !== AudioStatus.ready || this.#busy) return;
    if (this.#appliedRate !== this.#rate) {
      this.#appliedRate = this.#rate;
      howl.rate(this.#rate);
    }
    if (this.#pendingSeek !== null) {
      const time = this.#pendingSeek;
      this.#pendingSeek = null;
      if (this.#id === undefined) {
        howl.seek(time);
      } else {
        // While playing, howler pauses, moves and plays again: wait for its 'seek' event.
        howl.seek(time, this.#id);
        if (this.playing) {
          this.#busy = 'seek';
          return;
        }
      }
    }
    if (this.wanted && !this.playing) {
      this.#busy = 'play';
      const id = this.#id === undefined ? howl.play() : howl.play(this.#id);
      if (typeof id === 'number') this.#id = id;
      clearTimeout(this.#stallTimer);
      this.#stallTimer = setTimeout(() => this.#unstall(howl), STALL_MS);
      return;
    }
    if (!this.wanted && this.playing && this.#id !== undefined) {
      this.#position = this.position;
      howl.pause(this.#id);
    }
  }
}
