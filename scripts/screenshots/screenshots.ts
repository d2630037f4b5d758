/**
 * npm run screenshots [-- --story <id>] — a built story page as a stranger sees it, at 360, 768 and
 * 1280 px wide, paused and playing (after choosing picture 3 in the chapter list), written to
 * docs/screenshots/ (`page-…` for at-the-line, `<id>-…` for another story). `--states returning`
 * shows a returning listener's bar (a saved place), `--states settings` the bar with its settings
 * open; `--zoom 4` the same window at 400 % zoom (the
 * page laid out in a quarter of the CSS pixels, the picture taken at the window's size; files end
 * in `-zoom400`). Needs `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveSite } from '../serve/serve.js';
import { launchChromium } from '../../tests/node/support/browser.js';
import { runAsScript } from '../cli.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const WIDTHS = [360, 768, 1280] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      widths: { type: 'string', default: WIDTHS.join(',') },
      out: { type: 'string', default: join(ROOT, 'docs/screenshots') },
      scheme: { type: 'string', default: 'light' },
      'full-page': { type: 'boolean', default: false },
      story: { type: 'string', default: 'at-the-line' },
      states: { type: 'string', default: 'paused,playing' },
      zoom: { type: 'string', default: '1' },
    },
  });
  await mkdir(values.out, { recursive: true });
  const server = await serveSite(join(ROOT, 'dist'));
  const browser = await launchChromium();
  try {
    for (const width of values.widths.split(',').map(Number)) {
      for (const state of values.states.split(',') as ('paused' | 'playing' | 'returning' | 'settings')[]) {
        // A fresh profile per shot: no saved position or preferences from the shot before.
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        // light, dark or forced (Windows high contrast); through CDP, which knows forced-colors.
        const features = values.scheme === 'forced' ? [{ name: 'forced-colors', value: 'active' }] : [{ name: 'prefers-color-scheme', value: values.scheme }];
        await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features });
        const zoom = Number(values.zoom) || 1;
        const height = width < 600 ? 780 : 900;
        await page.setViewport({ width: Math.round(width / zoom), height: Math.round(height / zoom), deviceScaleFactor: zoom });
        const url = new URL(`${values.story}/`, server.url).href;
        if (state === 'returning') {
          // A listener who stopped in picture 2 on an earlier visit.
          await page.goto(url, { waitUntil: 'networkidle0' });
          await page.evaluate(async () => {
            await customElements.whenDefined('story-player');
            const player = document.querySelector('story-player')!;
            for (let i = 0; i < 50 && !player.storyChapters.some((c) => c.number === 2); i++) await new Promise((done) => setTimeout(done, 100));
            const at = player.storyChapters.find((c) => c.number === 2);
            localStorage.setItem(`story-player:${player.storyId}`, JSON.stringify({ position: (at?.start ?? 60) + 20, savedAt: Date.now() }));
          });
        }
        await page.goto(url, { waitUntil: 'networkidle0' });
        await page.evaluate(() => customElements.whenDefined('story-player'));
        // <story-offline> arrives once the page is idle and then checks what can be saved: shoot what
        // a visitor sees a moment later (its decision), not its first "Checking…".
        await page
          .waitForFunction(
            () => {
              const offline = document.querySelector('story-offline');
              const save = offline?.shadowRoot?.querySelector('button');
              return !offline || (save && save.getAttribute('aria-disabled') !== 'true');
            },
            { timeout: 10000 },
          )
          .catch(() => console.warn('<story-offline> still checking after 10 s'));
        if (state === 'playing') {
          // Picture 3 chosen in the chapter list, then Play, as a listener would: the page follows by
          // itself (the list closes, the picture comes into view above the dock).
          await page.evaluate(async () => {
            const player = document.querySelector('story-player')!;
            const root = player.shadowRoot!;
            root.querySelector<HTMLButtonElement>('.chapters-toggle')!.click();
            await new Promise((done) => setTimeout(done, 200));
            const index = player.storyChapters.findIndex((c) => c.number === 3);
            root.querySelectorAll<HTMLButtonElement>('.chapter-list button')[index]!.click();
            player.play();
            await new Promise((done) => setTimeout(done, 6000));
          });
        }
        if (state === 'settings') {
          // The settings panel open: every kind of control of the bar's family at once.
          await page.evaluate(async () => {
            const root = document.querySelector('story-player')!.shadowRoot!;
            root.querySelector<HTMLButtonElement>('.more-toggle')?.click();
            await new Promise((done) => setTimeout(done, 200));
            root.querySelector<HTMLElement>('.dock')?.scrollIntoView({ block: 'end', behavior: 'instant' });
          });
        }
        const prefix = values.story === 'at-the-line' ? 'page' : values.story;
        const file = join(values.out, `${prefix}-${width}-${state}${values.scheme === 'light' ? '' : `-${values.scheme}`}${zoom === 1 ? '' : `-zoom${zoom * 100}`}.png`);
        await page.screenshot({ path: file as `${string}.png`, fullPage: values['full-page'] });
        console.log(file);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

runAsScript(import.meta.url, main);
