/** Up to this many sentences, the list is made at once when opened; a longer one in slices. */
export const AT_ONCE = 600;
/** The longest a slice of the list's first render should take, in milliseconds. */
const SLICE_MS = 12;
/** A first guess of what one sentence costs to make, until a slice has been timed. */
const GUESS_MS_PER_CUE = 0.05;

/** A chapter of the list and its sentences. */
export interface Fillable {
  readonly cues: readonly unknown[];
}

/**
 * Which chapters of a long transcript are made (the others show their title only), and the slices
 * that make the rest while the page is idle: each slice as many sentences as fit in SLICE_MS, by
 * what the sentences of the last large update cost.
 */
export class ProgressiveFill<G extends Fillable> {
  #filled = new Set<G>();
  /** The sentences the next update makes. */
  #filling = 0;
  #msPerCue = GUESS_MS_PER_CUE;
  #slice: { cancel(): void } | undefined;
  readonly #requestUpdate: () => void;

  constructor(requestUpdate: () => void) {
    this.#requestUpdate = requestUpdate;
  }

  /** Whether `group`'s sentences are made. */
  has(group: G): boolean {
    return this.#filled.has(group);
  }

  /** Whether no chapter is made yet. */
  get empty(): boolean {
    return this.#filled.size === 0;
  }

  /** Makes `group`'s sentences in the next update. */
  fill(group: G): void {
    if (this.#filled.has(group)) return;
    this.#filled.add(group);
    this.#filling += group.cues.length;
  }

  /** The chapters were grouped again: none of the new ones is made. */
  reset(): void {
    this.#filled = new Set();
  }

  complete(groups: readonly G[]): boolean {
    return groups.every((group) => this.#filled.has(group));
  }

  /** Runs the host's update, timing what it made: the next slices are sized by it. */
  timed(update: () => void): void {
    const started = performance.now();
    const filling = this.#filling;
    update();
    if (filling >= 50) this.#msPerCue = (performance.now() - started) / filling;
    this.#filling = 0;
  }

  /**
   * The next slice, when the page is idle (or within a second): the chapters of `groups()` not
   * made yet, in order, up to the slice's budget. `groups()` answers undefined when the list is no
   * longer shown.
   */
  schedule(groups: () => readonly G[] | undefined): void {
    if (this.#slice) return;
    const run = (): void => {
      this.#slice = undefined;
      const all = groups();
      if (!all) return;
      const budget = Math.max(50, Math.floor(SLICE_MS / this.#msPerCue));
      let cues = 0;
      for (const group of all) {
        if (cues >= budget) break;
        if (this.#filled.has(group)) continue;
        this.fill(group);
        cues += group.cues.length;
      }
      if (cues > 0) this.#requestUpdate();
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 1000 });
      this.#slice = { cancel: () => cancelIdleCallback(id) };
    } else {
      const id = setTimeout(run, 16);
      this.#slice = { cancel: () => clearTimeout(id) };
    }
  }

  /** Stops the slice to come, if any. */
  cancel(): void {
    this.#slice?.cancel();
    this.#slice = undefined;
  }
}
