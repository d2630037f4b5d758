import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sourcesOf } from '../audio/audio-sources.js';
import type { AudioSource } from '../audio/howl-controller.js';
import { loadTrack } from '../captions/load-track.js';
import { PlayerLink } from '../player-state/player-link.js';
import { StoryDescribeRequestEvent, StoryErrorEvent, StoryPauseRequestEvent } from '../player-state/events.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun, StringTermKey } from '../i18n/translation.js';
import type { StoryCue, TimeRange } from '../player-state/context.js';
import { Announcer, announces } from '../shared/announcer.js';
import { DescriptionAudio, type DescriptionFailure } from './description-audio.js';
import { readPictureKind, type PictureKind } from '../story/timed-story.js';
import { icons } from '../shared/icons.js';
import { styles } from './story-scene.styles.js';

/**
 * What a scene alone says when its description cannot play: the player's words where they fit, and
 * `describeFailed` (which names the scene's button, not Play) for the others.
 */
const failureTerm: Partial<Record<DescriptionFailure, StringTermKey>> = {
  missing: 'errorAudioMissing',
  decode: 'errorAudioDecode',
  offline: 'errorOffline',
  'no-source': 'errorNoSource',
};

/**
 * One picture of the story. It enhances light-DOM markup that reads well without script (a heading,
 * a `<figure>` with the picture, its caption and credit, the description text and the narration) and
 * adds a "Describe this photo" button after the figure ("Describe this picture" for an
 * illustration), which plays exactly this picture's recorded description and stops; pressed again
 * ("Stop description") it stops.
 *
 * Inside a `<story-player>` that has it among its chapters, it asks the player to play the
 * description (`description-start` / `description-end`, or what the player found) and shows that
 * it is the current picture while its chapter plays (a "Current photo" label and the `current`
 * attribute for page styles); focus never moves.
 *
 * Alone in an article, it plays its description itself from `src` (the description's own file, or
 * an episode with `description-start` / `description-end` marking the description in it), or from
 * the `<source>`s of a native `<audio>` child (a fallback that plays without script; not rendered
 * once the element is defined). While the description plays, the description block (a direct child
 * with class `description`) is marked, and with `captions-src` the sentence being spoken is shown
 * under the button, its word being spoken marked. That line is hidden from screen readers, which
 * have the same words once, in the description block, and is not a live region. A polite status
 * line says when the description starts and ends, and why it could not play. Starting it pauses
 * any player or other scene on the page, and they pause it.
 *
 * A picture with no recorded description to play (inside a player: none; alone: no audio) has no
 * button. Its words are in the language of the nearest `lang`.
 *
 * The first heading and the `<figure>` are shown before the button; set their `slot` attribute
 * (`heading`, `figure`) yourself to choose other elements.
 *
 * @summary A picture of the story with its own "Describe this photo" button.
 *
 * @slot - The rest of the scene: description text, narration.
 * @slot heading - The scene's heading (the first direct-child heading, automatically).
 * @slot figure - The picture (the first direct-child `<figure>`, automatically).
 * @slot fallback - Not rendered: a native `<audio controls>` with the description (the first direct-child `<audio>`, automatically); a scene alone plays its sources.
 *
 * @event {StoryDescribeRequestEvent} story-describe-request - "Describe this photo" was pressed inside a player (`sceneId`, `start`, `end`).
 * @event {StoryPauseRequestEvent} story-pause-request - "Stop description" was pressed inside a player while this picture's description played.
 * @event {StoryErrorEvent} error - A scene alone could not play its description (`message` is what its status line says).
 *
 * @csspart describe-button - The "Describe this photo" (or "picture") button.
 * @csspart current-label - The "Current photo" (or "picture") label of the current picture.
 * @csspart copy-link-button - "Copy link": copies the page's address with this picture's id (shown when it has an id and the browser has the Clipboard API).
 * @csspart copied - What it did: "Link copied.", or the link itself when the clipboard refused (said in the player's status region; alone, this is the scene's own polite status).
 * @csspart controls - The row holding the button and the label.
 * @csspart words - A scene alone, with `captions-src`: the sentence being spoken.
 * @csspart word - Each word of that sentence; the one being spoken also has part `current-word`.
 * @csspart current-word - The word being spoken.
 * @csspart status - A scene alone: its polite status line.
 *
 * @cssproperty [--story-scene-marker-inset=-0.75rem] - Where the bar beside the current picture sits, from the element's start edge.
 * @cssproperty [--story-scene-accent=light-dark(#8a3b12, #f0a36b)] - Marker of the current picture, the button border, the mark beside the description being played.
 * @cssproperty [--story-scene-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring.
 * @cssproperty [--story-scene-highlight=light-dark(#f6dfb8, #5a3a18)] - Background of the word being spoken.
 *
 * @example
 * <story-scene number="3" src="audio/episode.mp3" description-start="61.2" description-end="83.9"
 *              captions-src="captions/captions.vtt">
 *   <h2>Photo 3: At the river</h2>
 *   <figure><img src="images/river.jpg" alt="…"><figcaption>…</figcaption></figure>
 *   <div class="description"><p>…</p></div>
 * </story-scene>
 */
