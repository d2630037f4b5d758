/**
 * A long story (bench/long-story.ts: three hours, 300 pictures, 20,000 cues) as a listener meets
 * it: page load to a usable Play button, the long tasks of loading, the JS heap, the transcript's
 * first render, the longest main-thread task after load while playing, seeking and scrolling the
 * transcript, and how many times per second the components render while playing.
 *
 * Long tasks are the browser's own (`PerformanceObserver`, type `longtask`: 50 ms or more), so a
 * longest task of 0 means none reached 50 ms.
 */
import type { Page } from 'puppeteer-core';
import { serveSite } from '../scripts/serve/serve.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { atMost, median, type Figure } from './figures.js';
import { scrollTranscript, seekAcross } from './long-story-actions.js';
import { buildLongStory } from './long-story.js';
import { PROBE, playUsable } from './start.js';

const SECTION = 'Long story';
const TASK_GOAL_MS = 50;

/** Before any page script: long tasks kept by phase, and every render of each element counted. */
const OBSERVE = `
  self.__tasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) self.__tasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });
  self.__renders = {};
  const count = (tag) => customElements.whenDefined(tag).then(() => {
    const proto = customElements.get(tag).prototype;
    const update = proto.update;
    proto.update = function (changed) { self.__renders[tag] = (self.__renders[tag] ?? 0) + 1; return update.call(this, changed); };
  });
  ['story-player', 'story-scene', 'story-captions', 'story-transcript'].forEach(count);
`;

type Window = { __tasks: [number, number][]; __renders: Record<string, number> };

/** The longest long task since `from` (performance.now() ms), and their total. */
function tasksSince(page: Page, from: number): Promise<{ longest: number; total: number; count: number }> {
  return page.evaluate((since: number) => {
    const tasks = (self as unknown as Window).__tasks.filter(([start]) => start >= since);
    return { longest: Math.max(0, ...tasks.map(([, d]) => d)), total: tasks.reduce((t, [, d]) => t + d, 0), count: tasks.length };
  }, from);
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function benchLongStory(options: { quick: boolean }): Promise<Figure[]> {
  const site = await buildLongStory();
  const server = await serveSite(site.dir);
  const browser = await launchChromium();
  const runs = options.quick ? 1 : 3;
  const figures: Record<string, number[]> = {};
  const add = (name: string, value: number) => (figures[name] ??= []).push(value);
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.evaluateOnNewDocument(PROBE + OBSERVE);
      await page.goto(`${server.url}${site.story.id}/`, { waitUntil: 'load' });
      add('load → Play usable', await playUsable(page));
      // Loading is over when the player has read its captions (the transcript's source).
      await page.waitForFunction(() => (document.querySelector('story-player') as HTMLElement & { cues: readonly unknown[] }).cues.length > 0, { timeout: 60000, polling: 50 });
      await pause(1000);
      const load = await tasksSince(page, 0);
      add('long tasks while loading, total', load.total);
      add('longest task while loading', load.longest);
      add('JS heap after load', ((await page.metrics()).JSHeapUsedSize ?? NaN) / 2 ** 20);

      // The transcript's first render: from pressing its button to the next frame after it rendered.
      const opened = await now(page);
      add(
        'transcript first render',
        await page.evaluate(async () => {
          const transcript = document.querySelector('story-transcript') as HTMLElement & { updateComplete: Promise<boolean> };
          const t0 = performance.now();
          transcript.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
          await transcript.updateComplete;
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          return performance.now() - t0;
        }),
      );
      await pause(500);
      add('longest task opening the transcript', (await tasksSince(page, opened)).longest);

      // Playing, with the transcript open and following along.
      await page.evaluate(() => {
        (document.querySelector('story-transcript') as HTMLElement & { followAlong: boolean }).followAlong = true;
        (document.querySelector('story-player') as HTMLElement & { seek(t: number): void }).seek(3600);
      });
      await pause(500);
      const playing = await now(page);
      const rendersBefore = await page.evaluate(() => ({ ...(self as unknown as Window).__renders }));
      await page.evaluate(() => (document.querySelector('story-player') as HTMLElement & { play(): void }).play());
      const seconds = options.quick ? 10 : 30;
      await pause(seconds * 1000);
      const rendersAfter = await page.evaluate(() => ({ ...(self as unknown as Window).__renders }));
      const renders = Object.entries(rendersAfter).map(([tag, n]) => [tag, (n - (rendersBefore[tag] ?? 0)) / seconds] as const);
      add('renders per second while playing', renders.reduce((t, [, n]) => t + n, 0));
      for (const [tag, n] of renders) add(`renders per second while playing: <${tag}>`, n);
      add('longest task while playing', (await tasksSince(page, playing)).longest);

      // Seeking while playing: ten jumps across the episode.
      const seeking = await now(page);
      await seekAcross(page);
      add('longest task seeking', (await tasksSince(page, seeking)).longest);

      // Scrolling the transcript's list from top to bottom, in 30 steps.
      const scrolling = await now(page);
      await scrollTranscript(page);
      add('longest task scrolling the transcript', (await tasksSince(page, scrolling)).longest);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const note = `median of ${runs}; ${site.story.scenes.length} pictures, 20,000 cues, ${site.story.duration / 3600} h, page ${Math.round(site.pageBytes / 1024)} KiB`;
  const figure = (name: string, unit: string): Figure => ({ section: SECTION, name, value: median(figures[name] ?? []), unit, note });
  const task = (name: string): Figure => atMost({ ...figure(name, 'ms'), note: `${note}; 0: no task of 50 ms or more` }, TASK_GOAL_MS);
  return [
    figure('load → Play usable', 'ms'),
    task('longest task while loading'),
    figure('long tasks while loading, total', 'ms'),
    figure('JS heap after load', 'MiB'),
    figure('transcript first render', 'ms'),
    task('longest task opening the transcript'),
    task('longest task while playing'),
    task('longest task seeking'),
    task('longest task scrolling the transcript'),
    figure('renders per second while playing', '/s'),
    ...Object.keys(figures).filter((name) => name.startsWith('renders per second while playing: ')).sort().map((name) => figure(name, '/s')),
  ];
}
