/** Waiting this long for data is shown (and said once) as buffering. */
export const BUFFERING_MS = 2000;
/** Nothing from the server for this long while the listener waits: it is told, in words. */
export const SILENCE_MS = 15_000;
const LOOK_MS = 250;
/** How much further than its speed allows the element's time may move between two updates and still be where it played to. */
const JUMP_SLACK = 1.5;

export interface MediaWatchEvents {
  /** The listener has waited BUFFERING_MS for sound (true), or sound flows again (false). */
  buffering(on: boolean): void;
  /** Nothing arrived for SILENCE_MS while the listener waited (or BUFFERING_MS, offline). */
  silent(): void;
}

/** Events that say data arrived (or that sound plays, which needs data). */
const ARRIVALS = ['progress', 'loadedmetadata', 'loadeddata', 'canplay', 'playing', 'timeupdate'] as const;

/**
 * Watches the HTML5 media element howler plays through, for what the element reports: while the
 * listener waits for sound (after Play, or on `waiting` mid-stream) it measures how long, and how
 * long since data last arrived (`progress` and the ready-state events). A slow server that keeps
 * sending only makes the wait long; a server that sends nothing is `silent()` after SILENCE_MS. An
 * element the browser stopped fetching for (`networkState` idle, `readyState` below
 * HAVE_FUTURE_DATA: Chromium may not fetch for a paused element after a seek) is asked to play,
 * which makes it fetch; one at its end is not (it would start again from 0).
 */
export class MediaWatch {
  /**
   * Where the element last played to (its `timeupdate`s): a file cut short "ends" at its duration,
   * after a jump from here. A time is believed when it is no further on than the element could
   * have played since the update before (wall-clock time × its speed, with slack), or follows a
   * seek: Chromium may fire no `timeupdate` for seconds (2.5 s seen while it reconnects after a cut
   * connection, or under load), so a fixed step would take a late update for a jump.
   */
  playedTo = 0;
  /**
   * Where the element stood when it fired `ended`, until the Howl is let go: howler then stops the
   * element, which moves it to 0, and tells its own 'end' a task later.
   */
  endedAt: number | null = null;
  /** The listener moved the element after it ended, before howler told its 'end'. */
  movedAfterEnd = false;
  #playedAt = 0;
  readonly #node: HTMLMediaElement;
  readonly #events: MediaWatchEvents;
  readonly #stop = new AbortController();
  #since: number | null = null;
  #lastData = 0;
  #buffering = false;
  #nudged = false;
  #seeked = true;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(node: HTMLMediaElement, events: MediaWatchEvents) {
    this.#node = node;
    this.#events = events;
    const signal = this.#stop.signal;
    for (const type of ARRIVALS) node.addEventListener(type, this.#arrived, { signal });
    node.addEventListener('playing', this.#flowing, { signal });
    node.addEventListener('waiting', () => this.wait(), { signal });
    node.addEventListener('seeking', () => (this.#seeked = true), { signal });
    // A file cut short "ends" at its duration: it ended where it played to.
    node.addEventListener('ended', () => (this.endedAt = this.#reached(node.currentTime) ? node.currentTime : this.playedTo), { signal });
  }

  /** The listener waits for sound now (Play was pressed, or the element ran out of data). */
  wait(): void {
    if (this.#since !== null) return;
    this.#since = performance.now();
    this.#lastData = this.#since;
    this.#nudged = false;
    this.#timer = setInterval(this.#look, LOOK_MS);
  }

  /** The listener moved the element: it no longer stands where it ended, if it had. */
  moved(): void {
    if (this.endedAt !== null) this.movedAfterEnd = true;
    this.endedAt = null;
  }

  /** The listener no longer waits (paused, ended, failed): the wait ends without a word (sound does not flow). */
  idle(): void {
    this.#stopWaiting();
  }

  /** Stops watching the element for good. */
  release(): void {
    this.idle();
    this.#stop.abort();
  }

  #arrived = (event: Event): void => {
    // A `timeupdate` with no data (the element moved to a seek target) is not data.
    const node = this.#node;
    if (event.type !== 'timeupdate' || node.readyState > HTMLMediaElement.HAVE_CURRENT_DATA) this.#lastData = performance.now();
    // Time moves by a quarter second between updates, or jumps after a seek; any other jump (to the
    // duration, as a file cut short "ends") is not where it played to.
    if (event.type !== 'timeupdate') return;
    const time = node.currentTime;
    if (this.#seeked || this.#reached(time)) {
      this.playedTo = time;
      this.#seeked = false;
    }
    this.#playedAt = performance.now();
  };

  /** Whether the element can have played on to `time` since the last time believed. */
  #reached(time: number): boolean {
    const reach = ((performance.now() - this.#playedAt) / 1000) * Math.max(1, this.#node.playbackRate) * JUMP_SLACK + 1;
    return time >= this.playedTo - 1 && time - this.playedTo <= reach;
  }

  /** Sound flows again: a wait that was shown as buffering is over. */
  #flowing = (): void => {
    const shown = this.#buffering;
    this.#stopWaiting();
    if (shown) this.#events.buffering(false);
  };

  #stopWaiting(): void {
    clearInterval(this.#timer);
    this.#since = null;
    this.#buffering = false;
  }

  #look = (): void => {
    const since = this.#since;
    if (since === null) return;
    const node = this.#node;
    const now = performance.now();
    if (!this.#nudged && node.paused && !node.ended && now - since > LOOK_MS * 4 && node.networkState === HTMLMediaElement.NETWORK_IDLE && node.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) {
      this.#nudged = true;
      node.play().catch(() => undefined);
    }
    if (!this.#buffering && now - since >= BUFFERING_MS) {
      this.#buffering = true;
      this.#events.buffering(true);
    }
    // Offline, nothing will come: no need to wait out the silence of a server.
    if (now - this.#lastData >= SILENCE_MS || (!navigator.onLine && now - since >= BUFFERING_MS)) {
      this.#stopWaiting();
      this.#events.silent();
    }
  };
}
