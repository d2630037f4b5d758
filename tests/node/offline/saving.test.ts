/**
 * "Save for offline", each promise on a page of its own (its own browser context: its own service
 * worker, caches and storage): Cancel while saving, saving while offline, and asking the browser
 * to keep the copy (persistent storage). The words are the listener's, written out here.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, STORY_PATH, storyPage } from './support/test-site.js';
import { focusedInOffline, playerStatus, pressInOffline, savedAudio, setNetwork, waitForOffline, waitForPlayerStatus } from './support/offline-page.js';

const AUDIO = `${STORY_PATH}audio/episode.webm`;
const audioRequests = (server: TestServer) => server.faults.seen.filter((line) => line.startsWith(`GET ${AUDIO}`));

describe('saving for offline', () => {
  let story: TestStory;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    story = await testStory();
    server = await serveTestSite(await buildTestSite(story));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    server.faults.clear();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // Counts every request for persistent storage, whoever makes it.
    await page.evaluateOnNewDocument(() => {
      const storage = navigator.storage as StorageManager | undefined;
      const persist = storage?.persist?.bind(storage);
      const calls = { persist: 0 };
      (window as unknown as { __storageCalls: typeof calls }).__storageCalls = calls;
      if (storage && persist) {
        storage.persist = () => {
          calls.persist++;
          return persist();
        };
      }
    });
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
  });

  afterEach(async () => {
    await context?.close();
  });

  it('Cancel while saving: stops the download, says nothing was saved, keeps nothing, and offers Save again', async () => {
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    // About 20 s for the whole file: time enough to press Cancel midway.
    server.faults.throttle.set(AUDIO, Math.ceil(audio.bytes / 20));
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saving']);
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { loaded: number }).loaded > 0, { polling: 50, timeout: 15000 });
    assert.match((await focusedInOffline(page)) ?? '', /\bcancel\b/, 'focus moved to Cancel when saving began');

    await pressInOffline(page, 'button.cancel');
    const cancelled = await waitForOffline(page, ['available'], 10000);
    assert.ok(cancelled.text.includes('Saving cancelled. Nothing was saved for offline.'), cancelled.text);
    assert.ok(cancelled.text.includes('Save for offline'), cancelled.text);
    await waitForPlayerStatus(page, 'Saving cancelled. Nothing was saved for offline.', 10000);
    assert.match((await focusedInOffline(page)) ?? '', /\bsave\b/, 'focus back on Save for offline');
    assert.deepEqual(await savedAudio(page), [], 'no part of the audio kept');
  });

  it('saves the whole story after a cancelled save', async () => {
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    server.faults.throttle.set(AUDIO, Math.ceil(audio.bytes / 20));
    await pressInOffline(page, 'button.save');
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { loaded: number }).loaded > 0, { polling: 50, timeout: 15000 });
    await page.$eval('story-offline', (element) => (element as HTMLElement & { cancel(): void }).cancel());
    await waitForOffline(page, ['available'], 10000);

    server.faults.clear();
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
    assert.deepEqual(await savedAudio(page).then((files) => files.map((file) => [file.path, file.bytes])), [[AUDIO, audio.bytes]]);
  });

  it('offline: says so before saving, and Save says it cannot save now, downloads nothing and claims nothing', async () => {
    await setNetwork(page, false, server);
    await page.waitForFunction(() => !navigator.onLine, { polling: 50, timeout: 5000 });
    const offer = await waitForOffline(page, ['available']);
    assert.ok(
      offer.text.includes('You are offline. The text and pictures are here, but the story’s audio is not saved on this device.'),
      offer.text,
    );
    const asked = audioRequests(server).length;

    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    const words = 'You are offline, so the story cannot be saved now. Nothing was saved. Connect to the internet and try again.';
    assert.equal(failed.errorMessage, words);
    assert.ok(failed.text.includes(`${words} Try again`), failed.text);
    assert.equal(await playerStatus(page), words);
    assert.equal(audioRequests(server).length, asked, 'nothing asked of the network');
    assert.deepEqual(await savedAudio(page), []);

    // Back online, "Try again" saves it.
    await setNetwork(page, true, server);
    await pressInOffline(page, 'button.retry');
    await waitForOffline(page, ['saved']);
  });

  it('asks the browser to keep the copy (persistent storage) when saving, and says what it answered', async () => {
    const calls = () => page.evaluate(() => (window as unknown as { __storageCalls: { persist: number } }).__storageCalls.persist);
    assert.equal(await calls(), 0, 'not asked before the listener saves');
    await pressInOffline(page, 'button.save');
    const saved = await waitForOffline(page, ['saved']);
    assert.equal(await calls(), 1, 'asked once');
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const answer = persisted ? 'The browser keeps it until you remove it.' : 'The browser may remove it if the device runs low on space.';
    assert.ok(saved.text.includes(answer), saved.text);
    assert.match(saved.text, /This site uses [\d.]+ (kB|MB|GB) of the [\d.]+ (kB|MB|GB) the browser allows it\./);
  });

  for (const [granted, words] of [
    [true, 'The browser keeps it until you remove it.'],
    [false, 'The browser may remove it if the device runs low on space.'],
  ] as const) {
    it(`says "${words}" when the browser ${granted ? 'grants' : 'refuses'} persistent storage, and saves either way`, async () => {
      await page.evaluate((answer: boolean) => {
        navigator.storage.persist = () => Promise.resolve(answer);
        navigator.storage.persisted = () => Promise.resolve(answer);
      }, granted);
      await pressInOffline(page, 'button.save');
      const saved = await waitForOffline(page, ['saved']);
      assert.ok(saved.text.includes(words), saved.text);
    });
  }
});
