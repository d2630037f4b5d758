/**
 * WebVTT times (src/captions/webvtt.ts reads the rest of a file): "collect a WebVTT timestamp" and
 * "collect WebVTT cue timings and settings" from the W3C parser algorithm, each failure named for
 * authors, and timestamps written back.
 */

/**
 * Reads one whole WebVTT timestamp (`mm:ss.ttt` or `hh:mm:ss.ttt`, hours of any length) and
 * returns it in seconds, or `null` when the string is anything else (surrounding spaces included)
 * or too large to be a finite number.
 */
export function parseTimestamp(s: string): number | null {
  const result = collectTimestamp(s, 0);
  return result.ok && result.position === s.length ? result.seconds : null;
}

/**
 * Writes seconds as a WebVTT timestamp, always `hh:mm:ss.ttt` (hours grow past two digits when
 * needed). Rounds to the nearest millisecond in integer arithmetic, so 59.9996 gives `00:01:00.000`
 * and never `00:00:60.000`.
 *
 * @throws RangeError for a negative or non-finite time, which no WebVTT file can hold.
 */
export function formatTimestamp(seconds: number): string {
  const totalMs = Math.round(seconds * 1000);
  if (!Number.isFinite(totalMs) || totalMs < 0) {
    throw new RangeError(`formatTimestamp: ${seconds} is not a time WebVTT can hold`);
  }
  const ms = totalMs % 1000;
  const totalSeconds = (totalMs - ms) / 1000;
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms, 3)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

type TimestampResult =
  | { ok: true; seconds: number; position: number }
  | { ok: false; reason: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * ASCII whitespace as the HTML "skip whitespace" step means it, inside a line: LF ends lines, and
 * CR has been read as LF before.
 */
const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f';

function collectDigits(input: string, position: number): string {
  let end = position;
  while (isDigit(input[end])) end++;
  return input.slice(position, end);
}

/**
 * "Collect a WebVTT timestamp" from the spec. The spec only says "error"; the reasons here are
 * for authors, so each failing step names the part of the timestamp that is wrong.
 */
function collectTimestamp(input: string, start: number): TimestampResult {
  let position = start;
  const fail = (reason: string): TimestampResult => ({ ok: false, reason });

  // Nothing left is told as missing by `explain`, which sees the empty text.
  if (!isDigit(input[position])) return fail('must start with a digit');

  const first = collectDigits(input, position);
  position += first.length;
  let value1 = Number(first);
  // Two digits up to 59 may be minutes; anything else can only be hours.
  const hoursFirst = first.length !== 2 || value1 > 59;

  if (input[position] !== ':') {
    return fail('must have minutes and seconds separated by a colon (mm:ss.ttt)');
  }
  position++;

  const second = collectDigits(input, position);
  position += second.length;
  // Whether this group is minutes or seconds depends on whether a colon follows it.
  const secondIsMinutes = hoursFirst || input[position] === ':';
  if (second.length !== 2) {
    return fail(`${secondIsMinutes ? 'minutes' : 'seconds'} must have two digits`);
  }
  let value2 = Number(second);

  let value3: number;
  if (secondIsMinutes) {
    if (input[position] !== ':') {
      return fail(
        first.length === 2
          ? 'minutes must be 59 or less (write hours as hh:mm:ss.ttt)'
          : 'minutes must have two digits (or write hours as hh:mm:ss.ttt)',
      );
    }
    position++;
    const third = collectDigits(input, position);
    position += third.length;
    if (third.length !== 2) return fail('seconds must have two digits');
    value3 = Number(third);
  } else {
    value3 = value2;
    value2 = value1;
    value1 = 0;
  }

  if (input[position] !== '.') {
    return fail(
      input[position] === ','
        ? 'use a period, not a comma, before the milliseconds'
        : 'seconds must be followed by a period and three decimal places',
    );
  }
  position++;
  const fraction = collectDigits(input, position);
  position += fraction.length;
  if (fraction.length !== 3) return fail('seconds must have three decimal places');

  if (value2 > 59) return fail('minutes must be 59 or less');
  if (value3 > 59) return fail('seconds must be 59 or less');

  // Whole milliseconds first, so 1.25 is the nearest double to 1.25 and not a sum of errors.
  const ms = ((value1 * 60 + value2) * 60 + value3) * 1000 + Number(fraction);
  if (!Number.isFinite(ms)) return fail('is too large');
  return { ok: true, seconds: ms / 1000, position };
}

type TimingResult =
  | { ok: true; start: number; end: number; settings: string }
  | { ok: false; reason: string };

/** "Collect WebVTT cue timings and settings", up to the settings' text. */
export function collectCueTimings(line: string): TimingResult {
  let position = 0;
  const skipWhitespace = (): void => {
    while (isWhitespace(line[position])) position++;
  };
  // The text of the timestamp being read, to quote it in a message.
  const word = (from: number): string => {
    let end = from;
    while (end < line.length && !isWhitespace(line[end])) end++;
    return line.slice(from, end);
  };

  skipWhitespace();
  const startAt = position;
  const start = collectTimestamp(line, position);
  if (!start.ok) return { ok: false, reason: explain('start', word(startAt), start.reason) };
  position = start.position;

  skipWhitespace();
  if (line.slice(position, position + 3) !== '-->') {
    return { ok: false, reason: 'expected "-->" right after the start time' };
  }
  position += 3;

  skipWhitespace();
  const endAt = position;
  const end = collectTimestamp(line, position);
  if (!end.ok) return { ok: false, reason: explain('end', word(endAt), end.reason) };
  position = end.position;

  return { ok: true, start: start.seconds, end: end.seconds, settings: line.slice(position) };
}

/**
 * Puts a timestamp's reason in a sentence: a reason about the whole timestamp ("must start with a
 * digit") takes it as subject, one about a part ("seconds must …") says where that part is.
 */
function explain(which: 'start' | 'end', text: string, reason: string): string {
  if (text === '') return `the ${which} time is missing`;
  return /^(?:must|is) /.test(reason)
    ? `the ${which} time ${quote(text)} ${reason}`
    : `${reason} in the ${which} time ${quote(text)}`;
}

/** Shortens a line for quoting in a message. */
export function quote(line: string): string {
  const max = 60;
  return JSON.stringify(line.length > max ? `${line.slice(0, max - 1)}…` : line);
}
