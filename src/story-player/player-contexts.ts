import type { ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  playbackContext,
  playerClockContext,
  sameValues,
  storyContext,
  type PlaybackState,
  type StoryInfo,
} from '../player-state/context.js';
import type { CaptionsMode, DescriptionMode } from '../player-state/vocabulary.js';
import type { PageReader } from './page-reader.js';
import type { Playback } from './playback.js';

/** The player as its followers see it: the story it plays and the modes they show. */
export interface PublishingPlayer extends ReactiveControllerHost, HTMLElement {
  readonly storyId: string;
  readonly playbackRate: number;
  readonly descriptions: DescriptionMode;
  readonly captions: CaptionsMode;
  readonly pauseAfterPhoto: boolean;
  readonly noFollow: boolean;
}

/**
 * What the player gives its followers (scenes, captions, transcript) through `@lit/context`: the
 * story, which changes rarely; the playback state, which changes while playing; and a clock they
 * pull the time from. The player updates four times a second while playing: each context is set
 * only when a value in it changed, so a follower re-renders only when what it shows changes.
 */
export class PlayerContexts {
  readonly #player: PublishingPlayer;
  readonly #parts: { reader: PageReader; playback: Playback; title(): string };
  readonly #story: ContextProvider<typeof storyContext>;
  readonly #state: ContextProvider<typeof playbackContext>;

  constructor(player: PublishingPlayer, parts: { reader: PageReader; playback: Playback; title(): string }) {
    this.#player = player;
    this.#parts = parts;
    this.#story = new ContextProvider(player, { context: storyContext });
    this.#state = new ContextProvider(player, { context: playbackContext });
    const audio = parts.playback.audio;
    new ContextProvider(player, { context: playerClockContext, initialValue: Object.freeze({ now: () => audio.position, playing: () => audio.playing }) });
  }

  /** Sets the story and the playback state, each only when something in it changed. */
  publish(): void {
    const player = this.#player;
    const { reader, playback } = this.#parts;
    const { chapters, pictureNoun, captionIndex } = reader;
    const story: StoryInfo = { storyId: player.storyId, title: this.#parts.title(), duration: playback.length, chapters, pictureNoun, captionIndex };
    const state: PlaybackState = {
      playing: playback.audio.playing,
      rate: player.playbackRate,
      audio: playback.audio.status,
      descriptions: player.descriptions,
      captions: player.captions,
      pauseAfterPhoto: player.pauseAfterPhoto,
      follow: !player.noFollow,
      chapterIndex: playback.chapterIndex,
      sentenceIndex: playback.sentenceIndex,
      describing: playback.describing?.sceneId ?? null,
    };
    if (!sameValues(this.#story.value, story)) this.#story.setValue(story);
    if (!sameValues(this.#state.value, state)) this.#state.setValue(state);
  }
}
