/**
 * The built site the offline tests run against, and a server for it whose faults a test can turn
 * on: an HTTP error for one file, a connection cut part way through a file, a slow file.
 *
 * The site is the real story (stories/at-the-line) when it is narrated; until then, or with
 * OFFLINE_TEST_STORY=fixture, a small story narrated from tests/fixtures/two-sentences with the same
 * pipeline, so the tests never depend on files that may be missing. Either way the site holds that
 * one story, at `/<id>/`, beside the front page and the service worker at the root.
 */
import type { Context, Next } from 'koa';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { buildSite, ROOT } from '../../../../scripts/build/build.js';
import { buildImages } from '../../../../scripts/images/images.js';
import { narrate } from '../../../../scripts/narrate/narrate.js';
import { serveSite } from '../../../../scripts/serve/serve.js';
import { STORIES_DIR, STORY_FILES } from '../../../../scripts/story/paths.js';
import type { TimedStory } from '../../../../src/story/timed-story.js';

const FIXTURE = resolve(ROOT, 'tests/fixtures/two-sentences');
const REAL_STORY = join(STORIES_DIR, 'at-the-line');

/** Whether the repository holds the real story, narrated. */
export function realStoryPresent(): boolean {
  return existsSync(join(REAL_STORY, STORY_FILES.timing));
}

let fixtureInput: Promise<string> | undefined;
/** The fixture story's folder (manuscript, narration, pictures), made once per test process. */
function fixtureStory(): Promise<string> {
  fixtureInput ??= (async () => {
    const folder = await mkdtemp(join(tmpdir(), 'offline-story-'));
    await cp(FIXTURE, folder, { recursive: true });
    await narrate({ story: folder });
    await buildImages(folder);
    return folder;
  })();
  return fixtureInput;
}

export interface TestStory {
  /** Which story: the repository's, or the narrated fixture. */
  kind: 'story' | 'fixture';
  /** The story's folder, for `buildSite({ stories: [input] })`. */
  input: string;
  timing: TimedStory;
  /** Where the story's page is in the site: `/at-the-line/`. Its files are below it. */
  path: string;
}

function testStoryKind(): TestStory['kind'] {
  const wanted = process.env['OFFLINE_TEST_STORY'];
  return wanted === 'fixture' || (wanted !== 'story' && !realStoryPresent()) ? 'fixture' : 'story';
}

/** The test story's folder in the site, known before it is built: `/at-the-line/` or `/two-sentences/`. */
export const STORY_PATH = testStoryKind() === 'story' ? `/${REAL_STORY.split('/').pop()}/` : `/${FIXTURE.split('/').pop()}/`;

/** The address of the test story's page on a server. */
export const storyPage = (server: { url: string }): string => new URL(STORY_PATH, server.url).href;

export async function testStory(): Promise<TestStory> {
  const kind = testStoryKind();
  const input = kind === 'story' ? REAL_STORY : await fixtureStory();
  const timing = JSON.parse(await readFile(join(input, STORY_FILES.timing), 'utf8')) as TimedStory;
  if (`/${timing.id}/` !== STORY_PATH) throw new Error(`the test story's id is ${timing.id}, not ${STORY_PATH}`);
  return { kind, input, timing, path: STORY_PATH };
}

/** Builds the site of the one story into a new temporary folder. */
export async function buildTestSite(story: TestStory, out?: string): Promise<string> {
  return buildSite({ stories: [story.input], out: out ?? (await mkdtemp(join(tmpdir(), 'offline-site-'))) });
}

/** Faults the server can inject, by URL path (`/at-the-line/audio/episode.webm`). */
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
