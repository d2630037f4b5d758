/**
 * Finds the cue (or word, chapter, anything with a start and an end) at a playback time, many
 * times a second, in O(log n).
 *
 * Items are sorted by start on construction (a stable sort of a copy, so items that start
 * together keep their given order). A time `t` is inside an item when `start <= t < end`: at the
 * exact end of one caption and start of the next, the next one is shown. Items with `end <= start`
 * are kept in `items` but never contain any time.
 *
 * @example
 * const index = new CueIndex(parseWebVTT(vtt).cues);
 * const cue = index.at(audio.currentTime);
 */
export class CueIndex<T extends { start: number; end: number }> {
  /** The items sorted by start. Indices returned by `indexAt` point into this array. */
  readonly items: readonly T[];

  /** `items[i].start`, for binary search. */
  readonly #starts: number[];

  /**
   * The timeline cut into stretches where the answer of `indexAt` does not change:
   * from `#stretchStarts[k]` until the next stretch, the answer is `#stretchItems[k]` (-1: none).
   * Precomputing this keeps `at` a single binary search even when items overlap.
   */
  readonly #stretchStarts: number[] = [];
  readonly #stretchItems: number[] = [];

  constructor(items: Iterable<T>) {
    // NaN would make the comparison inconsistent; such items go last, where nothing finds them.
    const key = (item: T): number => (Number.isNaN(item.start) ? Infinity : item.start);
    this.items = Array.from(items).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    this.#starts = this.items.map((item) => item.start);
    this.#buildStretches();
  }

  /** The item playing at `time`; when several overlap, the one that started last. */
  at(time: number): T | undefined {
    return this.items[this.indexAt(time)];
  }

  /** Index in `items` of the item playing at `time` (see `at`), or -1 when none is. */
  indexAt(time: number): number {
    const k = countAtOrBefore(this.#stretchStarts, time) - 1;
    return this.#stretchItems[k] ?? -1;
  }

  /** The first item that starts after `time`: where a "next" button goes. */
  next(time: number): T | undefined {
    if (Number.isNaN(time)) return undefined;
    return this.items[countAtOrBefore(this.#starts, time)];
  }

  /**
   * The last item that starts before `time`. Like a player's "previous" button, in the middle of
   * an item this is the item itself (to hear it again), and at its very start the one before.
   */
  previous(time: number): T | undefined {
    return this.items[countBefore(this.#starts, time) - 1];
  }

  /** Index of the item playing at `time` or, between items, of the last one that started: -1 before the first. */
  currentOrLastIndex(time: number): number {
    const playing = this.indexAt(time);
    return playing >= 0 ? playing : countAtOrBefore(this.#starts, time) - 1;
  }

  /**
   * Sweeps the start and end times in order. Items enter in index order, so the newest item still
   * playing is the answer: a stack whose top is the latest start, where items that have ended are
   * popped once they reach the top (each item is pushed and popped at most once).
   */
  #buildStretches(): void {
    const { items } = this;
    const plays = (item: T): boolean => item.end > item.start; // false for NaN too
    const times = [...new Set(items.filter(plays).flatMap((item) => [item.start, item.end]))].sort(
      (a, b) => a - b,
    );
    const stack: number[] = [];
    let next = 0;
    for (const time of times) {
      for (; next < items.length && (items[next]?.start ?? Infinity) <= time; next++) {
        if (plays(items[next] as T)) stack.push(next);
      }
      while (stack.length > 0 && (items[stack.at(-1) as number]?.end ?? -Infinity) <= time) stack.pop();
      const answer = stack.at(-1) ?? -1;
      if (this.#stretchItems.at(-1) !== answer) {
        this.#stretchStarts.push(time);
        this.#stretchItems.push(answer);
      }
    }
  }
}

/** How many values of an ascending array are `<= x` (0 for NaN). */
function countAtOrBefore(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many values of an ascending array are `< x` (0 for NaN). */
function countBefore(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
