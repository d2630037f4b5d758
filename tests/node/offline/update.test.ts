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
  let out: string;
  let story: TestStory;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    story = await testStory();
    out = await buildTestSite(story);
    server = await serveTestSite(out);
    browser = await launchChromium();
    page = await (await browser.createBrowserContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a new version wait while the story plays, then restores the position when accepted', async () => {
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    await page.$eval('story-player', (player) => ((player as HTMLElement & { playbackRate: number }).playbackRate = 1.25));
    await pressPlay(page);
    await waitForAdvance(page, 0, 1);

    // Deploy a new version: a changed stylesheet, and the worker rebuilt with its new revision.
    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    await buildServiceWorker(out, [story.timing]);
    const beforeUpdate = await currentTime(page);
    await recordAnnouncements(page);
    await checkForUpdateAndWait(page);

    // The new worker waits; the old one still serves the page, and the story never stopped.
    assert.deepEqual(await workers(page), { controller: `${server.url}service-worker.js`, active: 'activated', waiting: 'installed' });
    const view = await offlineView(page);
    assert.match(view.text, /A new version of this story is ready\. Updating pauses the story; it continues from the same place\. Update now/);
    const during = await waitForAdvance(page, beforeUpdate, 1.5);
    assert.equal(await isPlaying(page), true, 'still playing after the update arrived');
    const heard = (text: string) => announcements(page).then((log) => log.filter((entry) => entry.text === text).length);
    assert.equal(await heard('A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.'), 0, '"Update available" is not announced while the story plays');

    // Paused by the listener: now it is announced, once, after the player's "Paused.".
    await pressPlay(page);
    await waitForPlayerStatus(page, 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.', 10000);
    const log = (await announcements(page)).map((entry) => entry.text);
    assert.deepEqual(log.slice(-2), ['Paused.', 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.']);
    await pressPlay(page);
    await waitForAdvance(page, await currentTime(page), 0.5);
    await pressPlay(page);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await heard('A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.'), 1, 'announced once only');
    await pressPlay(page);
    const playingAgain = await waitForAdvance(page, await currentTime(page), 0.3);
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
    assert.ok(pausedAt >= playingAgain && pausedAt >= during, `the position was kept (${pausedAt} s, playing at ${playingAgain} s before)`);

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

  it('says why when the story does not pause for an update, and swaps nothing', async () => {
    assert.equal(await isPlaying(page), true);
    await appendFile(join(out, 'page.css'), '\n/* version 3 */\n');
    await buildServiceWorker(out, [story.timing]);
    await checkForUpdateAndWait(page);
    // A page script that keeps the player from hearing the pause request.
    await page.$eval('story-offline', (element) => element.addEventListener('story-pause-request', (event) => event.stopPropagation()));
    await pressInOffline(page, 'button.update-button');
    await page.waitForFunction((words: string) => document.querySelector('story-offline')?.shadowRoot?.textContent?.includes(words), { timeout: 10000 }, 'Not updated: the story did not pause, and an update never interrupts it. Pause the story, then choose Update now.');
    await waitForPlayerStatus(page, 'Not updated: the story did not pause, and an update never interrupts it. Pause the story, then choose Update now.');
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
