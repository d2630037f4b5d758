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
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, STORY_PATH, storyPage } from './support/test-site.js';
import {
  announcements,
  checkForUpdateAndWait,
  pressInOffline,
  recordAnnouncements,
  savedAudio,
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

const pageCss = (page: Page) => page.evaluate(() => fetch('/page.css').then((response) => response.text()));

describe('updates while listening', () => {
  let story: TestStory;
  let browser: Browser;
  // Each test deploys a new version over a site of its own, on a page of its own.
  let out: string;
  let server: TestServer;
  let page: Page;

  before(async () => {
    story = await testStory();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    out = await buildTestSite(story);
    server = await serveTestSite(out);
    page = await (await browser.createBrowserContext()).newPage();
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
  });

  afterEach(async () => {
    await page.browserContext().close();
    await server.stop();
  });

  /** Saved for offline, at 1.25×, playing, and a new version deployed and found while it plays. */
  async function updateFoundWhilePlaying(): Promise<void> {
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    await page.$eval('story-player', (player) => ((player as HTMLElement & { playbackRate: number }).playbackRate = 1.25));
    await pressPlay(page);
    await waitForAdvance(page, 0, 1);
    await recordAnnouncements(page);
    // Deploy a new version: a changed stylesheet, and the worker rebuilt with its new revision.
    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    await buildServiceWorker(out, [story.timing]);
    await checkForUpdateAndWait(page);
  }

  const heard = (text: string) => announcements(page).then((log) => log.filter((entry) => entry.text === text).length);
  const UPDATE_AVAILABLE = 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.';

  it('lets a new version wait while the story plays: the old one serves the page, the story never stops, nothing is said', async () => {
    await updateFoundWhilePlaying();
    const found = await currentTime(page);
    assert.deepEqual(await workers(page), { controller: `${server.url}service-worker.js`, active: 'activated', waiting: 'installed' });
    assert.match((await offlineView(page)).text, /A new version of this story is ready\. Updating pauses the story; it continues from the same place\. Update now/);
    await waitForAdvance(page, found, 1.5);
    assert.equal(await isPlaying(page), true, 'still playing after the update arrived');
    assert.equal(await heard(UPDATE_AVAILABLE), 0, '"Update available" is not announced while the story plays');
    assert.doesNotMatch(await pageCss(page), /version 2/, 'the old version still serves this page');
  });

  it('announces the update at the next pause, after "Paused.", and only once', async () => {
    await updateFoundWhilePlaying();
    await pressPlay(page);
    await waitForPlayerStatus(page, UPDATE_AVAILABLE, 10000);
    assert.deepEqual((await announcements(page)).map((entry) => entry.text).slice(-2), ['Paused.', UPDATE_AVAILABLE]);

    // Played and paused again: the moment it would be said again is right after this "Paused.".
    await pressPlay(page);
    await waitForAdvance(page, await currentTime(page), 0.5);
    const pausesBefore = await heard('Paused.');
    await pressPlay(page);
    await page.waitForFunction((n: number) => (window as unknown as { __announcements: { text: string }[] }).__announcements.filter((e) => e.text === 'Paused.').length > n, { timeout: 10000, polling: 50 }, pausesBefore);
    const watchUntil = performance.now() + 1500;
    while (performance.now() < watchUntil) {
      assert.equal(await heard(UPDATE_AVAILABLE), 1, 'announced once only');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal((await workers(page)).waiting, 'installed', 'the new version is still waiting');
  });

  it('accepting pauses the story, swaps, reloads and continues from the same place, preferences and offline copy kept', async () => {
    await updateFoundWhilePlaying();
    const playing = await waitForAdvance(page, await currentTime(page), 0.3);
    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    const pausedAt = await page.evaluate(() => {
      const saved = localStorage.getItem(`story-player:${document.querySelector('story-player')?.getAttribute('story-id') ?? ''}`);
      return saved ? (JSON.parse(saved) as { position: number }).position : NaN;
    });
    assert.ok(pausedAt >= playing, `the position was kept (${pausedAt} s, playing at ${playing} s before)`);

    await waitForPlayerStatus(page, 'Updated to the latest version of this story.');
    assert.match(await pageCss(page), /version 2/, 'the new version serves the page');
    assert.deepEqual(await workers(page), { controller: `${server.url}service-worker.js`, active: 'activated', waiting: null });
    assert.equal(await currentTime(page), pausedAt, 'the player is where the listener was');
    assert.equal(await page.$eval('story-player', (player) => (player as HTMLElement & { playbackRate: number }).playbackRate), 1.25, 'preferences kept');
    assert.equal((await waitForOffline(page, ['saved'])).state, 'saved', 'the offline copy is still whole');
  });

  it('goes on from the same place after the update with "Resume"', async () => {
    await updateFoundWhilePlaying();
    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    await waitForPlayerStatus(page, 'Updated to the latest version of this story.');
    const pausedAt = await currentTime(page);
    await page.locator('story-player >>> .resume-button').click();
    const resumed = await waitForAdvance(page, pausedAt, 0.5);
    assert.ok(resumed < pausedAt + 5, `resumed from ${pausedAt} s (now ${resumed} s)`);
  });

  it('says why when the story does not pause for an update, and swaps nothing', async () => {
    await updateFoundWhilePlaying();
    // A page script that keeps the player from hearing the pause request.
    await page.$eval('story-offline', (element) => element.addEventListener('story-pause-request', (event) => event.stopPropagation()));
    await pressInOffline(page, 'button.update-button');
    const words = 'Not updated: the story did not pause, and an update never interrupts it. Pause the story, then choose Update now.';
    await page.waitForFunction((text: string) => document.querySelector('story-offline')?.shadowRoot?.textContent?.includes(text), { timeout: 10000 }, words);
    await waitForPlayerStatus(page, words);
    assert.equal(await isPlaying(page), true, 'still playing');
    assert.equal((await workers(page)).waiting, 'installed', 'nothing swapped');
    assert.match((await offlineView(page)).text, /Update now$/, 'the control is ready again, not stuck on "Updating…"');
  });
});

describe('updates that change the episode audio', () => {
  let out: string;
  let story: TestStory;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A different, valid WebM file standing in for a re-narrated episode. */
  const NEW_AUDIO = join(ROOT, 'tests/fixtures/mini-story/audio/episode.webm');

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  // Each test deploys over its own site.
  beforeEach(async () => {
    story = await testStory();
    out = await buildTestSite(story);
    server = await serveTestSite(out);
    page = await (await browser.createBrowserContext()).newPage();
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
  });

  afterEach(async () => {
    await page.browserContext().close();
    await server.stop();
  });

  it('refuses to save a file that changed on the server since the page loaded, and offers the update', async () => {
    await copyFile(NEW_AUDIO, join(out, STORY_PATH, 'audio/episode.webm'));
    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    assert.equal(failed.errorMessage, 'Saving failed: the story’s audio has changed on the server since this page was loaded. Nothing was saved for offline. Reload the page, then save again.');
    assert.deepEqual(await savedAudio(page), [], 'nothing saved under the old revision');

    await buildServiceWorker(out, [story.timing]);
    // The element looked for a new version when it found the change; look again now that it is deployed.
    await checkForUpdateAndWait(page);
  });

  it('keeps the story saved: the new version downloads the new audio before it is offered', async () => {
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    const [old] = await savedAudio(page);
    assert.ok(old);

    await copyFile(NEW_AUDIO, join(out, STORY_PATH, 'audio/episode.webm'));
    const { size } = await stat(NEW_AUDIO);
    await buildServiceWorker(out, [story.timing]);
    await checkForUpdateAndWait(page);
    // While the new version waits, both copies are there: the old one still plays for this page.
    const waiting = await savedAudio(page);
    assert.equal(waiting.length, 2);
    assert.ok(waiting.some((file) => file.revision === old.revision && file.bytes === old.bytes));
    assert.ok(waiting.some((file) => file.revision !== old.revision && file.bytes === size));

    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    await waitForOffline(page, ['saved']);
    const after = await savedAudio(page);
    assert.deepEqual(after.map((file) => [file.path, file.bytes]), [[`${STORY_PATH}audio/episode.webm`, size]], 'only the new revision is kept');

    // And it plays offline.
    await setNetwork(page, false, server);
    await page.reload({ waitUntil: 'load' });
    await pressPlay(page);
    await waitForAdvance(page, 0, 0.5);
    await setNetwork(page, true, server);
  });
});
