/** Registers `<story-offline>` alone (guarded, see `defineElement`): the package's `./story-offline.js` entry. */
import { defineElement } from '../shared/define-element.js';
import { StoryOffline } from './story-offline.js';

defineElement(StoryOffline);

export { StoryOffline };
