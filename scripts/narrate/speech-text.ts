/**
 * From written text to what the speech engine is given. Every written word is folded to a token of
 * its own that the language's engine says correctly — ASCII for Festival (English), UTF-8 with its
 * accents for espeak-ng (Spanish): one written word ↔ one token, which is how word timings find
 * their way back to the words exactly as written (accents, curly quotes, dashes).
 */

/** Split prose into sentences with the platform's own sentence rules (Unicode UAX #29). */
export function sentencesOf(paragraph: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  return [...segmenter.segment(normalizeSpace(paragraph))]
    .map((part) => part.segment.trim())
    .filter((sentence) => sentence.length > 0);
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Written words: the whitespace-separated pieces of a sentence, punctuation attached. */
export function writtenWords(sentence: string): string[] {
  return normalizeSpace(sentence).split(' ');
}

// Characters that have an ASCII spoken equivalent. Dashes become a comma-like pause.
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...', '\u00A0': ' ', '\u00D7': 'x', '\u00BD': '1/2', '\u00B0': ' degrees',
  '\u00DF': 'ss', '\u00E6': 'ae', '\u00C6': 'AE', '\u0153': 'oe', '\u0152': 'OE', '\u00F8': 'o', '\u00D8': 'O',
  '\u0142': 'l', '\u0141': 'L', '\u00F0': 'd', '\u00D0': 'D', '\u00FE': 'th', '\u00DE': 'Th',
};

/**
 * Fold one written word to a single ASCII token Festival says correctly. Accents are removed
 * (é → e), quotes and dashes become their ASCII forms, and each run of letters and digits listed
 * in `pronunciations` is replaced by its spoken spelling, punctuation kept.
 * Throws when a character has no ASCII form, naming it, so nothing is silently dropped.
 */
export function foldWord(word: string, pronunciations: Record<string, string> = {}): string {
  // Each run of letters and digits may have a spoken spelling: "US–Mexico," → "U.S.–Mexico,".
  const source = word.replace(/[\p{L}\p{N}]+/gu, (run) => pronunciations[run] ?? run);
  let folded = '';
  for (const char of source.normalize('NFKD')) {
    if (/\p{M}/u.test(char)) continue; // combining accent left by NFKD
    const code = char.codePointAt(0) ?? 0;
    if (code < 128) folded += char;
    else if (FOLDS[char] !== undefined) folded += FOLDS[char];
    else throw cannotSpeak(char, word);
  }
  // A dash standing alone or doubled would be read as a word; make it a pause.
  if (/^-+$/.test(folded)) return ',';
  return folded.replace(/\s+/g, '');
}

function cannotSpeak(char: string, word: string): Error {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return new Error(`cannot speak the character "${char}" (U+${code}) in "${word}"`);
}

// espeak-ng reads UTF-8, so Spanish keeps its letters (á, ñ, ü) and ¿ ¡. Quotes become ASCII: it
// reports a word inside «» with no length. Dashes stay: it pauses at – and — without a word of
// their own, where an ASCII hyphen is read as "menos" or swallows the next word.
const SPANISH_FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'", '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2012': '\u2013', '\u2015': '\u2014', '\u00A0': '',
};
// Beyond ASCII and Latin letters, the signs espeak-ng's Spanish voice reads or pauses at.
const SPANISH_SIGNS = new Set(['¿', '¡', '\u2013', '\u2014', '\u2026', 'º', 'ª', '°', '€', '£']);

/**
 * Fold one written Spanish word to a single token espeak-ng says correctly: letters, accents and
 * ¿ ¡ kept, curly quotes and guillemets made ASCII, each run of letters and digits listed in
 * `pronunciations` replaced by its spoken spelling. Throws on a character it cannot speak.
 */
function foldSpanishWord(word: string, pronunciations: Record<string, string>): string {
  const source = word.normalize('NFC').replace(/[\p{L}\p{N}]+/gu, (run) => pronunciations[run] ?? run);
  let folded = '';
  for (const char of source) {
    const fold = SPANISH_FOLDS[char];
    if (fold !== undefined) folded += fold;
    else if (/[\x20-\x7E\p{Script=Latin}\p{M}]/u.test(char) || SPANISH_SIGNS.has(char)) folded += char;
    else throw cannotSpeak(char, word);
  }
  // A dash or an ellipsis standing alone is a pause: the em dash is the one espeak-ng times as none.
  if (/^[-\u2013\u2014\u2026.]+$/.test(folded)) return '\u2014';
  return folded.replace(/\s+/g, '');
}

const FOLDS_BY_LANGUAGE: Record<string, (word: string, pronunciations: Record<string, string>) => string> = {
  en: foldWord,
  es: foldSpanishWord,
};

/** Fold one written word for the voice of `language` (a BCP 47 tag: "en", "es", "es-MX"). */
export function foldWordFor(language: string, word: string, pronunciations: Record<string, string> = {}): string {
  const fold = FOLDS_BY_LANGUAGE[language.toLowerCase().split('-')[0]!];
  if (!fold) throw new Error(`no voice speaks the language "${language}"; narrate speaks ${Object.keys(FOLDS_BY_LANGUAGE).join(' and ')}`);
  return fold(word, pronunciations);
}

/** Does a folded token carry anything to say (as opposed to bare punctuation)? */
export function isSpoken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
