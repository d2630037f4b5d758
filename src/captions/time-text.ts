/**
 * Times as people read them: words for screen readers (`aria-valuetext` of a seek bar, "time
 * left" announcements) and a compact clock for the eye.
 *
 * Times are whole seconds, floored the way a player's clock is, after rounding to the millisecond
 * so that floating-point noise (124.99999999) still reads 125 seconds.
 */

/**
 * Every word these functions print, per language. Unit names are keyed by CLDR plural category
 * (`Intl.PluralRules`): a language needing `few` or `many` adds them, and `other` is the fallback.
 */
export const timeWords = {
  en: {
    hour: { one: 'hour', other: 'hours' },
    minute: { one: 'minute', other: 'minutes' },
    second: { one: 'second', other: 'seconds' },
    /** Between a position and a duration: "5 seconds of 1 minute". */
    of: 'of',
  },
} as const;

export type TimeLanguage = keyof typeof timeWords;

type UnitForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * A duration in words: "2 minutes 5 seconds", "1 hour 3 minutes", "45 seconds", "0 seconds".
 * Zero units are left out, except "0 seconds" for a duration under one second. Negative or
 * non-finite durations read as "0 seconds".
 */
export function durationInWords(seconds: number, lang: TimeLanguage = 'en'): string {
  const words = timeWords[lang];
  const plural = new Intl.PluralRules(lang);
  const unit = (n: number, forms: UnitForms): string => `${n} ${forms[plural.select(n)] ?? forms.other}`;

  const { h, m, s } = split(seconds);
  const parts: string[] = [];
  if (h > 0) parts.push(unit(h, words.hour));
  if (m > 0) parts.push(unit(m, words.minute));
  if (s > 0 || parts.length === 0) parts.push(unit(s, words.second));
  return parts.join(' ');
}

/**
 * Where playback is, in words: "2 minutes 5 seconds of 6 minutes 40 seconds". While the duration
 * is unknown (NaN, Infinity or 0, before the audio's metadata loads) only the position is given.
 */
export function positionInWords(position: number, duration: number, lang: TimeLanguage = 'en'): string {
  const here = durationInWords(position, lang);
  if (!(Number.isFinite(duration) && duration > 0)) return here;
  return `${here} ${timeWords[lang].of} ${durationInWords(duration, lang)}`;
}

/** A clock: "0:05", "2:05", "1:02:03". Negative, NaN or infinite times show "0:00". */
export function clock(seconds: number): string {
  const { h, m, s } = split(seconds);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function split(seconds: number): { h: number; m: number; s: number } {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(Math.round(seconds * 1000) / 1000) : 0;
  return { h: Math.floor(total / 3600), m: Math.floor(total / 60) % 60, s: total % 60 };
}
