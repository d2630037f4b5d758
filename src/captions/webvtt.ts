/**
 * WebVTT parsing, following the W3C WebVTT parser algorithm
 * (https://www.w3.org/TR/webvtt1/#file-parsing) so that a file reads here exactly as a browser's
 * `<track>` would read it — cues, their settings (webvtt-settings.ts), REGION and STYLE blocks —
 * plus what a browser keeps to itself: a list of errors with line numbers, for authors and for the
 * narration build.
 *
 * One departure, deliberate: a timestamp too large for a double (an hour of 400 digits) is an
 * error, where the algorithm would read an infinite time.
 */
import { defaultRegion, parseCueSettings, parseRegionSettings, type WebVTTCueSettings, type WebVTTRegion } from './webvtt-settings.js';
import { collectCueTimings, quote } from './webvtt-timing.js';

export type { WebVTTCueSettings, WebVTTRegion } from './webvtt-settings.js';
export { formatTimestamp, parseTimestamp } from './webvtt-timing.js';

export interface WebVTTCue extends WebVTTCueSettings {
  /** The cue identifier, or `''` when the cue has none. */
  id: string;
  /** Seconds, finite. */
  start: number;
  /** Seconds, finite; a cue that ends before it starts is kept (as browsers keep it) and reported. */
  end: number;
  /** The raw cue payload, markup included, lines joined by `\n`. */
  text: string;
}

export interface WebVTTError {
  /** 1-based line number in the file as given (CRLF, CR and LF each end one line). */
  line: number;
  /** What was wrong, in English, without the line number: show it as `line ${line}: ${message}`. */
  message: string;
}

export interface WebVTTParseResult {
  cues: WebVTTCue[];
  /** The REGION blocks, in file order (cues point to them). */
  regions: WebVTTRegion[];
  /** The CSS text of each STYLE block, in file order. */
  styles: string[];
  errors: WebVTTError[];
}

/**
 * Parses a WebVTT file. Never throws: what cannot be read is reported in `errors` and skipped, and
 * every good cue is kept. A file without the `WEBVTT` signature has no cues, as in browsers.
 *
 * @example
 * const { cues, errors } = parseWebVTT(await (await fetch('story.vtt')).text());
 * for (const e of errors) console.warn(`story.vtt line ${e.line}: ${e.message}`);
 */
export function parseWebVTT(text: string): WebVTTParseResult {
  const steps = new WebVTTParser(text).steps();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Parses a WebVTT file as {@link parseWebVTT} does, with the same result, a slice at a time: after
 * each block it checks the clock, and once `sliceMs` have passed it awaits `pause()` (in a page,
 * a new task: `() => new Promise((go) => setTimeout(go))`) before it reads on, so that a file of
 * tens of thousands of cues never holds the main thread for long.
 */
export async function parseWebVTTInSlices(text: string, pause: () => Promise<void>, sliceMs = 8): Promise<WebVTTParseResult> {
  const steps = new WebVTTParser(text).steps();
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= until) {
      await pause();
      until = performance.now() + sliceMs;
    }
  }
}

const NOTE = /^NOTE(?:$|[ \t])/;
const STYLE_OR_REGION = /^(?:STYLE|REGION)[ \t\n\f\r]*$/;

class WebVTTParser {
  private readonly input: string;
  /** Offsets where each line starts, to turn a position into a line number (found at the first error). */
  private lineStarts: number[] | undefined;
  private position = 0;
  private seenCue = false;
  /** Start of a line that ended the block above it only because it contained "-->". */
  private arrowBreakAt: number | null = null;
  private readonly cues: WebVTTCue[] = [];
  private readonly regions: WebVTTRegion[] = [];
  private readonly styles: string[] = [];
  private readonly errors: WebVTTError[] = [];

  constructor(text: string) {
    // The decoder drops a byte order mark; then the spec's own normalisation: NUL → U+FFFD and
    // every CRLF or CR → LF (which keeps line numbers as an editor counts them).
    this.input = text
      .replace(/^\uFEFF/, '')
      .replace(/\0/g, '\uFFFD')
      .replace(/\r\n?/g, '\n');
  }

  /** The algorithm, one block a step: it yields after each block and returns the result. */
  *steps(): Generator<void, WebVTTParseResult> {
    const { input } = this;
    if (!this.hasSignature()) {
      const firstLine = input.split('\n', 1)[0] ?? '';
      this.report(
        0,
        input === ''
          ? 'missing WEBVTT signature: the file is empty'
          : `missing WEBVTT signature: the first line must be "WEBVTT", optionally followed by a space or tab and a description, but it is ${quote(firstLine)}`,
      );
      return this.result();
    }

    // The rest of the signature line is a free description; then the header, whatever follows it
    // up to the first blank line (a blank line at once makes an empty header; at the end, none).
    this.collectLine();
    this.position++;
    this.collectBlock(true);
    this.skipLineFeeds();

    while (!this.atEnd()) {
      this.collectBlock(false);
      this.skipLineFeeds();
      yield;
    }
    return this.result();
  }

