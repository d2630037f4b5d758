/**
 * The two examples as an embedder runs them (scripts/package/examples.ts, also `npm run examples`):
 * from one packed tarball, `examples/react/` installed, type-checked against the packed .d.ts and
 * built with esbuild, and `examples/no-build/` installed and loaded as it is, through its import
 * map; both play the mini-story's real audio in Chromium.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { setUpExamples } from '../../../scripts/package/examples.js';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { launchChromium } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TAGS = ['story-player', 'story-scene', 'story-captions', 'story-transcript', 'story-offline'];

describe('the examples, from the packed package', () => {
  const started = performance.now();
  let work: string;
  let site: string;
  let server: SiteServer;
  let browser: Browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'examples-'));
    ({ site } = await setUpExamples(work));
    server = await serveSite(site, { csp: false }); // the no-build example has an inline import map and module script
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
    // How long it took is a figure to read, not a pass mark: the machine is shared (wall-clock
    // limits flake here; 88 s under load, 30-odd s quiet).
    console.info(`# pack, install both examples, build, type-check and play both: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  /**
   * A page of the site, with every page error, console error and failed request it had. Each in a
   * browser context of its own: both examples are the mini-story on one origin, and a place saved by
   * one would be offered by the other ("Resume at …" instead of "Play").
   */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    return { page, problems };
  }

  /** The Play button in the player's shadow root, and the name Chromium's accessibility tree gives it. */
  async function playButton(page: Page): Promise<{ button: ElementHandle; name: string | undefined }> {
    const button = (await page.waitForSelector('story-player >>> [part~="play-button"]', { timeout: 10_000 }))!;
    const node = await page.accessibility.snapshot({ root: button, interestingOnly: false });
    return { button, name: node?.name };
  }

  async function currentTime(page: Page): Promise<number> {
    return page.evaluate(() => document.querySelector('story-player')!.currentTime);
  }

  it('type-checks the React example against the packed types (its own tsconfig)', () => {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(site, 'react/tsconfig.json')], { stdio: 'pipe' });
  });

  it('React: renders the story in <StoryPlayer>, whose named Play button plays its audio, and the typed event props fire', async () => {
    const { page, problems } = await open('react/');
    const { button, name } = await playButton(page);
    assert.match(name ?? '', /^Play The Kite and the Boat\b/);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('story-scene')].map((scene) => scene.shadowRoot !== null && scene.id)), ['scene-1', 'scene-2']);

    await button.click();
    await page.waitForFunction(() => document.querySelector('story-player')!.currentTime > 1, { timeout: 15_000 });
    // onPlay set React state; onStoryChapterChange follows a jump into the first picture.
    await page.waitForFunction(() => document.querySelector('#now')?.textContent?.startsWith('Playing'), { timeout: 5_000 });
    await page.evaluate(() => document.querySelector('story-player')!.seek(6));
    await page.waitForFunction(() => document.querySelector('#now')?.textContent === 'Playing · chapter scene-1', { timeout: 10_000 });
    assert.ok(await page.evaluate(() => document.querySelector('#scene-1')!.hasAttribute('current')), 'the scene follows the player');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('no build step: the page loads the package through its import map, upgrades every element and plays', async () => {
    const { page, problems } = await open('no-build/');
    const { button, name } = await playButton(page);
    assert.match(name ?? '', /^Play The Kite and the Boat\b/);
    const upgraded = await page.evaluate(
      (tags) => ({
        defined: tags.filter((tag) => customElements.get(tag)),
        notUpgraded: tags.flatMap((tag) => [...document.querySelectorAll(tag)].filter((element) => !element.shadowRoot).map(() => tag)),
        onPage: tags.filter((tag) => document.querySelector(tag)),
      }),
      TAGS,
    );
    assert.deepEqual(upgraded, { defined: TAGS, notUpgraded: [], onPage: ['story-player', 'story-scene', 'story-captions', 'story-transcript'] });

    const before = await currentTime(page);
    await button.click();
    await page.waitForFunction((from) => document.querySelector('story-player')!.currentTime > from + 1, { timeout: 15_000 }, before);
    assert.deepEqual(problems, []);
    await page.close();
  });

});
