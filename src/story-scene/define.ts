/** Registers `<story-scene>` alone (guarded, see `defineElement`): the package's `./story-scene.js` entry. */
import { defineElement } from '../shared/define-element.js';
import { StoryScene } from './story-scene.js';

defineElement(StoryScene);

export { StoryScene };
