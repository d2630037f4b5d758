/**
 * The site's bundle (`app.js`): registers the player, the scene, the captions and the transcript
 * with the page, and `<story-offline>` (its code and workbox-window, in chunks of their own) only
 * on a page that has one, once the page is idle, so that they never delay the player. Exports what
 * `index.js` exports but the offline control's class (`customElements.get('story-offline')` once
 * it has loaded), so that a page can `registerTranslation` and listen for typed events.
 */
import './story-player/define.js';
import './story-scene/define.js';
import './story-captions/define.js';
import './story-transcript/define.js';
import { defineWhenPresent } from './shared/define-when-present.js';

defineWhenPresent('story-offline', () => import('./story-offline/define.js'));

export { StoryPlayer } from './story-player/story-player.js';
export { StoryScene } from './story-scene/story-scene.js';
export { StoryCaptions } from './story-captions/story-captions.js';
export { StoryTranscript } from './story-transcript/story-transcript.js';
export { defineElement } from './shared/define-element.js';
export * from './player-state/events.js';
export * from './player-state/vocabulary.js';
export * from './player-state/context.js';
export * from './story-offline/events.js';
export * from './i18n/index.js';
