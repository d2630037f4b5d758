/**
 * The registered dictionaries, and a term looked up in the language of a tag with region
 * fallback: `es-MX` → `es` → `en`. Each term is looked up on its own, so a dictionary that gives
 * only some terms (an override, a regional variant) falls back term by term.
 */
import { en } from './en.js';
import { es } from './es.js';
import { formats } from './formats.js';
import type { TermArgs, TermKey, TranslationInput } from './translation.js';

const dictionaries = new Map<string, TranslationInput>([
  ['en', en],
  ['es', es],
]);

const listeners = new Set<() => void>();

/**
 * Adds a language, or merges terms over one already registered: `registerTranslation({ $code:
 * 'fr', $name: 'Français', play: … })` adds French (English fills in what it leaves out);
 * `registerTranslation({ $code: 'en', describeStop: 'Stop' })` changes one English term. Elements
 * on the page render again with the new words.
 */
export function registerTranslation(...translations: TranslationInput[]): void {
  for (const translation of translations) {
    const code = translation.$code.toLowerCase();
    dictionaries.set(code, { ...dictionaries.get(code), ...translation });
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a translation is registered; returns what stops it. */
export function onTranslationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The codes tried for a tag, most specific first and English last: `es-MX` → `es-mx`, `es`, `en`. */
export function fallbackCodes(lang: string): string[] {
  const subtags = lang.toLowerCase().split(/[-_]/).filter(Boolean);
  const codes: string[] = [];
  for (let n = subtags.length; n > 0; n--) codes.push(subtags.slice(0, n).join('-'));
  if (!codes.includes('en')) codes.push('en');
  return codes;
}

const primary = (code: string): string => code.split(/[-_]/)[0] ?? '';

/**
 * The term `key` in the language of `lang`. A function term gets `args` and the formats of `lang`
 * (of English when the term fell back to English from another language, so that numbers and
 * words agree).
 */
export function termIn<K extends TermKey>(lang: string, key: K, ...args: TermArgs<K>): string {
  for (const code of fallbackCodes(lang)) {
    const value = dictionaries.get(code)?.[key];
    if (value === undefined) continue;
    if (typeof value === 'string') return value;
    const format = formats(primary(code) === primary(lang.toLowerCase()) ? lang : code);
    return (value as (...values: unknown[]) => string)(...args, format);
  }
  return key;
}

/** The language whose words `lang` gets: `es` for `es-MX`, `en` for a language with no dictionary. */
export function translationCode(lang: string): string {
  return fallbackCodes(lang).find((code) => dictionaries.has(code)) ?? 'en';
}
