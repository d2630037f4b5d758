/**
 * The registered dictionaries, and a term looked up in the language of a tag with region
 * fallback: `es-MX` → `es` → `en`. Each term is looked up on its own, so a dictionary that gives
 * only some terms (an override, a regional variant) falls back term by term.
 *
 * English is always here; the other built-in languages come on demand, each in a chunk of its own
 * that loads the first time a page asks for one of its words (`loadTranslation` waits for it).
 */
import { en } from './en.js';
import { formats } from './formats.js';
import type { TermArgs, TermKey, TranslationInput } from './translation.js';

/** The built-in languages besides English: what loads each one. */
const builtIn = new Map<string, () => Promise<TranslationInput>>([['es', () => import('./es.js').then((module) => module.es)]]);

const dictionaries = new Map<string, TranslationInput>([['en', en]]);
const loading = new Map<string, Promise<void>>();
/** Built-in languages whose loading has ended, with their words or (unreachable) without. */
const settled = new Set<string>();
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

/** Loads one built-in language once; terms registered before it arrived stay over its own. */
function load(code: string): Promise<void> {
  const loader = builtIn.get(code);
  if (!loader) return Promise.resolve();
  let loaded = loading.get(code);
  if (!loaded) {
    loaded = loader().then(
      (translation) => {
        settled.add(code);
        dictionaries.set(code, { ...translation, ...dictionaries.get(code) });
        for (const listener of listeners) listener();
      },
      // Not reachable (offline, say): the words fall back to English, as for any language without a dictionary.
      () => void settled.add(code),
    );
    loading.set(code, loaded);
  }
  return loaded;
}

/** Whether the words of `lang` are all here: no built-in language on its way is still loading. */
export function translationReady(lang: string): boolean {
  return fallbackCodes(lang).every((code) => !builtIn.has(code) || settled.has(code));
}

/**
 * Resolves when the built-in dictionaries `lang` falls back through have loaded (at once for
 * English, or a language with none): `await loadTranslation('es')` before reading Spanish terms
 * with `termIn`. It never rejects; a dictionary that cannot be loaded leaves English in its place.
 */
export async function loadTranslation(lang: string): Promise<void> {
  await Promise.all(fallbackCodes(lang).map(load));
}

const primary = (code: string): string => code.split(/[-_]/)[0] ?? '';

/**
 * The term `key` in the language of `lang`. A function term gets `args` and the formats of `lang`
 * (of English when the term fell back to English from another language, so that numbers and
 * words agree). A built-in language not loaded yet starts loading, and gives English meanwhile.
 */
export function termIn<K extends TermKey>(lang: string, key: K, ...args: TermArgs<K>): string {
  for (const code of fallbackCodes(lang)) {
    if (builtIn.has(code)) void load(code);
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
  return fallbackCodes(lang).find((code) => dictionaries.has(code) || builtIn.has(code)) ?? 'en';
}
