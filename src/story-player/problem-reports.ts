import type { LocalizeController } from '../i18n/localize-controller.js';
import { StoryErrorEvent } from '../player-state/events.js';
import type { TrackKind } from '../player-state/vocabulary.js';
import type { PictureNoun } from '../i18n/translation.js';
import * as pageProblem from './page-problems.js';
import type { PageProblem } from './story-chapters.js';
import type { TrackProblem } from '../captions/load-track.js';
import type { AnnounceOptions } from '../shared/announcer.js';

type Source = StoryErrorEvent['source'];

/** A problem to tell: its `error` event, and whether the listener hears it. */
interface Report {
  event: StoryErrorEvent;
  spoken: boolean;
}

interface Player extends HTMLElement {
  announce(message: string, options?: AnnounceOptions): void;
}

/**
 * Tells what went wrong to whom it concerns. A failure the listener notices (the audio, a track
 * that did not come or could not be read at all) is said in the status region in the listener's
 * language; a problem in the page's markup is the author's, and goes to `console.warn` with the
 * element, never to the listener. Both are `error` events for the embedder. While the page and its
 * tracks load, everything waits to be told at once — and until the embedder's listeners are
 * there: the page is first read as the player connects.
 */
export class ProblemReports {
  readonly #player: Player;
  readonly #localize: LocalizeController;
  #held: Report[] | null = null;
  /** Markup problems already told: the page is read again as tracks load, and says each once. */
  readonly #told = new Set<string>();
  /** Pictures whose failure was told: an image fails again at each new width. */
  readonly #pictures = new WeakSet<HTMLImageElement>();

  constructor(player: Player, localize: LocalizeController) {
    this.#player = player;
    this.#localize = localize;
  }

  /** The page and its tracks start loading: hold everything until `release()`, and forget what was told. */
  hold(): void {
    this.#held = [];
    this.#told.clear();
  }

  /** Everything has loaded: tell what was held. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    this.#dispatch(held);
  }

  /**
   * The problems of the latest reading of the scenes. While the page and its tracks load, each
   * reading replaces the one before (a page that sets its attributes a moment after the player
   * connects, as React does, is told nothing about the moment before).
   */
  scenes(problems: readonly PageProblem[]): void {
    if (this.#held) {
      const earlier = this.#held.filter((report) => report.event.source === 'scene' && !report.spoken);
      for (const report of earlier) this.#told.delete(report.event.message);
      this.#held = this.#held.filter((report) => !earlier.includes(report));
    }
    for (const problem of problems) this.warnAuthor(problem, 'scene');
  }

  /** A problem in the markup, told once to the console and the embedder. */
  warnAuthor(problem: PageProblem, source: Source): void {
    if (this.#told.has(problem.message)) return;
    this.#told.add(problem.message);
    this.#report({ event: new StoryErrorEvent(problem.message, source, problem.element), spoken: false });
  }

  /** A failure the listener notices, said in words. */
  tellListener(message: string, source: Source): void {
    this.#report({ event: new StoryErrorEvent(message, source), spoken: true });
  }

  /**
   * A picture of the story that did not load (an `error` event of an `<img>` in the player), told
   * once, with its file and what the server said: the file is asked for again to know.
   */
  async picture(img: HTMLImageElement, noun: PictureNoun): Promise<void> {
    const src = img.currentSrc || img.src;
    if (!src || this.#pictures.has(img)) return;
    this.#pictures.add(img);
    const number = Number(img.closest('story-scene')?.getAttribute('number')) || 0;
    const file = new URL(src).pathname.split('/').pop() ?? src;
    const t = this.#localize;
    const detail = await fetch(src, { cache: 'no-store' }).then(
      (r) => (void r.body?.cancel().catch(() => undefined), r.ok ? file : `${file}: ${r.status} ${r.statusText}`.trim()),
      () => t.term('trackDetailNetwork'),
    );
    this.#player.announce(t.term('pictureMissing', noun, number, detail), { error: `picture ${number}` });
  }

  /** A text track that failed: missing or unreadable for the listener, partly invalid for the author. */
  track(kind: TrackKind, problem: TrackProblem, element: Element): void {
    const t = this.#localize;
    switch (problem.type) {
      case 'missing': {
        const detail =
          problem.status === 'network'
            ? t.term('trackDetailNetwork')
            : problem.status === 'offline'
              ? t.term('trackDetailOffline')
              : `${problem.file}: ${problem.status} ${problem.statusText ?? ''}`.trim();
        return this.tellListener(t.term('trackMissing', kind, detail), kind);
      }
      case 'unreadable':
        console.warn(pageProblem.trackUnreadable(kind, problem.file, problem.line, problem.message), element);
        return this.tellListener(t.term('trackUnreadable', kind), kind);
      case 'partial': {
        const message = pageProblem.trackPartial(kind, problem.file, problem.count, problem.line, problem.message);
        return this.warnAuthor({ element, message }, kind);
      }
    }
  }

  #report(report: Report): void {
    if (this.#held) this.#held.push(report);
    else this.#dispatch([report]);
  }

  #dispatch(reports: readonly Report[]): void {
    for (const { event, spoken } of reports) {
      // The author's problems go to the console with the element they are in; the listener's are said.
      if (!spoken && event.element) console.warn(event.message, event.element);
      this.#player.dispatchEvent(event);
    }
    // Each failure is an error of its own (one per track), shown until dismissed: none hides another.
    for (const { event, spoken } of reports) if (spoken) this.#player.announce(event.message, { error: event.source });
  }
}
