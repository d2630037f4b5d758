/** Registers every element of the toolkit: import this once on a page. */
import './story-player/story-player.js';
import './story-scene/story-scene.js';
import './story-captions/story-captions.js';
import './story-transcript/story-transcript.js';
import './story-offline/story-offline.js';

export { StoryPlayer } from './story-player/story-player.js';
export { StoryScene } from './story-scene/story-scene.js';
export { StoryCaptions } from './story-captions/story-captions.js';
export { StoryTranscript } from './story-transcript/story-transcript.js';
export { StoryOffline } from './story-offline/story-offline.js';
export * from './player-state/events.js';
export * from './player-state/vocabulary.js';
export type * from './player-state/context.js';
export * from './i18n/index.js';
