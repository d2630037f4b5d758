/** Registers `<story-player>` alone (guarded, see `defineElement`): the package's `./story-player.js` entry. */
import { defineElement } from '../shared/define-element.js';
import { StoryPlayer } from './story-player.js';

defineElement(StoryPlayer);

export { StoryPlayer };
