/**
 * A type-level test, checked by `tsc --noEmit` (tsconfig.json includes tests/; `.ci/run` runs it):
 * the README promises that every tag is in `HTMLElementTagNameMap` and every `story-*` event in
 * `GlobalEventHandlersEventMap`, the player's `play`, `pause`, `ended` being plain `Event`s and its
 * `error` a `StoryErrorEvent`, an `ErrorEvent`. Each right use below compiles only with its entry
 * (without one, `createElement` answers `HTMLElement` and a listener gets `Event`); each wrong
 * use must stay an error (`@ts-expect-error` fails the compile when it is not).
 *
 * The events that carry nothing of their own (the play and pause requests, removed, update
 * available) are an `Event` in shape, so for them only the name is checked, not the entry.
 *
 * Nothing here runs: the functions are only compiled.
 */
import type {
  StoryCaptions,
  StoryChapterChangeEvent,
  StoryOffline,
  StoryOfflineErrorEvent,
  StoryOfflineSavedEvent,
  StoryPlayer,
  StoryScene,
  StoryTranscript,
  StorySeekRequestEvent,
  StoryDescribeRequestEvent,
} from '../../../src/index.js';

/** Every tag, by `createElement` and `querySelector`, is its class. */
export function tags(): void {
  const player: StoryPlayer = document.createElement('story-player');
  const scene: StoryScene = document.createElement('story-scene');
  const captions: StoryCaptions = document.createElement('story-captions');
  const transcript: StoryTranscript = document.createElement('story-transcript');
  const offline: StoryOffline = document.createElement('story-offline');
  const found: StoryPlayer | null = document.querySelector('story-player');
  const scenes: NodeListOf<StoryScene> = document.querySelectorAll('story-scene');
  const closest: StoryPlayer | null = scene.closest('story-player');
  void [player, captions, transcript, offline, found, scenes, closest];

  // @ts-expect-error A scene is not a player.
  const wrong: StoryPlayer = document.createElement('story-scene');
  // @ts-expect-error A player has no `describing` (a scene's).
  void document.createElement('story-player').describing;
  void wrong;
}

/** Every `story-*` event is its class, on any element and on the document. */
export function events(player: StoryPlayer, offline: StoryOffline): void {
  player.addEventListener('story-chapter-change', (event) => {
    const id: string = event.chapterId;
    const typed: StoryChapterChangeEvent = event;
    void [id, typed];
  });
  document.addEventListener('story-chapter-change', (event) => void event.chapterId);
  player.addEventListener('story-seek-request', (event) => {
    const time: number = event.time;
    const typed: StorySeekRequestEvent = event;
    void [time, typed];
  });
  player.addEventListener('story-describe-request', (event) => {
    const { sceneId, start, end }: StoryDescribeRequestEvent = event;
    void [sceneId, start, end];
  });
  player.addEventListener('story-descriptions-request', (event) => void (event.on satisfies boolean));
  player.addEventListener('story-captions-request', (event) => void (event.on satisfies boolean));
  player.addEventListener('story-follow-request', (event) => void (event.on satisfies boolean));
  player.addEventListener('story-play-request', (event) => void (event satisfies Event));
  player.addEventListener('story-pause-request', (event) => void (event satisfies Event));
  offline.addEventListener('story-offline-saved', (event) => {
    const bytes: number = event.bytes;
    const typed: StoryOfflineSavedEvent = event;
    void [bytes, typed];
  });
  offline.addEventListener('story-offline-error', (event) => {
    const { failure, message }: StoryOfflineErrorEvent = event;
    void [failure, message];
  });
  offline.addEventListener('story-offline-removed', (event) => void (event satisfies Event));
  offline.addEventListener('story-offline-update-available', (event) => void (event satisfies Event));

  // The player's media-like events, as the DOM's own map has them: `error` an ErrorEvent.
  player.addEventListener('error', (event) => void (event.message satisfies string));
  player.addEventListener('play', (event) => {
    // @ts-expect-error `play` is a plain Event, with no chapter.
    void event.chapterId;
  });
  player.addEventListener('story-chapter-change', (event) => {
    // @ts-expect-error A chapter change carries no time.
    void event.time;
  });
  offline.addEventListener('story-offline-saved', (event) => {
    // @ts-expect-error Saved carries bytes, not a failure.
    void event.failure;
  });
}
