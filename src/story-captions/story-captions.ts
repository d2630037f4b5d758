import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { CueIndex } from '../captions/cue-index.js';
import type { StoryCue } from '../player-state/context.js';
import { PlayerLink } from '../player-state/player-link.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { CaptionsMode } from '../player-state/vocabulary.js';
import { styles } from './story-captions.styles.js';

/**
 * The caption line: the sentence being spoken, with the word being spoken highlighted.
 *
 * While the story plays and the line is on screen it follows the audio every animation frame (not
 * `timeupdate`, which comes only a few times a second); paused, off screen or in a background tab
 * it does no work. It is deliberately not a live region: a screen reader would talk over the
 * narration. The line keeps a fixed height of two lines (a longer cue scrolls within it, keeping the
 * word being spoken in view), so that nothing around it moves while playing. It hides itself when the listener turns captions off, and sets the `blank` attribute
 * whenever it shows nothing (off, or paused outside any sentence) so that it takes no room. Place it
 * inside a `<story-player>`, or anywhere on the page with `player` set to the player's id.
 *
 * @summary The current caption line, word by word, in time with the audio.
 *
 * @csspart line - The caption line (`data-cue` holds the id of the cue shown).
 * @csspart word - Each word; the one being spoken also has part `current-word`.
 * @csspart current-word - The word being spoken.
 * @csspart voice - The speaker label, for voices other than the usual narrator.
 *
 * @cssproperty [--story-captions-font-size=clamp(1.05rem, 0.95rem + 0.6vw, 1.35rem)] - Size of the caption text.
 * @cssproperty [--story-captions-highlight=light-dark(#f6dfb8, #5a3a18)] - Background of the current word.
 * @cssproperty [--story-captions-color=inherit] - Caption text colour.
 */
export class StoryCaptions extends LitElement {
  /** The tag it is registered under by `define.js` and `story-captions.js`. */
  static readonly tagName = 'story-captions';
  static override styles = styles;

  /** The id of the `<story-player>` to follow; without it, the player around this element. */
  @property({ reflect: true }) player = '';

  readonly #link = new PlayerLink(this, () => this.#heard());

  /** What it shows, from the player: it renders only when one of these, or the cue or word, changes. */
  @state() private index = new CueIndex<StoryCue>([]);
  @state() private on = true;
  @state() private playing = false;

  readonly #localize = new LocalizeController(this);

  @state() private cueIndex = -1;
  @state() private wordIndex = -1;

