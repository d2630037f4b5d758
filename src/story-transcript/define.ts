/** Registers `<story-transcript>` alone (guarded, see `defineElement`): the package's `./story-transcript.js` entry. */
import { defineElement } from '../shared/define-element.js';
import { StoryTranscript } from './story-transcript.js';

defineElement(StoryTranscript);

export { StoryTranscript };
