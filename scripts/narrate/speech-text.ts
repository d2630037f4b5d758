/**
 * From written text to what the speech engine is given. Festival speaks ASCII, so every written
 * word is folded to an ASCII token of its own: one written word ↔ one token, which is how word
 * timings find their way back to the words exactly as written (accents, curly quotes, dashes).
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
    else throw new Error(`cannot speak the character "${char}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}) in "${word}"`);
  }
  // A dash standing alone or doubled would be read as a word; make it a pause.
  if (/^-+$/.test(folded)) return ',';
  return folded.replace(/\s+/g, '');
}

/** Does a folded token carry anything to say (as opposed to bare punctuation)? */
export function isSpoken(token: string): boolean {
  return /[A-Za-z0-9]/.test(token);
}
