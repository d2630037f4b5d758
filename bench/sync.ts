/**
 * Sync: how late the caption line changes after the audio crosses each cue start, and how late
 * the highlighted word changes after each word start, over the episode at 1× and at 2×, beside the
 * browser's own `cuechange` on a `<track>` of the same captions on a second (muted) `<audio>` of
 * the same episode, played in the same page at the same time.
 *
 * For <story-captions>, a MutationObserver on its shadow root sees the line's `data-cue` and the
 * word's `current-word` part change; the lag is the player's audio time then minus the cue's or
 * word's start. For the baseline it is the `<audio>`'s time at its own `cuechange` minus the start
 * of the cue that became active (the browser has no event for words). Both are taken when the DOM
 * changes or the event fires, and both then wait for the same next paint. Lags are in wall-clock
 * milliseconds (media time divided by the speed): what a listener sees.
 */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { serveSite } from '../scripts/serve/serve.js';
import { ROOT } from '../scripts/size/measure.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { atMost, summarize, type Figure, type Summary } from './figures.js';

const SECTION = 'Sync';
/** One frame at 60 Hz. */
const GOAL_MS = 17;

interface Lags {
  cues: number[];
  words: number[];
  track: number[];
}

/** Plays `seconds` of the story from `from` at `rate` and collects every lag. */
export async function measureLags(browser: Browser, pageUrl: string, from: number, seconds: number, rate: number): Promise<Lags> {
  const page = await browser.newPage();
  try {
    // tsx compiles the evaluated function with esbuild's name helper; give the page one.
    await page.evaluateOnNewDocument('self.__name = (fn) => fn');
    await page.goto(pageUrl, { waitUntil: 'networkidle0' });
    await page.evaluate(() => customElements.whenDefined('story-player'));
    // Set up and start in the page; wait here (a long evaluate would outlast the protocol's timeout).
    await page.evaluate(
      async (from: number, rate: number): Promise<void> => {
        type Cue = { id: string; start: number; words: readonly { start: number }[] };
        type Player = HTMLElement & { currentTime: number; duration: number; playbackRate: number; cues: readonly Cue[]; seek(t: number): void; play(): void; pause(): void };
        const player = document.querySelector('story-player') as Player;
        const captions = document.querySelector('story-captions')!;
        while (player.cues.length === 0) await new Promise((done) => setTimeout(done, 50));
        const byId = new Map(player.cues.map((cue) => [cue.id, cue]));

        const audio = document.createElement('audio');
        audio.muted = true;
        audio.preload = 'auto';
        audio.src = (document.querySelector('audio[slot="fallback"] source') as HTMLSourceElement).src;
        const track = document.createElement('track');
        track.kind = 'captions';
        track.src = 'captions/captions.vtt';
        track.default = true;
        audio.append(track);
        document.body.append(audio);
        audio.textTracks[0]!.mode = 'hidden';
        await new Promise((done) => track.addEventListener('load', done, { once: true }));

        const lags: Lags = { cues: [], words: [], track: [] };
        const after = (start: number) => start > from + 0.5;
        const root = captions.shadowRoot!;
        let shownCue = '';
        let shownWord = '';
        const observer = new MutationObserver(() => {
          const time = player.currentTime;
          const line = root.querySelector('[part="line"]');
          const id = line?.getAttribute('data-cue') ?? '';
          const cue = byId.get(id);
          if (!cue) return;
          if (id !== shownCue) {
            shownCue = id;
            if (after(cue.start)) lags.cues.push(((time - cue.start) * 1000) / rate);
          }
          const words = Array.from(line!.querySelectorAll('.word'));
          const at = words.findIndex((word) => word.getAttribute('part')?.includes('current-word'));
          const key = `${id}#${at}`;
          if (at >= 0 && key !== shownWord) {
            shownWord = key;
            const word = cue.words[at];
            if (word && after(word.start)) lags.words.push(((time - word.start) * 1000) / rate);
          }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cue', 'part'] });
        let active = new Set<string>();
        audio.textTracks[0]!.addEventListener('cuechange', () => {
          const time = audio.currentTime;
          const cues = [...(audio.textTracks[0]!.activeCues ?? [])];
          for (const cue of cues) if (!active.has(cue.id) && after(cue.startTime)) lags.track.push(((time - cue.startTime) * 1000) / rate);
          active = new Set(cues.map((cue) => cue.id));
        });

        player.playbackRate = rate;
        audio.playbackRate = rate;
        audio.currentTime = from;
        player.seek(from);
        await Promise.all([audio.play(), Promise.resolve(player.play())]);
        Object.assign(self, { __lags: lags, __stop: () => (player.pause(), audio.pause(), observer.disconnect()) });
      },
      from,
      rate,
    );
    await new Promise((done) => setTimeout(done, (seconds * 1000) / rate));
    return await page.evaluate(() => {
      const page = self as unknown as { __lags: Lags; __stop(): void };
      page.__stop();
      return page.__lags;
    });
  } finally {
    await page.close();
  }
}

const ms = (summary: Summary, pick: 'median' | 'p95' | 'max') => summary[pick];

export async function benchSync(options: { quick: boolean }): Promise<Figure[]> {
  const server = await serveSite(join(ROOT, 'dist'));
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const url = `${server.url}at-the-line/`;
    const duration = 588;
    for (const rate of [1, 2]) {
      const from = options.quick ? 60 : 0;
      const seconds = options.quick ? 30 * rate : duration - from;
      const lags = await measureLags(browser, url, from, seconds, rate);
      const cues = summarize(lags.cues);
      const words = summarize(lags.words);
      const track = summarize(lags.track);
      const played = `${seconds} s of the episode from ${from} s`;
      for (const pick of ['median', 'p95', 'max'] as const) {
        const cueFigure = { section: SECTION, name: `caption lag at ${rate}×, ${pick}`, value: ms(cues, pick), unit: 'ms', baselines: [{ name: '<track> cuechange', value: ms(track, pick) }], note: `${cues.count} cues (track: ${track.count}), ${played}` };
        const wordFigure = { section: SECTION, name: `word-highlight lag at ${rate}×, ${pick}`, value: ms(words, pick), unit: 'ms', note: `${words.count} words, ${played}; the browser has no word event` };
        figures.push(pick === 'p95' ? atMost(cueFigure, GOAL_MS) : cueFigure, pick === 'p95' ? atMost(wordFigure, GOAL_MS) : wordFigure);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures.sort((a, b) => (a.name.startsWith('caption') === b.name.startsWith('caption') ? 0 : a.name.startsWith('caption') ? -1 : 1));
}
