import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoryChapter } from '../player-state/context.js';

/** What the follower reads from the player. */
export interface FollowSource {
  /** The chapter being played (or where the player stands), if any. */
  chapter(): StoryChapter | undefined;
  /** The id of the sentence being spoken (or the last one spoken), equal to its id on the page. */
  sentence(): string | undefined;
  playing(): boolean;
  /** Whether the page follows the narration ("Follow along"). */
  enabled(): boolean;
  /** The sticky dock (caption line and bar) that covers the bottom of the window. */
  dock(): HTMLElement | null | undefined;
  /** Moves the player to `time` (a link to a moment: `#t=95`, `#scene-4`). */
  seek(time: number): void;
}

/** The dock's height, for the page's pictures to fit above it (`max-height: calc(100svh - …)`). */
export const DockHeightProperty = '--story-player-dock-height';

/** Input that scrolls the page on the listener's own account. */
const SCROLL_INPUT = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
/** A scroll this soon after such input is the listener's. */
const INTENT_MS = 1000;
/** Room kept between the picture and the window's top, or the dock, in pixels. */
const MARGIN = 8;

/** `#t=95`, `#t=1:35`, `#t=95.5` (a media fragment's start) in seconds, or null. */
export function fragmentTime(hash: string): number | null {
  const match = /^#(?:.*&)?t=(?:npt:)?(\d+(?:\.\d+)?|\d+:\d{1,2}(?::\d{1,2})?(?:\.\d+)?)(?:,[^&]*)?(?:&|$)/.exec(hash);
  if (!match?.[1]) return null;
  return match[1].split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Keeps the page with the narration: after every jump (a chapter chosen, next or previous, a number
 * key, the lock screen, a transcript sentence, a link to a moment) and at each chapter change while
 * playing, the current picture is scrolled into view above the dock — at once under
 * `prefers-reduced-motion` — unless the listener has scrolled away from the current chapter on
 * purpose (then only a jump brings it back). The sentence being spoken is marked in the page text
 * (`data-current`, `aria-current="true"`); focus never moves. It also tells the page the dock's
 * height (`--story-player-dock-height` on the player, set through the CSSOM) and opens the story at
 * the moment a link names.
 */
export class FollowPicture implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: FollowSource;
  #chapterId: string | undefined;
  #sentence: Element | null = null;
  #sentenceId: string | undefined;
  #jumped = false;
  /** The listener scrolled the current chapter out of view. */
  #away = false;
  #intentAt = -Infinity;
  /** Until then, scrolling is ours. */
  #ownScrollUntil = 0;
  #linkRead = false;
  #dockHeight = 0;
  #measuredIn = 0;
  #resize: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, source: FollowSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of SCROLL_INPUT) addEventListener(type, this.#onIntent, { passive: true, capture: true });
    addEventListener('scroll', this.#onScroll, { passive: true, capture: true });
    addEventListener('hashchange', this.#onHashChange);
    addEventListener('resize', this.#onResize, { passive: true });
    // The dock is measured when it changes size (and once when first seen), never on every update:
    // reading a size lays out the page, and a long story's page is long.
    this.#resize = new ResizeObserver(() => this.#measureDock());
  }

  hostDisconnected(): void {
    for (const type of SCROLL_INPUT) removeEventListener(type, this.#onIntent, { capture: true });
    removeEventListener('scroll', this.#onScroll, { capture: true });
    removeEventListener('hashchange', this.#onHashChange);
    removeEventListener('resize', this.#onResize);
    this.#resize?.disconnect();
    this.#observed = null;
  }

  /** The listener moved the player (any seek): the current picture comes into view. */
  jumped(): void {
    this.#jumped = true;
    this.#away = false;
  }

  #observed: Element | null = null;

  hostUpdated(): void {
    const dock = this.#source.dock();
    if (dock && dock !== this.#observed) {
      this.#resize?.disconnect();
      this.#resize?.observe(dock);
      this.#observed = dock;
    }
    this.#markSentence();
    const chapter = this.#source.chapter();
    if (!this.#linkRead && chapter) this.#readLink();
    const changed = chapter !== undefined && this.#chapterId !== undefined && chapter.id !== this.#chapterId;
    const follow = this.#jumped || (changed && this.#source.playing() && !this.#away);
    this.#jumped = false;
    if (chapter) this.#chapterId = chapter.id;
    if (follow && chapter && this.#source.enabled()) {
      // After layout: the update may have closed the chapter list and changed the dock's height.
      requestAnimationFrame(() => void this.#bringIntoView(chapter));
    }
  }

  #measureDock(): void {
    const dock = this.#source.dock();
    if (!dock) return;
    // Without what the listener opened for a moment (the chapter list, the folded settings), and
    // only ever larger: pictures shrink once (when the caption line first appears), never back and forth.
    const passing = Array.from(dock.querySelectorAll('.chapter-list:not([hidden]), .settings.open, .more > .controls'), (el) => el.getBoundingClientRect().height);
    const height = Math.ceil(dock.getBoundingClientRect().height - passing.reduce((a, b) => a + b, 0));
    // Measured again in a window of another height (zoomed in or out: the bar may be slim now).
    if (innerHeight !== this.#measuredIn) [this.#dockHeight, this.#measuredIn] = [0, innerHeight];
    if (height <= this.#dockHeight) return;
    this.#dockHeight = height;
    this.#host.style.setProperty(DockHeightProperty, `${height}px`);
  }

  /** A window of another height (zoom): the dock may be another height too. */
  #onResize = (): void => {
    if (innerHeight !== this.#measuredIn) this.#measureDock();
  };

  /** The element with `id` inside the host: by the document's index of ids when it can, not by walking the page. */
  #byId(id: string, selector = ''): Element | null {
    const found = this.#host.ownerDocument.getElementById(id);
    if (found && this.#host.contains(found) && (!selector || found.matches(selector))) return found;
    return this.#host.querySelector(`${selector}[id="${CSS.escape(id)}"]`);
  }

  #markSentence(): void {
    const id = this.#source.sentence();
    // Only a new sentence (or the page's own one replaced) is looked for.
    if (id === this.#sentenceId && (!this.#sentence || this.#sentence.isConnected)) return;
    this.#sentenceId = id;
    const sentence = id ? this.#byId(id, '.sentence') : null;
    if (sentence === this.#sentence) return;
    this.#sentence?.removeAttribute('data-current');
    this.#sentence?.removeAttribute('aria-current');
    sentence?.setAttribute('data-current', '');
    sentence?.setAttribute('aria-current', 'true');
    this.#sentence = sentence;
  }

  /** The element that stands for `chapter` on the page: its picture, or the chapter's section. */
  #elementOf(chapter: StoryChapter): { whole: Element; picture: Element; heading: Element | null } | null {
    const whole = this.#byId(chapter.id);
    if (!whole) return null;
    const picture = whole.querySelector('figure img, figure') ?? whole;
    return { whole, picture, heading: whole.querySelector('h2, h3') };
  }

  /** The height of the window not covered by the dock. */
  #free(): number {
    const dock = this.#source.dock();
    const covered = dock && ['sticky', 'fixed'].includes(getComputedStyle(dock).position) ? dock.getBoundingClientRect().height : 0;
    return innerHeight - covered;
  }

  async #bringIntoView(chapter: StoryChapter): Promise<void> {
    const parts = this.#elementOf(chapter);
    if (!parts) return;
    const picture = parts.picture;
    // A lazy picture has no height until it loads: load it first, or it would be scrolled past.
    if (picture instanceof HTMLImageElement && !picture.complete) {
      picture.loading = 'eager';
      await Promise.race([picture.decode().catch(() => undefined), delay(2000)]);
    }
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#scrollBy(this.#offsetOf(parts), reduced);
    // Pictures above it may load and the dock grow (the caption line appears) meanwhile and move
    // it: look again as the scroll settles, and put it right at once.
    for (let look = 0; look < 3; look++) {
      await delay(reduced ? 50 : 600);
      const off = this.#offsetOf(parts);
      if (this.#away || this.#source.chapter() !== chapter) return;
      if (Math.abs(off) > MARGIN) this.#scrollBy(off, true);
    }
  }

  /** How far to scroll so that the picture (with its heading when there is room) shows above the dock. */
  #offsetOf(parts: { picture: Element; heading: Element | null }): number {
    const free = this.#free();
    const picture = parts.picture.getBoundingClientRect();
    const headingTop = parts.heading?.getBoundingClientRect().top ?? picture.top;
    if (picture.bottom - headingTop <= free - 2 * MARGIN) return headingTop - MARGIN;
    return picture.top - Math.max(MARGIN, (free - picture.height) / 2);
  }

  #scrollBy(top: number, instant: boolean): void {
    this.#ownScrollUntil = performance.now() + (instant ? 100 : 1500);
    scrollerOf(this.#host).scrollBy({ top, behavior: instant ? 'instant' : 'smooth' });
  }

  #onIntent = (event: Event): void => {
    // A press on the player's own controls, or a shortcut, is not scrolling away.
    if (this.#host.shadowRoot && event.composedPath().includes(this.#host.shadowRoot) && event.type !== 'wheel') return;
    this.#intentAt = performance.now();
  };

  #onScroll = (): void => {
    const now = performance.now();
    if (now < this.#ownScrollUntil || now - this.#intentAt > INTENT_MS) return;
    const chapter = this.#source.chapter();
    const parts = chapter && this.#elementOf(chapter);
    if (!parts) return;
    const box = parts.whole.getBoundingClientRect();
    this.#away = box.bottom <= 0 || box.top >= this.#free();
  };

  #onHashChange = (): void => {
    this.#linkRead = false;
    if (this.#source.chapter()) this.#readLink();
  };

  /** A link to a moment opens the story there: `#t=95`, or the id of a picture or chapter. */
  #readLink(): void {
    this.#linkRead = true;
    const hash = location.hash;
    if (!hash) return;
    const time = fragmentTime(hash);
    if (time !== null) {
      this.#source.seek(time);
      return;
    }
    const target = this.#host.querySelector(`[id="${CSS.escape(decodeURIComponent(hash.slice(1)))}"]`);
    const start = target?.closest('[start], [data-start]');
    const at = Number(start?.getAttribute('start') ?? start?.getAttribute('data-start'));
    if (start && Number.isFinite(at)) this.#source.seek(at);
  }
}

const delay = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The nearest ancestor that scrolls, or the window. */
function scrollerOf(element: Element): Element | Window {
  for (let at = element.parentElement; at && at !== document.documentElement && at !== document.body; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && at.scrollHeight > at.clientHeight) return at;
  }
  return window;
}
