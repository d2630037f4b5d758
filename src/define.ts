/**
 * Registers all five elements, each only if its tag is still free: importing this twice, or after
 * another copy of the toolkit defined a tag, is harmless. Exports what `index.js` exports.
 */
import './story-player/define.js';
import './story-scene/define.js';
import './story-captions/define.js';
import './story-transcript/define.js';
import './story-offline/define.js';

export * from './index.js';
