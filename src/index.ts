/**
 * The toolkit's classes, events and types, with no side effects: importing this module defines no
 * tag. Register the elements with `define.js` (all five) or one element's own entry
 * (`story-player.js`, …), or call `defineElement(StoryPlayer)` yourself.
 */
export { StoryPlayer } from './story-player/story-player.js';
export { StoryScene } from './story-scene/story-scene.js';
export { StoryCaptions } from './story-captions/story-captions.js';
export { StoryTranscript } from './story-transcript/story-transcript.js';
export { StoryOffline, OfflineState } from './story-offline/story-offline.js';
export { defineElement, type NamedElement } from './shared/define-element.js';
export * from './player-state/events.js';
export * from './player-state/vocabulary.js';
export * from './player-state/context.js';
export * from './story-offline/events.js';
export type { SaveFailure } from './story-offline/save-audio.js';
export type { PictureKind } from './story/timed-story.js';
export * from './i18n/index.js';
