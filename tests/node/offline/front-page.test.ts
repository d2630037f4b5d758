/**
 * The front page of a site with two stories: each story says whether it is saved for offline, with
 * its size, and saves or removes its own audio only — never another story's.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { buildSite, ROOT } from '../../../scripts/build/build.js';
import { buildServiceWorker } from '../../../scripts/build/service-worker.js';
import { buildImages } from '../../../scripts/images/images.js';
import { narrate } from '../../../scripts/narrate/narrate.js';
import { STORY_FILES } from '../../../scripts/story/paths.js';
import type { TimedStory } from '../../../src/story/timed-story.js';
import { launchChromium } from '../support/browser.js';
import { savedAudio } from './support/offline-page.js';
import { serveTestSite, type TestServer } from './support/test-site.js';

/** Two small narrated stories: the fixture, and a copy of it under another id. */
async function twoStories(): Promise<string[]> {
  const first = await mkdtemp(join(tmpdir(), 'front-first-'));
  await cp(join(ROOT, 'tests/fixtures/two-sentences'), first, { recursive: true });
  await narrate({ story: first });
  await buildImages(first);
  const second = await mkdtemp(join(tmpdir(), 'front-second-'));
  await cp(first, second, { recursive: true });
  for (const file of [STORY_FILES.manuscript, STORY_FILES.timing]) {
    const text = await readFile(join(second, file), 'utf8');
    await writeFile(join(second, file), text.replace(/^id: two-sentences$/m, 'id: another-story').replace('"id": "two-sentences"', '"id": "another-story"'));
  }
  return [first, second];
}

type Entry = HTMLElement & { state: string; bytesToSave: number };

const stateOf = (page: Page, story: string) => page.$eval(`story-offline[story="${story}"]`, (element) => (element as Entry).state);

async function waitForState(page: Page, story: string, state: string): Promise<void> {
  await page.waitForFunction((s: string, wanted: string) => (document.querySelector(`story-offline[story="${s}"]`) as Entry | null)?.state === wanted, { timeout: 30000, polling: 50 }, story, state);
}

async function press(page: Page, story: string, selector: string): Promise<void> {
  const button = await page.waitForSelector(`story-offline[story="${story}"] >>> ${selector}`, { visible: true, timeout: 30000 });
  await button!.focus();
  await page.keyboard.press('Enter');
}

describe('the front page, with two stories', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let out: string;
  let stories: string[];

  before(async () => {
    stories = await twoStories();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  // Each test on a site of its own (one deploys a new version), on a page of its own.
  beforeEach(async () => {
    out = await buildSite({ stories, out: await mkdtemp(join(tmpdir(), 'front-site-')) });
    server = await serveTestSite(out);
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForState(page, 'two-sentences', 'available');
    await waitForState(page, 'another-story', 'available');
  });

  afterEach(async () => {
    await context?.close();
    await server?.stop();
  });

  it('offers each story for offline listening, with the size of its own audio', async () => {
    await waitForState(page, 'two-sentences', 'available');
    await waitForState(page, 'another-story', 'available');
    const sizes = await page.$$eval('story-offline', (elements) => elements.map((element) => [element.getAttribute('story'), (element as Entry).bytesToSave]));
    assert.equal(sizes.length, 2);
    for (const [, bytes] of sizes) assert.ok(Number(bytes) > 1000, `${String(bytes)} bytes`);
  });

  it('counts in each story’s size only the site’s shell and that story’s own files', async () => {
    const size = (path: string) => statSync(join(out, path)).size;
    const files = (folder: string, pattern: RegExp) => readdirSync(join(out, folder)).filter((name) => pattern.test(name)).map((name) => join(folder, name));
    const shell = ['index.html', 'icon.svg', ...files('', /^(?!service-worker)[^/]+\.(js|css)$/)];
    for (const story of ['two-sentences', 'another-story']) {
      const own = [`${story}/index.html`, ...files(`${story}/captions`, /\.(vtt|json)$/), ...files(`${story}/images/generated`, /\.webp$/), `${story}/audio/episode.webm`];
      const expected = [...shell, ...own].reduce((total, path) => total + size(path), 0);
      const shown = await page.$eval(`story-offline[story="${story}"]`, (element) => (element as HTMLElement & { storyBytes: number }).storyBytes);
      assert.equal(shown, expected, story);
    }
  });

  it('saves one story without claiming the other', async () => {
    await press(page, 'two-sentences', 'button.save');
    await waitForState(page, 'two-sentences', 'saved');
    assert.deepEqual((await savedAudio(page)).map((file) => file.path), ['/two-sentences/audio/episode.webm']);
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, 'two-sentences', 'saved');
    assert.equal(await stateOf(page, 'another-story'), 'available');
  });

  it('removes one story’s audio and keeps the other’s', async () => {
    await press(page, 'two-sentences', 'button.save');
    await waitForState(page, 'two-sentences', 'saved');
    await press(page, 'another-story', 'button.save');
    await waitForState(page, 'another-story', 'saved');
    await press(page, 'two-sentences', 'button.remove');
    await waitForState(page, 'two-sentences', 'available');
    assert.deepEqual((await savedAudio(page)).map((file) => file.path), ['/another-story/audio/episode.webm']);
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, 'another-story', 'saved');
    assert.equal(await stateOf(page, 'two-sentences'), 'available');
  });

  it('registers the service worker once and offers a new version once, from the first story, said once', async () => {
    const registrations = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    assert.equal(registrations, 1);
    // What each element's own status region says from now on (the front page has no player).
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      for (const element of document.querySelectorAll('story-offline')) {
        const region = element.shadowRoot?.querySelector('[role="status"]');
        if (!region) continue;
        new MutationObserver(() => {
          const text = region.textContent?.trim() ?? '';
          if (text) said.push(`${element.getAttribute('story')}: ${text}`);
        }).observe(region, { childList: true, characterData: true, subtree: true });
      }
    });

    // Deploy a new version: a changed stylesheet, and the worker rebuilt with its new revision.
    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    const timings = await Promise.all(stories.map(async (story) => JSON.parse(await readFile(join(story, STORY_FILES.timing), 'utf8')) as TimedStory));
    await buildServiceWorker(out, timings);
    await page.$eval('story-offline', (element) => (element as HTMLElement & { checkForUpdate(): Promise<void> }).checkForUpdate());
    await page.waitForFunction(
      () => [...document.querySelectorAll('story-offline')].every((element) => (element as HTMLElement & { updateAvailable: boolean }).updateAvailable),
      { timeout: 30000, polling: 50 },
    );
    const words = 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.';
    const said = () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    const offering = () =>
      page.$$eval('story-offline', (elements) =>
        elements.filter((element) => element.shadowRoot?.querySelector('[part="update"]')).map((element) => element.getAttribute('story')),
      );
    await page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length > 0, { timeout: 10000, polling: 50 });
    // Said: from now on, a second element offering or saying it would contradict "once".
    const watchUntil = performance.now() + 1000;
    do {
      assert.deepEqual(await offering(), ['two-sentences'], 'only the first story on the page offers the update');
      assert.deepEqual(await said(), [`two-sentences: ${words}`]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (performance.now() < watchUntil);
  });
});
