import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { pauseWhenOthersPlay } from '../audio/one-at-a-time.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { StoryChapter, StoryCue, TimeRange } from '../player-state/context.js';
import { CaptionsMode, DescriptionMode } from '../player-state/vocabulary.js';
import { Announcer, type AnnounceOptions } from '../shared/announcer.js';
import { ChapterList } from './chapter-list.js';
import { FollowPicture } from './follow-picture.js';
import { ShortcutKeys } from './keyboard-shortcuts.js';
import { ListeningMemory } from './listening-memory.js';
import { PageReader } from './page-reader.js';
import { Playback } from './playback.js';
import { renderBar, SlimBar, statusStyles } from './player-bar.js';
import { PlayerCommands } from './player-commands.js';
import { PlayerContexts } from './player-contexts.js';
import { renderControls } from './player-controls.js';
import { applyPreferences, clampRates, preferencesOf } from './player-preferences.js';
import { ProblemReports } from './problem-reports.js';
import { RequestMap } from './request-map.js';
import { ResumeOffer } from './resume-offer.js';
import { localListeningStore, type ListeningStore, type SavedListening } from './saved-listening.js';
import { SeekBar } from './seek-bar.js';
import { renderShortcutsDialog } from './shortcuts-dialog.js';
import { narrowStyles } from './narrow.styles.js';
import { panelStyles } from './panels.styles.js';
import { styles } from './story-player.styles.js';
import { nextChapterIndex, previousChapterIndex } from './timeline.js';

/**
 * Plays one narrated photo story: the episode audio, its captions, audio descriptions and chapters,
 * with podcast-style controls, keyboard shortcuts scoped to the player, Media Session and a saved
 * position.
 *
 * It enhances light-DOM markup that already works without script: the whole story as HTML and a
 * native `<audio slot="fallback" controls>` whose `<source>`s and `<track>`s it reads (the native
 * player disappears on upgrade). Descendants (`<story-scene>`, `<story-captions>`,
 * `<story-transcript>`) get the state through `@lit/context` and send requests up as events; only
 * this element touches the audio. It never plays on its own.
 *
 * A direct-child `<header>` is shown above the player bar and a direct-child `<story-captions>`
 * inside it (set their `slot` attribute yourself to place them differently).
 *
 * Its words are in the language of the nearest `lang` (`LocalizeController`), name the pictures
 * "photo" only when every scene's `picture-kind` is a photograph, and its slider runs from the
 * right under `dir="rtl"`. Problems in the markup go to the console for the author, never to the
 * listener.
 *
 * @summary A listenable photo story: one Play button, then the story flows picture to picture.
 *
 * @slot - The story: scenes, intro, close, transcript.
 * @slot header - The story's title and introduction, shown before the player bar.
 * @slot captions - The caption line, shown in the player bar above the controls.
 * @slot fallback - Not rendered: the native `<audio controls>` that plays the story without script; the player reads its sources and tracks.
 *
 * @event {Event} play - Playback started.
 * @event {Event} pause - Playback paused.
 * @event {Event} ended - The story played to its end.
 * @event {StoryErrorEvent} error - The audio, a text track or a scene's markup failed (`message`, `source`, `element`).
 * @event {StoryChapterChangeEvent} story-chapter-change - The current chapter changed (`chapterId`); not on first render.
 *
 * @csspart dock - The sticky area holding captions and the player bar.
 * @csspart bar - The player bar (a region named after the story).
 * @csspart play-button - Play / Pause; for a returning listener, "Resume at photo 2, 1:05".
 * @csspart slider - The position slider's thumb (`role="slider"`).
 * @csspart rail - The slider's rail.
 * @csspart chapter-marks - The marks on the slider at each chapter start.
 * @csspart time - The visible position and length.
 * @csspart controls - The row of secondary controls.
 * @csspart settings - Speed, description speed, toggles and shortcuts (folded behind a "Settings" button on narrow bars).
 * @csspart chapter-list - The list of chapters.
 * @csspart start-over - "Start over", beside Play while it offers to resume.
 * @csspart status - The polite status line.
 * @csspart help-dialog - The keyboard shortcuts dialog.
 * @csspart story - The wrapper around the default slot.
 *
 * @cssproperty [--story-player-background=light-dark(#fbfaf7, #1b1a18)] - Bar background.
 * @cssproperty [--story-player-color=light-dark(#1d1c1a, #f1eee8)] - Bar text and icons.
 * @cssproperty [--story-player-muted=light-dark(#5b5750, #b9b3a8)] - Secondary text.
 * @cssproperty [--story-player-accent=light-dark(#8a3b12, #f0a36b)] - Play button, slider fill, pressed toggles.
 * @cssproperty [--story-player-accent-contrast=light-dark(#fff, #1b1a18)] - Text on the accent.
 * @cssproperty [--story-player-border=light-dark(#d9d4ca, #3b3833)] - Bar border.
 * @cssproperty [--story-player-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring.
 * @cssproperty [--story-player-radius=0.5rem] - Corner radius of the bar and its controls.
 * @cssproperty [--story-player-dock-position=sticky] - `sticky` keeps the bar at the bottom of the viewport; `static` leaves it in the flow.
 * @cssproperty [--story-player-max-width=60rem] - Widest the bar's content gets.
 * @cssproperty [--story-player-font=system-ui, sans-serif] - Font family of the bar and its dialogs.
 * @cssproperty --story-player-dock-height - Set by the player (through the CSSOM, on itself) to its dock's height, for the page's own styles: keep pictures clear of the caption line and bar with `max-height: calc(100svh - var(--story-player-dock-height, 0px) - 1rem)`.
 *
 * @example
 * <story-player story-id="border-story" story-title="At the Border" duration="412.35">
 *   <header><h1>At the Border</h1></header>
 *   <audio slot="fallback" controls preload="none">
 *     <source src="audio/episode.webm" type="audio/webm; codecs=opus">
 *     <track kind="captions" src="captions/captions.vtt" srclang="en" label="English" default>
 *   </audio>
 *   <story-scene id="scene-1" number="1" start="31.2" end="95.2"> … </story-scene>
 * </story-player>
 */
