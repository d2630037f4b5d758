/**
 * Updates with the story open in two tabs of one browser: the promise "never swap under a playing
 * listener" holds across tabs. The tab that accepts an update while the story plays in the other one
 * is told so in words and nothing is swapped; once the other tab is paused, accepting swaps both, and
 * the other tab reloads into the new version at the place where it was paused.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { buildServiceWorker } from '../../../scripts/build/service-worker.js';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, storyPage } from './support/test-site.js';
import {
  checkForUpdateAndWait,
  currentTime,
  isPlaying,
  offlineView,
  pressInOffline,
  pressPlay,
  savedAudio,
  waitForAdvance,
  waitForOffline,
  waitForPlayerStatus,
} from './support/offline-page.js';

const registration = (page: Page) =>
  page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { controller: navigator.serviceWorker.controller?.state ?? null, waiting: found?.waiting?.state ?? null };
  });

const pageCss = (page: Page) => page.evaluate(() => fetch('/page.css').then((response) => response.text()));

describe('updates with the story open in two tabs', () => {
  let out: string;
  let story: TestStory;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let listening: Page;
  let other: Page;

  before(async () => {
    story = await testStory();
    out = await buildTestSite(story);
    server = await serveTestSite(out);
    browser = await launchChromium();
    context = await browser.createBrowserContext();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses to update from one tab while the other plays, then updates both once it is paused', async () => {
    listening = await context.newPage();
    await listening.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(listening, ['available']);
    await pressInOffline(listening, 'button.save');
    await waitForOffline(listening, ['saved']);
    other = await context.newPage();
    await other.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(other, ['saved']);

    await listening.bringToFront();
    await pressPlay(listening);
    await waitForAdvance(listening, 0, 1);

    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    await buildServiceWorker(out, [story.timing]);
    await checkForUpdateAndWait(other);
    await listening.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable);

    // "Update now" in the other tab: refused, in words, and the listener hears on.
    await other.bringToFront();
    const before = await currentTime(listening);
    await pressInOffline(other, 'button.update-button');
    await waitForPlayerStatus(other, 'Not updated: the story is playing in another tab or window. Pause it there, then choose Update now.', 10000);
    const refused = await offlineView(other);
    assert.ok(refused.text.includes('Not updated: the story is playing in another tab or window. Pause it there, then choose Update now.'), refused.text);
    assert.match(refused.text, /Update now$/, 'the control is ready again, not stuck on "Updating…"');
    assert.equal((await registration(other)).waiting, 'installed', 'the new version still waits');
    await waitForAdvance(listening, before, 1);
    assert.equal(await isPlaying(listening), true, 'the story in the first tab plays on');
    assert.doesNotMatch(await pageCss(listening), /version 2/, 'the first tab is still served by its own version');
    assert.deepEqual((await savedAudio(listening)).length, 1, 'its audio is still saved');

    // Paused in the first tab: the other tab's "Update now" swaps, and the first tab follows.
    await listening.bringToFront();
    await pressPlay(listening);
    await listening.waitForFunction(() => (document.querySelector('story-player') as HTMLElement & { paused: boolean }).paused);
    const pausedAt = await currentTime(listening);
    await other.bringToFront();
    const otherReload = other.waitForNavigation({ waitUntil: 'load' });
    const listeningReload = listening.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(other, 'button.update-button');
    await Promise.all([otherReload, listeningReload]);

    for (const page of [other, listening]) {
      await waitForPlayerStatus(page, 'Updated to the latest version of this story.');
      assert.match(await pageCss(page), /version 2/, 'the new version serves each tab');
      assert.deepEqual(await registration(page), { controller: 'activated', waiting: null });
      const view = await waitForOffline(page, ['saved']);
      assert.equal(view.updateAvailable, false, 'no update control is left behind');
    }
    const resumedAt = await currentTime(listening);
    assert.ok(Math.abs(resumedAt - pausedAt) < 0.01, `the first tab is where it was paused (${pausedAt} s), not at ${resumedAt} s`);
  });
});
