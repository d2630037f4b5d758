import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PlayerLink } from '../player-state/player-link.js';
import { StoryDescribeRequestEvent, StoryPauseRequestEvent } from '../player-state/events.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import type { TimeRange } from '../player-state/context.js';
import { readPictureKind, type PictureKind } from '../story/timed-story.js';
import { icons } from '../shared/icons.js';
import { styles } from './story-scene.styles.js';

/**
 * One picture of the story. It enhances light-DOM markup that reads well without script (a heading,
 * a `<figure>` with the picture, its caption and credit, the description text and the narration) and
 * adds a "Describe this photo" button after the figure ("Describe this picture" for an
 * illustration), which asks the player to play exactly this picture's recorded description and
 * stop. A picture without a recorded description (no `description-start` / `description-end`) has
 * no such button.
 *
 * While its chapter plays it shows that it is the current picture (a "Current photo" label and the
 * `current` attribute for page styles); focus never moves. Its words are in the language of the
 * nearest `lang`.
 *
 * The first heading and the `<figure>` are shown before the button; set their `slot` attribute
 * (`heading`, `figure`) yourself to choose other elements.
 *
 * @summary A picture of the story with its own "Describe this photo" button.
 *
 * @slot - The rest of the scene: description text, narration.
 * @slot heading - The scene's heading (the first direct-child heading, automatically).
 * @slot figure - The picture (the first direct-child `<figure>`, automatically).
 *
 * @event {StoryDescribeRequestEvent} story-describe-request - "Describe this photo" was pressed (`sceneId`, `start`, `end`).
 * @event {StoryPauseRequestEvent} story-pause-request - "Stop description" was pressed while this picture's description played.
 *
 * @csspart describe-button - The "Describe this photo" (or "picture") button.
 * @csspart current-label - The "Current photo" (or "picture") label of the current picture.
 * @csspart controls - The row holding the button and the label.
 *
 * @cssproperty [--story-scene-marker-inset=-0.75rem] - Where the bar beside the current picture sits, from the element's start edge.
 * @cssproperty [--story-scene-accent=light-dark(#8a3b12, #f0a36b)] - Marker of the current picture and the button border.
 * @cssproperty [--story-scene-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring.
 */
export class StoryScene extends LitElement {
  /** The tag it is registered under by `define.js` and `story-scene.js`. */
  static readonly tagName = 'story-scene';
  static override styles = styles;

  /** 1-based picture number in the story. */
  @property({ type: Number }) number = 0;

  /**
   * What the picture is: `photograph` (the default) or `illustration`. Its labels say "photo" for a
   * photograph and "picture" otherwise.
   */
  @property({ attribute: 'picture-kind' }) pictureKind: PictureKind = 'photograph';

  /** Start of the scene in the episode, in seconds. */
  @property({ type: Number }) start = 0;

  /** End of the scene in the episode, in seconds. */
  @property({ type: Number }) end = 0;

  /** Start of the picture's recorded audio description, in seconds; leave it out when there is none. */
  @property({ type: Number, attribute: 'description-start' }) descriptionStart = 0;

  /** End of the picture's recorded audio description, in seconds; leave it out when there is none. */
  @property({ type: Number, attribute: 'description-end' }) descriptionEnd = 0;

  /** Image for the lock screen while this picture plays. */
  @property() artwork = '';

  /** Set while this picture's chapter is playing or paused in; for page styles. */
  @property({ type: Boolean, reflect: true }) current = false;

  /** Set while this picture's description plays on its own. */
  @property({ type: Boolean, reflect: true }) describing = false;

  readonly #link = new PlayerLink(this, () => this.#heard());

  /** The description range the player found for this scene, if any. */
  @state({ hasChanged: differentRange }) private playerRange: TimeRange | undefined;
  /** Whether this scene is one of the linked player's chapters: then the player says where its description is. */
  @state() private linked = false;

  readonly #localize = new LocalizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.#assignSlots();
  }

  /** The player published something: take what this scene shows (it renders only when that changed). */
  #heard(): void {
    const story = this.#link.story;
    const playback = this.#link.playback;
    const chapter = this.id ? story?.chapters.find((c) => c.id === this.id) : undefined;
    this.linked = !!chapter;
    this.playerRange = chapter?.description;
    this.current = !!chapter && story?.chapters[playback?.chapterIndex ?? -1] === chapter;
    this.describing = !!this.id && playback?.describing === this.id;
  }

  /**
   * The recorded description's range: inside a player, the one the player found for this scene
   * (from these attributes, checked, or its descriptions track); alone, these attributes.
   */
  get #description(): TimeRange | undefined {
    if (this.linked) return this.playerRange;
    const hasRange = this.hasAttribute('description-start') && this.hasAttribute('description-end');
    return hasRange && this.descriptionEnd > this.descriptionStart ? { start: this.descriptionStart, end: this.descriptionEnd } : undefined;
  }

  get #noun(): PictureNoun {
    return readPictureKind(this.pictureKind) === 'photograph' ? 'photo' : 'picture';
  }

  protected override render() {
    const t = this.#localize;
    const noun = this.#noun;
    const description = this.#description;
    const label = this.describing ? t.term('describeStop') : t.term('describe', noun);
    return html`
      <slot name="heading"></slot>
      <slot name="figure"></slot>
      <div class="controls" part="controls">
        ${description
          ? html`<button
              type="button"
              part="describe-button"
              class="describe"
              aria-label=${`${label}, ${t.term('describeDetail', noun, this.number || undefined, description.end - description.start)}`}
              @click=${() => this.#onDescribe(description)}
            >
              ${this.describing ? icons.stop : icons.describe}<span>${label}</span>
            </button>`
          : nothing}
        ${this.current ? html`<span class="current-label" part="current-label">${t.term('currentPicture', noun)}</span>` : nothing}
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

  #onDescribe(description: TimeRange): void {
    if (this.describing) {
      this.#link.send(new StoryPauseRequestEvent());
      return;
    }
    this.#link.send(new StoryDescribeRequestEvent(this.id, description.start, description.end));
  }
}

/** Whether two ranges differ (a new object with the same times is the same range). */
function differentRange(a: TimeRange | undefined, b: TimeRange | undefined): boolean {
  return a?.start !== b?.start || a?.end !== b?.end;
}

declare global {
  interface HTMLElementTagNameMap {
    'story-scene': StoryScene;
  }
}