export class StoryPlayer extends LitElement {
  /** The tag it is registered under by `define.js` and `story-player.js`. */
  static readonly tagName = 'story-player';
  static override styles = [styles, panelStyles, narrowStyles, statusStyles];

  /** Key under which position and preferences are saved; nothing is saved without it. */
  @property({ attribute: 'story-id' }) storyId = '';
  /** The story's title, used in control names; defaults to the header's first heading. */
  @property({ attribute: 'story-title' }) storyTitle = '';
  /** The episode's length in seconds, shown before the audio has loaded. */
  @property({ type: Number }) duration = 0;
  /** Lock-screen artwork for the parts of the story that are not photos (intro, close). */
  @property() artwork = '';
  /** Whether audio descriptions play (`on`) or are skipped (`off`). Saved per story. */
  @property({ reflect: true }) descriptions: DescriptionMode = DescriptionMode.on;
  /** Whether the caption line shows. Saved per story. */
  @property({ reflect: true }) captions: CaptionsMode = CaptionsMode.on;
  /** Self-paced mode: stop at the end of every photo until the listener goes on. Saved per story. */
  @property({ type: Boolean, reflect: true, attribute: 'pause-after-photo' }) pauseAfterPhoto = false;
  /** Playback speed, 0.75–2; pitch is kept. Saved per story. */
  @property({ type: Number, attribute: 'playback-rate' }) playbackRate = 1;
  /**
   * Speed of the audio descriptions (in the story and in "Describe this photo"), 0.75–2, for
   * listeners who want them faster (or slower) than the story; 0, the default, is the story's
   * speed. Saved per story.
   */
  @property({ type: Number, attribute: 'description-rate' }) descriptionRate = 0;
  /** Stops the page following the narration ("Follow along" in the settings and the transcript, one preference). Saved per story. */
  @property({ type: Boolean, attribute: 'no-follow' }) noFollow = false;
  /** Turns the single-key shortcuts off (the listener can also do so in the shortcuts dialog). Saved per story. */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;
  /** Where the place and preferences are kept (`read(storyId)`, `write(storyId, value)`); localStorage by default. */
  @property({ attribute: false }) listeningStore: ListeningStore = localListeningStore;

  /** On narrow bars the settings (speed, toggles, shortcuts) fold behind a "Settings" button. */
  @state() private settingsOpen = false;
  /** The shortcuts dialog has been opened: its tables are made then (77 elements no one sees before). */
  @state() private helpMade = false;
  @query('.play') private playButton?: HTMLButtonElement;
  @query('dialog') private helpDialog?: HTMLDialogElement;

