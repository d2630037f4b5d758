import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { CueIndex } from '../captions/cue-index.js';
import type { StoryChapter, StoryCue } from '../player-state/context.js';
import { PlayerLink } from '../player-state/player-link.js';
import { StoryErrorEvent, StoryFollowRequestEvent, StorySeekRequestEvent } from '../player-state/events.js';
import { clock } from '../captions/time-text.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { groupByChapter, listOrder, type ChapterGroup, type ListOrder } from './chapter-groups.js';
import { AT_ONCE, ProgressiveFill } from './progressive-fill.js';
import { styles } from './story-transcript.styles.js';

let uid = 0;

/**
 * The whole narration as a list of sentences behind a "Transcript" disclosure. Activating a
 * sentence asks the player to seek to it; the sentence being spoken carries `aria-current`.
 * "Follow along" keeps the current sentence in view by scrolling the list itself, never the page
 * and never moving focus (and not while focus is in the list); the scroll is instant when the
 * listener prefers reduced motion. Place it inside a `<story-player>`, or anywhere on the page with
 * `player` set to the player's id.
 *
 * The sentences are one tab stop, a vertical toolbar of buttons (ARIA APG toolbar, roving
 * tabindex): Up and Down move between sentences, Home and End to the first and last, Enter and
 * Space seek. Tab lands on the sentence being spoken, or on the one last focused while the listener
 * moves through the list. Buttons rather than listbox options: a screen reader keeps reading the
 * transcript as text in browse mode, and each sentence is still something you press.
 *
 * The list is rendered only while the transcript is open (the page holds the whole text anyway), and
 * a new sentence re-renders only the chapters it leaves and enters: a story of 20,000 sentences
 * costs nothing while closed and a few dozen buttons a sentence while open. A long list is made
 * progressively when opened: first the chapter being spoken, those around it and the first ones,
 * then the rest in slices of a few milliseconds while the page is idle (any chapter scrolled into
 * view or reached with the keys comes at once); each chapter shows its title meanwhile, and once
 * done the list is whole, for find-in-page and screen readers.
 *
 * @summary An interactive transcript: sentences that seek, and follow along without moving focus.
 *
 * @event {StorySeekRequestEvent} story-seek-request - A sentence was activated (`time`).
 *
 * @csspart toggle - The "Transcript" disclosure button.
 * @csspart panel - The panel under the button.
 * @csspart follow - The "Follow along" checkbox label.
 * @csspart list - The scrolling list of sentences.
 * @csspart sentence - Each sentence button; the current one also has part `current-sentence`.
 * @csspart current-sentence - The sentence being spoken.
 * @csspart chapter-title - The title above each chapter's sentences.
 *
 * @cssproperty [--story-transcript-max-height=24rem] - Height of the list before it scrolls.
 * @cssproperty [--story-transcript-accent=light-dark(#8a3b12, #f0a36b)] - Marker of the current sentence.
 * @cssproperty [--story-transcript-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring.
 */
export class StoryTranscript extends LitElement {
  /** The tag it is registered under by `define.js` and `story-transcript.js`. */
  static readonly tagName = 'story-transcript';
  static override styles = styles;

  /** Whether the transcript is expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * Keep the current sentence scrolled into view while playing. Linked to a player, it is the
   * player's "Follow along" preference (one choice for the page and this list, saved with the
   * others): it follows the player's, and checking the box here asks the player to change it.
   */
  @property({ type: Boolean, reflect: true, attribute: 'follow-along' }) followAlong = false;

  /** Level of the heading that holds the disclosure button (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The id of the `<story-player>` to follow; without it, the player around this element. */
  @property({ reflect: true }) player = '';

  readonly #link = new PlayerLink(this, () => this.#heard());

  /** What it shows, from the player: it renders only when one of these changes. */
  @state() private index = new CueIndex<StoryCue>([]);
  @state() private chapters: readonly StoryChapter[] = [];
  /** Index of the sentence being spoken (or the last one spoken), -1 before the first. */
  @state() private sentence = -1;
  /** The player said its captions could not be loaded or read: there will be no transcript. */
  @state() private captionsFailed = false;
  /** The player whose `error` events tell whether the captions failed. */
  #errorsFrom: Element | null = null;