  #usualVoice: string | null = null;
  /** The row the line is scrolled to, and the rows of the cue's words (measured again at another width). */
  #row = 0;
  #rows: { cue: number; rows: number[]; rowHeight: number } | undefined;
  #resize: ResizeObserver | undefined;
  #frame = 0;
  #boundaryTimer: ReturnType<typeof setTimeout> | undefined;
  #onScreen = true;
  #observer: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (typeof IntersectionObserver !== 'undefined') {
      this.#observer = new IntersectionObserver((entries) => {
        this.#onScreen = entries.some((e) => e.isIntersecting);
        this.#shownAgain();
      });
      this.#observer.observe(this);
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => (this.#rows = undefined));
      this.#resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#boundaryTimer);
    this.#frame = 0;
  }

  /** The player published something: take what this line shows, and follow the time again. */
  #heard(): void {
    this.index = this.#link.story?.captionIndex ?? this.index;
    this.on = this.#link.playback?.captions !== CaptionsMode.off;
    this.playing = !!this.#link.playback?.playing;
    // Paused or seeking: show the line at the audio's place; playing: the frame loop takes over.
    // Off screen or in a hidden tab it does nothing until it is seen again; folded away while
    // blank (display: none, so never "on screen") it takes the next line, which unfolds it.
    if (this.#seen || this.hasAttribute('blank')) this.#follow(this.#link.clock?.now() ?? 0);
    this.#loop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('player') && changed.get('player') !== undefined) this.#link.relink();
    if (changed.has('index')) this.#usualVoice = usualVoice(this.index.items);
  }

  protected override updated(changed: PropertyValues): void {
    // Nothing to show (captions off, or idle before or between sentences): let the page fold it away.
    const blank = !this.on || (this.cueIndex < 0 && !this.playing);
    this.toggleAttribute('blank', blank);
    if (changed.has('cueIndex') || changed.has('wordIndex')) this.#keepWordInView();
  }

  /**
   * The line is two lines high whatever the cue, so that nothing around it moves: a longer cue
   * scrolls within it, a line at a time, keeping the word being spoken on the second line.
   */
  #keepWordInView(): void {
    const line = this.renderRoot.querySelector<HTMLElement>('.line');
    if (!line) return;
    // Reading a position lays out the page (a long one takes long): the rows of a cue's words are
    // measured once, when its first word is spoken, and the line is scrolled only when the row
    // changes. Without a word the line goes back to its top, if it is not there already.
    if (this.wordIndex < 0) {
      if (this.#row !== 0) line.scrollTop = 0;
      this.#row = 0;
      return;
    }
    if (this.#rows?.cue !== this.cueIndex) {
      const rowHeight = parseFloat(getComputedStyle(line).lineHeight);
      const top = line.getBoundingClientRect().top + line.clientTop - line.scrollTop + parseFloat(getComputedStyle(line).paddingTop);
      const rows = Array.from(line.querySelectorAll<HTMLElement>('.word'), (word) => (rowHeight > 0 ? Math.round((word.getBoundingClientRect().top - top) / rowHeight) : 0));
      this.#rows = { cue: this.cueIndex, rows, rowHeight };
    }
    const { rows, rowHeight } = this.#rows;
    const row = Math.max(0, (rows[this.wordIndex] ?? 0) - 1);
    if (row === this.#row) return;
    this.#row = row;
    line.scrollTop = row * rowHeight;
  }

  protected override render() {
    const cue = this.index.items[this.cueIndex];
    return html`<div class="caption" ?hidden=${!this.on} aria-label=${this.#localize.term('captionLine')} role="group">
      <p class="line" part="line" data-cue=${cue?.id ?? ''}>
        ${cue && cue.voice && cue.voice !== this.#usualVoice ? html`<span class="voice" part="voice">${cue.voice}: </span>` : nothing}
        ${cue
          ? cue.words.length
            ? cue.words.map((word, i) => {
                const current = i === this.wordIndex;
                return html`<span class=${classMap({ word: true, current })} part=${current ? 'word current-word' : 'word'}>${word.text}</span> `;
              })
            : cue.text
          : nothing}
      </p>
    </div>`;
  }

  /** Shows the cue and word at `time`; re-renders only when either changes. */
  #follow(time: number): void {
    const index = this.index;
    const cueIndex = index.indexAt(time);
    const cue = index.items[cueIndex];
    let wordIndex = -1;
    if (cue) {
      for (const [i, w] of cue.words.entries()) {
        if (w.start <= time) wordIndex = i;
        else break;
      }
    }
    if (cueIndex !== this.cueIndex) this.cueIndex = cueIndex;
    if (wordIndex !== this.wordIndex) this.wordIndex = wordIndex;
  }

  /** Runs the frame loop while it is worth it: playing, captions on, on screen, tab visible. */
  #loop = (): void => {
    const wanted = !!this.#link.clock?.playing() && this.on && this.#seen && this.isConnected;
    if (!wanted) {
      clearTimeout(this.#boundaryTimer);
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      return;
    }
    if (this.#frame) return;
    const frame = (): void => {
      this.#frame = 0;
      if (!this.#link.clock?.playing()) return;
      const now = this.#link.clock.now();
      this.#follow(now);
      this.#catchBoundary(now);
      this.#loop();
    };
    this.#frame = requestAnimationFrame(frame);
  };

  /**
   * A frame only comes every ~17 ms, so a word or line that starts between two frames would show
   * up to a frame late. When the next boundary falls before the next frame, a timer wakes at that
   * moment instead and updates the line then (measured with `npm run bench`).
   */
  #catchBoundary(now: number): void {
    clearTimeout(this.#boundaryTimer);
    const next = this.#nextBoundary(now);
    if (next === undefined) return;
    const ms = this.#msUntil(next, now);
    if (ms > FRAME_MS + 2) return;
    // Timers round to whole milliseconds: aim just after the boundary so one wake usually suffices.
    this.#wakeAt(next, Math.ceil(ms) + 1);
  }

  /**
   * Timers count whole milliseconds and the audio clock does not follow them exactly, so the timer
   * can fire a little before `next`: it then waits for the rest, never showing a word early. The
   * next frame cancels it (`#catchBoundary`), and so does pausing.
   */
  #wakeAt(next: number, ms: number): void {
    this.#boundaryTimer = setTimeout(() => {
      if (!this.#link.clock?.playing()) return;
      const now = this.#link.clock.now();
      if (now < next) {
        this.#wakeAt(next, this.#msUntil(next, now));
        return;
      }
      this.#follow(now);
      this.#catchBoundary(now);
    }, Math.max(0, ms));
  }

  /** Milliseconds of playback from `now` until `time`, at the current speed. */
  #msUntil(time: number, now: number): number {
    return ((time - now) / (this.#link.playback?.rate || 1)) * 1000;
  }

  /** The next time at which the line or the highlighted word changes. */
  #nextBoundary(now: number): number | undefined {
    const index = this.index;
    const cue = index.items[this.cueIndex];
    const times = [index.next(now)?.start, cue?.end, ...(cue?.words.map((w) => w.start) ?? [])];
    let next: number | undefined;
    for (const time of times) if (time !== undefined && time > now && (next === undefined || time < next)) next = time;
    return next;
  }

  #onVisibility = (): void => this.#shownAgain();

  /** On screen and in a visible tab: only then is the line worth any work. */
  get #seen(): boolean {
    return this.#onScreen && document.visibilityState === 'visible';
  }

  /** Seen again (or hidden): the line catches up with the audio at once, then follows it. */
  #shownAgain(): void {
    if (this.#seen) this.#follow(this.#link.clock?.now() ?? 0);
    this.#loop();
  }
}

/** One frame at 60 Hz, in milliseconds. */
const FRAME_MS = 1000 / 60;

/** The voice of most cues: shown without a label, every other voice gets one. */
function usualVoice(cues: readonly StoryCue[]): string | null {
  const counts = new Map<string, number>();
  for (const c of cues) if (c.voice) counts.set(c.voice, (counts.get(c.voice) ?? 0) + 1);
  let best: string | null = null;
  for (const [voice, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = voice;
  return best;
}

declare global {
  interface HTMLElementTagNameMap {
    'story-captions': StoryCaptions;
  }
}
