/**
 * The offline contract, end to end in Debian's Chromium against the built site: load online → "Save
 * for offline" → network off (page and service worker offline, and the server stopped) → reload →
 * the page, photos and captions render → Play → the audio advances → seek to 80 % → playback goes on
 * from there with the right caption.
 *
 * Also measures what the closing note reports: bytes cached for the whole story, how long saving
 * took, and the time from reload to first sound offline (printed as test diagnostics).
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { CueIndex, parseWebVTT, type WebVTTCue } from '../../../src/captions/index.js';
import { bytesText } from '../../../src/i18n/formats.js';
import { launchChromium } from '../support/browser.js';
import { buildTestSite, serveTestSite, testStory, type TestServer, type TestStory, STORY_PATH, storyPage } from './support/test-site.js';
import {
  cachedFiles,
  focusedInOffline,
  pressInOffline,
  currentTime,
  picturesShown,
  pressPlay,
  setNetwork,
  waitForAdvance,
  waitForOffline,
  waitForPlayerStatus,
} from './support/offline-page.js';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('offline listening: saved, the whole story works with the network off', () => {
  let story: TestStory;
  let out: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let captions: CueIndex<WebVTTCue>;

  before(async () => {
    story = await testStory();
    out = await buildTestSite(story);
    captions = new CueIndex(parseWebVTT(await readFile(join(out, STORY_PATH, 'captions/captions.vtt'), 'utf8')).cues);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  // Each test on a page of its own (its own worker, caches and storage) and a server of its own,
  // which the last one stops.
  beforeEach(async () => {
    server = await serveTestSite(out);
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(storyPage(server), { waitUntil: 'load' });
  });

  afterEach(async () => {
    await context?.close();
    await server?.stop().catch(() => undefined);
  });

  /** Saves the story for offline, as the listener does. */
  async function saveStory(): Promise<void> {
    await waitForOffline(page, ['available']);
    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
  }

  it('shows the size before saving, then reports the story saved only with every file in the cache', async (t) => {
    const offer = await waitForOffline(page, ['available']);
    const audio = story.timing.files.find((file) => file.type.startsWith('audio/webm'))!;
    assert.equal(offer.bytesToSave, audio.bytes, 'offers to download the WebM episode Chromium plays');
    // One size for the decision (the audio), not three: nothing else in the control is a size but the site's storage.
    assert.match(offer.text, new RegExp(`Save for offline ${bytesText(audio.bytes).replace('.', '\\.')} to download\\. The page, captions and pictures are already on this device\\.`));
    assert.match(offer.text, /This site uses .+ of the .+ the browser allows it\./);

    const began = performance.now();
    await pressInOffline(page, 'button.save');
    const saved = await waitForOffline(page, ['saved']);
    const savingMs = performance.now() - began;
    assert.match(saved.text, /Saved for offline: the whole story is on this device, audio included\. Remove offline copy/);
    await waitForPlayerStatus(page, 'Saved for offline listening.');
    assert.equal(await focusedInOffline(page), 'remove', 'focus moves from the pressed button to "Remove offline copy"');

    // What is in the caches: the precache and the audio, whole.
    // (Leaving out the worker's few bytes about which tab plays: not part of the story.)
    const files = (await cachedFiles(page)).filter((file) => !file.cache.startsWith('story-offline-clients-'));
    const savedAudio = files.filter((file) => file.cache.startsWith('story-offline-audio-'));
    assert.deepEqual(savedAudio.map((file) => [new URL(file.url).pathname, file.bytes]), [[`${STORY_PATH}audio/episode.webm`, audio.bytes]]);
    for (const path of ['/index.html', '/icon.svg', '/app.js', '/page.css', ...['index.html', 'captions/captions.vtt', 'captions/descriptions.vtt', 'captions/chapters.vtt'].map((file) => `${STORY_PATH}${file}`)]) {
      assert.ok(files.some((file) => new URL(file.url).pathname === path && file.bytes > 0), `${path} is precached`);
    }
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    assert.equal(total, saved.storyBytes, 'the size shown is the size cached');
    t.diagnostic(`story "${story.kind}": ${files.length} files, ${total} bytes cached (${kB(total)}); audio ${audio.bytes} bytes`);
    t.diagnostic(`saving took ${savingMs.toFixed(0)} ms (click to "saved", audio downloaded from localhost)`);
  });

  it('answers Range requests for the saved audio by RFC 9110: 206 clamped to the file, 416 with its size, 200 for what it ignores', async (t) => {
    await saveStory();
    const audio = story.timing.files.find((file) => file.type.startsWith('audio/webm'))!;
    const size = audio.bytes;
    const whole = { status: 200, range: null, length: size };
    const refused = { status: 416, range: `bytes */${size}`, length: 0 };
    const part = (first: number, last: number) => ({ status: 206, range: `bytes ${first}-${last}/${size}`, length: last - first + 1 });
    const expected: Record<string, { status: number; range: string | null; length: number }> = {
      'bytes=100-199': part(100, 199),
      [`bytes=${size - 10}-`]: part(size - 10, size - 1),
      'bytes=0-': part(0, size - 1),
      [`bytes=0-${size - 1}`]: part(0, size - 1),
      [`bytes=0-${size}`]: part(0, size - 1),
      [`bytes=${size - 5}-${size + 5000}`]: part(size - 5, size - 1),
      'bytes=-100': part(size - 100, size - 1),
      [`bytes=-${size + 500}`]: part(0, size - 1),
      'bytes=100-50': refused,
      'bytes=-0': refused,
      [`bytes=${size}-`]: refused,
      'bytes=99999999-': refused,
      'bytes=abc': whole,
      'bytes=5-abc': whole,
      'items=0-9': whole,
      'bytes=0-1,5-9': whole,
    };
    const answers = await page.evaluate(
      (ranges: string[]) =>
        Promise.all(
          ranges.map(async (range) => {
            const response = await fetch('audio/episode.webm', { headers: { Range: range } });
            return {
              status: response.status,
              range: response.headers.get('content-range'),
              accept: response.headers.get('accept-ranges'),
              contentLength: response.headers.get('content-length'),
              length: (await response.arrayBuffer()).byteLength,
            };
          }),
        ),
      Object.keys(expected),
    );
    const got = Object.fromEntries(Object.keys(expected).map((range, i) => [range, answers[i]!]));
    t.diagnostic(Object.entries(got).map(([range, a]) => `${range} → ${a.status} ${a.range ?? '-'} ${a.length} B`).join('; '));
    for (const [range, want] of Object.entries(expected)) {
      const answer = got[range]!;
      assert.deepEqual({ status: answer.status, range: answer.range, length: answer.length }, want, range);
      assert.equal(answer.accept, 'bytes', `${range}: Accept-Ranges`);
      assert.equal(answer.contentLength, String(want.length), `${range}: Content-Length`);
    }
  });

  it('removes the offline copy of the audio on request, keeps the page, and saves again', async () => {
    await saveStory();
    await pressInOffline(page, 'button.remove');
    const removed = await waitForOffline(page, ['available']);
    const audio = story.timing.files.find((file) => file.type.startsWith('audio/webm'))!;
    const words = /^Offline copy removed: the story’s audio \(([\d.]+) (kB|MB)\) is no longer on this device\. The page, captions and pictures stay so that the page still opens\./.exec(removed.text);
    assert.ok(words, removed.text);
    assert.ok(Math.abs(Number(words[1]) * (words[2] === 'MB' ? 1e6 : 1e3) - audio.bytes) <= audio.bytes * 0.05, `the audio's size (${audio.bytes} bytes): ${removed.text}`);
    await waitForPlayerStatus(page, 'Offline copy removed.');
    assert.equal(await focusedInOffline(page), 'save primary', 'focus moves to "Save for offline"');
    const files = await cachedFiles(page);
    assert.deepEqual(files.filter((file) => file.cache.startsWith('story-offline-audio-')), []);
    assert.ok(files.some((file) => new URL(file.url).pathname === `${STORY_PATH}index.html`), 'the page still opens offline');

    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved']);
  });

  it('plays from the cache with the network off: page, photos, captions, seeking to 80 %', async (t) => {
    await saveStory();
    await setNetwork(page, false, server);
    await server.stop();

    const audioAnswers: string[] = [];
    const failures: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith(`${STORY_PATH}audio/`)) {
        audioAnswers.push(`${response.status()} ${response.fromServiceWorker() ? 'service worker' : 'network'}`);
      }
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // The media element cancels its own range requests when it seeks: not a failure.
      const aborted = request.failure()?.errorText === 'net::ERR_ABORTED' && request.resourceType() === 'media';
      if (!aborted) failures.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
    });
    const reloaded = performance.now();
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.equal(await page.$eval('h1', (h1) => h1.textContent?.includes(document.title.split(':')[0]!.trim())), true, 'the page rendered');
    await waitForOffline(page, ['saved']);

    await pressPlay(page);
    await waitForAdvance(page, 0, 0.05);
    const firstSoundMs = performance.now() - reloaded;
    await waitForAdvance(page, 0, 1);
    t.diagnostic(`reload to first sound offline: ${firstSoundMs.toFixed(0)} ms (including the click on Play)`);

    const shown = await picturesShown(page);
    assert.deepEqual(shown, story.timing.scenes.map(() => true), 'every photo shows offline');
    const cuesReadOffline = await page.$eval('story-player', (player) => (player as HTMLElement & { cues: readonly unknown[] }).cues.length);
    assert.equal(cuesReadOffline, captions.items.length, 'the player read every caption from the cache');

    const duration = story.timing.duration;
    const target = Math.round(duration * 0.8 * 10) / 10;
    await page.$eval('story-player', (player, time) => ((player as HTMLElement & { currentTime: number }).currentTime = time), target);
    const reached = await waitForAdvance(page, target, 1.5);
    assert.ok(reached < target + 6, `continues from ${target} s (now ${reached} s)`);

    // The caption line shows the cue at the time it is sampled with.
    const sample = await page.evaluate(
      () =>
        new Promise<{ time: number; cue: string; text: string }>((resolve) =>
          requestAnimationFrame(() => {
            const player = document.querySelector('story-player') as HTMLElement & { currentTime: number };
            const line = document.querySelector('story-captions')?.shadowRoot?.querySelector<HTMLElement>('.line');
            resolve({ time: player.currentTime, cue: line?.dataset['cue'] ?? '', text: line?.textContent?.replace(/\s+/g, ' ').trim() ?? '' });
          }),
        ),
    );
    const around = [sample.time - 0.3, sample.time, sample.time + 0.3].map((time) => captions.at(time)?.id ?? '');
    assert.ok(around.includes(sample.cue), `caption ${sample.cue} at ${sample.time.toFixed(2)} s; expected one of ${around.join(', ')}`);
    // Where the story speaks all around the sampled time (not at a pause between two cues), a caption shows.
    assert.ok(sample.cue !== '' || around.some((id) => id === ''), `a caption shows where the story speaks (at ${sample.time.toFixed(2)} s)`);
    assert.ok(await currentTime(page) > reached, 'still playing');
    assert.ok(audioAnswers.length > 0);
    assert.deepEqual([...new Set(audioAnswers)], ['206 service worker'], 'every audio request is a range answered from the cache');
    assert.deepEqual(failures, [], 'nothing the page asks for fails offline');
  });
});
