/**
 * WebVTT cue settings and region settings, read as the W3C algorithm reads them
 * (https://www.w3.org/TR/webvtt1/#cue-timings-and-settings-parsing and #region-settings-parsing):
 * every setting starts from the spec's default, a setting that cannot be read leaves the value as it
 * was, and a later setting of the same name wins. What is ignored is told to `warn`, for authors.
 */

/** A REGION block, with the names and defaults of the browser's `VTTRegion`. */
export interface WebVTTRegion {
  /** `''` when the block gives none; a cue refers to the last region of its id. */
  id: string;
  /** Percent of the video's width. */
  width: number;
  /** Lines of text the region holds. */
  lines: number;
  /** The point of the region (percent of its width, height) placed at the viewport anchor. */
  regionAnchorX: number;
  regionAnchorY: number;
  /** Where that point goes, in percent of the video's width and height. */
  viewportAnchorX: number;
  viewportAnchorY: number;
  /** `'up'` when new lines push the old ones up. */
  scroll: '' | 'up';
}

/** A cue's settings, with the names, values and defaults of the browser's `VTTCue`. */
export interface WebVTTCueSettings {
  /** The region the cue is shown in; `null` also once `vertical`, `line` or `size` take it out. */
  region: WebVTTRegion | null;
  /** `''` horizontal, `'rl'` vertical growing left, `'lr'` growing right. */
  vertical: '' | 'rl' | 'lr';
  /** `line` counts lines (true) or is a percentage (false). */
  snapToLines: boolean;
  line: number | 'auto';
  lineAlign: 'start' | 'center' | 'end';
  /** Percent. */
  position: number | 'auto';
  positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
  /** Percent. */
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
}

type Warn = (message: string) => void;

/**
 * "Parse a percentage string": digits, optionally a period and digits, then `%`, from 0 to 100.
 * `undefined` for anything else.
 */
function percentage(text: string): number | undefined {
  const number = /^\d+(?:\.\d+)?%$/.test(text) ? Number(text.slice(0, -1)) : -1;
  return number >= 0 && number <= 100 ? number : undefined;
}

/** The two halves of `text` at its first comma (the second `null` when there is none). */
function splitAtComma(text: string): [string, string | null] {
  const comma = text.indexOf(',');
  return comma === -1 ? [text, null] : [text.slice(0, comma), text.slice(comma + 1)];
}

/** Both halves of `x,y` as percentages, or `undefined`. */
function percentagePair(text: string): [number, number] | undefined {
  const [x, y] = splitAtComma(text);
  const px = percentage(x);
  const py = y === null ? undefined : percentage(y);
  return px === undefined || py === undefined ? undefined : [px, py];
}

/**
 * Splits settings on ASCII whitespace and hands each `name:value` to `apply`, which returns true
 * when it read the setting, false for an unknown name, or why the value cannot be read; all but
 * the read ones are warned about.
 */
function eachSetting(input: string, kind: string, warn: Warn, apply: (name: string, value: string) => boolean | string): void {
  for (const setting of input.split(/[ \t\n\f\r]+/)) {
    if (setting === '') continue;
    const colon = setting.indexOf(':');
    const result = colon > 0 && colon < setting.length - 1 ? apply(setting.slice(0, colon), setting.slice(colon + 1)) : 'it is not written name:value';
    if (result !== true) warn(`${kind} setting ${JSON.stringify(setting)} ignored: ${result || 'no setting has that name'}`);
  }
}

const isOneOf = <T extends string>(value: string, values: readonly T[]): value is T => (values as readonly string[]).includes(value);

const lineAligns = ['start', 'center', 'end'] as const;
const positionAligns = ['line-left', 'center', 'line-right'] as const;
const aligns = ['start', 'center', 'end', 'left', 'right'] as const;

