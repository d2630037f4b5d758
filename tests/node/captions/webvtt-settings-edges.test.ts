/**
 * The edges of the cue and region settings (src/captions/webvtt-settings.ts) that the main WebVTT
 * tests leave open: what a percentage is, a setting that fails beside one that was read, and the
 * values of settings read without a word.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebVTT } from '../../../src/captions/index.js';
import { regionDefaults } from './webvtt-conformance-cases.js';

const vtt = (...lines: string[]): string => lines.join('\n');
const T = '00:00.000 --> 00:01.000';

/** The one cue of a file whose timing line carries `settings`, and the file's errors. */
function cueWith(settings: string, before: string[] = []) {
  const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', ...before, `${T} ${settings}`, 'x'));
  assert.equal(cues.length, 1);
  return { cue: cues[0]!, errors: errors.map((e) => e.message) };
}

describe('WebVTT settings: percentages', () => {
  it('reads digits after the decimal point, as many as are written', () => {
    const { cue, errors } = cueWith('size:12.55% position:33.125%');
    assert.deepEqual(errors, []);
    assert.equal(cue.size, 12.55);
    assert.equal(cue.position, 33.125);
  });

  it('is not a percentage when anything follows the % sign', () => {
    const { cue, errors } = cueWith('position:50%x size:40%%');
    assert.equal(cue.position, 'auto');
    assert.equal(cue.size, 100);
    assert.deepEqual(errors, [
      'cue setting "position:50%x" ignored: position is a percentage, then optionally ",line-left", ",center" or ",line-right"',
      'cue setting "size:40%%" ignored: size is a percentage from 0% to 100%',
    ]);
  });
});

describe('WebVTT settings: a cue in a region', () => {
  it('stays in its region when a vertical setting after it cannot be read', () => {
    const { cue, errors } = cueWith('region:r vertical:sideways', ['REGION', 'id:r', '']);
    assert.equal(cue.region?.id, 'r');
    assert.equal(cue.vertical, '');
    assert.deepEqual(errors, ['cue setting "vertical:sideways" ignored: vertical is "rl" or "lr"']);
  });

  it('leaves its region when it is written vertically', () => {
    const { cue } = cueWith('region:r vertical:rl', ['REGION', 'id:r', '']);
    assert.equal(cue.region, null);
    assert.equal(cue.vertical, 'rl');
  });
});

describe('WebVTT settings: regions', () => {
  it('reads both anchors without a word, and a line count of more than one digit', () => {
    const { regions, errors } = parseWebVTT(vtt('WEBVTT', '', 'REGION', 'id:r regionanchor:10%,20% viewportanchor:30.5%,40%', 'lines:12', '', `${T} region:r`, 'x'));
    assert.deepEqual(errors, []);
    assert.deepEqual(regions, [{ ...regionDefaults(), id: 'r', regionAnchorX: 10, regionAnchorY: 20, viewportAnchorX: 30.5, viewportAnchorY: 40, lines: 12 }]);
  });

  it('keeps an anchor whole or not at all: a pair whose first half is not a percentage leaves both as they were', () => {
    const { regions, errors } = parseWebVTT(vtt('WEBVTT', '', 'REGION', 'id:r regionanchor:left,50% viewportanchor:%,10%', ''));
    assert.deepEqual(regions, [{ ...regionDefaults(), id: 'r' }]);
    assert.deepEqual(
      errors.map((e) => e.message),
      [
        'REGION setting "regionanchor:left,50%" ignored: regionanchor is two percentages from 0% to 100%, x,y',
        'REGION setting "viewportanchor:%,10%" ignored: viewportanchor is two percentages from 0% to 100%, x,y',
      ],
    );
  });

  it('keeps a region written without an id, with the empty id (no cue can name it)', () => {
    const { regions, errors } = parseWebVTT(vtt('WEBVTT', '', 'REGION', 'width:50%', '', `${T}`, 'x'));
    assert.deepEqual(errors, []);
    assert.deepEqual(regions, [{ ...regionDefaults(), width: 50 }]);
    assert.equal(regions[0]!.id, '');
  });
});
