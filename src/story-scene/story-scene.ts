import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { playerStateContext, type PlayerState } from '../player-state/context.js';
import { StoryDescribeRequestEvent, StoryPauseRequestEvent } from '../player-state/events.js';
import { storyStrings as t } from '../player-state/strings.js';
import { icons } from '../story-player/icons.js';
import { styles } from './story-scene.styles.js';

/**
 * One photo of the story. It enhances light-DOM markup that reads well without script (a heading,
 * a `<figure>` with the photo, its caption and credit, the description text and the narration) and
 * adds a "Describe this photo" button after the figure, which asks the player to play exactly this
 * photo's recorded description and stop.
 *
 * While its chapter plays it shows that it is the current photo (a "Current photo" label and the
 * `current` attribute for page styles); focus never moves.
 *
 * The first heading and the `<figure>` are shown before the button; set their `slot` attribute
 * (`heading`, `figure`) yourself to choose other elements.
 *
 * @summary A photo of the story with its own "Describe this photo" button.
 *
 * @slot - The rest of the scene: description text, narration.
 * @slot heading - The scene's heading (the first direct-child heading, automatically).
 * @slot figure - The photo (the first direct-child `<figure>`, automatically).
 *
 * @event story-describe-request - "Describe this photo" was pressed (`StoryDescribeRequestEvent`).
 * @event story-pause-request - "Stop description" was pressed while this photo's description played.
 *
 * @csspart describe-button - The "Describe this photo" button.
 * @csspart current-label - The "Current photo" label of the current photo.
 * @csspart controls - The row holding the button and the label.
 *
 * @cssproperty [--story-scene-marker-inset=-0.75rem] - Where the bar beside the current photo sits, from the element's start edge.
 * @cssproperty [--story-scene-accent=light-dark(#8a3b12, #f0a36b)] - Marker of the current photo and the button border.
 * @cssproperty [--story-scene-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring.
 */
@customElement('story-scene')
export class StoryScene extends LitElement {
  static override styles = styles;

  /** 1-based photo number in the story. */
  @property({ type: Number }) number = 0;

  /** Start of the scene in the episode, in seconds. */
  @property({ type: Number }) start = 0;

  /** End of the scene in the episode, in seconds. */
  @property({ type: Number }) end = 0;

  /** Start of the photo's audio description, in seconds. */
  @property({ type: Number, attribute: 'description-start' }) descriptionStart = 0;

  /** End of the photo's audio description, in seconds. */
  @property({ type: Number, attribute: 'description-end' }) descriptionEnd = 0;

  /** Image for the lock screen while this photo plays. */
  @property() artwork = '';

  /** Set while this photo's chapter is playing or paused in; for page styles. */
  @property({ type: Boolean, reflect: true }) current = false;

  /** Set while this photo's description plays on its own. */
  @property({ type: Boolean, reflect: true }) describing = false;

  @consume({ context: playerStateContext, subscribe: true })
  @state()
  private player?: PlayerState;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#assignSlots();
  }

  protected override willUpdate(): void {
    const chapter = this.player?.chapters[this.player.chapterIndex];
    this.current = !!this.id && chapter?.id === this.id;
    this.describing = !!this.id && this.player?.describing === this.id;
  }

  get #hasDescription(): boolean {
    return this.descriptionEnd > this.descriptionStart;
  }

  protected override render() {
    const length = this.descriptionEnd - this.descriptionStart;
    const label = this.describing ? t.describeStop : t.describe;
    return html`
      <slot name="heading"></slot>
      <slot name="figure"></slot>
      <div class="controls" part="controls">
        ${this.#hasDescription
          ? html`<button
              type="button"
              part="describe-button"
              class="describe"
              aria-label=${`${label}, ${t.describeDetail(this.number || undefined, length)}`}
              @click=${this.#onDescribe}
            >
              ${this.describing ? icons.stop : icons.describe}<span>${label}</span>
            </button>`
          : nothing}
        ${this.current ? html`<span class="current-label" part="current-label">${t.nowPlaying}</span>` : nothing}
      </div>
      <slot @slotchange=${this.#assignSlots}></slot>
    `;
  }

  #assignSlots = (): void => {
    const children = Array.from(this.children);
    if (!children.some((c) => c.getAttribute('slot') === 'heading')) {
      children.find((c) => /^h[1-6]$/.test(c.localName) && !c.hasAttribute('slot'))?.setAttribute('slot', 'heading');
    }
    if (!children.some((c) => c.getAttribute('slot') === 'figure')) {
      children.find((c) => c.localName === 'figure' && !c.hasAttribute('slot'))?.setAttribute('slot', 'figure');
    }
  };

  #onDescribe = (): void => {
    if (this.describing) {
      this.dispatchEvent(new StoryPauseRequestEvent());
      return;
    }
    this.dispatchEvent(new StoryDescribeRequestEvent(this.id, this.descriptionStart, this.descriptionEnd));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'story-scene': StoryScene;
  }
}
