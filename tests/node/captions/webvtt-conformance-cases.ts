/**
 * WebVTT files and what the W3C parsing algorithm reads in them, one case per behaviour that the
 * web-platform-tests `webvtt/parsing/file-parsing` suite checks (signature, header, line breaks,
 * NUL, identifiers, arrows, whitespace, timings, each cue setting, regions, style sheets),
 * described and written anew here. The Node test checks `parseWebVTT` against them; the browser test
 * checks Chromium's own `<track>` against them too, field by field where `VTTCue` exposes one.
 */
import type { WebVTTCue, WebVTTRegion } from '../../../src/captions/webvtt.js';

export interface ConformanceCase {
  name: string;
  input: string;
  /** Every cue the algorithm keeps, in file order; fields not given have the spec's defaults. */
  cues: Partial<WebVTTCue>[];
  /** Regions the file defines, when it defines any. */
  regions?: Partial<WebVTTRegion>[];
  /** The text of each STYLE block, when there are any. */
  styles?: string[];
}

/** `WEBVTT`, a blank line, then the blocks, each separated by a blank line. */
const file = (...blocks: string[]): string => ['WEBVTT', '', ...blocks].join('\n') + '\n';
/** A cue block from its timing line and text lines. */
const block = (...lines: string[]): string => lines.join('\n') + '\n';
const T = '00:00:00.000 --> 00:00:01.000';
/** A cue from 0 to 1 s. */
const c01 = (text: string, more: Partial<WebVTTCue> = {}): Partial<WebVTTCue> => ({ start: 0, end: 1, text, ...more });
/** One cue per setting list, each with the text `cue N` (from 1). */
const settingsFile = (...settings: string[]): string =>
  file(...settings.map((s, i) => block(`${T} ${s}`, `cue ${i + 1}`)));
const settingsCues = (...expected: Partial<WebVTTCue>[]): Partial<WebVTTCue>[] =>
  expected.map((more, i) => c01(`cue ${i + 1}`, more));