  @query('.list') private list?: HTMLElement;

  readonly #id = `story-transcript-${++uid}`;
  readonly #localize = new LocalizeController(this);
  /** The sentence being spoken. */
  #current: StoryCue | undefined;
  /** The sentence that holds the list's one tab stop. */
  #tabStop: StoryCue | undefined;
  /** The cues by chapter, made again only when the cues or the chapters change. */
  #groups: { index: CueIndex<StoryCue>; chapters: readonly StoryChapter[]; groups: ChapterGroup[]; loose: StoryCue[] } | undefined;
  /** The cues in the list's order, and for each cue its place in that order and its chapter (-1: loose). */
  #order: (ListOrder & { index: CueIndex<StoryCue>; chapters: readonly StoryChapter[] }) | undefined;
  /** The chapters whose sentences are made (the others show their title only, until their slice). */
  readonly #filled = new ProgressiveFill<ChapterGroup>(() => this.requestUpdate());
  #scrollFrame = 0;

  #heard(): void {
    const player = this.#link.player;
    if (player !== this.#errorsFrom) {
      this.#errorsFrom?.removeEventListener('error', this.#onError);
      player?.addEventListener('error', this.#onError);
      this.#errorsFrom = player;
    }
    this.index = this.#link.story?.captionIndex ?? this.index;
    this.chapters = this.#link.story?.chapters ?? [];
    this.sentence = this.#link.playback?.sentenceIndex ?? -1;
    this.followAlong = this.#link.playback?.follow ?? this.followAlong;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#errorsFrom?.removeEventListener('error', this.#onError);
    this.#errorsFrom = null;
    this.#filled.cancel();
    cancelAnimationFrame(this.#scrollFrame);
    this.#scrollFrame = 0;
  }

  /** Whether every sentence of the list is made (false while closed, or during a long list's first render). */
  get complete(): boolean {
    if (!this.open) return false;
    const { groups } = this.#chapterGroups();
    return this.chapters.length === 0 || this.#filled.complete(groups);
  }

  /** A captions failure the listener is told of (not a problem in the markup, which has an element). */
  #onError = (event: Event): void => {
    if (event instanceof StoryErrorEvent && event.source === 'captions' && !event.element) this.captionsFailed = true;
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('player') && changed.get('player') !== undefined) this.#link.relink();
    if (!changed.has('index') && !changed.has('sentence')) return;
    const current = this.index.items[this.sentence];
    // The tab stop follows the narration, but not while the listener is moving through the list.
    if (current !== this.#current && !this.list?.matches(':focus-within')) this.#tabStop = current;
    this.#current = current;
  }

  protected override update(changed: PropertyValues): void {
    if (this.open && this.chapters.length > 0) this.#fillFirst();
    this.#filled.timed(() => super.update(changed));
  }

