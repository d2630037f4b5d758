/**
 * Reads a cue payload's inline markup: the plain text a listener reads, the speaker of a voice tag,
 * and the timed words that word-synced captions highlight.
 *
 * Tags are split the way the WebVTT cue text tokenizer splits them
 * (https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules): `<` always opens a tag, up to `>` or
 * the end; a tag that starts with a digit and holds exactly one timestamp is a timestamp tag, any
 * other one is dropped from the text. Only the character references a caption needs are decoded
 * (`&amp; &lt; &gt; &nbsp; &lrm; &rlm;` and numeric ones); any other `&` stays as written.
 */
import { parseTimestamp, type WebVTTCue } from './webvtt.js';

export interface CueWord {
  /** The word as shown, punctuation attached, character references decoded. */
  text: string;
  /** Seconds. */
  start: number;
  end: number;
}

type Token =
  | { type: 'text'; text: string }
  | { type: 'timestamp'; time: number }
  | { type: 'start'; name: string; annotation: string }
  | { type: 'end' };

/**
 * The words of a cue with their times, for highlighting the word being spoken.
 *
 * The first word starts at `cue.start`, each timestamp tag starts the word after it (with or
 * without a space before the tag), each word ends where the next one starts and the last one ends
 * at `cue.end`. When several words share the stretch between two timestamps, the stretch is split
 * between them in proportion to their number of characters, the closest guess to speech without
 * more timing. Times are rounded to the millisecond.
 *
 * Timestamps outside the cue or going backwards are clamped into order, so every word has
 * `start <= end` and the words never overlap.
 *
 * @example
 * cueWords({ start: 0, end: 2, text: '<v Narrator>Lety <00:00:01.000>Perez' });
 * // [{ text: 'Lety', start: 0, end: 1 }, { text: 'Perez', start: 1, end: 2 }]
 */
export function cueWords(cue: Pick<WebVTTCue, 'start' | 'end' | 'text'>): CueWord[] {
  const cueEnd = Math.max(cue.start, cue.end);

  // Runs of text, each starting at a time: the cue start, then every timestamp tag.
  const runs: { start: number; words: string[] }[] = [];
  let run = { start: cue.start, text: '' };
  const closeRun = (): void => {
    const words = splitWords(run.text);
    if (words.length > 0) runs.push({ start: run.start, words });
  };
  for (const token of tokenize(cue.text)) {
    if (token.type === 'text') {
      run.text += token.text;
    } else if (token.type === 'timestamp') {
      closeRun();
      run = { start: Math.min(Math.max(token.time, run.start), cueEnd), text: '' };
    }
  }
  closeRun();

  const words: CueWord[] = [];
  runs.forEach((current, i) => {
    // A run without words (two tags in a row) gives its time to nobody: a word lasts until the next word.
    const runEnd = runs[i + 1]?.start ?? cueEnd;
    const lengths = current.words.map((word) => [...word].length);
    const total = lengths.reduce((sum, n) => sum + n, 0);
    let before = 0;
    current.words.forEach((text, k) => {
      const share = (runEnd - current.start) * (before / total);
      const start = Math.min(Math.max(roundToMs(current.start + share), current.start), runEnd);
      words.push({ text, start, end: runEnd });
      before += lengths[k] ?? 0;
    });
  });
  // Each word ends where the next one starts.
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (word && next) word.end = next.start;
  }
  return words;
}

/**
 * The speaker named by the cue's first voice tag (`<v Narrator>` → `"Narrator"`), or `null` when
 * the cue has no voice tag or an empty one.
 */
export function cueVoice(cue: Pick<WebVTTCue, 'text'>): string | null {
  // Only the tags matter, split as tokenize splits them: the text between them is never read.
  const payload = cue.text;
  for (let open = payload.indexOf('<'); open !== -1; ) {
    const close = payload.indexOf('>', open + 1);
    const token = readTag(payload.slice(open + 1, close === -1 ? payload.length : close));
    if (token.type === 'start' && token.name === 'v') return token.annotation || null;
    if (close === -1) break;
    open = payload.indexOf('<', close + 1);
  }
  return null;
}

/**
 * The cue's text without markup, character references decoded, line breaks kept, trimmed.
 * A timestamp tag between two letters counts as a space, because it separates words in
 * {@link cueWords}: `Lety<00:00:01.250>Perez` reads "Lety Perez".
 */
export function cuePlainText(cue: Pick<WebVTTCue, 'text'>): string {
  let text = '';
  let wordBreak = false;
  for (const token of tokenize(cue.text)) {
    if (token.type === 'timestamp') {
      wordBreak = true;
    } else if (token.type === 'text' && token.text !== '') {
      if (wordBreak && !isSpace(text.at(-1)) && !isSpace(token.text[0])) text += ' ';
      wordBreak = false;
      text += token.text;
    }
  }
  return text.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '');
}

// ---------------------------------------------------------------------------------------------

/** ASCII whitespace only: a no-break space (`&nbsp;`) must keep two words together. */
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

function splitWords(text: string): string[] {
  return text.split(/[ \t\n\f\r]+/).filter((word) => word !== '');
}

function roundToMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function tokenize(payload: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < payload.length) {
    const open = payload.indexOf('<', position);
    if (open === -1) {
      tokens.push({ type: 'text', text: decodeReferences(payload.slice(position)) });
      break;
    }
    if (open > position) tokens.push({ type: 'text', text: decodeReferences(payload.slice(position, open)) });
    const close = payload.indexOf('>', open + 1);
    const content = payload.slice(open + 1, close === -1 ? payload.length : close);
    position = close === -1 ? payload.length : close + 1;
    tokens.push(readTag(content));
  }
  return tokens;
}

/** Classifies what is between `<` and `>`. */
function readTag(content: string): Token {
  if (content.startsWith('/')) return { type: 'end' };
  if (isDigitStart(content)) {
    const time = parseTimestamp(content);
    // An invalid timestamp tag is ignored, as in browsers; an end tag is equally inert here.
    return time === null ? { type: 'end' } : { type: 'timestamp', time };
  }
  // `<name.class1.class2 annotation>`: the name ends at a period or whitespace; the annotation
  // is everything after the first whitespace.
  const space = content.search(/[ \t\n\f]/);
  const head = space === -1 ? content : content.slice(0, space);
  const annotation = space === -1 ? '' : content.slice(space + 1);
  return {
    type: 'start',
    name: head.split('.', 1)[0] ?? '',
    annotation: decodeReferences(annotation)
      .replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '')
      .replace(/[ \t\n\f\r]+/g, ' '),
  };
}

function isDigitStart(s: string): boolean {
  return s[0] !== undefined && s[0] >= '0' && s[0] <= '9';
}

const namedReferences = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['nbsp', '\u00A0'],
  ['lrm', '\u200E'],
  ['rlm', '\u200F'],
]);

function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));/g,
    (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name !== undefined) return namedReferences.get(name) ?? whole;
      const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      // HTML turns NUL, surrogates and out-of-range numbers into the replacement character.
      const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
      return valid ? String.fromCodePoint(codePoint) : '\uFFFD';
    },
  );
}
