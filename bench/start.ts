/**
 * Start: from pressing Play to the first audible frame (the media element playing with
 * `currentTime` > 0), cold (a fresh browser profile, first visit), warm (the same profile, the page
 * reloaded) and offline (saved for offline, the server stopped and the page offline, reloaded); and
 * from navigation to a Play button that can be pressed (the player defined, its shadow root
 * rendered, the button there). Median over the runs.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { serveSite } from '../scripts/serve/serve.js';
import { ROOT } from '../scripts/size/measure.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { atMost, median, type Figure } from './figures.js';

const SECTION = 'Start';
const STORY = 'at-the-line/';

/**
 * Before any page script: every media element that is played is remembered (howler's is not in the
 * document), and the first frame with a Play button in the player is noted.
 */
export const PROBE = `
  self.__name = (fn) => fn;
  self.__media = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) { if (!self.__media.includes(this)) self.__media.push(this); return play.apply(this, args); };
  const look = () => {
    const button = document.querySelector('story-player')?.shadowRoot?.querySelector('button.play');
    if (button && !button.disabled) self.__playUsable = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
`;

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Milliseconds from navigation to a usable Play button. */
export function playUsable(page: Page): Promise<number> {
  return page.waitForFunction(() => (self as unknown as { __playUsable?: number }).__playUsable, { timeout: 30000, polling: 20 }).then((handle) => handle.jsonValue() as Promise<number>);
}

/** Presses Play inside the page and times it to the first frame of sound; then pauses. */
async function playToSound(page: Page): Promise<number> {
  await playUsable(page);
  const ms = await page.evaluate(async () => {
    const media = (self as unknown as { __media: HTMLMediaElement[] }).__media;
    const button = document.querySelector('story-player')!.shadowRoot!.querySelector<HTMLButtonElement>('button.play')!;
    const t0 = performance.now();
    button.click();
    for (;;) {
      if (media.some((element) => !element.paused && element.currentTime > 0)) return performance.now() - t0;
      if (performance.now() - t0 > 20000) return NaN;
      await new Promise((done) => setTimeout(done, 0));
    }
  });
  await page.evaluate(() => (document.querySelector('story-player') as HTMLElement & { pause(): void }).pause());
  return ms;
}

const offlineState = (wanted: string) => (document.querySelector('story-offline') as (Element & { state?: string }) | null)?.state === wanted;

async function saveForOffline(page: Page): Promise<void> {
  await page.waitForFunction(offlineState, { timeout: 30000, polling: 50 }, 'available');
  await page.evaluate(() => document.querySelector('story-offline')!.shadowRoot!.querySelector<HTMLButtonElement>('button.save')!.click());
  await page.waitForFunction(offlineState, { timeout: 60000, polling: 50 }, 'saved');
}

export async function benchStart(options: { quick: boolean }): Promise<Figure[]> {
  const runs = options.quick ? 1 : 5;
  const cold: number[] = [];
  const warm: number[] = [];
  const offline: number[] = [];
  const usableCold: number[] = [];
  const usableWarm: number[] = [];
  const browser = await launchChromium();
  try {
    const server = await serveSite(join(ROOT, 'dist'));
    try {
      for (let run = 0; run < runs; run++) {
        const context = await browser.createBrowserContext();
        const page = await open(context, `${server.url}${STORY}`);
        usableCold.push(await playUsable(page));
        cold.push(await playToSound(page));
        await page.evaluate(() => localStorage.clear());
        await page.reload({ waitUntil: 'load' });
        usableWarm.push(await playUsable(page));
        warm.push(await playToSound(page));
        await context.close();
      }
    } finally {
      await server.stop();
    }
    for (let run = 0; run < runs; run++) {
      // A server of its own, stopped for the offline load: nothing can come from the network.
      const own = await serveSite(join(ROOT, 'dist'));
      const context = await browser.createBrowserContext();
      const page = await open(context, `${own.url}${STORY}`);
      await saveForOffline(page);
      await own.stop();
      await page.setOfflineMode(true);
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: 'load' });
      offline.push(await playToSound(page));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const note = `median of ${runs}; the player's own media element, polled every task`;
  return [
    { section: SECTION, name: 'Play → sound, cold', value: median(cold), unit: 'ms', note },
    atMost({ section: SECTION, name: 'Play → sound, warm', value: median(warm), unit: 'ms', note }, 100),
    atMost({ section: SECTION, name: 'Play → sound, offline', value: median(offline), unit: 'ms', note }, 100),
    { section: SECTION, name: 'page load → Play usable, cold', value: median(usableCold), unit: 'ms', note: `median of ${runs}; from navigation, seen at the next animation frame` },
    { section: SECTION, name: 'page load → Play usable, warm', value: median(usableWarm), unit: 'ms', note: `median of ${runs}` },
  ];
}
