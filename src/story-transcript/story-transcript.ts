import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { CueIndex } from '../captions/cue-index.js';
import { playerStateContext, type PlayerState, type StoryChapter, type StoryCue } from '../player-state/context.js';
import { StorySeekRequestEvent } from '../player-state/events.js';
import { storyStrings as t } from '../player-state/strings.js';
import { styles } from './story-transcript.styles.js';

let uid = 0;

/**
 * The whole narration as a list of sentences behind a "Transcript" disclosure. Activating a
 * sentence asks the player to seek to it; the sentence being spoken carries `aria-current`.
 * "Follow along" keeps the current sentence in view by scrolling the list itself, never the page
 * and never moving focus (and not while focus is in the list); the scroll is instant when the
 * listener prefers reduced motion. Place it inside a `<story-player>`.
 *
 * @summary An interactive transcript: sentences that seek, and follow along without moving focus.
 *
 * @event story-seek-request - A sentence was activated (`StorySeekRequestEvent`: `time`).
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
@customElement('story-transcript')
export class StoryTranscript extends LitElement {
  static override styles = styles;

  /** Whether the transcript is expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Keep the current sentence scrolled into view while playing. */
  @property({ type: Boolean, reflect: true, attribute: 'follow-along' }) followAlong = false;

  /** Level of the heading that holds the disclosure button (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @consume({ context: playerStateContext, subscribe: true })
  @state()
  private player?: PlayerState;

  @query('.list') private list?: HTMLElement;

  readonly #id = `story-transcript-${++uid}`;
  #index: CueIndex<StoryCue> | undefined;
  #indexedCues: readonly StoryCue[] | undefined;
  #currentId: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('player')) return;
    const cues = this.player?.captionCues;
    if (cues !== this.#indexedCues) {
      this.#indexedCues = cues;
      this.#index = cues?.length ? new CueIndex(cues) : undefined;
    }
    const time = this.player?.currentTime ?? 0;
    // Between sentences the last one spoken stays current.
    const cue = this.#index ? (this.#index.at(time) ?? this.#index.previous(time)) : undefined;
    this.#currentId = cue?.id ?? null;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.followAlong && this.open && (changed.has('player') || changed.has('open') || changed.has('followAlong'))) {
      this.#scrollToCurrent();
    }
  }

  protected override render() {
    const cues = this.#index?.items ?? [];
    const level = Math.min(6, Math.max(2, this.headingLevel || 2));
    return html`
      <div role="heading" aria-level=${level} class="heading">
        <button
          type="button"
          part="toggle"
          class="toggle"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${`${this.#id}-panel`}
          @click=${this.#toggle}
        >
          <span class="chevron" aria-hidden="true"></span>${t.transcript}
        </button>
      </div>
      <div id=${`${this.#id}-panel`} class="panel" part="panel" ?hidden=${!this.open}>
        <label class="follow" part="follow">
          <input type="checkbox" .checked=${this.followAlong} @change=${this.#onFollow} />
          ${t.followAlong}
        </label>
        ${cues.length === 0
          ? html`<p class="empty">${t.transcriptEmpty}</p>`
          : html`<div class="list" part="list">${this.#renderGroups(cues)}</div>`}
      </div>
    `;
  }

  #renderGroups(cues: readonly StoryCue[]) {
    const chapters = this.player?.chapters ?? [];
    if (chapters.length === 0) return html`<ol class="sentences">${cues.map((c) => this.#renderCue(c))}</ol>`;
    const groups = chapters.map((chapter) => ({ chapter, cues: [] as StoryCue[] }));
    const loose: StoryCue[] = [];
    for (const cue of cues) {
      const group = groups.find((g) => cue.start >= g.chapter.start && cue.start < g.chapter.end);
      (group ? group.cues : loose).push(cue);
    }
    return html`<ol class="chapters">
      ${groups
        .filter((g) => g.cues.length)
        .map((g, i) => this.#renderGroup(g.chapter, g.cues, i))}
      ${loose.length ? html`<li><ol class="sentences">${loose.map((c) => this.#renderCue(c))}</ol></li>` : nothing}
    </ol>`;
  }

  #renderGroup(chapter: StoryChapter, cues: StoryCue[], i: number) {
    const titleId = `${this.#id}-chapter-${i}`;
    return html`<li>
      <p class="chapter-title" part="chapter-title" id=${titleId}>${chapter.title}</p>
      <ol class="sentences" aria-labelledby=${titleId}>${cues.map((c) => this.#renderCue(c))}</ol>
    </li>`;
  }

  #renderCue(cue: StoryCue) {
    const current = cue.id !== '' && cue.id === this.#currentId;
    const description = /description/i.test(cue.voice ?? '') || /-description-/.test(cue.id);
    return html`<li>
      <button
        type="button"
        class=${description ? 'sentence description' : 'sentence'}
        part=${current ? 'sentence current-sentence' : 'sentence'}
        data-cue=${cue.id}
        aria-current=${current ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new StorySeekRequestEvent(cue.start))}
      >
        <span class="time" aria-hidden="true">${t.cueTime(cue.start)}</span>
        <span class="text">${description && cue.voice ? html`<span class="voice">${cue.voice}: </span>` : nothing}${cue.text}</span>
      </button>
    </li>`;
  }

  #toggle = (): void => {
    this.open = !this.open;
  };

  #onFollow = (event: Event): void => {
    this.followAlong = (event.target as HTMLInputElement).checked;
  };

  /** Scrolls the list (only the list) so that the current sentence is in view. */
  #scrollToCurrent(): void {
    const list = this.list;
    if (!list || !this.#currentId || list.matches(':focus-within')) return;
    const item = Array.from(list.querySelectorAll<HTMLElement>('.sentence')).find((b) => b.dataset.cue === this.#currentId);
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
