/**
 * The service worker's Range arithmetic (RFC 9110 §14), in Node: what each header asks of a file,
 * and the response built from a saved copy (status, Content-Range, Content-Length, the bytes).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byteRange, ifRangeAllows, rangeResponse } from '../../../src/service-worker/byte-range.js';

const SIZE = 1000;
const partial = (start: number, end: number) => ({ kind: 'partial', start, end });
const whole = { kind: 'whole' };
const unsatisfiable = { kind: 'unsatisfiable' };

describe('byteRange: what a Range header asks of a file', () => {
  it('reads first-last with the last position inclusive', () => {
    assert.deepEqual(byteRange('bytes=100-199', SIZE), partial(100, 199));
    assert.deepEqual(byteRange('bytes=0-0', SIZE), partial(0, 0));
    assert.deepEqual(byteRange(`bytes=0-${SIZE - 1}`, SIZE), partial(0, SIZE - 1));
    assert.deepEqual(byteRange(`bytes=${SIZE - 1}-${SIZE - 1}`, SIZE), partial(SIZE - 1, SIZE - 1));
  });

  it('clamps a last position at or past the end to the last byte (§14.1.2)', () => {
    assert.deepEqual(byteRange(`bytes=0-${SIZE}`, SIZE), partial(0, SIZE - 1));
    assert.deepEqual(byteRange('bytes=500-5000', SIZE), partial(500, SIZE - 1));
    assert.deepEqual(byteRange(`bytes=10-${'9'.repeat(40)}`, SIZE), partial(10, SIZE - 1));
  });

  it('reads an open range to the end of the file', () => {
    assert.deepEqual(byteRange('bytes=0-', SIZE), partial(0, SIZE - 1));
    assert.deepEqual(byteRange('bytes=900-', SIZE), partial(900, SIZE - 1));
  });

  it('reads a suffix as the last bytes, the whole file when longer than it', () => {
    assert.deepEqual(byteRange('bytes=-100', SIZE), partial(900, SIZE - 1));
    assert.deepEqual(byteRange(`bytes=-${SIZE}`, SIZE), partial(0, SIZE - 1));
    assert.deepEqual(byteRange(`bytes=-${SIZE + 500}`, SIZE), partial(0, SIZE - 1));
    assert.deepEqual(byteRange(`bytes=-${'9'.repeat(40)}`, SIZE), partial(0, SIZE - 1));
  });

  it('refuses a first position at or past the end, an empty suffix and a last position before the first', () => {
    assert.deepEqual(byteRange(`bytes=${SIZE}-`, SIZE), unsatisfiable);
    assert.deepEqual(byteRange(`bytes=${SIZE + 5}-`, SIZE), unsatisfiable);
    assert.deepEqual(byteRange(`bytes=${SIZE}-${SIZE + 10}`, SIZE), unsatisfiable);
    assert.deepEqual(byteRange(`bytes=${'9'.repeat(40)}-`, SIZE), unsatisfiable);
    assert.deepEqual(byteRange('bytes=-0', SIZE), unsatisfiable);
    assert.deepEqual(byteRange('bytes=-000', SIZE), unsatisfiable);
    assert.deepEqual(byteRange('bytes=100-50', SIZE), unsatisfiable);
    assert.deepEqual(byteRange('bytes=1-0', SIZE), unsatisfiable);
  });

  it('takes the unit in any case, leading zeros, spaces around the range and empty list elements', () => {
    assert.deepEqual(byteRange('Bytes=0-9', SIZE), partial(0, 9));
    assert.deepEqual(byteRange('BYTES=0-9', SIZE), partial(0, 9));
    assert.deepEqual(byteRange('bytes=007-010', SIZE), partial(7, 10));
    assert.deepEqual(byteRange('bytes= 0-9 ', SIZE), partial(0, 9));
    assert.deepEqual(byteRange('bytes=0-9,', SIZE), partial(0, 9));
    assert.deepEqual(byteRange('bytes=, 0-9', SIZE), partial(0, 9));
  });

  it('ignores (the whole file) no header, another unit, anything that does not parse, and several ranges', () => {
    for (const header of [
      '',
      'xbytes=0-9',
      ' bytes=0-9',
      'items=0-9',
      'bytes',
      'bytes=',
      'bytes=-',
      'bytes=abc',
      'bytes=5-abc',
      'bytes=a-5',
      'bytes=-5-9',
      'bytes=0 - 9',
      'bytes=+1-9',
      'bytes=1.5-9',
      'bytes=0x10-',
      'bytes = 0-9',
      'bytes=0-1,5-9',
      'bytes=0-1, 900-',
      'bytes=0-1,100-50',
    ]) {
      assert.deepEqual(byteRange(header, SIZE), whole, header);
    }
  });

  it('answers an empty file whole, whatever the range', () => {
    assert.deepEqual(byteRange('bytes=0-', 0), whole);
    assert.deepEqual(byteRange('bytes=-5', 0), whole);
  });
});

describe('ifRangeAllows: a range only for the copy the client has', () => {
  const headers = new Headers({ ETag: '"abc"', 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
  it('with no If-Range, always', () => assert.equal(ifRangeAllows(null, headers), true));
  it('with the same strong entity tag or the same date', () => {
    assert.equal(ifRangeAllows('"abc"', headers), true);
    assert.equal(ifRangeAllows('Tue, 01 Dec 2026 10:00:00 GMT', headers), true);
  });
  it('never with another tag, a weak tag, another date, or a validator the copy lacks', () => {
    assert.equal(ifRangeAllows('"abd"', headers), false);
    assert.equal(ifRangeAllows('W/"abc"', new Headers({ ETag: 'W/"abc"' })), false);
    assert.equal(ifRangeAllows('W/"abc"', headers), false);
    assert.equal(ifRangeAllows('"W/abc"', new Headers({ ETag: '"W/abc"' })), true);
    assert.equal(ifRangeAllows('W/x', new Headers({ ETag: 'W/x', 'Last-Modified': 'W/x' })), true, 'not an entity tag: read as a date');
    assert.equal(ifRangeAllows('Tue, 01 Dec 2026 10:00:01 GMT', headers), false);
    assert.equal(ifRangeAllows('"abc"', new Headers()), false);
    assert.equal(ifRangeAllows('Tue, 01 Dec 2026 10:00:00 GMT', new Headers()), false);
  });
});

describe('rangeResponse: the answer from a saved copy', () => {
  const bytes = Uint8Array.from({ length: SIZE }, (_, i) => i % 251);
  const saved = () =>
    new Response(bytes, { headers: { 'Content-Type': 'audio/webm', 'Content-Length': String(SIZE), ETag: '"v1"' } });
  const ask = async (range: string | null, more: Record<string, string> = {}) => {
    const request = new Request('https://example.org/audio/episode.webm', { headers: { ...(range === null ? {} : { Range: range }), ...more } });
    const response = await rangeResponse(request, saved());
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      range: response.headers.get('content-range'),
      length: response.headers.get('content-length'),
      accept: response.headers.get('accept-ranges'),
      type: response.headers.get('content-type'),
      statusText: response.statusText,
      body,
    };
  };

  it('206 with the bytes asked for, their Content-Range and Content-Length', async () => {
    const answer = await ask('bytes=100-199');
    assert.deepEqual(
      { ...answer, body: undefined },
      { status: 206, statusText: 'Partial Content', range: `bytes 100-199/${SIZE}`, length: '100', accept: 'bytes', type: 'audio/webm', body: undefined },
    );
    assert.deepEqual(answer.body, bytes.slice(100, 200));
  });

  it('206 for the whole file asked as 0-<size>, claiming exactly its bytes', async () => {
    const answer = await ask(`bytes=0-${SIZE}`);
    assert.equal(answer.status, 206);
    assert.equal(answer.range, `bytes 0-${SIZE - 1}/${SIZE}`);
    assert.equal(answer.length, String(SIZE));
    assert.deepEqual(answer.body, bytes);
  });

  it('206 for a suffix and for a last position past the end', async () => {
    const suffix = await ask('bytes=-10');
    assert.deepEqual([suffix.status, suffix.range, suffix.length], [206, `bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`, '10']);
    assert.deepEqual(suffix.body, bytes.slice(SIZE - 10));
    const past = await ask(`bytes=${SIZE - 3}-${SIZE * 2}`);
    assert.deepEqual([past.status, past.range, past.length, past.body.length], [206, `bytes ${SIZE - 3}-${SIZE - 1}/${SIZE}`, '3', 3]);
  });

  it('416 with the size and no body when nothing can be sent', async () => {
    for (const range of ['bytes=100-50', 'bytes=-0', `bytes=${SIZE}-`]) {
      const answer = await ask(range);
      assert.deepEqual(
        [answer.status, answer.statusText, answer.range, answer.accept, answer.length, answer.body.length],
        [416, 'Range Not Satisfiable', `bytes */${SIZE}`, 'bytes', '0', 0],
        range,
      );
    }
  });

  it('200 with the whole file, and Accept-Ranges, for no range, several ranges, a malformed one, or a stale If-Range', async () => {
    for (const [range, more] of [
      [null, {}],
      ['bytes=0-1,5-9', {}],
      ['bytes=abc', {}],
      ['bytes=0-9', { 'If-Range': '"v0"' }],
    ] as const) {
      const answer = await ask(range, more);
      assert.deepEqual(
        [answer.status, answer.statusText, answer.range, answer.accept, answer.length, answer.body.length],
        [200, 'OK', null, 'bytes', String(SIZE), SIZE],
        String(range),
      );
    }
    const fresh = await ask('bytes=0-9', { 'If-Range': '"v1"' });
    assert.deepEqual([fresh.status, fresh.range], [206, `bytes 0-9/${SIZE}`]);
  });
});