  private hasSignature(): boolean {
    const { input } = this;
    if (!input.startsWith('WEBVTT')) return false;
    const next = input[6];
    return next === undefined || next === ' ' || next === '\t' || next === '\n';
  }

  /** "Collect a WebVTT block": one cue, comment, style sheet or region, or nothing useful. */
  private collectBlock(inHeader: boolean): void {
    const blockStart = this.position;
    let lineCount = 0;
    let previousPosition = this.position;
    let buffer = '';
    let firstLine = '';
    let seenEOF = false;
    let seenArrow = false;
    let cue: WebVTTCue | null = null;
    let style = false;
    let region: WebVTTRegion | null = null;

    for (;;) {
      const lineStart = this.position;
      const line = this.collectLine();
      lineCount++;
      if (lineCount === 1) firstLine = line;
      if (this.atEnd()) seenEOF = true;
      else this.position++;

      if (line.includes('-->')) {
        if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
          seenArrow = true;
          previousPosition = this.position;
          const timing = collectCueTimings(line);
          if (timing.ok) {
            // "Cue creation", with the spec's defaults.
            cue = {
              id: buffer,
              start: timing.start,
              end: timing.end,
              text: '',
              region: null,
              vertical: '',
              snapToLines: true,
              line: 'auto',
              lineAlign: 'start',
              position: 'auto',
              positionAlign: 'auto',
              size: 100,
              align: 'center',
            };
            parseCueSettings(timing.settings, cue, this.regions, (message) => this.report(lineStart, message));
            buffer = '';
            this.seenCue = true;
            if (timing.end <= timing.start) {
              this.report(lineStart, `cue timing ${quote(line)}: the end time must be after the start time (the cue is kept, and never shown)`);
            }
          } else {
            cue = null;
            this.reportBadTiming(lineStart, blockStart, buffer, line, timing.reason);
          }
        } else {
          // A second "-->" line ends this block; it is read again as the start of the next one.
          this.position = previousPosition;
          if (!inHeader) this.arrowBreakAt = previousPosition;
          break;
        }
      } else if (line === '') {
        break;
      } else {
        if (!inHeader && lineCount === 2 && !this.seenCue && STYLE_OR_REGION.test(buffer)) {
          if (buffer.startsWith('S')) style = true;
          else region = defaultRegion();
          buffer = '';
        }
        if (region) parseRegionSettings(line, region, (message) => this.report(lineStart, message));
        if (buffer !== '') buffer += '\n';
        buffer += line;
        previousPosition = this.position;
      }
      if (seenEOF) break;
    }

    if (cue) {
      cue.text = buffer;
      this.cues.push(cue);
    } else if (style) {
      this.styles.push(buffer);
    } else if (region) {
      this.regions.push(region);
    } else if (!inHeader && !seenArrow) {
      this.reportIgnoredBlock(blockStart, firstLine);
    }
  }

  private reportBadTiming(lineStart: number, blockStart: number, id: string, line: string, reason: string): void {
    if (lineStart === this.arrowBreakAt) {
      this.report(
        lineStart,
        `${quote(line)} contains "-->", which only a cue timing line may contain: the block above ends here, and this line up to the next blank line is ignored`,
      );
    } else if (NOTE.test(lineStart === blockStart ? line : id)) {
      this.report(lineStart, `NOTE comment ${quote(line)} must not contain "-->"`);
    } else {
      this.report(lineStart, `cue timing ${quote(line)}: ${reason}`);
    }
  }

  private reportIgnoredBlock(blockStart: number, firstLine: string): void {
    if (NOTE.test(firstLine)) return;
    if (STYLE_OR_REGION.test(firstLine)) {
      // Browsers recognise these only before the first cue; an empty one is harmless.
      if (!this.seenCue) return;
      this.report(blockStart, `${firstLine.trim()} block ignored: STYLE and REGION blocks must come before the first cue`);
      return;
    }
    this.report(
      blockStart,
      `block ${quote(firstLine)} ignored: it is not a cue (no "-->" timing line as its first or second line), nor a NOTE, STYLE or REGION block`,
    );
  }

  private collectLine(): string {
    const end = this.input.indexOf('\n', this.position);
    const line = this.input.slice(this.position, end === -1 ? this.input.length : end);
    this.position += line.length;
    return line;
  }

  private skipLineFeeds(): void {
    while (this.input[this.position] === '\n') this.position++;
  }

  private atEnd(): boolean {
    return this.position >= this.input.length;
  }

  private report(position: number, message: string): void {
    this.errors.push({ line: this.lineAt(position), message });
  }

  /** 1-based line number of an offset, by binary search over the line starts. */
  private lineAt(position: number): number {
    const lineStarts = (this.lineStarts ??= this.findLineStarts());
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((lineStarts[mid] ?? Infinity) <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private findLineStarts(): number[] {
    const starts = [0];
    for (const lineFeed of this.input.matchAll(/\n/g)) starts.push(lineFeed.index + 1);
    return starts;
  }

  private result(): WebVTTParseResult {
    return { cues: this.cues, regions: this.regions, styles: this.styles, errors: this.errors };
  }
}
