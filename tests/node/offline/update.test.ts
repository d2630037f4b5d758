/**
 * Updates never cut a listener off: a new version deployed while the old one plays waits; the page
 * shows a calm "Update available" control; accepting it pauses, swaps and reloads, and the listener
 * finds their place, their preferences and their offline copy as they were.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT } from '../../../scripts/build/build.js';
import { buildServiceWorker } from '../../../scripts/build/service-worker.js';
import { offlineStrings as t } from '../../../src/story-offline/strings.js';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer } from './support/test-site.js';
import {
  cachedFiles,
  pressInOffline,
  currentTime,
  isPlaying,
  offlineView,
  pressPlay,
  setNetwork,
  waitForAdvance,
  waitForOffline,
  waitForPlayerStatus,
} from './support/offline-page.js';

const workers = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
      active: registration?.active?.state ?? null,
      waiting: registration?.waiting?.state ?? null,
    };
  });

const pageCss = (page: Page) => page.evaluate(() => fetch('page.css').then((response) => response.text()));

describe('updates while listening', () => {
  let out: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    out = await buildTestSite(await testStory());
    server = await serveTestSite(out);
    browser = await launchChromium();
    page = await (await browser.createBrowserContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a new version wait while the story plays, then restores the position when accepted', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    await page.$eval('story-player', (player) => ((player as HTMLElement & { playbackRate: number }).playbackRate = 1.25));
    await pressPlay(page);
    await waitForAdvance(page, 0, 1);

    // Deploy a new version: a changed stylesheet, and the worker rebuilt with its new revision.
    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    await buildServiceWorker(out);
    const beforeUpdate = await currentTime(page);
    await page.$eval('story-offline', (element) => (element as HTMLElement & { checkForUpdate(): Promise<void> }).checkForUpdate());
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable, {
      timeout: 30000,
    });

    // The new worker waits; the old one still serves the page, and the story never stopped.
    assert.deepEqual(await workers(page), { controller: `${server.url}service-worker.js`, active: 'activated', waiting: 'installed' });
    const view = await offlineView(page);
    assert.match(view.text, /A new version of this story is ready\. Updating pauses the story; it continues from the same place\. Update now/);
    const during = await waitForAdvance(page, beforeUpdate, 1.5);
    assert.equal(await isPlaying(page), true, 'still playing after the update arrived');
    assert.doesNotMatch(await pageCss(page), /version 2/, 'the old version still serves this page');
    assert.equal((await workers(page)).waiting, 'installed', 'the new version is still waiting');

    // Accept: the story pauses where it is, the new version takes over, the page reloads.
    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    const pausedAt = await page.evaluate(() => {
      const saved = localStorage.getItem(`story-player:${document.querySelector('story-player')?.getAttribute('story-id') ?? ''}`);
      return saved ? (JSON.parse(saved) as { position: number }).position : NaN;
    });
    assert.ok(pausedAt >= during, `the position was kept (${pausedAt} s, playing at ${during} s before)`);

    await waitForPlayerStatus(page, 'Updated to the latest version of this story.');
    assert.match(await pageCss(page), /version 2/, 'the new version serves the page');
    assert.deepEqual(await workers(page), { controller: `${server.url}service-worker.js`, active: 'activated', waiting: null });
    assert.equal(await currentTime(page), pausedAt, 'the player is where the listener was');
    assert.equal(await page.$eval('story-player', (player) => (player as HTMLElement & { playbackRate: number }).playbackRate), 1.25, 'preferences kept');
    assert.equal((await waitForOffline(page, ['saved'])).state, 'saved', 'the offline copy is still whole');

    // "Resume" goes on from there.
    await page.locator('story-player >>> .resume-button').click();
    const resumed = await waitForAdvance(page, pausedAt, 0.5);
    assert.ok(resumed < pausedAt + 5, `resumed from ${pausedAt} s (now ${resumed} s)`);
  });
});

describe('updates that change the episode audio', () => {
  let out: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A different, valid WebM file standing in for a re-narrated episode. */
  const NEW_AUDIO = join(ROOT, 'tests/fixtures/mini-story/episode.webm');

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  // Each test deploys over its own site.
  beforeEach(async () => {
    out = await buildTestSite(await testStory());
    server = await serveTestSite(out);
    page = await (await browser.createBrowserContext()).newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
  });

  afterEach(async () => {
    await page.browserContext().close();
    await server.stop();
  });

  const savedAudio = async () =>
    (await cachedFiles(page))
      .filter((file) => file.cache.startsWith('story-offline-audio-'))
      .map((file) => ({ path: new URL(file.url).pathname, revision: new URL(file.url).searchParams.get('__story_revision'), bytes: file.bytes }));

  it('refuses to save a file that changed on the server since the page loaded, and offers the update', async () => {
    await copyFile(NEW_AUDIO, join(out, 'audio/episode.webm'));
    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    assert.equal(failed.errorMessage, t.errorChanged(t.audioFile));
    assert.deepEqual(await savedAudio(), [], 'nothing saved under the old revision');

    await buildServiceWorker(out);
    // The element looked for a new version when it found the change; look again now that it is deployed.
    await page.$eval('story-offline', (element) => (element as HTMLElement & { checkForUpdate(): Promise<void> }).checkForUpdate());
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable, {
      timeout: 30000,
    });
  });

  it('keeps the story saved: the new version downloads the new audio before it is offered', async () => {
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    const [old] = await savedAudio();
    assert.ok(old);

    await copyFile(NEW_AUDIO, join(out, 'audio/episode.webm'));
    const { size } = await stat(NEW_AUDIO);
    await buildServiceWorker(out);
    await page.$eval('story-offline', (element) => (element as HTMLElement & { checkForUpdate(): Promise<void> }).checkForUpdate());
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable, {
      timeout: 30000,
    });
    // While the new version waits, both copies are there: the old one still plays for this page.
    const waiting = await savedAudio();
    assert.equal(waiting.length, 2);
    assert.ok(waiting.some((file) => file.revision === old.revision && file.bytes === old.bytes));
    assert.ok(waiting.some((file) => file.revision !== old.revision && file.bytes === size));

    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    await waitForOffline(page, ['saved']);
    const after = await savedAudio();
    assert.deepEqual(after.map((file) => [file.path, file.bytes]), [['/audio/episode.webm', size]], 'only the new revision is kept');

    // And it plays offline.
    await setNetwork(page, false, server);
    await page.reload({ waitUntil: 'load' });
    await pressPlay(page);
    await waitForAdvance(page, 0, 0.5);
    await setNetwork(page, true, server);
  });
});
