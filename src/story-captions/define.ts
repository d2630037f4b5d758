/** Registers `<story-captions>` alone (guarded, see `defineElement`): the package's `./story-captions.js` entry. */
import { defineElement } from '../shared/define-element.js';
import { StoryCaptions } from './story-captions.js';

defineElement(StoryCaptions);

export { StoryCaptions };
