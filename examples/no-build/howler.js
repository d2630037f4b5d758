// howler ships only scripts that set globals (UMD), not modules: run its core, then export what it
// set as the default export the toolkit imports (`import howler from 'howler'`).
import './node_modules/howler/src/howler.core.js';

const { Howl, Howler } = globalThis;
export { Howl, Howler };
export default { Howl, Howler };
