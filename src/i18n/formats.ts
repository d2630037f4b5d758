/**
 * Numbers, times, sizes, percentages and plurals in one language, through `Intl`. Every term of a
 * dictionary that takes values gets the element's `Formats` as its last argument, so that "2.1 MB"
 * reads "2,1 MB" on a page in Spanish and "2.1 MB" in Mexican Spanish. No DOM: runs in Node too.
 */
import { clock, durationInWords } from '../captions/time-text.js';

/** The CLDR plural forms a phrase has; `other` is required, the rest as the language needs. */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export interface Formats {
  /** The BCP 47 tag the values are formatted in. */
  readonly lang: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A duration in words: "2 minutes 5 seconds", "2 minutos 5 segundos". */
  duration(seconds: number): string;
  /** A clock for the eye, in digits: "2:05". */
  clock(seconds: number): string;
  /** A size in decimal units, as storage settings show them: "820 kB", "2.1 MB", "2.3 GB". */
  bytes(bytes: number): string;
  /** A whole percentage, 0–100: "50%", "50 %". */
  percent(percent: number): string;
  /** The form of a phrase for `count`: `plural(2, { one: 'file is', other: 'files are' })`. */
  plural(count: number, forms: PluralForms): string;
  /** A title said as a sentence: a full stop added unless it already ends like one. */
  sentence(text: string): string;
}

/** A tag `Intl` accepts: an invalid `lang` attribute ("en_US", "x") formats as English. */
function usableTag(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

class IntlFormats implements Formats {
  readonly #numberFormats = new Map<string, Intl.NumberFormat>();
  #pluralRules: Intl.PluralRules | undefined;

  constructor(readonly lang: string) {}

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    const key = JSON.stringify(options);
    let format = this.#numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.lang, options);
      this.#numberFormats.set(key, format);
    }
    return format.format(value);
  }

  duration(seconds: number): string {
    return durationInWords(seconds, this.lang);
  }

  clock(seconds: number): string {
    return clock(seconds);
  }

  bytes(bytes: number): string {
    const unit = (value: number, name: string, digits: number) =>
      this.number(value, { style: 'unit', unit: name, maximumFractionDigits: digits });
    if (bytes >= 1e9) return unit(bytes / 1e9, 'gigabyte', 1);
    if (bytes >= 1e6) return unit(bytes / 1e6, 'megabyte', 1);
    // A file is never "0 kB".
    return unit(Math.max(bytes, bytes > 0 ? 1000 : 0) / 1e3, 'kilobyte', 0);
  }

  percent(percent: number): string {
    return this.number(percent / 100, { style: 'percent', maximumFractionDigits: 0 });
  }

  plural(count: number, forms: PluralForms): string {
    this.#pluralRules ??= new Intl.PluralRules(this.lang);
    return forms[this.#pluralRules.select(count)] ?? forms.other;
  }

  sentence(text: string): string {
    return asSentence(text);
  }
}

const made = new Map<string, Formats>();

/** The formats of a language, made the first time it is asked for. */
export function formats(lang: string): Formats {
  const tag = usableTag(lang);
  let found = made.get(tag);
  if (!found) {
    found = new IntlFormats(tag);
    made.set(tag, found);
  }
  return found;
}

/** A size in decimal units in `lang`: `bytesText(2_113_290)` is "2.1 MB". */
export function bytesText(bytes: number, lang = 'en'): string {
  return formats(lang).bytes(bytes);
}

/** A title said as a sentence: a full stop added unless it already ends like one. */
export function asSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