export class StoryScene extends LitElement {
  /** The tag it is registered under by `define.js` and `story-scene.js`. */
  static readonly tagName = 'story-scene';
  static override styles = styles;

  // The times and the number reflect to attributes, which the player reads: a framework that sets
  // them as properties (React through @lit/react) gives the player the same page as markup would.

  /** 1-based picture number in the story. */
  @property({ type: Number, reflect: true }) number?: number;

  /**
   * What the picture is: `photograph` (the default) or `illustration`. Its labels say "photo" for a
   * photograph and "picture" otherwise.
   */
  @property({ attribute: 'picture-kind', reflect: true }) pictureKind?: PictureKind;

  /** Start of the scene in the episode, in seconds. */
  @property({ type: Number, reflect: true }) start?: number;

  /** End of the scene in the episode, in seconds. */
  @property({ type: Number, reflect: true }) end?: number;

  /** Start of the picture's recorded audio description, in seconds; leave it out when there is none. */
  @property({ type: Number, attribute: 'description-start', reflect: true }) descriptionStart?: number;

  /** End of the picture's recorded audio description, in seconds; leave it out when there is none. */
  @property({ type: Number, attribute: 'description-end', reflect: true }) descriptionEnd?: number;

  /**
   * Alone (not in a player): the audio the scene plays itself — the description's own file, or an
   * episode when `description-start` / `description-end` are set. Played before the fallback
   * `<audio>`'s sources.
   */
  @property() src = '';

