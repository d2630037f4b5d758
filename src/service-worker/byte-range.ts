/**
 * Range requests for a saved file, by RFC 9110 §14: what a `Range` header asks of a file of `size`
 * bytes ({@link byteRange}, pure), and the answer built from the saved copy ({@link rangeResponse}).
 *
 * - One range, `bytes=first-last`, `bytes=first-` or `bytes=-suffix` (the unit in any case): a 206
 *   with `Content-Range: bytes first-last/size`. The last position is inclusive, and one at or past
 *   the end means the end (§14.1.2); a suffix longer than the file means the whole file.
 * - Not satisfiable, a 416 whose `Content-Range` is `bytes *`, a slash and the size (§15.5.17): a
 *   first position at or past the end, `bytes=-0`, or a last position before the first
 *   (`bytes=100-50`: an invalid range, which §14.2 lets a server ignore or reject; rejected here).
 * - Ignored, the whole file with 200 (§14.2: a server MAY ignore `Range`): no header, a unit other
 *   than bytes, a header that does not parse, and more than one range. A multipart/byteranges
 *   answer is not worth its code here — Chromium's media stack asks for one range at a time — and
 *   answering only the first of several would give a client less than it asked for under a 206
 *   that looks complete; the whole file holds every range asked for.
 * - `If-Range` (§13.1.5): a range is sent only when the validator matches the saved copy's strong
 *   `ETag` or its `Last-Modified` exactly; otherwise the whole file.
 */

/** What to send for a Range request. `end` is inclusive, as in `Content-Range`. */
export type ByteRange = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const WHOLE: ByteRange = { kind: 'whole' };
const UNSATISFIABLE: ByteRange = { kind: 'unsatisfiable' };

/** `first-last`, `first-` or `-suffix`, digits only (§14.1.2). */
const RANGE_SPEC = /^(?:(\d+)-(\d*)|-(\d+))$/;

/** What `header` (a `Range` field value) asks of a file of `size` bytes. */
export function byteRange(header: string, size: number): ByteRange {
  const unit = /^bytes=(.*)/is.exec(header);
  if (!unit) return WHOLE;
  // A list: empty elements are allowed and skipped (RFC 9110 §5.6.1).
  const specs = unit[1]!
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length !== 1) return WHOLE;
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return WHOLE;
  // An empty file has no byte to point at: whatever the range, the whole (empty) file.
  if (size <= 0) return WHOLE;
  const [, first, last, suffix] = match;
  if (suffix !== undefined) {
    const length = Number(suffix);
    return length === 0 ? UNSATISFIABLE : { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return UNSATISFIABLE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * Whether `ifRange` (an `If-Range` field value, or null) lets a range be sent for a copy with these
 * headers: an entity tag compares strongly with the `ETag` (a weak tag never matches), a date
 * exactly with `Last-Modified`. (Field values arrive trimmed.)
 */
export function ifRangeAllows(ifRange: string | null, headers: Headers): boolean {
  if (ifRange === null) return true;
  if (/^(?:W\/)?"/.test(ifRange)) return !ifRange.startsWith('W/') && headers.get('etag') === ifRange;
  return headers.get('last-modified') === ifRange;
}

/** The answer to `request` from `saved`, the whole file as stored: 200, 206 or 416, every one with `Accept-Ranges: bytes`. */
export async function rangeResponse(request: Request, saved: Response): Promise<Response> {
  const headers = new Headers(saved.headers);
  headers.set('Accept-Ranges', 'bytes');
  const header = request.headers.get('range');
  // No range asked, or one for another copy: the stored body as it is, unread.
  if (header === null || !ifRangeAllows(request.headers.get('if-range'), saved.headers)) {
    return new Response(saved.body, { status: 200, statusText: 'OK', headers });
  }
  const blob = await saved.blob();
  const range = byteRange(header, blob.size);
  switch (range.kind) {
    case 'whole':
      headers.set('Content-Length', String(blob.size));
      return new Response(blob, { status: 200, statusText: 'OK', headers });
    case 'unsatisfiable': {
      const refusal = new Headers({ 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${blob.size}`, 'Content-Length': '0' });
      return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers: refusal });
    }
    case 'partial':
      headers.set('Content-Length', String(range.end - range.start + 1));
      headers.set('Content-Range', `bytes ${range.start}-${range.end}/${blob.size}`);
      return new Response(blob.slice(range.start, range.end + 1), { status: 206, statusText: 'Partial Content', headers });
  }
}
