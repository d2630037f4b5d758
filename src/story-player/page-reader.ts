import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CueIndex } from '../captions/cue-index.js';
import type { AudioSource } from '../audio/howl-controller.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import type { StoryChapter, StoryCue } from '../player-state/context.js';
import type { ProblemReports } from './problem-reports.js';
import { readChapters } from './story-chapters.js';
import { loadTrack } from '../captions/load-track.js';
import type { TrackKind } from '../player-state/vocabulary.js';
import { tracksOf } from './text-tracks.js';

/** What the reader tells the player. */
export interface PageReaderEvents {
  /** The episode's sources, in order of preference; `preload` when the page asks for it. */
  sources(sources: AudioSource[], preload: boolean): void;
  /** The chapters were read again (the page or the chapters or descriptions track changed). */
  chaptersRead(): void;
}

/** The attributes the chapters are read from: a change to any of them reads the chapters again. */
const TIMING_ATTRIBUTES = ['start', 'end', 'number', 'description-start', 'description-end', 'picture-kind', 'artwork', 'id', 'data-start', 'data-end'];

/**
 * Reads the story from the player's light DOM: the fallback `<audio>`'s sources and text tracks,
 * the scenes and sections that make the chapters, and which children go in the header and caption
 * slots. The page works without script; this is where the player learns what it says.
 */
export class PageReader implements ReactiveController {
  chapters: StoryChapter[] = [];
  pictureNoun: PictureNoun = 'photo';
  sceneCount = 0;
  /** The caption cues in the order of their file. */
  captionCues: readonly StoryCue[] = [];
  /** One index of the captions, shared with every follower. */
  captionIndex = new CueIndex<StoryCue>([]);
  descriptionCues: StoryCue[] = [];
  #chapterCues: StoryCue[] = [];
  /** The language the chapters' fallback titles were made in. */
  #chaptersLang = '';
  #abort: AbortController | undefined;
  /** Watches the scenes' and sections' times, which a page may set after the player connects. */
  #attributes: MutationObserver | undefined;
  #rereading = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #localize: LocalizeController;
  readonly #problems: ProblemReports;
  readonly #events: PageReaderEvents;

  constructor(host: ReactiveControllerHost & HTMLElement, localize: LocalizeController, problems: ProblemReports, events: PageReaderEvents) {
    this.#host = host;
    this.#localize = localize;
    this.#problems = problems;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {
    this.assignSlots();
    this.readAudio();
    this.#attributes = new MutationObserver(() => {
      // Several attributes set together (a framework rendering a scene) are read once.
      if (this.#rereading) return;
      this.#rereading = true;
      queueMicrotask(() => {
        this.#rereading = false;
        this.readChapters();
      });
    });
    this.#attributes.observe(this.#host, { subtree: true, attributes: true, attributeFilter: TIMING_ATTRIBUTES });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#attributes?.disconnect();
  }

  hostUpdate(): void {
    // Chapters without a title of their own are named in the player's language.
    if (this.#chaptersLang && this.#chaptersLang !== this.#localize.lang) this.readChapters();
  }

  /** A direct-child `<header>` goes in the header slot and `<story-captions>` in the captions slot. */
  assignSlots(): void {
    for (const child of Array.from(this.#host.children)) {
      if (child.hasAttribute('slot')) continue;
      if (child.localName === 'header') child.setAttribute('slot', 'header');
      else if (child.localName === 'story-captions') child.setAttribute('slot', 'captions');
    }
  }

  readChapters(): void {
    const localize = this.#localize;
    this.#chaptersLang = localize.lang;
    const { chapters, problems, pictureNoun, sceneCount } = readChapters(this.#host, this.#chapterCues, this.descriptionCues, {
      picture: (noun, number) => localize.term('pictureTitle', noun, number),
      part: (number) => localize.term('partTitle', number),
    });
    // Read again as each track loads: the same chapters are kept, so followers hear of no change.
    if (JSON.stringify(chapters) !== JSON.stringify(this.chapters)) this.chapters = chapters;
    this.pictureNoun = pictureNoun;
    this.sceneCount = sceneCount;
    this.#events.chaptersRead();
    this.#host.requestUpdate();
    this.#problems.scenes(problems);
  }

  /** Reads the fallback `<audio>`: its sources, then its text tracks (problems told once all have loaded). */
  readAudio(): void {
    const audio = this.#host.querySelector<HTMLAudioElement>(':scope > audio');
    const sources: AudioSource[] = audio
      ? Array.from(audio.querySelectorAll('source'))
          .filter((s) => s.getAttribute('src'))
          .map((s) => ({ src: s.src, type: s.type }))
      : [];
    if (audio && sources.length === 0 && audio.getAttribute('src')) sources.push({ src: audio.src, type: '' });
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#problems.hold();
    this.#events.sources(sources, !!audio && ['auto', 'metadata'].includes(audio.getAttribute('preload') ?? ''));
    this.readChapters();

    const loads = Array.from(tracksOf(audio), ([kind, track]) =>
      loadTrack(kind, track.src, abort.signal).then((loaded) => {
        if (abort.signal.aborted) return;
        this.#setCues(kind, loaded.cues);
        if (loaded.problem) this.#problems.track(kind, loaded.problem, track);
      }),
    );
    void Promise.allSettled(loads).then(() => {
      if (!abort.signal.aborted) this.#problems.release();
    });
  }

  #setCues(kind: TrackKind, cues: StoryCue[]): void {
    if (kind === 'captions') {
      this.captionCues = cues;
      this.captionIndex = new CueIndex(cues);
      this.#host.requestUpdate();
      return;
    }
    if (kind === 'descriptions') this.descriptionCues = cues;
    else this.#chapterCues = cues;
    this.readChapters();
  }
}
