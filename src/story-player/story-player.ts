import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { CueIndex } from '../captions/cue-index.js';
import { clock } from '../captions/time-text.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun, StringTermKey, TermKey } from '../i18n/translation.js';
import {
  playerClockContext,
  playerStateContext,
  type PlayerClock,
  type PlayerState,
  type StoryChapter,
  type StoryCue,
  type TimeRange,
} from '../player-state/context.js';
import {
  StoryChapterChangeEvent,
  StoryErrorEvent,
  type StoryCaptionsRequestEvent,
  type StoryDescribeRequestEvent,
  type StoryDescriptionsRequestEvent,
  type StorySeekRequestEvent,
} from '../player-state/events.js';
import {
  CaptionsMode,
  DescriptionMode,
  PlaybackRates,
  SkipSeconds,
  StoryNotice,
  StoryRequest,
} from '../player-state/vocabulary.js';
import { HowlController, type AudioFailure, type AudioSource } from '../audio/howl-controller.js';
import { icons } from '../shared/icons.js';
import { shortcutFor, shortcutRows, SliderStep, sliderRows, type ShortcutAction } from './keyboard-shortcuts.js';
import { MediaSessionController } from './media-session-controller.js';
import { ProblemReports } from './problem-reports.js';
import { readSaved, writeSaved } from './saved-listening.js';
import { readChapters } from './story-chapters.js';
import { styles } from './story-player.styles.js';
import { loadTrack, tracksOf, type TrackKind } from './text-tracks.js';

/** A boundary is "reached" this close before it: the poll interval near a boundary. */
const EPSILON = 0.004;
/** How often listeners of `playerState` hear the time while playing. */
const PUBLISH_MS = 250;
/** How often the position is saved while playing. */
const SAVE_MS = 5000;
/** "Previous photo" restarts the current one when this far into it. */
const RESTART_WITHIN = 3;
/** A description played on its own starts this long before its first words. */
const DESCRIBE_LEAD_IN = 0.2;