  /** Alone: a WebVTT file with the description's words (word timestamps are marked as spoken); times as in `src`. */
  @property({ attribute: 'captions-src' }) captionsSrc = '';

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
  /** What the copy-link button's status says for a few seconds after a press. */
  @state() private copied = '';
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #localize = new LocalizeController(this);
  readonly #status = new Announcer(this, () => this.shadowRoot?.querySelector('[role="status"]'));
  readonly #own = new DescriptionAudio(this, {
    finished: () => this.#status.say(this.#localize.term('statusDescribed')),
    failed: (failure) => this.#failed(failure),
    // Stopped by another player starting: it ended, and says so, as when stopped by its own button.
    interrupted: () => this.#status.say(this.#localize.term('statusDescribed')),
  });
  /** The captions loaded for `captionsSrc`, once asked for. */
  #captions: { url: string; cues: Promise<StoryCue[]> } | undefined;

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

  /** The recorded description's range in these attributes, if they give one. */
  get #attributeRange(): TimeRange | undefined {
    const { descriptionStart: start, descriptionEnd: end } = this;
    return start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
  }

  /** Alone: the audio it plays itself, in order of preference (none: no button). */
  get #sources(): AudioSource[] {
    const own = this.src ? [{ src: new URL(this.src, document.baseURI).href, type: '' }] : [];
    return [...own, ...sourcesOf(this.querySelector<HTMLAudioElement>(':scope > audio'))];
  }

  get #noun(): PictureNoun {
    return readPictureKind(this.pictureKind) === 'photograph' ? 'photo' : 'picture';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.linked) this.describing = this.#own.active;
    if (changed.has('linked') && this.linked) this.#own.stop();
  }

  protected override render() {
    const t = this.#localize;
    const noun = this.#noun;
    const alone = !this.linked && this.#sources.length > 0;
    // Alone, the range in its attributes is known before any audio has loaded.
    const own = this.#attributeRange;
    const length = this.linked ? (this.playerRange ? this.playerRange.end - this.playerRange.start : -1) : alone ? (own ? own.end - own.start : this.#own.length) : -1;
    const label = this.describing ? t.term('describeStop') : t.term('describe', noun);
    const cue = alone ? this.#own.cue : undefined;
    return html`
      <slot name="heading"></slot>
      <slot name="figure"></slot>
      <div class="controls" part="controls">
        ${length >= 0
          ? html`<button
              type="button"
              part="describe-button"
              class="describe"
              aria-label=${`${label}, ${t.term('describeDetail', noun, this.number || undefined, length)}`}
              @click=${this.#onDescribe}
            >
              ${this.describing ? icons.stop : icons.describe}<span>${label}</span>
            </button>`
          : nothing}
        ${this.id && navigator.clipboard
          ? html`<button type="button" class="copy-link" part="copy-link-button" aria-label=${t.term('copyLinkTo', noun, this.number || undefined)} @click=${this.#onCopyLink}>
                ${t.term('copyLink')}
              </button><span class="copied" part="copied" role=${this.linked ? nothing : 'status'}>${this.copied}</span>`
          : nothing}
        ${this.current ? html`<span class="current-label" part="current-label">${t.term('currentPicture', noun)}</span>` : nothing}
      </div>
      ${cue
        ? html`<p class="words" part="words" aria-hidden="true">
            ${cue.words.length
              ? cue.words.map((w, i) => html`<span part=${i === this.#own.word ? 'word current-word' : 'word'}>${w.text}</span> `)
              : cue.text}
          </p>`
        : nothing}
      ${alone ? html`<p class="status" part="status" role="status"></p>` : nothing}
      <slot @slotchange=${this.#assignSlots}></slot>
    `;
  }

  #assignSlots = (): void => {
    const children = Array.from(this.children);
    for (const [slot, matches] of [
      ['heading', (c: Element) => /^h[1-6]$/.test(c.localName)],
      ['figure', (c: Element) => c.localName === 'figure'],
      ['fallback', (c: Element) => c.localName === 'audio'],
    ] as const) {
      if (!children.some((c) => c.getAttribute('slot') === slot)) {
        children.find((c) => matches(c) && !c.hasAttribute('slot'))?.setAttribute('slot', slot);
      }
    }
    this.requestUpdate();
  };

  #onDescribe = (): void => {
    if (this.linked) {
      const range = this.playerRange;
      if (this.describing) this.#link.send(new StoryPauseRequestEvent());
      else if (range) this.#link.send(new StoryDescribeRequestEvent(this.id, range.start, range.end));
      return;
    }
    if (this.#own.active) {
      this.#own.stop();
      this.#status.say(this.#localize.term('statusDescribed'));
      return;
    }
    this.#own.set(this.#sources, this.#attributeRange);
    this.#loadCaptions();
    this.#own.start();
    this.#status.say(this.#localize.term('statusDescribing', this.#noun, this.number || undefined));
  };

  /** Copies a link to this picture (the page's address with its id: the player opens the story there). */
  #onCopyLink = async (): Promise<void> => {
    const url = new URL(location.href);
    url.hash = this.id;
    const done = await navigator.clipboard.writeText(url.href).then(() => true, () => false);
    // The same words again are said again: empty the region first. A link that could not be copied stays shown.
    this.copied = '';
    await this.updateComplete;
    this.copied = done ? this.#localize.term('linkCopied') : this.#localize.term('linkNotCopied', url.href);
    // In a player, its one status region says it (this line only shows it); alone, this line is the scene's own status.
    const player = this.#link.player;
    if (this.linked && announces(player)) player.announce(this.copied);
    clearTimeout(this.#copiedTimer);
    if (done) this.#copiedTimer = setTimeout(() => (this.copied = ''), 8000);
  };

  /** Loads `captions-src` the first time it is needed; a file that cannot be used is the author's to fix (the console), and the description block is still marked. */
  #loadCaptions(): void {
    const url = this.captionsSrc;
    if (!url) return this.#own.setCues([]);
    if (this.#captions?.url !== url) {
      const cues = loadTrack('captions', new URL(url, document.baseURI).href).then(({ cues, problem }) => {
        if (problem) console.warn('<story-scene> captions-src:', problem, this);
        return cues;
      });
      this.#captions = { url, cues };
    }
    const wanted = this.#captions;
    void wanted.cues.then((cues) => {
      if (this.#captions === wanted) this.#own.setCues(cues);
    });
  }

  #failed(failure: DescriptionFailure): void {
    const key = failureTerm[failure];
    const message = key ? this.#localize.term(key) : this.#localize.term('describeFailed', this.#noun);
    this.#status.say(message);
    this.dispatchEvent(new StoryErrorEvent(message, failure === 'refused' ? 'play' : 'audio'));
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
