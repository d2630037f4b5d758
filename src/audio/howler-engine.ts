// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- so that the package build (which lists only the entries) sees it too
/// <reference path="./howler-core.d.ts" />
/**
 * howler, as the controller plays through it: imported when the page is idle or at the first Play
 * (`loadAudioEngine()` in audio-engine.ts), not with the page, so that the page's first render is
 * not held up by it (about 23 KB minified, 7.5 KB gzip).
 */
import howler from 'howler/src/howler.core.js';

// howler is CommonJS: the dev server serves it through the commonjs plugin, where only the default
// import exists (named imports fail), and esbuild bundles it either way.
export const { Howl, Howler } = howler;

// howler waits for 'canplaythrough' before playing an element whose data is not ready (after a seek
// while paused). Chromium often stops buffering a paused element at HAVE_FUTURE_DATA, so that event
// never comes and Play hangs; 'canplay' matches howler's own `readyState >= 3` check.
(Howler as unknown as { _canPlayEvent: string })._canPlayEvent = 'canplay';

// On unload howler stops the download by setting the element's src to a tiny data: URL, which a
// strict CSP (`media-src 'self' blob:`) refuses with a violation report. Releasing the element the
// way the HTML spec says (no src, then load()) stops the download as well. (howler's play() looks
// for that data: URL only to reload a live stream it stopped itself; the controller never calls
// stop(), and an unloaded Howl is never played again.)
(Howl.prototype as unknown as { _clearSound(node: HTMLMediaElement): void })._clearSound = (node) => {
  node.removeAttribute('src');
  node.load();
};
