import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { clock } from '../captions/time-text.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { StoryChapter } from '../player-state/context.js';
import { SliderStep } from './keyboard-shortcuts.js';

/** What the seek bar needs from its player. */
export interface SeekBarPlayer {
  /** The exact playback position now. */
  position(): number;
  /** The episode's length in seconds (0 when unknown). */
  length(): number;
  seek(time: number): void;
}

/**
 * The position slider (`role="slider"`) with its rail, fill, chapter marks and the visible time.
 *
 * What it tells assistive technology (`aria-valuenow`, `aria-valuetext`) is set when it gains focus
 * and on every seek, not on every tick, so a screen reader is not flooded while it plays. Dragging
 * on the track previews the time and letting go seeks there. Where the fill, thumb and marks sit is
 * set as custom properties after rendering: no style attribute (a strict CSP refuses them), and
 * logical properties in the stylesheet so that the slider runs from the right in a right-to-left
 * page.
 */
export class SeekBar implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #player: SeekBarPlayer;
  readonly #localize: LocalizeController;
  /** The time shown while the listener drags, or null. */
  #scrubTime: number | null = null;
  /** The slider's value as told to assistive technology. */
  #spokenValue = 0;
  #shown = { time: 0, length: 0 };

  constructor(host: ReactiveControllerHost & HTMLElement, player: SeekBarPlayer, localize: LocalizeController) {
    this.#host = host;
    this.#player = player;
    this.#localize = localize;
    host.addController(this);
  }

  /** The time a drag is previewing, or null. */
  get scrubTime(): number | null {
    return this.#scrubTime;
  }

  /** Tells assistive technology the position `time` (after a seek). */
  spoken(time: number): void {
    this.#spokenValue = time;
    this.#host.requestUpdate();
  }

  render(time: number, length: number, chapters: readonly StoryChapter[]) {
    const t = this.#localize;
    const shown = this.#scrubTime ?? time;
    this.#shown = { time: shown, length };
    const value = this.#spokenValue;
    return html`<div class="seek">
      <div class="track" @pointerdown=${this.#onPointerDown}>
        <div class="rail" part="rail"><div class="fill"></div></div>
        <div class="marks" part="chapter-marks" aria-hidden="true">
          ${chapters.filter((c) => c.start > 0 && length > 0).map((c) => html`<span class="mark" data-at=${c.start}></span>`)}
        </div>
        <div class="thumb-lane">
          <div
            role="slider"
            tabindex="0"
            class="thumb"
            part="slider"
            aria-label=${t.term('position')}
            aria-orientation="horizontal"
            aria-valuemin="0"
            aria-valuemax=${Math.round(length)}
            aria-valuenow=${Math.round(value)}
            aria-valuetext=${t.term('positionText', value, length)}
            @keydown=${this.#onKeydown}
            @focus=${this.#onFocus}
          ></div>
        </div>
      </div>
      <span class="time" part="time">${clock(shown)}<span class="length"> / ${clock(length)}</span></span>
    </div>`;
  }

  /** Puts the fill, the thumb and the chapter marks where the time says, as fractions of the track. */
  hostUpdated(): void {
    const { time, length } = this.#shown;
    const root = this.#host.shadowRoot;
    const fraction = (x: number): string => String(length > 0 ? Math.min(1, Math.max(0, x / length)) : 0);
    root?.querySelector<HTMLElement>('.track')?.style.setProperty('--_position', fraction(time));
    for (const mark of root?.querySelectorAll<HTMLElement>('.mark') ?? []) mark.style.setProperty('--_at', fraction(Number(mark.dataset.at)));
  }

  #onFocus = (): void => {
    this.spoken(this.#player.position());
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const now = this.#player.position();
    // The slider runs from the right in a right-to-left page: → points back there.
    const rightward = this.#localize.dir === 'rtl' ? -SliderStep.arrow : SliderStep.arrow;
    const moves: Record<string, number> = {
      ArrowLeft: now - rightward,
      ArrowDown: now - SliderStep.arrow,
      ArrowRight: now + rightward,
      ArrowUp: now + SliderStep.arrow,
      PageDown: now - SliderStep.page,
      PageUp: now + SliderStep.page,
      Home: 0,
      End: this.#player.length(),
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    this.#player.seek(target);
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const track = event.currentTarget as HTMLElement;
    const thumb = track.querySelector<HTMLElement>('[role="slider"]');
    // Times are counted along the lane the thumb moves in, so the thumb lands under the pointer.
    const lane = track.querySelector<HTMLElement>('.thumb-lane') ?? track;
    const rtl = this.#localize.dir === 'rtl';
    const timeAt = (e: PointerEvent): number => {
      const box = lane.getBoundingClientRect();
      const fromStart = rtl ? box.right - e.clientX : e.clientX - box.left;
      const x = Math.min(Math.max(0, fromStart), box.width);
      return box.width > 0 ? (x / box.width) * this.#player.length() : 0;
    };
    const scrub = (time: number | null): void => {
      this.#scrubTime = time;
      this.#host.requestUpdate();
    };
    event.preventDefault();
    thumb?.focus();
    track.setPointerCapture(event.pointerId);
    scrub(timeAt(event));
    const move = (e: PointerEvent): void => scrub(timeAt(e));
    const end = (e: PointerEvent): void => {
      track.removeEventListener('pointermove', move);
      track.removeEventListener('pointerup', end);
      track.removeEventListener('pointercancel', end);
      const time = e.type === 'pointerup' ? timeAt(e) : null;
      scrub(null);
      if (time !== null) this.#player.seek(time);
    };
    track.addEventListener('pointermove', move);
    track.addEventListener('pointerup', end);
    track.addEventListener('pointercancel', end);
  };
}