  readonly #localize = new LocalizeController(this);
  readonly #status = new Announcer(this, () => this.shadowRoot?.querySelector('.status'));
  readonly #problems = new ProblemReports(this, this.#localize);
  readonly #reader: PageReader = new PageReader(this, this.#localize, this.#problems, {
    sources: (sources, preload) => this.#playback.setSources(sources, preload),
    chaptersRead: () => this.#playback.chaptersRead(this.#seekBar.scrubTime ?? this.#playback.audio.position),
  });
  readonly #memory: ListeningMemory = new ListeningMemory(this, {
    position: () => this.#playback.audio.position,
    preferences: () => preferencesOf(this),
    recall: (saved) => this.#recall(saved),
  });
  readonly #playback: Playback = new Playback(this, {
    reader: this.#reader,
    memory: this.#memory,
    localize: this.#localize,
    title: () => this.#title,
    resolved: (key) => this.#status.resolve(key),
    moved: (time) => {
      this.#seekBar.spoken(time);
      this.#follow.jumped();
    },
  });
  readonly #seekBar = new SeekBar(this, { position: () => this.currentTime, length: () => this.#playback.length, seek: (t) => this.seek(t) }, this.#localize);
  readonly #chapterList = new ChapterList(this, this.#localize, (i) => this.goToChapter(i));
  readonly #slim = new SlimBar(this);
  readonly #follow: FollowPicture = new FollowPicture(this, {
    chapter: () => this.currentChapter,
    sentence: () => this.#reader.captionIndex.items[this.#playback.sentenceIndex]?.id,
    playing: () => this.#playback.audio.playing,
    enabled: () => !this.noFollow,
    dock: () => this.renderRoot.querySelector<HTMLElement>('.dock'),
    seek: (time) => this.seek(time),
  });
  readonly #contexts = new PlayerContexts(this, { reader: this.#reader, playback: this.#playback, title: () => this.#title });
  readonly #resume = new ResumeOffer(this, () => this.playButton);
  readonly #commands = new PlayerCommands(this, {
    memory: this.#memory,
    follow: this.#follow,
    status: this.#status,
    resume: this.#resume,
    toggleSettings: () => (this.settingsOpen = !this.settingsOpen),
    openShortcuts: () => this.#openShortcuts(),
  });
  #stopListeningToOthers: (() => void) | undefined;

  constructor() {
    super();
    new RequestMap(this, this.#commands.requests);
    new ShortcutKeys(this, { enabled: () => !this.noShortcuts && !this.helpDialog?.open, commands: this.#commands.shortcuts });
  }

  // ─── Public API ──────────────────────────────────────────────────────────────────────────────

  /** The playback position in seconds. Setting it seeks. */
  get currentTime(): number {
    return this.#playback.audio.position;
  }
  set currentTime(time: number) {
    this.seek(time);
  }

  /** URL of the audio source the player loaded, after any fallbacks; empty before it has loaded. */
  get currentSrc(): string {
    return this.#playback.audio.loadedSrc;
  }

  /** Whether the story is paused (or has not started). */
  get paused(): boolean {
    return this.#playback.paused;
  }

  /** The chapters (intro, photos, close) as read from the page and the chapters track. */
  get storyChapters(): readonly StoryChapter[] {
    return this.#reader.chapters;
  }

  /** The caption cues (every sentence spoken, with word times), once the captions file has loaded. */
  get cues(): readonly StoryCue[] {
    return this.#reader.captionCues;
  }

  /** The chapter playing now, if any. */
  get currentChapter(): StoryChapter | undefined {
    return this.#reader.chapters[this.#playback.chapterIndex];
  }

  /** Plays the story from the current position (from the start when at the end). */
  play(): void {
    this.#resume.withdraw();
    this.#playback.play();
  }

  pause(): void {
    this.#playback.pause();
  }

  togglePlay(): void {
    if (this.paused || this.#playback.describing) this.play();
    else this.pause();
  }

  /** Moves to `time` seconds. With descriptions off, a time inside a description lands after it. */
  seek(time: number): void {
    this.#playback.seek(time);
  }

  /** Moves by `seconds` (negative: back). */
  skip(seconds: number): void {
    this.seek(this.currentTime + seconds);
  }

  /** Goes to the start of chapter `index` and announces it. */
  goToChapter(index: number): void {
    this.#playback.goToChapter(index);
  }

  /** Restarts the current photo, or goes to the previous one when near its start. */
  previousChapter(): void {
    this.goToChapter(previousChapterIndex(this.#reader.chapters, this.currentTime));
  }

  nextChapter(): void {
    this.goToChapter(nextChapterIndex(this.#reader.chapters, this.currentTime));
  }

  /** Plays one scene's audio description on its own and stops at its end. */
  describe(sceneId: string, range?: TimeRange): void {
    this.#resume.withdraw();
    this.#playback.describe(sceneId, range);
  }

  /** Says `message` once in the polite status region; an error (`{ error: key }`) stays shown until resolved or dismissed. */
  announce(message: string, options?: AnnounceOptions): void {
    this.#status.say(message, options);
  }

  // ─── Lifecycle ───────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    this.#memory.restore();
    super.connectedCallback();
    this.#stopListeningToOthers = pauseWhenOthersPlay(this, () => this.pause());
    this.addEventListener('error', this.#onPictureError, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListeningToOthers?.();
    this.removeEventListener('error', this.#onPictureError, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('playbackRate') || changed.has('descriptionRate')) {
      clampRates(this);
      this.#playback.setRate();
    }
    if (changed.has('storyId') && changed.get('storyId') !== undefined) this.#memory.restore();
    this.#contexts.publish();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const modes = ['descriptions', 'pauseAfterPhoto', 'playbackRate', 'descriptionRate'] as const;
    if (modes.some((mode) => changed.has(mode)) && this.#memory.restored) {
      this.#memory.save();
      this.#playback.refresh();
    }
  }

  // ─── Rendering ───────────────────────────────────────────────────────────────────────────────

  get #title(): string {
    return this.storyTitle || this.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || '';
  }

  protected override render() {
    const t = this.#localize;
    const { chapters, pictureNoun: noun } = this.#reader;
    const { length, chapterIndex } = this.#playback;
    const controls = {
      noun,
      atLastChapter: chapterIndex >= chapters.length - 1,
      rate: this.playbackRate,
      descriptionRate: this.descriptionRate,
      descriptions: this.descriptions,
      captions: this.captions,
      pauseAfterPicture: this.pauseAfterPhoto,
      follow: !this.noFollow,
      settingsOpen: this.settingsOpen,
    };
    const bar = renderBar(
      t,
      {
        title: this.#title,
        length,
        shown: this.#playback.describing ? 'paused' : this.#playback.shown,
        noun,
        resume: this.#resume.shown(chapters),
        errors: this.#status.errors.length > 0,
        seek: this.#seekBar.render(this.#playback.shownTime, length, chapters),
        captions: this.captions === CaptionsMode.on,
        slim: this.#slim,
        controls: html`${renderControls(t, controls, this.#commands.controls)}${this.#chapterList.renderToggle()}`,
        chapterList: this.#chapterList.renderList(chapters, chapterIndex),
      },
      this.#commands.bar,
    );
    return html`
      <slot name="header"></slot>
      <div class="dock" part="dock"><slot name="captions"></slot>${bar}</div>
      <div class="story" part="story"><slot @slotchange=${this.#onSlotChange}></slot></div>
      ${renderShortcutsDialog(t, {
        shortcutsOn: !this.noShortcuts,
        noun,
        sceneCount: this.#reader.sceneCount,
        made: this.helpMade,
        onSwitch: this.#commands.switchShortcuts,
        onClose: () => this.renderRoot.querySelector<HTMLButtonElement>('.help-button')?.focus(),
      })}
    `;
  }

  /** Opens the shortcuts dialog, made first (at once: the dialog takes focus as it opens). */
  #openShortcuts(): void {
    if (!this.helpMade) {
      this.helpMade = true;
      this.performUpdate();
    }
    this.helpDialog?.showModal();
  }

  /** A picture of the story did not load (an `<img>`'s `error`, heard while it goes down to the image). */
  #onPictureError = (event: Event): void => {
    if (event.target instanceof HTMLImageElement) void this.#problems.picture(event.target, this.#reader.pictureNoun);
  };

  #onSlotChange = (): void => {
    this.#reader.assignSlots();
    this.#reader.readChapters();
  };

  /** Takes back what was saved for this story: the preferences, and the place as a "Resume at …" offer. */
  #recall(saved: Partial<SavedListening>): void {
    applyPreferences(this, saved);
    if (saved.position === undefined) return;
    this.#playback.placeAt(saved.position);
    this.#resume.offer(saved.position);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-player': StoryPlayer;
  }
}