/** What the listener is told when the audio fails. */
const failureTerm = {
  missing: 'errorAudioMissing',
  network: 'errorAudioNetwork',
  decode: 'errorAudioDecode',
  offline: 'errorOffline',
  'no-source': 'errorNoSource',
  refused: 'errorPlayRefused',
} as const satisfies Record<AudioFailure, TermKey>;

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
 * @csspart play-button - Play / Pause.
 * @csspart slider - The position slider's thumb (`role="slider"`).
 * @csspart rail - The slider's rail.
 * @csspart chapter-marks - The marks on the slider at each chapter start.
 * @csspart time - The visible position and length.
 * @csspart controls - The row of secondary controls.
 * @csspart settings - Speed, toggles and shortcuts (folded behind a "Settings" button on narrow bars).
 * @csspart chapter-list - The list of chapters.
 * @csspart resume - The "Resume at …" offer.
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
  static override styles = styles;

  /** Key under which position and preferences are saved in localStorage; nothing is saved without it. */
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

  /** Turns the single-key shortcuts off (the listener can also do so in the shortcuts dialog). Saved per story. */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  @state() private chapters: StoryChapter[] = [];
  @state() private chapterIndex = -1;
  /** One index of the captions, shared with every follower through the context. */
  @state() private captionIndex = new CueIndex<StoryCue>([]);
  @state() private descriptionCues: StoryCue[] = [];
  @state() private chapterCues: StoryCue[] = [];
  @state() private shownTime = 0;
  /** The slider's value as told to assistive technology: set on focus and on seeks, not every tick. */
  @state() private sliderValue = 0;
  @state() private scrubTime: number | null = null;
  @state() private statusText = '';
  @state() private chaptersOpen = false;
  /** On narrow bars the settings (speed, toggles, shortcuts) fold behind a "Settings" button. */
  @state() private settingsOpen = false;
  @state() private resumeAt: number | null = null;
  @state() private describing: (TimeRange & { sceneId: string; number?: number }) | null = null;
  /** How the labels name the pictures: "photo" only when every scene is a photograph. */
  @state() private pictureNoun: PictureNoun = 'photo';
  @state() private sceneCount = 0;

  @query('.play') private playButton?: HTMLButtonElement;
  @query('dialog') private helpDialog?: HTMLDialogElement;
  @query('.chapters-toggle') private chaptersToggle?: HTMLButtonElement;

  readonly #localize = new LocalizeController(this);
  readonly #problems = new ProblemReports(this, this.#localize);

  readonly #audio = new HowlController(this, {
    onPlay: () => this.#onPlay(),
    onPause: () => this.#onPause(),
    onEnd: () => this.#onEnd(),
    onLoad: () => this.#publishTime(this.#audio.position),
    onError: (failure) => this.#onAudioError(failure),
  });

  readonly #session = new MediaSessionController(this, {
    play: () => this.play(),
    pause: () => this.pause(),
    seekBy: (s) => this.skip(s),
    seekTo: (time) => this.seek(time),
    previous: () => this.previousChapter(),
    next: () => this.nextChapter(),
  });

  readonly #clock: PlayerClock = Object.freeze({
    now: () => this.#audio.position,
    playing: (): boolean => this.#audio.playing,
  });

  readonly #stateProvider = new ContextProvider(this, { context: playerStateContext });

  constructor() {
    super();
    new ContextProvider(this, { context: playerClockContext, initialValue: this.#clock });
  }

  #tickTimer: ReturnType<typeof setTimeout> | undefined;
  #lastTick: number | null = null;
  #lastPublish = 0;
  #lastSave = 0;
  #announcePlay = false;
  #tracksAbort: AbortController | undefined;
  #restored = false;
  /** Whether the listener has played or moved in this page (else its position is not theirs). */
  #listened = false;
  /** The language the chapters' fallback titles were made in. */
  #chaptersLang = '';
  /** The caption cues in the order of their file. */
  #captionCues: readonly StoryCue[] = [];

  // ─── Public API ──────────────────────────────────────────────────────────────────────────────

  /** The playback position in seconds. Setting it seeks. */
  get currentTime(): number {
    return this.#audio.position;
  }
  set currentTime(time: number) {
    this.seek(time);
  }

  /** URL of the audio source the player loaded, after any fallbacks; empty before it has loaded. */
  get currentSrc(): string {
    return this.#audio.loadedSrc;
  }

  /** Whether the story is paused (or has not started). */
  get paused(): boolean {
    return !this.#audio.wanted && !this.#audio.playing;
  }

  /** The chapters (intro, photos, close) as read from the page and the chapters track. */
  get storyChapters(): readonly StoryChapter[] {
    return this.chapters;
  }

  /** The caption cues (every sentence spoken, with word times), once the captions file has loaded. */
  get cues(): readonly StoryCue[] {
    return this.#captionCues;
  }

  /** The chapter playing now, if any. */
  get currentChapter(): StoryChapter | undefined {
    return this.chapters[this.chapterIndex];
  }

  /** Plays the story from the current position (from the start when at the end). */
  play(): void {
    this.#listened = true;
    const length = this.#length;
    if (length > 0 && this.#audio.position >= length - 0.05) this.seek(0);
    this.describing = null;
    this.resumeAt = null;
    this.#announcePlay = true;
    this.#session.claim();
    this.#audio.play();
  }

  pause(): void {
    const wasDescribing = this.describing !== null;
    this.describing = null;
    if (this.paused) return;
    this.#announcePlay = false;
    this.#audio.pause();
    this.announce(this.#t(wasDescribing ? 'statusDescribed' : 'statusPaused'));
  }

  togglePlay(): void {
    if (this.paused || this.describing) this.play();
    else this.pause();
  }

  /** Moves to `time` seconds. With descriptions off, a time inside a description lands after it. */
  seek(time: number): void {
    this.#listened = true;
    const length = this.#length;
    let target = Math.max(0, length > 0 ? Math.min(time, length) : time);
    if (!this.describing && this.descriptions === DescriptionMode.off) {
      const range = this.#descriptionRangeAt(target);
      if (range) target = range.end;
    }
    if (this.describing && (target < this.describing.start || target >= this.describing.end)) this.describing = null;
    this.#audio.seek(target);
    this.#lastTick = target;
    this.sliderValue = target;
    this.#publishTime(target, true);
    this.#session.setPosition(target, length, this.playbackRate);
    this.#save();
  }

  /** Moves by `seconds` (negative: back). */
  skip(seconds: number): void {
    this.seek(this.#audio.position + seconds);
  }

  /** Goes to the start of chapter `index` and announces it. */
  goToChapter(index: number): void {
    const chapter = this.chapters[index];
    if (!chapter) return;
    this.seek(chapter.start);
    this.announce(this.#localize.term('statusChapter', chapter.title));
  }

  /** Restarts the current photo, or goes to the previous one when near its start. */
  previousChapter(): void {
    const now = this.#audio.position;
    const index = this.#chapterIndexAt(now);
    const current = this.chapters[index];
    if (current && now - current.start > RESTART_WITHIN) this.goToChapter(index);
    else this.goToChapter(Math.max(0, index - 1));
  }

  nextChapter(): void {
    const index = this.#chapterIndexAt(this.#audio.position);
    if (index + 1 < this.chapters.length) this.goToChapter(index + 1);
  }

  /** Plays one scene's audio description on its own and stops at its end. */
  describe(sceneId: string, range?: TimeRange): void {
    const chapter = this.chapters.find((c) => c.id === sceneId);
    const described = range ?? chapter?.description;
    if (!described) return;
    const firstWords = this.descriptionCues.find((c) => c.start >= described.start && c.start < described.end);
    const start = firstWords ? Math.max(described.start, firstWords.start - DESCRIBE_LEAD_IN) : described.start;
    this.resumeAt = null;
    this.#announcePlay = false;
    this.#session.claim();
    this.#audio.seek(start);
    this.#lastTick = start;
    this.describing = { sceneId, start, end: described.end, ...(chapter?.number ? { number: chapter.number } : {}) };
    this.#publishTime(start, true);
    this.#audio.play();
    this.announce(this.#localize.term('statusDescribing', this.pictureNoun, chapter?.number));
  }

  /** Says `message` once in the polite status region. */
  announce(message: string): void {
    if (message === this.statusText) {
      // The same words again: clear first so that screen readers hear the change.
      this.statusText = '';
      setTimeout(() => (this.statusText = message), 100);
    } else {
      this.statusText = message;
    }
  }

  // ─── Lifecycle ───────────────────────────────────────────────────────────────────────────────

  /** Keys and the requests descendants send: one list, so adding and removing stay in pairs. */
  get #ownListeners(): [string, EventListener][] {
    return [
      ['keydown', this.#onKeydown as EventListener],
      [StoryRequest.play, this.#onPlayRequest as EventListener],
      [StoryRequest.pause, this.#onPauseRequest as EventListener],
      [StoryRequest.seek, this.#onSeekRequest as EventListener],
      [StoryRequest.describe, this.#onDescribeRequest as EventListener],
      [StoryRequest.descriptions, this.#onDescriptionsRequest as EventListener],
      [StoryRequest.captions, this.#onCaptionsRequest as EventListener],
    ];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const [type, listener] of this.#ownListeners) this.addEventListener(type, listener);
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onPageHide);
    this.#assignSlots();
    this.#restore();
    this.#readAudio();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [type, listener] of this.#ownListeners) this.removeEventListener(type, listener);
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onPageHide);
    this.#save();
    this.#tracksAbort?.abort();
    clearTimeout(this.#tickTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('playbackRate')) {
      const rate = Math.min(2, Math.max(0.75, this.playbackRate || 1));
      if (rate !== this.playbackRate) this.playbackRate = rate;
      this.#audio.setRate(rate);
      this.#session.setPosition(this.#audio.position, this.#length, rate);
    }
    if (changed.has('storyId') && changed.get('storyId') !== undefined) this.#restore();
    // Chapters without a title of their own are named in the player's language.
    if (this.#chaptersLang && this.#chaptersLang !== this.#localize.lang) this.#readChapters();
    this.#stateProvider.setValue(this.#state());
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#placeSeek();
    if (
      (changed.has('descriptions') || changed.has('pauseAfterPhoto') || changed.has('playbackRate')) &&
      this.#restored
    ) {
      this.#save();
      this.#scheduleTick(0);
    }
  }

  // ─── Rendering ───────────────────────────────────────────────────────────────────────────────

  get #title(): string {
    return this.storyTitle || this.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || '';
  }

  get #length(): number {
    return this.#audio.duration || this.duration || this.chapters.at(-1)?.end || 0;
  }

  protected override render() {
    const t = this.#localize;
    const noun = this.pictureNoun;
    const length = this.#length;
    const title = this.#title;
    const playing = !this.paused && !this.describing;
    const index = this.chapterIndex;
    const resumeChapter = this.resumeAt === null ? undefined : this.chapters[this.#chapterIndexAt(this.resumeAt)];
    return html`
      <slot name="header"></slot>
      <div class="dock" part="dock">
        <slot name="captions"></slot>
        <section class="bar" part="bar" aria-label=${t.term('player', title)}>
          ${this.resumeAt === null
            ? nothing
            : html`<div class="resume" part="resume">
                <button type="button" class="resume-button" @click=${this.#resume}>
                  ${icons.play}<span>${t.term('resume', noun, resumeChapter?.number, this.resumeAt)}</span>
                </button>
                <button type="button" class="text-button" @click=${this.#startOver}>${t.term('startOver')}</button>
              </div>`}
          <div class="transport">
            <button
              type="button"
              class="play"
              part="play-button"
              aria-label=${playing ? t.term('pause', title) : t.term('play', title, length)}
              @click=${this.togglePlay}
            >
              ${playing ? icons.pause : icons.play}<span class="play-text">${t.term(playing ? 'pauseShort' : 'playShort')}</span>
            </button>
            ${this.#renderSeek(length)}
          </div>
          <div class="controls" part="controls">
            <button type="button" aria-label=${t.term('back', SkipSeconds.back)} @click=${() => this.skip(-SkipSeconds.back)}>
              ${icons.back}<span aria-hidden="true">${t.formats.number(SkipSeconds.back)}</span>
            </button>
            <button type="button" aria-label=${t.term('previousPicture', noun)} @click=${this.previousChapter}>${icons.previous}</button>
            <button
              type="button"
              aria-label=${t.term('nextPicture', noun)}
              aria-disabled=${index >= this.chapters.length - 1 ? 'true' : 'false'}
              @click=${this.nextChapter}
            >${icons.next}</button>
            <button type="button" aria-label=${t.term('forward', SkipSeconds.forward)} @click=${() => this.skip(SkipSeconds.forward)}>
              <span aria-hidden="true">${t.formats.number(SkipSeconds.forward)}</span>${icons.forward}
            </button>
            <button
              type="button"
              class="more-toggle"
              aria-expanded=${this.settingsOpen ? 'true' : 'false'}
              aria-controls="settings"
              @click=${() => (this.settingsOpen = !this.settingsOpen)}
            >${icons.settings}<span>${t.term('settings')}</span></button>
            <div id="settings" class=${this.settingsOpen ? 'settings open' : 'settings'} part="settings">
            <label class="speed">
              <span>${t.term('speed')}</span>
              <select .value=${String(this.playbackRate)} @change=${this.#onRateChange}>
                ${PlaybackRates.map((r) => html`<option value=${r} ?selected=${r === this.playbackRate}>${t.term('rate', r)}</option>`)}
              </select>
            </label>
            <button
              type="button"
              class="toggle"
              aria-pressed=${this.descriptions === DescriptionMode.on ? 'true' : 'false'}
              @click=${() => this.#setDescriptions(this.descriptions !== DescriptionMode.on)}
            >${t.term('descriptions')}</button>
            <button
              type="button"
              class="toggle"
              aria-pressed=${this.captions === CaptionsMode.on ? 'true' : 'false'}
              @click=${() => this.#setCaptions(this.captions !== CaptionsMode.on)}
            >${t.term('captions')}</button>
            <button
              type="button"
              class="toggle"
              aria-pressed=${this.pauseAfterPhoto ? 'true' : 'false'}
              @click=${() => (this.pauseAfterPhoto = !this.pauseAfterPhoto)}
            >${t.term('pauseAfterPicture', noun)}</button>
            <button type="button" class="help-button" aria-haspopup="dialog" @click=${this.#openHelp}>
              ${icons.keyboard}<span>${t.term('shortcuts')}</span>
            </button>
            </div>
            <button
              type="button"
              class="chapters-toggle"
              aria-expanded=${this.chaptersOpen ? 'true' : 'false'}
              aria-controls="chapter-list"
              @click=${() => (this.chaptersOpen = !this.chaptersOpen)}
            >${icons.chapters}<span>${t.term('chapters')}</span></button>
          </div>
          <ol id="chapter-list" class="chapter-list" part="chapter-list" aria-label=${t.term('chapters')} ?hidden=${!this.chaptersOpen} @keydown=${this.#onChapterListKeydown}>
            ${this.chapters.map(
              (c, i) => html`<li>
                <button type="button" aria-current=${i === index ? 'true' : 'false'} @click=${() => this.goToChapter(i)}>
                  <span class="chapter-title">${c.title}</span><span class="chapter-time">${clock(c.start)}</span>
                </button>
              </li>`,
            )}
          </ol>
          <p class="status" part="status" role="status">${this.statusText}</p>
        </section>
      </div>
      <div class="story" part="story"><slot @slotchange=${this.#onSlotChange}></slot></div>
      ${this.#renderHelp()}
    `;
  }

  /**
   * The position slider. Where the fill, thumb and chapter marks sit is set as custom properties
   * after rendering (`#placeSeek`): no style attribute, and logical properties in the stylesheet
   * so that the slider runs from the right in a right-to-left page.
   */
  #renderSeek(length: number) {
    const t = this.#localize;
    const time = this.scrubTime ?? this.shownTime;
    return html`<div class="seek">
      <div class="track" @pointerdown=${this.#onTrackPointerDown}>
        <div class="rail" part="rail"><div class="fill"></div></div>
        <div class="marks" part="chapter-marks" aria-hidden="true">
          ${this.chapters.filter((c) => c.start > 0 && length > 0).map((c) => html`<span class="mark" data-at=${c.start}></span>`)}
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
            aria-valuenow=${Math.round(this.sliderValue)}
            aria-valuetext=${t.term('positionText', this.sliderValue, length)}
            @keydown=${this.#onSliderKeydown}
            @focus=${this.#onSliderFocus}
          ></div>
        </div>
      </div>
      <span class="time" part="time">${clock(time)} / ${clock(length)}</span>
    </div>`;
  }

  #renderHelp() {
    const t = this.#localize;
    const shortcutsOn = !this.noShortcuts;
    const table = (rows: { label: string; description: string }[], off: boolean) => html`<table>
      <thead><tr><th scope="col">${t.term('keyColumn')}</th><th scope="col">${t.term('actionColumn')}</th></tr></thead>
      <tbody>
        ${rows.map((row) => html`<tr class=${off ? 'off' : ''}><td><kbd>${row.label}</kbd></td><td>${row.description}</td></tr>`)}
      </tbody>
    </table>`;
    return html`<dialog part="help-dialog" aria-labelledby="help-title" @close=${this.#onHelpClose}>
      <h2 id="help-title">${t.term('shortcuts')}</h2>
      <p>${t.term('shortcutsIntro')}</p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked=${shortcutsOn ? 'true' : 'false'}
          .checked=${shortcutsOn}
          @change=${this.#onShortcutsSwitch}
        />
        <span>${t.term('shortcutsSwitch')}</span>
      </label>
      ${table(shortcutRows(t, this.pictureNoun, this.sceneCount), !shortcutsOn)}
      <h3>${t.term('sliderKeys')}</h3>
      ${table(sliderRows(t), false)}
      <form method="dialog"><button class="text-button close">${t.term('close')}</button></form>
    </dialog>`;
  }

  /** Puts the fill, the thumb and the chapter marks where the time says, as fractions of the track. */
  #placeSeek(): void {
    const length = this.#length;
    const time = this.scrubTime ?? this.shownTime;
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    track?.style.setProperty('--_position', String(length > 0 ? Math.min(1, Math.max(0, time / length)) : 0));
    for (const mark of this.renderRoot.querySelectorAll<HTMLElement>('.mark')) {
      mark.style.setProperty('--_at', String(length > 0 ? Number(mark.dataset.at) / length : 0));
    }
  }

  // ─── State ───────────────────────────────────────────────────────────────────────────────────

  #state(): PlayerState {
    return {
      storyId: this.storyId,
      title: this.#title,
      duration: this.#length,
      currentTime: this.shownTime,
      playing: this.#audio.playing,
      rate: this.playbackRate,
      audio: this.#audio.status,
      descriptions: this.descriptions,
      captions: this.captions,
      pauseAfterPhoto: this.pauseAfterPhoto,
      chapters: this.chapters,
      chapterIndex: this.chapterIndex,
      describing: this.describing?.sceneId ?? null,
      captionIndex: this.captionIndex,
    };
  }

  #chapterIndexAt(time: number): number {
    let found = -1;
    for (const [i, c] of this.chapters.entries()) if (c.start <= time + EPSILON) found = i;
    return found;
  }

  #descriptionRangeAt(time: number): TimeRange | undefined {
    return this.chapters.find((c) => c.description && time >= c.description.start - EPSILON && time < c.description.end)
      ?.description;
  }

  /** Shares the time with descendants; `force` for seeks, else at most every PUBLISH_MS. */
  #publishTime(time: number, force = false): void {
    const now = performance.now();
    const index = this.#chapterIndexAt(time);
    if (!force && index === this.chapterIndex && now - this.#lastPublish < PUBLISH_MS) return;
    this.#lastPublish = now;
    this.shownTime = time;
    if (index !== this.chapterIndex) {
      const first = this.chapterIndex === -1;
      this.chapterIndex = index;
      const chapter = this.chapters[index];
      if (chapter) {
        this.#updateSessionMetadata();
        // Not for the first reading of the page: change events follow playback and the listener.
        if (!first) this.dispatchEvent(new StoryChapterChangeEvent(chapter.id));
      }
    }
  }

  #updateSessionMetadata(): void {
    const chapter = this.chapters[this.chapterIndex];
    const artwork = chapter?.artwork ?? (this.artwork ? new URL(this.artwork, document.baseURI).href : undefined);
    this.#session.setMetadata({
      title: chapter?.title ?? this.#title,
      album: this.#title,
      artist: this.#title,
      ...(artwork ? { artwork } : {}),
      // The intro and close have no picture of their own: the story's artwork stands in.
      chapters: this.chapters.map((c) => {
        const image = c.artwork ?? (this.artwork ? new URL(this.artwork, document.baseURI).href : undefined);
        return { title: c.title, startTime: c.start, ...(image ? { artwork: image } : {}) };
      }),
    });
  }

  // ─── The playback loop ───────────────────────────────────────────────────────────────────────

  /**
   * Runs while playing: follows the time, skips descriptions when they are off, stops at scene ends
   * in self-paced mode and at the end of a description played alone. Timers, not requestAnimationFrame,
   * so that it keeps working in a background tab; near a boundary it polls every few milliseconds.
   */
  #tick = (): void => {
    this.#tickTimer = undefined;
    if (!this.#audio.playing) return;
    const now = this.#audio.position;
    const previous = this.#lastTick ?? now;
    this.#lastTick = now;

    if (this.describing) {
      if (now >= this.describing.end - EPSILON) {
        this.describing = null;
        this.#audio.pause();
        this.announce(this.#t('statusDescribed'));
        this.#publishTime(this.#audio.position, true);
        return;
      }
    } else {
      if (this.descriptions === DescriptionMode.off) {
        const range = this.#descriptionRangeAt(now);
        if (range) {
          this.#audio.seek(range.end);
          this.#lastTick = range.end;
          this.#publishTime(range.end, true);
          this.#scheduleTick(PUBLISH_MS);
          return;
        }
      }
      if (this.pauseAfterPhoto) {
        const ended = this.chapters.find((c) => c.number !== undefined && previous < c.end - EPSILON && now >= c.end - EPSILON);
        if (ended) {
          this.#audio.seek(ended.end);
          this.#lastTick = ended.end;
          this.#audio.pause();
          this.#announcePlay = false;
          this.announce(this.#localize.term('statusPausedAfterPicture', this.pictureNoun, ended.number ?? 0));
          this.#publishTime(ended.end, true);
          return;
        }
      }
    }

    this.#publishTime(now);
    if (performance.now() - this.#lastSave > SAVE_MS) this.#save();
    this.#scheduleTick(this.#msToNextBoundary(now));
  };

  #msToNextBoundary(now: number): number {
    const ahead: number[] = [];
    const later = (x: number | undefined): void => {
      if (x !== undefined && x > now) ahead.push(x);
    };
    if (this.describing) {
      later(this.describing.end);
    } else {
      for (const c of this.chapters) {
        if (this.descriptions === DescriptionMode.off) later(c.description?.start);
        if (this.pauseAfterPhoto && c.number !== undefined) later(c.end);
      }
    }
    const next = Math.min(...ahead);
    if (!Number.isFinite(next)) return PUBLISH_MS;
    const ms = ((next - now) / (this.playbackRate || 1)) * 1000;
    // Far: the usual pace. Close: wake just before it, then poll.
    return ms > PUBLISH_MS + 50 ? PUBLISH_MS : Math.max(0, ms - 30);
  }

  #scheduleTick(ms: number): void {
    if (!this.#audio.playing) return;
    clearTimeout(this.#tickTimer);
    this.#tickTimer = setTimeout(this.#tick, ms);
  }

  // ─── Audio callbacks ─────────────────────────────────────────────────────────────────────────

  #onPlay(): void {
    this.#lastTick = this.#audio.position;
    if (this.#announcePlay) this.announce(this.#t('statusPlaying'));
    this.#announcePlay = false;
    this.#session.setPlaybackState(true);
    this.#session.setPosition(this.#audio.position, this.#length, this.playbackRate);
    this.#updateSessionMetadata();
    this.#publishTime(this.#audio.position, true);
    this.#scheduleTick(0);
    this.dispatchEvent(new Event(StoryNotice.play));
  }

  #onPause(): void {
    clearTimeout(this.#tickTimer);
    const position = this.#audio.position;
    this.#session.setPlaybackState(false);
    this.#session.setPosition(position, this.#length, this.playbackRate);
    this.#publishTime(position, true);
    this.#save();
    this.dispatchEvent(new Event(StoryNotice.pause));
  }

  #onEnd(): void {
    clearTimeout(this.#tickTimer);
    this.describing = null;
    this.#session.setPlaybackState(false);
    this.#publishTime(this.#length, true);
    this.announce(this.#t('statusEnded'));
    this.#save(0);
    this.dispatchEvent(new Event(StoryNotice.ended));
  }

  #onAudioError(failure: AudioFailure): void {
    this.describing = null;
    const message = this.#t(failureTerm[failure]);
    this.announce(message);
    this.dispatchEvent(new StoryErrorEvent(message, failure === 'refused' ? 'play' : 'audio'));
  }

  /** A term that takes no values, in the player's language. */
  #t(key: StringTermKey): string {
    return this.#localize.term(key);
  }

  // ─── Reading the page ────────────────────────────────────────────────────────────────────────

  #assignSlots(): void {
    for (const child of Array.from(this.children)) {
      if (child.hasAttribute('slot')) continue;
      if (child.localName === 'header') child.setAttribute('slot', 'header');
      else if (child.localName === 'story-captions') child.setAttribute('slot', 'captions');
    }
  }

  #onSlotChange = (): void => {
    this.#assignSlots();
    this.#readChapters();
  };

  #readChapters(): void {
    const localize = this.#localize;
    this.#chaptersLang = localize.lang;
    const { chapters, problems, pictureNoun, sceneCount } = readChapters(this, this.chapterCues, this.descriptionCues, {
      picture: (noun, number) => localize.term('pictureTitle', noun, number),
      part: (number) => localize.term('partTitle', number),
    });
    this.chapters = chapters;
    this.pictureNoun = pictureNoun;
    this.sceneCount = sceneCount;
    this.chapterIndex = -1;
    this.#publishTime(this.scrubTime ?? this.#audio.position, true);
    for (const problem of problems) this.#problems.warnAuthor(problem, 'scene');
  }

  #readAudio(): void {
    const audio = this.querySelector<HTMLAudioElement>(':scope > audio');
    const sources: AudioSource[] = audio
      ? Array.from(audio.querySelectorAll('source'))
          .filter((s) => s.getAttribute('src'))
          .map((s) => ({ src: s.src, type: s.type }))
      : [];
    if (audio && sources.length === 0 && audio.getAttribute('src')) sources.push({ src: audio.src, type: '' });
    this.#audio.setSources(sources);
    this.#tracksAbort?.abort();
    const abort = new AbortController();
    this.#tracksAbort = abort;
    this.#problems.hold();
    this.#readChapters();
    if (audio && ['auto', 'metadata'].includes(audio.getAttribute('preload') ?? '')) this.#audio.load();

    const tracks = tracksOf(audio);
    const loads = Array.from(tracks, ([kind, track]) =>
      loadTrack(kind, track.src, abort.signal).then((loaded) => {
        if (abort.signal.aborted) return;
        this.#setCues(kind, loaded.cues);
        if (loaded.problem) this.#problems.track(kind, loaded.problem, track);
      }),
    );
    void Promise.allSettled(loads).then(() => {
      if (abort.signal.aborted) return;
      this.#problems.release();
    });
  }

  #setCues(kind: TrackKind, cues: StoryCue[]): void {
    if (kind === 'captions') {
      this.#captionCues = cues;
      this.captionIndex = new CueIndex(cues);
      return;
    }
    if (kind === 'descriptions') this.descriptionCues = cues;
    else this.chapterCues = cues;
    this.#readChapters();
  }

  // ─── Saving and resuming ─────────────────────────────────────────────────────────────────────

  #restore(): void {
    const saved = readSaved(this.storyId);
    this.#restored = true;
    if (!saved) return;
    if (typeof saved.rate === 'number' && (PlaybackRates as readonly number[]).includes(saved.rate)) this.playbackRate = saved.rate;
    if (saved.descriptions === DescriptionMode.on || saved.descriptions === DescriptionMode.off) this.descriptions = saved.descriptions;
    if (saved.captions === CaptionsMode.on || saved.captions === CaptionsMode.off) this.captions = saved.captions;
    if (typeof saved.pauseAfterPhoto === 'boolean') this.pauseAfterPhoto = saved.pauseAfterPhoto;
    if (typeof saved.shortcuts === 'boolean') this.noShortcuts = !saved.shortcuts;
    const position = saved.position;
    const length = this.duration || Infinity;
    if (typeof position === 'number' && position > 1 && position < length - 1) {
      this.#audio.seek(position);
      this.#lastTick = position;
      this.shownTime = position;
      this.resumeAt = position;
    }
  }

  #save(position = this.#audio.position): void {
    if (!this.#restored) return;
    this.#lastSave = performance.now();
    writeSaved(this.storyId, {
      // The place is shared by every tab of the story: one where nobody has listened or moved keeps
      // the place another tab saved instead of writing its own start over it.
      position: this.#listened ? position : (readSaved(this.storyId)?.position ?? position),
      rate: this.playbackRate,
      descriptions: this.descriptions,
      captions: this.captions,
      pauseAfterPhoto: this.pauseAfterPhoto,
      shortcuts: !this.noShortcuts,
      savedAt: Date.now(),
    });
  }

  #onPageHide = (): void => {
    if (document.visibilityState === 'hidden') this.#save();
  };

  #resume = (): void => {
    const at = this.resumeAt;
    this.#focusPlayAfterUpdate();
    if (at !== null) this.seek(at);
    this.play();
  };

  #startOver = (): void => {
    this.resumeAt = null;
    this.#focusPlayAfterUpdate();
    this.seek(0);
  };

  /** The resume offer disappears when used: keep focus in the bar, on Play. */
  #focusPlayAfterUpdate(): void {
    void this.updateComplete.then(() => this.playButton?.focus());
  }

  // ─── Controls ────────────────────────────────────────────────────────────────────────────────

  #setDescriptions(on: boolean): void {
    this.descriptions = on ? DescriptionMode.on : DescriptionMode.off;
  }

  #setCaptions(on: boolean): void {
    this.captions = on ? CaptionsMode.on : CaptionsMode.off;
    this.#save();
  }

  #onRateChange = (event: Event): void => {
    this.playbackRate = Number((event.target as HTMLSelectElement).value);
  };

  #changeRate(step: number): void {
    const rates = PlaybackRates as readonly number[];
    const i = rates.indexOf(this.playbackRate);
    const next = rates[Math.min(rates.length - 1, Math.max(0, (i < 0 ? rates.indexOf(1) : i) + step))];
    if (next !== undefined) this.playbackRate = next;
  }

  #onSliderFocus = (): void => {
    this.sliderValue = this.#audio.position;
  };

  #onSliderKeydown = (event: KeyboardEvent): void => {
    const now = this.#audio.position;
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
      End: this.#length,
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    this.seek(target);
  };

  /** Dragging on the track previews the time; letting go seeks there. */
  #onTrackPointerDown = (event: PointerEvent): void => {
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
      return box.width > 0 ? (x / box.width) * this.#length : 0;
    };
    event.preventDefault();
    thumb?.focus();
    track.setPointerCapture(event.pointerId);
    this.scrubTime = timeAt(event);
    const move = (e: PointerEvent): void => {
      this.scrubTime = timeAt(e);
    };
    const end = (e: PointerEvent): void => {
      track.removeEventListener('pointermove', move);
      track.removeEventListener('pointerup', end);
      track.removeEventListener('pointercancel', end);
      const time = e.type === 'pointerup' ? timeAt(e) : null;
      this.scrubTime = null;
      if (time !== null) this.seek(time);
    };
    track.addEventListener('pointermove', move);
    track.addEventListener('pointerup', end);
    track.addEventListener('pointercancel', end);
  };

  #onChapterListKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.chaptersOpen = false;
    this.chaptersToggle?.focus();
  };

  #openHelp = (): void => {
    this.helpDialog?.showModal();
  };

  #onHelpClose = (): void => {
    this.renderRoot.querySelector<HTMLButtonElement>('.help-button')?.focus();
  };

  #onShortcutsSwitch = (event: Event): void => {
    this.noShortcuts = !(event.target as HTMLInputElement).checked;
    this.#save();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || this.noShortcuts || this.helpDialog?.open) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    event.preventDefault();
    this.#run(shortcut.action, event.key);
  };

  #run(action: ShortcutAction, key: string): void {
    switch (action) {
      case 'toggle-play':
        return this.togglePlay();
      case 'back':
        return this.skip(-SkipSeconds.back);
      case 'forward':
        return this.skip(SkipSeconds.forward);
      case 'previous-photo':
        return this.previousChapter();
      case 'next-photo':
        return this.nextChapter();
      case 'photo-number': {
        const index = this.chapters.findIndex((c) => c.number === Number(key));
        return index >= 0 ? this.goToChapter(index) : undefined;
      }
      case 'slower':
        return this.#changeRate(-1);
      case 'faster':
        return this.#changeRate(1);
      case 'descriptions':
        return this.#setDescriptions(this.descriptions !== DescriptionMode.on);
      case 'captions':
        return this.#setCaptions(this.captions !== CaptionsMode.on);
      case 'help':
        return this.#openHelp();
    }
  }

  // ─── Requests from descendants ───────────────────────────────────────────────────────────────

  #onPlayRequest = (event: Event): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.play();
  };

  #onPauseRequest = (event: Event): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.pause();
  };

  #onSeekRequest = (event: StorySeekRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.seek(event.time);
  };

  #onDescribeRequest = (event: StoryDescribeRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.describe(event.sceneId, { start: event.start, end: event.end });
  };

  #onDescriptionsRequest = (event: StoryDescriptionsRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.#setDescriptions(event.on);
  };

  #onCaptionsRequest = (event: StoryCaptionsRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.stopPropagation();
    this.#setCaptions(event.on);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'story-player': StoryPlayer;
  }
}
