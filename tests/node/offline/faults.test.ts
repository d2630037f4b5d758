/**
 * Faults, each with the exact words the listener gets, and nothing lost or falsely claimed: the page
 * opened offline before saving, a file failing while saving, the connection cut during the download,
 * the storage quota exceeded, and the network dropping while unsaved audio streams.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, STORY_PATH, storyPage } from './support/test-site.js';
import {
  announcements,
  currentTime,
  offlineView,
  picturesShown,
  pressInOffline,
  pressPlay,
  recordAnnouncements,
  savedAudio as savedAudioFiles,
  setNetwork,
  waitForAdvance,
  waitForOffline,
  waitForPlayerStatus,
} from './support/offline-page.js';

const AUDIO = `${STORY_PATH}audio/episode.webm`;

const savedAudio = async (page: Page) => (await savedAudioFiles(page)).map((file) => file.path);
/** A precached file the page itself never asks for on load. */
const PRECACHED = `${STORY_PATH}captions/chapters.json`;

describe('offline faults, in words', () => {
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
    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
  });

  afterEach(async () => {
    await context?.close();
  });

  it('opened offline before saving: the story reads, the photos show, and Play says why it cannot play', async () => {
    await setNetwork(page, false, server);
    const seen = server.faults.seen.length;
    await page.reload({ waitUntil: 'load' });

    assert.equal(await page.$eval('h1', (h1) => h1.textContent?.trim().length ?? 0) > 0, true);
    const narration = await page.$$eval('.narration .sentence', (sentences) => sentences.length);
    assert.ok(narration > 0, 'the narration is on the page');
    assert.deepEqual(await picturesShown(page), story.timing.scenes.map(() => true), 'the photos were precached on the first visit');
    const view = await waitForOffline(page, ['available']);
    assert.ok(view.text.includes('You are offline. The text and pictures are here, but the story’s audio is not saved on this device.'), view.text);

    await pressPlay(page);
    await waitForPlayerStatus(page, 'You are offline and the story’s audio is not saved on this device. The text of the story is all on this page.');
    const attempts = server.faults.seen.slice(seen);
    assert.ok(attempts.every((line) => line.endsWith('(refused: network down)')), `nothing was answered by the network: ${attempts.join(', ')}`);
    assert.equal((await offlineView(page)).state, 'available', 'nothing is claimed as saved');
  });

  it('a file failing while saving: reported, nothing claimed, and "Try again" saves it', async () => {
    server.faults.status.set(AUDIO, 500);
    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    const words = 'Saving failed: the server did not send the story’s audio (it answered 500). Nothing was saved for offline. Try again.';
    assert.equal(failed.errorMessage, words);
    assert.ok(failed.text.startsWith(`${words} Try again`), failed.text);
    await waitForPlayerStatus(page, words);
    assert.deepEqual(await savedAudio(page), [], 'nothing half saved');

    server.faults.clear();
    await pressInOffline(page, 'button.retry');
    await waitForOffline(page, ['saved']);
    assert.deepEqual(await savedAudio(page), [AUDIO]);
  });

  it('a precached file missing at save: downloaded again, and if that fails "Try again" succeeds, the audio kept', async () => {
    // The browser evicted one precached file, and the server fails it for now.
    const removed = await page.evaluate(async (path: string) => {
      for (const name of await caches.keys()) {
        if (!name.includes('precache')) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) if (new URL(request.url).pathname === path) return cache.delete(request);
      }
      return false;
    }, PRECACHED);
    assert.equal(removed, true, `${PRECACHED} was precached`);
    server.faults.status.set(PRECACHED, 503);
    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    assert.equal(failed.errorMessage, 'Saving failed: 1 file is missing from the offline copy. Nothing is claimed as saved. Try again.');
    assert.deepEqual(await savedAudio(page), [AUDIO], 'the whole audio copy is kept');

    server.faults.clear();
    const audioGets = () => server.faults.seen.filter((line) => line.startsWith(`GET ${AUDIO}`) && !line.includes('bytes=')).length;
    const downloads = audioGets();
    await pressInOffline(page, 'button.retry');
    await waitForOffline(page, ['saved']);
    assert.equal(audioGets(), downloads, 'the audio is not downloaded again');
    assert.deepEqual(await savedAudio(page), [AUDIO]);
  });

  it('announces a slow save at its start, at a few milestones at least 2 s apart, and when saved', async () => {
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    // About 7 s for the whole file.
    server.faults.throttle.set(AUDIO, Math.ceil(audio.bytes / 7));
    await recordAnnouncements(page);
    await pressInOffline(page, 'button.save');
    const saving = await waitForOffline(page, ['saving']);
    assert.equal(saving.total, audio.bytes);
    await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { loaded: number }).loaded > 0, { polling: 50 });
    const midway = await offlineView(page);
    assert.match(midway.text, /^Saving for offline… [\d.]+ (kB|MB) of [\d.]+ (kB|MB) \(\d+%\) Cancel$/);
    const tree = await page.accessibility.snapshot({ interestingOnly: true });
    const named = (node: typeof tree, role: string, name: string): boolean =>
      !!node && ((node.role === role && node.name === name) || (node.children ?? []).some((child) => named(child, role, name)));
    assert.ok(named(tree, 'progressbar', 'Saving for offline…'), 'a progress bar named "Saving for offline…"');
    assert.ok(named(tree, 'button', 'Cancel'), 'a Cancel button');
    await waitForOffline(page, ['saved'], 30000);
    await waitForPlayerStatus(page, 'Saved for offline listening.');

    const log = await announcements(page);
    const texts = log.map((entry) => entry.text);
    const start = /^Saving the story for offline listening, ([\d.]+) (kB|MB)\.$/.exec(texts[0] ?? '');
    assert.ok(start, `first heard: ${texts[0]}`);
    assert.ok(Math.abs(Number(start[1]) * (start[2] === 'MB' ? 1e6 : 1e3) - audio.bytes) <= audio.bytes * 0.05, `the size said is the audio's (${audio.bytes} bytes)`);
    assert.equal(texts.at(-1), 'Saved for offline listening.');
    const milestones = log.slice(1, -1);
    assert.ok(milestones.length >= 2 && milestones.length <= 3, `a few milestones, not every tick: ${texts.join(' | ')}`);
    for (const entry of milestones) assert.match(entry.text, /^Saving for offline: (25|50|75)%\.$/);
    for (let i = 1; i < log.length - 1; i++) {
      assert.ok(log[i]!.at - log[i - 1]!.at >= 1900, `announcements at least 2 s apart: ${texts.join(' | ')}`);
    }
  });

  it('the connection cut during the download: reported, and nothing half saved', async () => {
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    server.faults.cutAfter.set(AUDIO, Math.floor(audio.bytes / 2));
    await pressInOffline(page, 'button.save');
    const failed = await waitForOffline(page, ['error']);
    assert.equal(failed.errorMessage, 'Saving failed: the connection was lost while downloading the story’s audio. Nothing was saved for offline. Try again when you are online.');
    assert.deepEqual(await savedAudio(page), [], 'the half file is not kept');
    assert.ok(failed.text.includes('Try again'));
  });

  it('storage quota exceeded: says how much is needed and free, and saves nothing', async () => {
    const cdp = await page.createCDPSession();
    const origin = new URL(server.url).origin;
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    // Room for less than half the audio: the cache write itself fails with QuotaExceededError.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (usage ?? 0) + Math.floor(audio.bytes / 2) });
    try {
      await page.reload({ waitUntil: 'load' });
      const offer = await waitForOffline(page, ['available']);
      await pressInOffline(page, 'button.save');
      const failed = await waitForOffline(page, ['error']);
      assert.equal(failed.state, 'error');
      // The free space is named only when the browser's estimate shows the shortage (this override does not reach estimate()).
      const words = /^Saving failed: there is not enough storage space on this device for the story’s audio \(it needs ([\d.]+) (MB|kB)(; [\d.]+ (MB|kB) is free for this site)?\)\. Nothing was saved for offline\. Free some space and try again\.$/.exec(
        failed.errorMessage,
      );
      assert.ok(words, failed.errorMessage);
      const needed = Number(words[1]) * (words[2] === 'MB' ? 1e6 : 1e3);
      assert.ok(Math.abs(needed - offer.bytesToSave) <= offer.bytesToSave * 0.05, `it needs the audio's size (${offer.bytesToSave} bytes): ${failed.errorMessage}`);
      assert.deepEqual(await savedAudio(page), [], 'nothing half saved');
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    await pressInOffline(page, 'button.retry');
    await waitForOffline(page, ['saved']);
  });

  it('the network dropping while unsaved audio streams: says so, keeps the place, and plays on when back', async () => {
    const audio = story.timing.files.find((file) => file.src.endsWith('.webm'))!;
    // About three times real time, so that little is buffered when the network goes.
    server.faults.throttle.set(AUDIO, Math.ceil((audio.bytes / audio.duration) * 3));
    await pressPlay(page);
    await waitForAdvance(page, 0, 1.5);

    await setNetwork(page, false, server);
    server.faults.cutAll();
    await waitForPlayerStatus(page, 'You are offline. The story’s audio is not saved on this device, so it stops when what has loaded runs out; your place is kept.', 5000);
    await waitForPlayerStatus(page, 'You are offline and the story’s audio is not saved on this device. The text of the story is all on this page.', 60000);
    const stoppedAt = await currentTime(page);
    assert.ok(stoppedAt > 1, `the place is kept (${stoppedAt} s)`);
    assert.ok((await offlineView(page)).text.includes('You are offline. The text and pictures are here, but the story’s audio is not saved on this device.'));

    server.faults.clear();
    await setNetwork(page, true, server);
    await pressPlay(page);
    const resumed = await waitForAdvance(page, stoppedAt, 0.5);
    assert.ok(resumed < stoppedAt + 5, `plays on from ${stoppedAt} s (now ${resumed} s)`);
  });
});

