import { html, type ReactiveControllerHost } from 'lit';
import { clock } from '../captions/time-text.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { StoryChapter } from '../player-state/context.js';
import { icons } from '../shared/icons.js';

/**
 * The "Chapters" disclosure and its list of chapters. Up and Down (and Home, End) move between the
 * chapters, Escape closes the list and returns focus to its button; choosing one goes there and
 * closes the list (focus back on its button), so that the bar leaves the picture in view.
 */
export class ChapterList {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #localize: LocalizeController;
  readonly #go: (index: number) => void;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement, localize: LocalizeController, go: (index: number) => void) {
    this.#host = host;
    this.#localize = localize;
    this.#go = go;
  }

  get open(): boolean {
    return this.#open;
  }

  set open(open: boolean) {
    this.#open = open;
    this.#host.requestUpdate();
  }

  renderToggle() {
    return html`<button
      type="button"
      class="chapters-toggle"
      aria-expanded=${this.#open ? 'true' : 'false'}
      aria-controls="chapter-list"
      @click=${() => (this.open = !this.#open)}
    >${icons.chapters}<span>${this.#localize.term('chapters')}</span></button>`;
  }

  renderList(chapters: readonly StoryChapter[], current: number) {
    return html`<ol
      id="chapter-list"
      class="chapter-list"
      part="chapter-list"
      aria-label=${this.#localize.term('chapters')}
      ?hidden=${!this.#open}
      @keydown=${this.#onKeydown}
    >
      ${chapters.map(
        (c, i) => html`<li>
          <button type="button" aria-current=${i === current ? 'true' : 'false'} @click=${() => this.#choose(i)}>
            <span class="chapter-title">${c.title}</span><span class="chapter-time">${clock(c.start)}</span>
          </button>
        </li>`,
      )}
    </ol>`;
  }

  #choose(index: number): void {
    this.open = false;
    this.#focusToggle();
    this.#go(index);
  }

  #focusToggle(): void {
    this.#host.shadowRoot?.querySelector<HTMLButtonElement>('.chapters-toggle')?.focus();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const root = this.#host.shadowRoot;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.open = false;
      this.#focusToggle();
      return;
    }
    const buttons = Array.from(root?.querySelectorAll<HTMLButtonElement>('.chapter-list button') ?? []);
    const at = buttons.findIndex((b) => b === root?.activeElement);
    const to: Record<string, number> = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: buttons.length - 1 };
    const target = to[event.key];
    if (target === undefined || at < 0) return;
    event.preventDefault();
    event.stopPropagation();
    buttons[Math.min(Math.max(0, target), buttons.length - 1)]?.focus();
  };
}
