/**
 * Two separately bundled copies of the toolkit on one page, as the README promises they work:
 * copy A (esbuild bundle of `src/story-player/define.ts`) defines `<story-player>`, copy B (another
 * bundle, of `src/define.ts`) finds that tag taken (its define is guarded: the first definition
 * wins) and defines the other four. So the player is copy A's class and every scene copy B's: they
 * meet only through what both copies share on the page, the `Symbol.for` context keys and the
 * one-at-a-time event on `document`, never through a module of one copy.
 *
 * The page is the mini-story (its player with its two scenes) and, after it, an article with a
 * scene of its own, alone, playing its description from the episode.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { launchChromium } from '../support/browser.js';
import { copyMiniStoryMedia, EMBEDDER_BUILD, MINI_STORY as FIXTURE, openPage, ROOT } from '../support/mini-story-site.js';
import type { StoryPlayer } from '../../../src/story-player/story-player.js';
import type { StoryScene } from '../../../src/story-scene/story-scene.js';


/** Each copy's entry: the toolkit's own define entry, its exports kept on `window` for the checks. */
const COPIES = {
  'copy-a': `import * as copy from '${join(ROOT, 'src/story-player/define.ts')}';\nObject.assign(window, { copyA: copy });\n`,
  'copy-b': `import * as copy from '${join(ROOT, 'src/define.ts')}';\nObject.assign(window, { copyB: copy });\n`,
};

/** Scene 2's description range in the fixture, for the scene alone. */
async function sceneTwoRange(): Promise<{ start: number; end: number }> {
  const timing = JSON.parse(await readFile(join(FIXTURE, 'timing.json'), 'utf8')) as { scenes: { description?: { start: number; end: number } }[] };
  const range = timing.scenes[1]?.description;
  if (!range) throw new Error('the fixture’s scene 2 has no description');
  return range;
}

type WithCopies = {
  copyA: { StoryPlayer: CustomElementConstructor };
  copyB: { StoryPlayer: CustomElementConstructor; StoryScene: CustomElementConstructor };
};

