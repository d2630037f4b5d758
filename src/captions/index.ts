/** Captions core: WebVTT parsing, cue markup, time lookup and time text. No DOM: runs in Node too. */
export {
  parseWebVTT,
  parseWebVTTInSlices,
  parseTimestamp,
  formatTimestamp,
  type WebVTTCue,
  type WebVTTError,
  type WebVTTParseResult,
} from './webvtt.js';
export { cueWords, cueVoice, cuePlainText, type CueWord } from './cue-text.js';
export { CueIndex } from './cue-index.js';
export { durationInWords, clock } from './time-text.js';
