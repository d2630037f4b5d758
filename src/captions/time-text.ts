/**
 * Times as people read them: a duration in words for screen readers (the Play button's name, the
 * seek bar's `aria-valuetext`) and a compact clock for the eye.
 *
 * The words come from `Intl` in the language asked for ("2 minutes 5 seconds", "2 minutos 5
 * segundos"), so this module holds no words of its own. Times are whole seconds, floored the way a
 * player's clock is, after rounding to the millisecond so that floating-point noise (124.99999999)
 * still reads 125 seconds.
 */

type TimeUnit = 'hour' | 'minute' | 'second';

/**
 * The longest time read or shown, in seconds (about 285,000 years): past it the milliseconds are no
 * longer counted exactly, and `seconds * 1000` overflows to Infinity for the largest numbers (which
 * read "Infinity:NaN:NaN"). Longer times are treated as no time at all, like NaN.
 */
export const LONGEST_TIME = Number.MAX_SAFE_INTEGER / 1000;

const unitFormats = new Map<string, Intl.NumberFormat>();

/** One unit in words, "2 minutes", with a formatter made the first time a language asks for it. */
function unitText(value: number, unit: TimeUnit, lang: string): string {
  const key = `${lang}|${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' });
    unitFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * A duration in words in `lang` (a BCP 47 tag): "2 minutes 5 seconds", "1 hour 3 minutes", "45
 * seconds", "0 seconds". Zero units are left out, except "0 seconds" for a duration under one
 * second. Negative, non-finite or longer than {@link LONGEST_TIME} durations read as "0 seconds".
 */
export function durationInWords(seconds: number, lang = 'en'): string {
  const { h, m, s } = split(seconds);
  const parts: string[] = [];
  if (h > 0) parts.push(unitText(h, 'hour', lang));
  if (m > 0) parts.push(unitText(m, 'minute', lang));
  if (s > 0 || parts.length === 0) parts.push(unitText(s, 'second', lang));
  return parts.join(' ');
}

/** A clock: "0:05", "2:05", "1:02:03". Negative, NaN, infinite or longer than {@link LONGEST_TIME} times show "0:00". */
export function clock(seconds: number): string {
  const { h, m, s } = split(seconds);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function split(seconds: number): { h: number; m: number; s: number } {
  const total = seconds > 0 && seconds <= LONGEST_TIME ? Math.floor(Math.round(seconds * 1000) / 1000) : 0;
  return { h: Math.floor(total / 3600), m: Math.floor(total / 60) % 60, s: total % 60 };
}