describe('two separately bundled copies of the toolkit on one page', () => {
  let work: string;
  let server: SiteServer;
  let browser: Browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'two-bundles-'));
    const site = join(work, 'site');
    await mkdir(site);
    await copyMiniStoryMedia(site);
    const range = await sceneTwoRange();
    const alone = `<article lang="en" id="article">
  <story-scene id="alone" number="2" picture-kind="illustration" src="audio/episode.webm" description-start="${range.start}" description-end="${range.end}">
    <h2>The boat</h2>
    <figure><img src="images/the-boat.svg" alt="Illustration: a small boat on a lake." width="300" height="200"></figure>
    <div class="description"><p>A small brown boat with one white sail sits on a calm blue lake.</p></div>
  </story-scene>
</article>`;
    const page = (await readFile(join(FIXTURE, 'index.html'), 'utf8'))
      .replace(/<link rel="icon"[^>]*>\n/, '')
      .replace(/<link rel="stylesheet"[^>]*>\n/, '')
      .replace('<script type="module" src="../../../src/main.ts"></script>', '<script type="module" src="copy-a.js"></script>\n  <script type="module" src="copy-b.js"></script>')
      .replace('</main>', `${alone}\n</main>`);
    assert.match(page, /src="copy-b\.js"/, 'the fixture page loads its script as expected');
    assert.match(page, /id="alone"/);
    await writeFile(join(site, 'index.html'), page);
    for (const [name, text] of Object.entries(COPIES)) await writeFile(join(work, `${name}.ts`), text);
    // Two builds, not one with shared chunks: each file holds a whole copy of the toolkit and Lit.
    for (const name of Object.keys(COPIES)) {
      await build({
        ...EMBEDDER_BUILD,
        absWorkingDir: ROOT,
        entryPoints: [join(work, `${name}.ts`)],
        outfile: join(site, `${name}.js`),
        tsconfig: join(ROOT, 'tsconfig.json'),
      });
    }
    server = await serveSite(site);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(browser, new URL('index.html', server.url).href);
    await page.waitForFunction(() => document.querySelector('story-player')?.shadowRoot?.querySelector('[part~="play-button"]'), { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('#alone')?.shadowRoot?.querySelector('[part="describe-button"]'), { timeout: 15_000 });
    return { page, errors };
  }

  it('has the player from copy A and every scene from copy B (the second define is harmless)', async () => {
    const { page, errors } = await open();
    const classes = await page.evaluate(() => {
      const { copyA, copyB } = window as unknown as WithCopies;
      return {
        copies: copyA.StoryPlayer !== copyB.StoryPlayer,
        player: customElements.get('story-player') === copyA.StoryPlayer,
        scenes: [...document.querySelectorAll('story-scene')].map((scene) => scene.constructor === copyB.StoryScene),
      };
    });
    assert.deepEqual(classes, { copies: true, player: true, scenes: [true, true, true] });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lets a scene of copy B inside the player of copy A know the story and play its description through the player (the Symbol.for context keys)', async () => {
    const { page, errors } = await open();
    const range = await page.evaluate(() => {
      const scene = document.querySelector<StoryScene>('#scene-1')!;
      return { start: Number(scene.getAttribute('description-start')), end: Number(scene.getAttribute('description-end')) };
    });
    // Linked to the player: its Describe button names the player's story time, and pressing it plays the range in the player.
    await page.evaluate(() => document.querySelector<StoryScene>('#scene-1')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="describe-button"]')!.click());
    await page.waitForFunction((start) => {
      const player = document.querySelector<StoryPlayer>('story-player')!;
      return !player.paused && player.currentTime > start + 0.2;
    }, { timeout: 15_000 }, range.start);
    const during = await page.evaluate(() => ({
      describing: document.querySelector<StoryScene>('#scene-1')!.describing,
      current: document.querySelector('#scene-1')!.hasAttribute('current'),
    }));
    assert.deepEqual(during, { describing: true, current: true }, 'the scene follows the player it asked');
    await page.waitForFunction(() => document.querySelector<StoryPlayer>('story-player')!.paused, { timeout: 20_000 });
    const at = await page.evaluate(() => document.querySelector<StoryPlayer>('story-player')!.currentTime);
    assert.ok(Math.abs(at - range.end) < 0.15, `the player stops at the description's end (${at} s, end ${range.end} s)`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('pauses the player of copy A when a scene of copy B alone starts its description, and that scene when the player starts', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => document.querySelector<StoryPlayer>('story-player')!.play());
    await page.waitForFunction(() => document.querySelector<StoryPlayer>('story-player')!.currentTime > 1, { timeout: 15_000 });

    await page.evaluate(() => document.querySelector<StoryScene>('#alone')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="describe-button"]')!.click());
    await page.waitForFunction(() => document.querySelector<StoryPlayer>('story-player')!.paused, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector<StoryScene>('#alone')!.describing, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('#alone')!.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim() === 'Describing picture 2.', { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.querySelector<StoryPlayer>('story-player')!.paused), true, 'the player stays paused while the scene describes');

    await page.evaluate(() => document.querySelector<StoryPlayer>('story-player')!.play());
    await page.waitForFunction(() => !document.querySelector<StoryScene>('#alone')!.describing, { timeout: 10_000 });
    const button = await page.evaluate(() => document.querySelector('#alone')!.shadowRoot!.querySelector('[part="describe-button"]')!.textContent!.trim());
    assert.equal(button, 'Describe this picture', 'the scene offers its description again');
    await page.waitForFunction(() => !document.querySelector<StoryPlayer>('story-player')!.paused, { timeout: 10_000 });
    await page.evaluate(() => document.querySelector<StoryPlayer>('story-player')!.pause());
    assert.deepEqual(errors, []);
    await page.close();
  });
});