export const conformanceCases: ConformanceCase[] = [
  // --- Signature
  { name: 'a file that is only the signature has no cues', input: 'WEBVTT', cues: [] },
  { name: 'a space or tab after the signature starts a free description', input: `WEBVTT description\n\n${T}\na\n\nWEBVTT\tb\n`, cues: [c01('a')] },
  { name: 'a tab after the signature, then a cue', input: `WEBVTT\tsubtitles\n\n${T}\na`, cues: [c01('a')] },
  { name: 'a byte order mark before the signature is skipped', input: `\uFEFFWEBVTT\n\n${T}\na`, cues: [c01('a')] },
  { name: 'a lower-case signature is no signature: nothing is read', input: `webvtt\n\n${T}\na`, cues: [] },
  { name: 'a signature followed by a letter is no signature', input: `WEBVTTS\n\n${T}\na`, cues: [] },
  { name: 'a signature after a space is no signature', input: ` WEBVTT\n\n${T}\na`, cues: [] },
  { name: 'a timing on the signature line is part of the description', input: `WEBVTT ${T}\na`, cues: [] },

  // --- Header
  { name: 'header lines up to the first blank line are skipped', input: `WEBVTT\nKind: captions\nLanguage: en\n\n${T}\na`, cues: [c01('a')] },
  { name: 'a timing line inside the header ends it and starts a cue', input: `WEBVTT\nsome header\n${T}\na`, cues: [c01('a')] },

  // --- Line breaks and NUL
  {
    // LF CR is two line breaks: "lfcr" is a block of its own, and the timing line's cue has no text.
    name: 'CR, LF and CRLF each end one line, LF CR two',
    input: `WEBVTT\n\ncr\r${T}\rone\r\rlf\n${T}\ntwo\n\ncrlf\r\n${T}\r\nthree\r\n\r\nlfcr\n\r${T}\n\rfour\n\r`,
    cues: [c01('one', { id: 'cr' }), c01('two', { id: 'lf' }), c01('three', { id: 'crlf' }), c01('', { id: '' })],
  },
  {
    name: 'NUL characters become U+FFFD in identifiers and text',
    input: file(block('a\0b', T, 'x\0y')),
    cues: [c01('x\uFFFDy', { id: 'a\uFFFDb' })],
  },

  // --- Identifiers
  {
    name: 'identifiers keep their spaces, and may hold arrows that are not "-->"',
    input: file(block(' lead', T, 'a'), block('trail ', T, 'b'), block('-- >', T, 'c'), block('->', T, 'd'), block(' ', T, 'e')),
    cues: [c01('a', { id: ' lead' }), c01('b', { id: 'trail ' }), c01('c', { id: '-- >' }), c01('d', { id: '->' }), c01('e', { id: ' ' })],
  },

  // --- Arrows
  {
    name: 'a line with "-->" that is not a timing spoils only its own block; the next timing line starts a cue',
    input: `WEBVTT\n\n-->\n${T}\none\nx-->y\n${T}\ntwo\n${T}\nthree\n\n00:00:00.000 -x -->\n\n00:00:00.000 - -->\n`,
    cues: [c01('one'), c01('two'), c01('three')],
  },
  {
    name: 'a timing without spaces around the arrow',
    input: file(block('00:00:00.000-->00:00:01.000', 'a')),
    cues: [c01('a')],
  },

  // --- Whitespace
  {
    name: 'spaces, tabs and form feeds around the timing are skipped, a vertical tab is not',
    input: file(
      block('sp', `  00:00:00.000   -->   00:00:01.000 `, '  a'),
      block('tab', '\t00:00:00.000\t-->\t00:00:01.000\t', 'b'),
      block('ff', '\f00:00:00.000\f-->\f00:00:01.000\f', 'c'),
      block('vt', '\v00:00:00.000\v-->\v00:00:01.000\v', 'd'),
    ),
    cues: [c01('  a', { id: 'sp' }), c01('b', { id: 'tab' }), c01('c', { id: 'ff' })],
  },

  // --- Timings
  {
    name: 'hours may be left out, or have one or more digits',
    input: file(block('00:00.000 --> 00:00:01.000', 'a'), block('0:00:00.000 --> 00:01.000', 'b'), block('000:00:00.000 --> 0000:00:01.000', 'c')),
    cues: [c01('a'), c01('b'), c01('c')],
  },
  {
    name: 'minutes and seconds need exactly two digits, milliseconds exactly three',
    input: file(
      ...['00:0:00.000', '00:000:00.000', '00:00:0.000', '00:00:000.000', '00:00:00.00', '00:00:00.0000', '00:00', '00:00.', '0:00.000', '000.000'].map(
        (start) => block(`${start} --> 00:00:01.000`, 'no'),
      ),
      block('00:00:00.000 --> 00:00:01.000', 'yes'),
    ),
    cues: [c01('yes')],
  },
  {
    name: 'a double colon, a double period or a missing part is no timestamp',
    input: file(block('00::00.000 --> 00:01.000', 'no'), block('00:00..000 --> 00:01.000', 'no'), block(':00.000 --> 00:01.000', 'no'), block('.000 --> 00:01.000', 'no'), block(' --> 00:01.000', 'no')),
    cues: [],
  },
  {
    name: 'minutes or seconds of 60 are no timestamp; 60 or more first digits are hours',
    input: file(block('00:60:00.000 --> 01:00:00.000', 'no'), block('00:00:60.000 --> 00:01:00.000', 'no'), block('00:60.000 --> 01:00.000', 'no'), block('60:00:00.000 --> 60:00:01.000', 'yes')),
    cues: [{ start: 216000, end: 216001, text: 'yes' }],
  },
  {
    name: 'a file that ends inside a timing line has no cue',
    input: 'WEBVTT\n\n00:00:00.000 --> 00:00:0',
    cues: [],
  },
  {
    name: 'text after the end time that is no setting is ignored; text between the times is an error',
    input: file(block(`${T} garbage here`, 'a'), block('00:00:00.000 x --> 00:00:01.000', 'no'), block('00:00:00.000 --> x 00:00:01.000', 'no')),
    cues: [c01('a')],
  },
  {
    name: 'a cue that ends before it starts, or when it starts, is kept',
    input: file(block('00:00:00.000 --> 00:00:00.000', 'a'), block('00:00:01.000 --> 00:00:00.999', 'b'), block('01:00:00.000 --> 00:59:59.999', 'c')),
    cues: [
      { start: 0, end: 0, text: 'a' },
      { start: 1, end: 0.999, text: 'b' },
      { start: 3600, end: 3599.999, text: 'c' },
    ],
  },
  {
    name: 'a timing line ends the file: the cue has empty text',
    input: `WEBVTT\n\nid\n${T}`,
    cues: [c01('', { id: 'id' })],
  },

  // --- Settings
  {
    name: 'vertical: "rl" or "lr", case-sensitive; the last one wins',
    input: settingsFile('', 'vertical:lr', 'vertical:rl', 'vertical:rl vertical:lr', 'vertical:', 'vertical:LR', 'vertical: rl', 'vertical:horizontal'),
    cues: settingsCues({}, { vertical: 'lr' }, { vertical: 'rl' }, { vertical: 'lr' }, {}, {}, {}, {}),
  },
  {
    name: 'line: whole or decimal numbers of lines, negative ones too',
    input: settingsFile('line:0', 'line:-0', 'line:-1', 'line:7', 'line:101', 'line:4294967296', 'line:1.5', 'line:-2.25', 'line:007', `line:1${'0'.repeat(34)}`, `line:1${'0'.repeat(400)}`),
    // A number too large for a double is an error (the HTML rules for floating-point numbers).
    cues: settingsCues({ line: 0 }, { line: 0 }, { line: -1 }, { line: 7 }, { line: 101 }, { line: 4294967296 }, { line: 1.5 }, { line: -2.25 }, { line: 7 }, { line: 1e34 }, {}),
  },
  {
    name: 'line: a percentage from 0% to 100% turns snap-to-lines off',
    input: settingsFile('line:0%', 'line:00%', 'line:100%', 'line:33.5%'),
    cues: settingsCues(
      { line: 0, snapToLines: false },
      { line: 0, snapToLines: false },
      { line: 100, snapToLines: false },
      { line: 33.5, snapToLines: false },
    ),
  },
  {
    name: 'line: malformed values are ignored',
    input: settingsFile('line:101%', 'line:-0%', 'line:1%%', 'line:%5', 'line:5%x', 'line:1-', 'line:--1', 'line:-', 'line:.5', 'line:5.', 'line:1..5', 'line:1.2.3', 'line:x', 'line: 1', 'line:1e3'),
    cues: settingsCues({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}),
  },
  {
    name: 'line: an alignment after a comma; an unknown one spoils the whole setting',
    input: settingsFile('line:50%,start', 'line:50%,center', 'line:50%,end', 'line:3,end', 'line:50%,middle', 'line:50%,', 'line:x,end'),
    cues: settingsCues(
      { line: 50, snapToLines: false, lineAlign: 'start' },
      { line: 50, snapToLines: false, lineAlign: 'center' },
      { line: 50, snapToLines: false, lineAlign: 'end' },
      { line: 3, lineAlign: 'end' },
      {},
      {},
      {},
    ),
  },
  {
    name: 'position: a percentage from 0% to 100%, with an optional alignment',
    input: settingsFile('position:0%', 'position:100%', 'position:12.5%', 'position:10%,line-left', 'position:10%,center', 'position:10%,line-right', 'position:10% position:x', 'position:10%,middle', 'position:10%, center', 'position:101%', 'position:-1%', 'position:10', 'position:10%x', 'position:'),
    cues: settingsCues(
      { position: 0 },
      { position: 100 },
      { position: 12.5 },
      { position: 10, positionAlign: 'line-left' },
      { position: 10, positionAlign: 'center' },
      { position: 10, positionAlign: 'line-right' },
      { position: 10 },
      {},
      {},
      {},
      {},
      {},
      {},
      {},
    ),
  },
  {
    name: 'size: a percentage from 0% to 100%; the last valid one wins',
    input: settingsFile('size:0%', 'size:50%', 'size:2.5%', 'size:x size:40%', 'size:40% size:101%', 'size:40% size:100%', 'size:-1%', 'size:%', 'size:5', 'size:5%%'),
    cues: settingsCues({ size: 0 }, { size: 50 }, { size: 2.5 }, { size: 40 }, { size: 40 }, { size: 100 }, {}, {}, {}, {}),
  },
  {
    name: 'align: start, center, end, left or right, case-sensitive',
    input: settingsFile('align:start', 'align:center', 'align:end', 'align:left', 'align:right', 'align:end align:middle', 'align:end align:START', 'align:end align: center', 'align:end align'),
    cues: settingsCues({ align: 'start' }, {}, { align: 'end' }, { align: 'left' }, { align: 'right' }, { align: 'end' }, { align: 'end' }, { align: 'end' }, { align: 'end' }),
  },
  {
    name: 'several settings on one cue, separated by spaces or tabs',
    input: file(block(`${T} align:start\tline:10% vertical:rl  size:40% position:20%,line-right`, 'a'), block(`${T} unknown:1 align:end`, 'b')),
    cues: [
      c01('a', { align: 'start', line: 10, snapToLines: false, vertical: 'rl', size: 40, position: 20, positionAlign: 'line-right' }),
      c01('b', { align: 'end' }),
    ],
  },

  // --- Regions
  {
    name: 'a region with each setting, over several lines',
    input: file(block('REGION', 'id:r1 width:40.5%', 'lines:4', 'regionanchor:10%,90%  viewportanchor:20%,80%', 'scroll:up'), block(`${T} region:r1`, 'a')),
    regions: [{ id: 'r1', width: 40.5, lines: 4, regionAnchorX: 10, regionAnchorY: 90, viewportAnchorX: 20, viewportAnchorY: 80, scroll: 'up' }],
    cues: [c01('a', { region: { id: 'r1', width: 40.5, lines: 4, regionAnchorX: 10, regionAnchorY: 90, viewportAnchorX: 20, viewportAnchorY: 80, scroll: 'up' } })],
  },
  {
    name: 'region settings that cannot be read keep their defaults',
    input: file(block('REGION', 'id:r width:101% lines:-1 lines:2x regionanchor:10% viewportanchor:1%,x scroll:down scroll: up')),
    regions: [{ id: 'r' }],
    cues: [],
  },
  {
    name: 'a cue points to the last region of its id; an unknown id, or no region setting, is no region',
    input: file(
      block('REGION', 'id:a', 'lines:1'),
      block('REGION', 'id:b'),
      block('REGION', 'id:a', 'lines:2'),
      block(`${T} region:a`, 'one'),
      block(`${T} region:a region:b`, 'two'),
      block(`${T} region:a region:none`, 'three'),
      block(`${T}`, 'four'),
    ),
    regions: [{ id: 'a', lines: 1 }, { id: 'b' }, { id: 'a', lines: 2 }],
    cues: [
      c01('one', { region: { ...regionDefaults(), id: 'a', lines: 2 } }),
      c01('two', { region: { ...regionDefaults(), id: 'b' } }),
      c01('three', { region: null }),
      c01('four'),
    ],
  },
  {
    name: 'vertical, line and a size other than 100% take a cue out of its region',
    input: file(
      block('REGION', 'id:r'),
      block(`${T} region:r vertical:rl`, 'a'),
      block(`${T} region:r line:0`, 'b'),
      block(`${T} region:r size:50%`, 'c'),
      block(`${T} region:r size:100%`, 'd'),
      block(`${T} vertical:lr region:r`, 'e'),
    ),
    regions: [{ id: 'r' }],
    cues: [
      c01('a', { vertical: 'rl' }),
      c01('b', { line: 0 }),
      c01('c', { size: 50 }),
      c01('d', { region: { ...regionDefaults(), id: 'r' } }),
      c01('e', { vertical: 'lr', region: { ...regionDefaults(), id: 'r' } }),
    ],
  },
  {
    name: 'the old "REGION: id=…" header line defines no region',
    input: file(block('REGION: id=r width=40%'), block(`${T} region:r`, 'a')),
    cues: [c01('a')],
  },
  {
    name: 'a REGION block after the first cue is no region',
    input: file(block(T, 'a'), block('REGION', 'id:r'), block(`${T} region:r`, 'b')),
    cues: [c01('a'), c01('b')],
  },

  // --- Style sheets
  {
    name: 'STYLE blocks before the first cue are style sheets; after it, they are ignored',
    input: file(block('STYLE', '::cue { color: yellow }', '::cue(b) {', '  color: red }'), block('STYLE ', '.x {}'), block(T, 'a'), block('STYLE', '.late {}')),
    styles: ['::cue { color: yellow }\n::cue(b) {\n  color: red }', '.x {}'],
    cues: [c01('a')],
  },
  {
    name: 'a blank line ends a style sheet; "-->" in it ends it too',
    input: file(block('STYLE', '.a {}', '', '.b {}'), block('STYLE', '.c {}', `${T}`, 'a')),
    styles: ['.a {}', '.c {}'],
    cues: [c01('a')],
  },
  {
    name: 'NOTE blocks are comments, before or between cues',
    input: file(block('NOTE one', 'two'), block(T, 'a'), block('NOTE', 'three'), block(T, 'b')),
    cues: [c01('a'), c01('b')],
  },
];

export function regionDefaults(): WebVTTRegion {
  return { id: '', width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' };
}

export function cueDefaults(): Omit<WebVTTCue, 'start' | 'end' | 'text'> {
  return { id: '', region: null, vertical: '', snapToLines: true, line: 'auto', lineAlign: 'start', position: 'auto', positionAlign: 'auto', size: 100, align: 'center' };
}
