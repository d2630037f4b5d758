/**
 * The server of `npm start` (and of the benchmark and the end-to-end tests) sends what a production
 * host sends: text compressed as the browser accepts it, audio as it is, in ranges, under the site's
 * policy. Read with raw HTTP requests, so that nothing decompresses or adds headers on the way.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SITE_CSP, serveSite, type SiteServer } from '../../../scripts/serve/serve.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((done, fail) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}

describe('the site server', () => {
  let server: SiteServer;
  const page = `<!doctype html><html lang="en"><title>A story</title>${'<p>A sentence of the story, long enough to be worth compressing.</p>\n'.repeat(60)}`;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `word ${i}`))};\n`;
  const audio = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251));

  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'serve-'));
    await writeFile(join(dir, 'index.html'), page);
    await writeFile(join(dir, 'app.js'), script);
    await writeFile(join(dir, 'tiny.js'), 'export {};\n');
    await writeFile(join(dir, 'episode.mp3'), audio);
    server = await serveSite(dir);
  });

  after(async () => {
    await server?.stop();
  });

  it('sends the page in brotli to a browser that accepts it, and the same text once decoded', async () => {
    const answer = await get(`${server.url}index.html`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], 'br');
    assert.match(String(answer.headers['vary']), /accept-encoding/i);
    assert.ok(answer.body.length < Buffer.byteLength(page) / 4, `${answer.body.length} bytes for ${Buffer.byteLength(page)}`);
    assert.equal(brotliDecompressSync(answer.body).toString(), page);
  });

  it('sends scripts in gzip to a client that accepts only gzip', async () => {
    const answer = await get(`${server.url}app.js`, { 'accept-encoding': 'gzip' });
    assert.equal(answer.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(answer.body).toString(), script);
  });

  it('sends text as it is to a client that accepts no encoding, and files under a kilobyte as they are', async () => {
    const plain = await get(`${server.url}app.js`, { 'accept-encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), script);
    const tiny = await get(`${server.url}tiny.js`, { 'accept-encoding': 'gzip, br' });
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.body.toString(), 'export {};\n');
  });

  it('sends audio uncompressed, whole or in the range asked for', async () => {
    const whole = await get(`${server.url}episode.mp3`, { 'accept-encoding': 'gzip, br' });
    assert.equal(whole.headers['content-encoding'], undefined);
    assert.deepEqual(whole.body, audio);
    const part = await get(`${server.url}episode.mp3`, { 'accept-encoding': 'gzip, br', range: 'bytes=1000-1999' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-encoding'], undefined);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${audio.length}`);
    assert.deepEqual(part.body, audio.subarray(1000, 2000));
  });

  it('sends the site’s policy with every answer, compressed or not', async () => {
    for (const [path, encoding] of [['index.html', 'br'], ['episode.mp3', 'gzip']] as const) {
      const answer = await get(`${server.url}${path}`, { 'accept-encoding': encoding });
      assert.equal(answer.headers['content-security-policy'], SITE_CSP, path);
    }
  });
});