/** "Parse the WebVTT cue settings" into `cue`, with the regions defined so far. */
export function parseCueSettings(input: string, cue: WebVTTCueSettings, regions: readonly WebVTTRegion[], warn: Warn): void {
  eachSetting(input, 'cue', warn, (name, value) => {
    switch (name) {
      case 'region': {
        const region = regions.findLast((r) => r.id === value);
        cue.region = region ?? null;
        return region !== undefined || `no REGION with id ${JSON.stringify(value)} comes before it`;
      }
      case 'vertical': {
        const known = value === 'rl' || value === 'lr';
        if (known) cue.vertical = value;
        // There are no vertical regions.
        if (cue.vertical !== '') cue.region = null;
        return known || 'vertical is "rl" or "lr"';
      }
      case 'line': {
        const [position, align] = splitAtComma(value);
        const percent = position.endsWith('%');
        const number = percent ? percentage(position) : /^-?\d+(?:\.\d+)?$/.test(position) ? Number(position) : NaN;
        // A number too large for a double is an error in the HTML rules for floating-point numbers.
        if (number === undefined || !Number.isFinite(number)) return 'line is a number of lines or a percentage, then optionally ",start", ",center" or ",end"';
        if (align !== null) {
          if (!isOneOf(align, lineAligns)) return 'the line alignment is "start", "center" or "end"';
          cue.lineAlign = align;
        }
        // A number never reads as -0 (the HTML rules for floating-point numbers).
        cue.line = number || 0;
        cue.snapToLines = !percent;
        // Placed by its line, the cue leaves its region.
        cue.region = null;
        return true;
      }
      case 'position': {
        const [position, align] = splitAtComma(value);
        const number = percentage(position);
        if (number === undefined) return 'position is a percentage, then optionally ",line-left", ",center" or ",line-right"';
        if (align !== null) {
          if (!isOneOf(align, positionAligns)) return 'the position alignment is "line-left", "center" or "line-right"';
          cue.positionAlign = align;
        }
        cue.position = number;
        return true;
      }
      case 'size': {
        const number = percentage(value);
        if (number === undefined) return 'size is a percentage from 0% to 100%';
        cue.size = number;
        // Sized by itself, the cue leaves its region.
        if (number !== 100) cue.region = null;
        return true;
      }
      case 'align':
        if (!isOneOf(value, aligns)) return 'align is "start", "center", "end", "left" or "right"';
        cue.align = value;
        return true;
      default:
        return false;
    }
  });
}

export const defaultRegion = (): WebVTTRegion => ({
  id: '',
  width: 100,
  lines: 3,
  regionAnchorX: 0,
  regionAnchorY: 100,
  viewportAnchorX: 0,
  viewportAnchorY: 100,
  scroll: '',
});

/**
 * "Collect WebVTT region settings" from one line of a REGION block into `region`: the settings
 * are split on whitespace, line breaks included, so reading line by line reads the same.
 */
export function parseRegionSettings(input: string, region: WebVTTRegion, warn: Warn): void {
  eachSetting(input, 'REGION', warn, (name, value) => {
    switch (name) {
      case 'id':
        region.id = value;
        return true;
      case 'width': {
        const number = percentage(value);
        if (number === undefined) return 'width is a percentage from 0% to 100%';
        region.width = number;
        return true;
      }
      case 'lines':
        if (!/^\d+$/.test(value) || !Number.isFinite(Number(value))) return 'lines is a whole number';
        region.lines = Number(value);
        return true;
      case 'regionanchor':
      case 'viewportanchor': {
        const pair = percentagePair(value);
        if (!pair) return `${name} is two percentages from 0% to 100%, x,y`;
        if (name === 'regionanchor') [region.regionAnchorX, region.regionAnchorY] = pair;
        else [region.viewportAnchorX, region.viewportAnchorY] = pair;
        return true;
      }
      case 'scroll':
        if (value !== 'up') return 'scroll is "up"';
        region.scroll = value;
        return true;
      default:
        return false;
    }
  });
}
