/**
 * The built site the offline tests run against, and a server for it whose faults a test can turn
 * on: an HTTP error for one file, a connection cut part way through a file, a slow file.
 *
 * The site is the real story when its narrated and rendered files are in the repository
 * (story/timing.json, story/images/generated/manifest.json, audio/, captions/); until then, or with
 * OFFLINE_TEST_STORY=fixture, a small story narrated from tests/fixtures/two-sentences with the same
 * pipeline, so the tests never depend on files that may be missing.
 */
import type { Context, Next } from 'koa';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { buildSite, ROOT } from '../../../../scripts/build/build.js';
import { narrate } from '../../../../scripts/narrate/narrate.js';
import { serveSite } from '../../../../scripts/serve/serve.js';
import type { TimedStory } from '../../../../src/story/timed-story.js';

const FIXTURE = resolve(ROOT, 'tests/fixtures/two-sentences');
const REAL_STORY_FILES = ['story/timing.json', 'story/images/generated/manifest.json', 'audio', 'captions'];

/** Whether the repository holds the whole real story (narrated and rendered). */
export function realStoryPresent(): boolean {
  return REAL_STORY_FILES.every((file) => existsSync(join(ROOT, file)));
}

/** Renders the fixture's SVGs the way `npm run images` lays them out (fewer widths: it is a test). */
async function renderFixtureImages(input: string): Promise<void> {
  const folder = join(input, 'story/images/generated');
  await mkdir(folder, { recursive: true });
  const manifest: Record<string, unknown> = {};
  for (const id of ['square']) {
    const svg = await readFile(join(input, 'story/images', `${id}.svg`));
    const sources = [];
    for (const width of [480, 800]) {
      const height = Math.round((width * 2) / 3);
      const image = sharp(svg).resize(width, height, { fit: 'fill' });
      await writeFile(join(folder, `${id}-${width}.webp`), await image.clone().webp().toBuffer());
      await writeFile(join(folder, `${id}-${width}.jpg`), await image.clone().jpeg().toBuffer());
      sources.push({ width, height, webp: `story/images/generated/${id}-${width}.webp`, jpeg: `story/images/generated/${id}-${width}.jpg` });
    }
    await writeFile(join(folder, `${id}-artwork.jpg`), await sharp(svg).resize(400, 400, { fit: 'cover' }).jpeg().toBuffer());
    manifest[id] = { width: 1500, height: 1000, sources, artwork: { width: 400, height: 400, jpeg: `story/images/generated/${id}-artwork.jpg` } };
  }
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

let fixtureInput: Promise<string> | undefined;
/** The fixture story's inputs (manuscript, narration, images), made once per test process. */
function fixtureStory(): Promise<string> {
  fixtureInput ??= (async () => {
    const input = await mkdtemp(join(tmpdir(), 'offline-story-'));
    await cp(join(FIXTURE, 'manuscript.yaml'), join(input, 'story/manuscript.yaml'));
    await cp(join(FIXTURE, 'images'), join(input, 'story/images'), { recursive: true });
    await narrate({ manuscript: join(input, 'story/manuscript.yaml'), out: input });
    await renderFixtureImages(input);
    return input;
  })();
  return fixtureInput;
}

export interface TestStory {
  /** Which story: the repository's, or the narrated fixture. */
  kind: 'story' | 'fixture';
  /** Folder of the story's inputs, for `buildSite({ story })`. */
  input: string;
  timing: TimedStory;
}

export async function testStory(): Promise<TestStory> {
  const wanted = process.env['OFFLINE_TEST_STORY'];
  const kind = wanted === 'fixture' || (wanted !== 'story' && !realStoryPresent()) ? 'fixture' : 'story';
  const input = kind === 'story' ? ROOT : await fixtureStory();
  const timing = JSON.parse(await readFile(join(input, 'story/timing.json'), 'utf8')) as TimedStory;
  return { kind, input, timing };
}

/** Builds the site into a new temporary folder. */
export async function buildTestSite(story: TestStory, out?: string): Promise<string> {
  return buildSite({ story: story.input, out: out ?? (await mkdtemp(join(tmpdir(), 'offline-site-'))) });
}

/** Faults the server can inject, by URL path (`/audio/episode.webm`). */
export class Faults {
  /** Answer this HTTP status instead of the file. */
  readonly status = new Map<string, number>();
  /** Wait this many milliseconds before answering (a slow server). */
  readonly delay = new Map<string, number>();
  /** Send this many bytes of the body, then cut the connection. */
  readonly cutAfter = new Map<string, number>();
  /** Send the body at this many bytes a second. */
  readonly throttle = new Map<string, number>();
  /** The network is down: every connection is reset before an answer, as when the cable is pulled. */
  down = false;
  /** Requests seen, as `METHOD path [range]`. */
  readonly seen: string[] = [];
  readonly #open = new Set<ServerResponse>();

  clear(): void {
    this.down = false;
    this.status.clear();
    this.delay.clear();
    this.cutAfter.clear();
    this.throttle.clear();
  }

  /** Cuts every response still being sent slowly: the network drops. */
  cutAll(): void {
    for (const response of this.#open) response.destroy();
    this.#open.clear();
  }

  middleware = async (ctx: Context, next: Next): Promise<void> => {
    const path = decodeURIComponent(ctx.path);
    this.seen.push(`${ctx.method} ${path}${ctx.get('range') ? ` ${ctx.get('range')}` : ''}${this.down ? ' (refused: network down)' : ''}`);
    if (this.down) {
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    const wait = this.delay.get(path);
    if (wait) await new Promise((done) => setTimeout(done, wait));
    const status = this.status.get(path);
    if (status) {
      ctx.status = status;
      ctx.body = `test fault: ${status}`;
      return;
    }
    await next();
    const rate = this.throttle.get(path);
    const cut = this.cutAfter.get(path);
    if ((rate === undefined && cut === undefined) || ctx.body == null || ctx.status >= 300) return;
    const body = ctx.body as unknown;
    const data = body instanceof Readable ? Buffer.concat(await body.toArray()) : Buffer.from(body as string | Buffer);
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(ctx.status, { ...ctx.response.headers, 'content-length': String(data.length) } as Record<string, string>);
    this.#open.add(res);
    res.on('close', () => this.#open.delete(res));
    const limit = cut ?? data.length;
    const chunk = rate ? Math.max(1024, Math.round(rate / 10)) : 64 * 1024;
    let sent = 0;
    const pump = (): void => {
      if (res.destroyed) return;
      if (sent >= limit) {
        if (limit < data.length) res.destroy();
        else res.end();
        return;
      }
      const end = Math.min(sent + chunk, limit);
      res.write(data.subarray(sent, end));
      sent = end;
      setTimeout(pump, rate ? 100 : 0);
    };
    pump();
  };
}

export interface TestServer {
  url: string;
  faults: Faults;
  stop(): Promise<void>;
}

/** Serves `dir` on a free port with Range support (206) and the test's faults. */
export async function serveTestSite(dir: string, port?: number): Promise<TestServer> {
  const faults = new Faults();
  const server = await serveSite(dir, { port, middleware: [faults.middleware] });
  return {
    url: server.url,
    faults,
    stop: async () => {
      faults.cutAll();
      await server.stop();
    },
  };
}