describe('the first visit, when a file of the site cannot be downloaded', () => {
  let site: string;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    site = await buildTestSite(await testStory());
    server = await serveTestSite(site);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says at once, in words, that offline listening is not ready and what to do', async () => {
    server.faults.status.set(PRECACHED, 500);
    // Slowly: long enough to see the control while it is still preparing, even on a loaded machine
    // where the page's on-demand <story-offline> takes seconds to arrive (2 s was not always enough).
    server.faults.delay.set(PRECACHED, 5000);
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(storyPage(server), { waitUntil: 'load' });
      // The page loads <story-offline> once it is idle: on a loaded machine it may arrive after the
      // file has failed, and then it shows the failure at once (the worker's link tells it what
      // already happened). Whichever comes first, Save is never offered as if it could work.
      const began = performance.now();
      const first = await page.waitForFunction(
        () => {
          const offline = document.querySelector('story-offline') as (Element & { state?: string }) | null;
          if (offline?.shadowRoot?.querySelector('button.save')) return 'save';
          return offline?.state === 'error' ? 'error' : null;
        },
        { timeout: 30000, polling: 50 },
      );
      if ((await first.jsonValue()) === 'save') {
        const save = await page.$('story-offline >>> button.save');
        assert.equal(await save?.evaluate((button) => button.getAttribute('aria-disabled')), 'true', 'Save is disabled while preparing');
      }
      const failed = await waitForOffline(page, ['error'], 15000);
      assert.ok(performance.now() - began < 15000, 'told as soon as the file fails (5 s), not after a long wait');
      const told = `Offline listening is not ready: a file of this site could not be downloaded (${PRECACHED.split('/').pop()}: the server answered 500 Internal Server Error), so nothing can be saved for offline listening. The story still plays online. Reload the page later to try again.`;
      assert.equal(failed.errorMessage, told);
      assert.equal(failed.text, told);
      await waitForPlayerStatus(page, told);
    } finally {
      await context.close();
    }
  });

  it('the audio engine’s file failing: Play says so in words, and plays once the file comes', async () => {
    // howler is imported when the page is idle, or at the first Play: a server that fails it then.
    const engine = (await readdir(site)).find((file) => /^howler-engine-\w+\.js$/.test(file));
    assert.ok(engine, 'the audio engine is a chunk of its own');
    server.faults.clear();
    server.faults.status.set(`/${engine}`, 503);
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(storyPage(server), { waitUntil: 'load' });
      await pressPlay(page);
      const told = 'The story’s audio stopped loading because of a network problem. Check the connection and press Play again.';
      await page.waitForFunction(
        (expected: string) => document.querySelector('story-player')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(expected),
        { timeout: 20000, polling: 50 },
        told,
      );
      assert.equal(await page.$eval('story-player', (player) => (player as HTMLElement & { paused: boolean }).paused), true, 'Play is shown again');

      server.faults.clear();
      await pressPlay(page);
      await waitForAdvance(page, 0, 0.5);
    } finally {
      server.faults.clear();
      await context.close();
    }
  });

  it('names the picture whose file was not found, and does not blame the connection', async () => {
    // The widest WebP of the second picture: precached, and not one the page shows at this size.
    const markup = await (await fetch(storyPage(server))).text();
    const scene = markup.slice(markup.indexOf('id="scene-2"'));
    const widest = /srcset="([^"]*\.webp[^"]*)"/.exec(scene)?.[1]?.split(',').at(-1)?.trim().split(/\s+/)[0];
    assert.ok(widest, 'the second picture has WebP widths');
    const file = widest.split('/').pop()!;
    server.faults.clear();
    server.faults.status.set(`${STORY_PATH}${widest}`, 404);
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(storyPage(server), { waitUntil: 'load' });
      const failed = await waitForOffline(page, ['error'], 15000);
      const told = `Offline listening is not ready: picture 2 could not be downloaded (${file}: the server answered 404 Not Found), so nothing can be saved for offline listening. The story still plays online. Reload the page later to try again.`;
      assert.equal(failed.errorMessage, told);
      await waitForPlayerStatus(page, told);
      assert.ok(!failed.text.includes('connection'), `not the connection: ${failed.text}`);
    } finally {
      server.faults.clear();
      await context.close();
    }
  });
});
