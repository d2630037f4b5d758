/**
 * What the long-story bench does to the page, shared by the bench (bench/long-story-bench.ts) and
 * the profiler that explains its long tasks (bench/profile-long-story.ts), so that both measure
 * the same thing.
 */
import type { Page } from 'puppeteer-core';

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Ten jumps across the three-hour episode, 0.7 s apart, in an order that is not monotonic. */
export async function seekAcross(page: Page): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const to = ((i * 7 + 3) % 10) * 1000 + 100;
    await page.evaluate((t: number) => (document.querySelector('story-player') as HTMLElement & { seek(t: number): void }).seek(t), to);
    await pause(700);
  }
}

/** Scrolls the transcript's list from top to bottom in 30 steps, a frame and 50 ms apart, then waits 0.5 s. */
export async function scrollTranscript(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const list = document.querySelector('story-transcript')!.shadowRoot!.querySelector<HTMLElement>('.list');
    if (!list) return;
    for (let i = 1; i <= 30; i++) {
      list.scrollTo({ top: (list.scrollHeight * i) / 30, behavior: 'instant' });
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
    }
  });
  await pause(500);
}
