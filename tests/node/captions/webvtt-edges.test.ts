/**
 * The edges of the WebVTT parser (src/captions/webvtt.ts) that the main tests leave open: the
 * sliced parse, the exact words of each timestamp error, blocks that only look like NOTE, STYLE or
 * REGION, what the header may hold, and how long a quoted line may be.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimestamp, parseTimestamp, parseWebVTT, parseWebVTTInSlices } from '../../../src/captions/index.js';

const vtt = (...lines: string[]): string => lines.join('\n');
const T = '00:00.000 --> 00:01.000';
const messages = (text: string): string[] => parseWebVTT(text).errors.map((e) => `${e.line}: ${e.message}`);

describe('parseWebVTTInSlices', () => {
  const file = vtt('WEBVTT', '', ...Array.from({ length: 40 }, (_, i) => [`00:${String(i).padStart(2, '0')}.000 --> 00:${String(i).padStart(2, '0')}.500`, `cue ${i}`, '']).flat(), 'oops', '');

  it('gives what parseWebVTT gives, cues and errors alike', async () => {
    let pauses = 0;
    const sliced = await parseWebVTTInSlices(file, async () => void pauses++, 0);
    assert.deepEqual(sliced, parseWebVTT(file));
    assert.equal(sliced.cues.length, 40);
    assert.equal(sliced.errors.length, 1);
  });

  it('pauses between blocks once its slice is spent, and not before', async () => {
    let spent = 0;
    await parseWebVTTInSlices(file, async () => void spent++, 0);
    assert.ok(spent >= 40, `a pause after each block when the slice is 0 ms (${spent})`);
    let unspent = 0;
    await parseWebVTTInSlices(file, async () => void unspent++, 60_000);
    assert.equal(unspent, 0, 'no pause within a slice of a minute');
  });
});

describe('WebVTT timestamps: the words of each error', () => {
  const timingError = (start: string): string => messages(vtt('WEBVTT', '', `${start} --> 00:02.000`, 'x'))[0] ?? '';

  it('names the group that is short of digits', () => {
    assert.equal(timingError('00:1:00.000'), `3: cue timing "00:1:00.000 --> 00:02.000": minutes must have two digits in the start time "00:1:00.000"`);
    assert.equal(timingError('00:00:0.000'), `3: cue timing "00:00:0.000 --> 00:02.000": seconds must have two digits in the start time "00:00:0.000"`);
  });

  it('reads two digits up to 59 first as minutes', () => {
    assert.equal(parseTimestamp('59:59.000'), 3599);
    assert.equal(parseTimestamp('60:00:00.000'), 216_000);
  });

  it('refuses, in words, a time no file can hold', () => {
    assert.throws(() => formatTimestamp(-1), { name: 'RangeError', message: 'formatTimestamp: -1 is not a time WebVTT can hold' });
  });
});

describe('WebVTT blocks that only look like what they are not', () => {
  it('reads NOTE only at the start of a block\'s first line', () => {
    assert.deepEqual(messages(vtt('WEBVTT', '', 'A NOTE here', 'more', '')), [
      '3: block "A NOTE here" ignored: it is not a cue (no "-->" timing line as its first or second line), nor a NOTE, STYLE or REGION block',
    ]);
  });

  it('tells a NOTE comment whose second line holds "-->" as a comment, not as a cue timing', () => {
    assert.deepEqual(messages(vtt('WEBVTT', '', 'NOTE hello', 'a --> b', '')), ['4: NOTE comment "a --> b" must not contain "-->"']);
  });

  it('reads STYLE and REGION only as the whole first line', () => {
    assert.deepEqual(messages(vtt('WEBVTT', '', T, 'x', '', 'MYREGION', 'id:r', '')), [
      '6: block "MYREGION" ignored: it is not a cue (no "-->" timing line as its first or second line), nor a NOTE, STYLE or REGION block',
    ]);
  });

  it('names a late STYLE block without the spaces written after it', () => {
    assert.deepEqual(messages(vtt('WEBVTT', '', T, 'x', '', 'STYLE  ', '::cue {}', '')), ['6: STYLE block ignored: STYLE and REGION blocks must come before the first cue']);
  });

  it('keeps a style sheet whose first line is REGION as style text', () => {
    const { styles, regions } = parseWebVTT(vtt('WEBVTT', '', 'STYLE', 'REGION', 'width:10%', '', T, 'x'));
    assert.deepEqual(styles, ['REGION\nwidth:10%']);
    assert.deepEqual(regions, []);
  });

  it('reads no block inside the header: a STYLE there is not a style sheet', () => {
    const { styles, errors } = parseWebVTT(vtt('WEBVTT', 'STYLE', '::cue { color: red }', '', T, 'x'));
    assert.deepEqual(styles, []);
    assert.deepEqual(errors, []);
  });

  it('tells a "-->" line that ends the header as a cue timing it cannot read', () => {
    assert.deepEqual(messages(vtt('WEBVTT', 'header', 'not a --> timing', '')), [
      '3: cue timing "not a --> timing": the start time "not" must start with a digit',
    ]);
  });
});

describe('WebVTT files: the rest', () => {
  it('says an empty file is empty', () => {
    assert.deepEqual(messages(''), ['1: missing WEBVTT signature: the file is empty']);
  });

  it('drops a byte order mark only at the very start', () => {
    assert.equal(parseWebVTT(vtt('\uFEFFWEBVTT', '', T, 'a\uFEFFb')).cues[0]?.text, 'a\uFEFFb');
    assert.equal(parseWebVTT(vtt('WEBVTT', '', T, 'a\uFEFFb')).cues[0]?.text, 'a\uFEFFb');
  });

  it('reads a file that ends with its signature, or right after it', () => {
    for (const text of ['WEBVTT', 'WEBVTT\n', 'WEBVTT\n\n', 'WEBVTT header']) assert.deepEqual(parseWebVTT(text), { cues: [], regions: [], styles: [], errors: [] }, JSON.stringify(text));
  });

  it('reads a cue after blank lines, and a cue timing right under the signature as the header\'s end', () => {
    assert.equal(parseWebVTT(vtt('WEBVTT', '', '', '', T, 'x')).cues.length, 1);
    assert.deepEqual(parseWebVTT(vtt('WEBVTT', T, 'x')), parseWebVTT(vtt('WEBVTT', '', T, 'x')));
  });

  it('quotes a line of 60 characters whole, and shortens a longer one', () => {
    const sixty = `00:00.000 --> x${'y'.repeat(45)}`;
    assert.equal(sixty.length, 60);
    assert.deepEqual(messages(vtt('WEBVTT', '', sixty, '', `${sixty}z`, '')), [
      `3: cue timing "${sixty}": the end time "x${'y'.repeat(45)}" must start with a digit`,
      `5: cue timing "${sixty.slice(0, 59)}…": the end time "x${'y'.repeat(45)}z" must start with a digit`,
    ]);
  });

  it('numbers the lines of an error far down the file', () => {
    const lines = ['WEBVTT', '', ...Array.from({ length: 8 }, () => [T, 'x', '']).flat(), 'stray', ''];
    assert.deepEqual(parseWebVTT(vtt(...lines)).errors.map((e) => e.line), [27]);
  });
});