  protected override updated(changed: PropertyValues): void {
    const moved = changed.has('sentence') || changed.has('index') || changed.has('open') || changed.has('followAlong');
    // In the next frame, where the page is laid out anyway: reading positions now would lay it out once more.
    if (this.followAlong && this.open && moved && !this.#scrollFrame) {
      this.#scrollFrame = requestAnimationFrame(() => {
        this.#scrollFrame = 0;
        if (this.followAlong && this.open) this.#scrollToCurrent();
      });
    }
    if (this.open && !this.complete) this.#filled.schedule(() => (this.open && this.isConnected ? this.#chapterGroups().groups : undefined));
  }

  /**
   * Before a render: the chapters that must be whole now. A short list is made at once; a long one
   * starts with the chapter of the sentence being spoken and of the tab stop, the chapters around
   * them and the first ones (where the list opens when it does not follow along).
   */
  #fillFirst(): void {
    const order = this.#listOrder();
    const groups = order.groups;
    if (groups.length === 0) return;
    if (this.#filled.empty && order.cues.length <= AT_ONCE) {
      for (const group of groups) this.#filled.fill(group);
      return;
    }
    const near = (cue: StoryCue | undefined) => {
      const g = cue ? (order.group.get(cue) ?? -1) : -1;
      if (g >= 0) for (let i = Math.max(0, g - 1); i <= Math.min(groups.length - 1, g + 1); i++) this.#filled.fill(groups[i]!);
    };
    near(this.#current);
    near(this.#tabStop);
    for (let i = 0; i < Math.min(2, groups.length); i++) this.#filled.fill(groups[i]!);
  }

  /** A chapter not yet made came into the list's view: it is made now. */
  #onVisibleChapter = (event: Event): void => {
    if ((event as Event & { skipped?: boolean }).skipped) return;
    const index = Number((event.target as HTMLElement).dataset.group);
    const group = this.#chapterGroups().groups[index];
    if (!group || this.#filled.has(group)) return;
    this.#filled.fill(group);
    this.requestUpdate();
  };

  protected override render() {
    const cues = this.index.items;
    const tabStop = this.#tabStop && this.#listOrder().at.has(this.#tabStop) ? this.#tabStop : cues[0];
    const level = Math.min(6, Math.max(2, this.headingLevel || 2));
    return html`
      <div role="heading" aria-level=${level} class="heading">
        <button
          type="button"
          id=${`${this.#id}-toggle`}
          part="toggle"
          class="toggle"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${`${this.#id}-panel`}
          @click=${this.#toggle}
        >
          <span class="chevron" aria-hidden="true"></span>${this.#localize.term('transcript')}
        </button>
      </div>
      <div id=${`${this.#id}-panel`} class="panel" part="panel" ?hidden=${!this.open}>
        <label class="follow" part="follow">
          <input type="checkbox" .checked=${this.followAlong} @change=${this.#onFollow} />
          ${this.#localize.term('followAlong')}
        </label>
        ${!this.open
          ? nothing
          : cues.length === 0
          ? html`<p class="empty">${this.#localize.term(this.captionsFailed ? 'transcriptFailed' : 'transcriptEmpty')}</p>`
          : html`<div
              class="list"
              part="list"
              role="toolbar"
              aria-orientation="vertical"
              aria-labelledby=${`${this.#id}-toggle`}
              @keydown=${this.#onListKeydown}
              @click=${this.#onListClick}
              @focusin=${this.#onListFocus}
              @contentvisibilityautostatechange=${this.#onVisibleChapter}
            >
              ${this.#renderGroups(cues, tabStop)}
            </div>`}
      </div>
    `;
  }

  #renderGroups(cues: readonly StoryCue[], tabStop: StoryCue | undefined) {
    const chapters = this.chapters;
    const renderCue = (cue: StoryCue) => this.#renderCue(cue, cue === tabStop);
    if (chapters.length === 0) return html`<ol class="sentences">${cues.map(renderCue)}</ol>`;
    const { groups, loose } = this.#chapterGroups();
    const current = this.#current;
    // A chapter renders again only when the current sentence or the tab stop enters or leaves it.
    const inGroup = (group: ChapterGroup, cue: StoryCue | undefined) => (cue && cue.start >= group.chapter.start && cue.start < group.chapter.end ? cue : undefined);
    return html`<ol class="chapters">
      ${groups.map((g, i) => {
        const filled = this.#filled.has(g);
        return guard([g, filled, filled && inGroup(g, current), filled && inGroup(g, tabStop)], () => this.#renderGroup(g.chapter, filled ? g.cues.map(renderCue) : [], i));
      })}
      ${loose.length ? html`<li><ol class="sentences">${loose.map(renderCue)}</ol></li>` : nothing}
    </ol>`;
  }

  /** The cues in their chapters (cues outside every chapter are loose), made again when either changes. */
  #chapterGroups(): { groups: ChapterGroup[]; loose: StoryCue[] } {
    const { index, chapters } = this;
    if (this.#groups?.index === index && this.#groups.chapters === chapters) return this.#groups;
    this.#groups = { index, chapters, ...groupByChapter(index.items, chapters) };
    this.#filled.reset();
    return this.#groups;
  }

  /** Every cue in the order the list shows them, made again when the cues or chapters change. */
  #listOrder(): ListOrder {
    const { index, chapters } = this;
    if (this.#order?.index === index && this.#order.chapters === chapters) return this.#order;
    const { groups, loose } = chapters.length > 0 ? this.#chapterGroups() : { groups: [], loose: index.items };
    this.#order = { index, chapters, ...listOrder(groups, loose) };
    return this.#order;
  }

  #renderGroup(chapter: StoryChapter, sentences: TemplateResult[], i: number) {
    const titleId = `${this.#id}-chapter-${i}`;
    return html`<li data-group=${i}>
      <p class="chapter-title" part="chapter-title" id=${titleId}>${chapter.title}</p>
      <ol class="sentences" aria-labelledby=${titleId}>${sentences}</ol>
    </li>`;
  }

  #renderCue(cue: StoryCue, tabStop: boolean) {
    const current = cue === this.#current;
    const description = /descrip/i.test(cue.voice ?? "") || /-description-/.test(cue.id);
    return html`<li>
      <button
        type="button"
        class=${description ? 'sentence description' : 'sentence'}
        part=${current ? 'sentence current-sentence' : 'sentence'}
        data-cue=${cue.id}
        data-at=${this.#listOrder().at.get(cue) ?? -1}
        aria-current=${current ? 'true' : 'false'}
        tabindex=${tabStop ? '0' : '-1'}
      >
        <span class="time" aria-hidden="true">${clock(cue.start)}</span>
        <span class="text">${description && cue.voice ? html`<span class="voice">${cue.voice}: </span>` : nothing}${cue.text}</span>
      </button>
    </li>`;
  }

  #toggle = (): void => {
    this.open = !this.open;
  };

  #onFollow = (event: Event): void => {
    this.followAlong = (event.target as HTMLInputElement).checked;
    this.#link.send(new StoryFollowRequestEvent(this.followAlong));
  };

  #moveTabStop(cue: StoryCue): void {
    if (cue === this.#tabStop) return;
    this.#tabStop = cue;
    this.requestUpdate();
  }

  /** The cue a sentence button in the list stands for (its place in the list's order). */
  #cueOf(target: EventTarget | null): StoryCue | undefined {
    const button = target instanceof Element ? target.closest<HTMLElement>('.sentence') : null;
    return button ? this.#listOrder().cues[Number(button.dataset.at)] : undefined;
  }

  /** One listener for every sentence: a press seeks to it. */
  #onListClick = (event: MouseEvent): void => {
    const cue = this.#cueOf(event.target);
    if (cue) this.#link.send(new StorySeekRequestEvent(cue.start));
  };

  #onListFocus = (event: FocusEvent): void => {
    const cue = this.#cueOf(event.target);
    if (cue) this.#moveTabStop(cue);
  };

  /** Up, Down, Home and End move focus between the sentences (the tab stop follows focus). */
  #onListKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !this.list) return;
    const { cues, at: placeOf, group } = this.#listOrder();
    const focused = this.#cueOf(this.shadowRoot?.activeElement ?? null);
    const at = focused ? (placeOf.get(focused) ?? -1) : -1;
    const to: Record<string, number> = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: cues.length - 1 };
    const target = to[event.key];
    if (target === undefined || at < 0) return;
    event.preventDefault();
    const place = Math.min(Math.max(0, target), cues.length - 1);
    const cue = cues[place]!;
    const focus = () => this.list?.querySelector<HTMLButtonElement>(`.sentence[data-at="${place}"]`)?.focus();
    // A chapter not made yet is made first (during a long list's first render).
    const g = this.#chapterGroups().groups[group.get(cue) ?? -1];
    if (!g || this.#filled.has(g)) return void focus();
    this.#filled.fill(g);
    this.requestUpdate();
    void this.updateComplete.then(focus);
  };

  /** Scrolls the list (only the list) so that the current sentence is in view. */
  #scrollToCurrent(): void {
    const list = this.list;
    if (!list || list.matches(':focus-within')) return;
    const item = list.querySelector<HTMLElement>('.sentence[aria-current="true"]');
    if (!item) return;
    const listBox = list.getBoundingClientRect();
    const itemBox = item.getBoundingClientRect();
    if (itemBox.top >= listBox.top && itemBox.bottom <= listBox.bottom) return;
    const top = list.scrollTop + (itemBox.top - listBox.top) - (list.clientHeight - itemBox.height) / 3;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollTo({ top: Math.max(0, top), behavior: reduced ? 'instant' : 'smooth' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-transcript': StoryTranscript;
  }
}
