/**
 * What the service worker keeps of the pictures after the first visit, and when the page looks for
 * a new version by itself, each on a page of its own (its own browser context) and, for updates, a
 * site of its own to deploy a new version to.
 */
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { buildServiceWorker } from '../../../scripts/build/service-worker.js';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, STORY_PATH, storyPage } from './support/test-site.js';
import { cachedFiles, offlineView, setNetwork, waitForOffline } from './support/offline-page.js';

const GENERATED = `${STORY_PATH}images/generated/`;

describe('the pictures and update checks of the offline site', () => {
  let story: TestStory;
  let browser: Browser;
  const servers: TestServer[] = [];
  let context: BrowserContext | undefined;

  before(async () => {
    story = await testStory();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  /** A freshly built site, served, and a new page on it whose worker controls it. */
  async function visit(prepare?: (page: Page) => Promise<unknown>): Promise<{ out: string; server: TestServer; page: Page }> {
    const out = await buildTestSite(story);
    const server = await serveTestSite(out);
    servers.push(server);
    context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await prepare?.(page);
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
    return { out, server, page };
  }

  /** Fetches `paths` from the page (through its service worker): status, type and bytes of each. */
  const fetched = (page: Page, paths: string[]) =>
    page.evaluate(
      (wanted: string[]) =>
        Promise.all(
          wanted.map(async (path) => {
            const response = await fetch(path).catch(() => null);
            const bytes = response?.ok ? (await response.arrayBuffer()).byteLength : 0;
            return { path, status: response?.status ?? 0, type: response?.headers.get('content-type') ?? '', bytes };
          }),
        ),
      paths,
    );

  it('precaches every WebP width of every picture on the first visit, and shows each with the network off', async () => {
    const { out, server, page } = await visit();
    const webp = (await readdir(join(out, GENERATED))).filter((name) => name.endsWith('.webp')).map((name) => `${GENERATED}${name}`);
    assert.ok(webp.length >= story.timing.scenes.length * 2, `several widths per picture: ${webp.join(', ')}`);
    const precached = new Set((await cachedFiles(page)).filter((file) => file.cache.includes('precache')).map((file) => new URL(file.url).pathname));
    assert.deepEqual(webp.filter((path) => !precached.has(path)), [], 'every WebP width is in the precache');

    await setNetwork(page, false, server);
    const answers = await fetched(page, webp);
    const sizes = await Promise.all(webp.map(async (path) => (await readFile(join(out, path))).byteLength));
    assert.deepEqual(
      answers.map((answer) => [answer.path, answer.status, answer.bytes]),
      webp.map((path, i) => [path, 200, sizes[i]]),
      'each width answered from the device, whole',
    );
  });

  it('answers a lock-screen artwork never fetched, offline, with the nearest WebP of the same picture', async () => {
    const { out, server, page } = await visit();
    const artworks = await page.$$eval('story-scene[artwork]', (scenes) => scenes.map((scene) => new URL(scene.getAttribute('artwork')!, location.href).pathname));
    assert.ok(artworks.length > 0, 'the scenes name their artwork');
    const cached = new Set((await cachedFiles(page)).map((file) => new URL(file.url).pathname));
    assert.deepEqual(artworks.filter((path) => cached.has(path)), [], 'no artwork fetched yet (it is not precached)');

    await setNetwork(page, false, server);
    const answers = await fetched(page, artworks);
    const names = await readdir(join(out, GENERATED));
    for (const answer of answers) {
      const stem = answer.path.slice(GENERATED.length).replace(/-artwork-\d+\.jpg$/, '');
      // Lock screens show artwork small: the smallest WebP at least 400 px wide, else the widest.
      const widths = names
        .map((name) => new RegExp(`^${stem}-(\\d+)\\.webp$`).exec(name)?.[1])
        .filter((width): width is string => width !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      const nearest = widths.find((width) => width >= 400) ?? widths.at(-1);
      const expected = (await readFile(join(out, `${GENERATED}${stem}-${nearest}.webp`))).byteLength;
      assert.deepEqual([answer.status, answer.type, answer.bytes], [200, 'image/webp', expected], `${answer.path} → ${stem}-${nearest}.webp`);
    }
  });

  /** Deploys a new version of the site in `out`: a changed stylesheet, and the worker rebuilt. */
  async function deploy(out: string): Promise<void> {
    await appendFile(join(out, 'page.css'), `\n/* deployed ${Date.now()} */\n`);
    await buildServiceWorker(out, [story.timing]);
  }

  const updateAvailable = (page: Page, timeout = 30000) =>
    page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable, { timeout, polling: 50 });

  it('looks for a new version every hour, with one timer for the page', async () => {
    const { out, server, page } = await visit((page) =>
      // Keeps the hourly timers' callbacks, so that the test can let an hour pass.
      page.evaluateOnNewDocument(() => {
        const hourly: (() => void)[] = [];
        (window as unknown as { __hourly: typeof hourly }).__hourly = hourly;
        const setInterval = window.setInterval.bind(window);
        window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
          if (ms === 60 * 60 * 1000 && typeof handler === 'function') hourly.push(handler as () => void);
          return setInterval(handler, ms, ...rest);
        }) as typeof window.setInterval;
      }),
    );
    assert.equal(await page.evaluate(() => (window as unknown as { __hourly: unknown[] }).__hourly.length), 1, 'one hourly timer');
    await deploy(out);
    const checks = () => server.faults.seen.filter((line) => line.startsWith('GET /service-worker.js')).length;
    const before = checks();
    assert.equal((await offlineView(page)).updateAvailable, false);

    await page.evaluate(() => (window as unknown as { __hourly: (() => void)[] }).__hourly[0]!());
    await updateAvailable(page);
    assert.ok(checks() > before, 'the worker script was asked for again');
    assert.match((await offlineView(page)).text, /A new version of this story is ready\. Update now/);
  });

  it('looks for a new version when the browser comes back online', async () => {
    const { out, server, page } = await visit();
    await setNetwork(page, false, server);
    await page.waitForFunction(() => !navigator.onLine, { polling: 50, timeout: 5000 });
    await deploy(out);
    assert.equal((await offlineView(page)).updateAvailable, false);

    await setNetwork(page, true, server);
    await updateAvailable(page);
    assert.match((await offlineView(page)).text, /A new version of this story is ready\. Update now/);
  });
});
