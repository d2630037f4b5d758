/**
 * The built site under its strict Content Security Policy, with Trusted Types: the whole journey of
 * a listener (the front page, loading the story, playing, seeking with keys and the pointer, jumping
 * chapters, a picture's description, the shortcuts dialog, saving for offline, a new version
 * accepted, the end, and the transcript page) causes not one `securitypolicyviolation`, CSP or
 * Trusted Types console error, or page error, in the page or in its service worker. The server sends the policy the README gives embedders, narrowed with a
 * `trusted-types` directive to the two policy names the README states (anything that passes the
 * narrower policy passes the README's).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';
import { ROOT } from '../../../scripts/build/build.js';
import { buildServiceWorker } from '../../../scripts/build/service-worker.js';
import { SITE_CSP, serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { TRUSTED_TYPES_POLICY } from '../../../src/shared/trusted-types.js';
import { launchChromium } from '../support/browser.js';
import {
  checkForUpdateAndWait,
  currentTime,
  pressInOffline,
  pressPlay,
  waitForAdvance,
  waitForOffline,
  waitForPlayerStatus,
} from '../offline/support/offline-page.js';
import { buildTestSite, storyPage, testStory, type TestStory } from '../offline/support/test-site.js';

const POLICY = `${SITE_CSP}; trusted-types lit-html ${TRUSTED_TYPES_POLICY}`;

/** A CSP or Trusted Types complaint in a console message. */
const CSP_WORDS = /Content Security Policy|Trusted ?Type|TrustedScriptURL|TrustedHTML|TrustedScript|securitypolicyviolation/i;

interface Report {
  where: string;
  what: string;
}

/** Listens, before any script of every document, for CSP violations; reports them to Node at once (they survive reloads). */
async function watch(page: Page, reports: Report[]): Promise<void> {
  await page.exposeFunction('__cspViolation', (text: string) => reports.push({ where: 'securitypolicyviolation', what: text }));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
        report(
          `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ` +
            `on ${location.pathname} (${event.sample || 'no sample'})`,
        );
      },
      true,
    );
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' && CSP_WORDS.test(message.text())) reports.push({ where: 'page console', what: message.text() });
  });
  page.on('pageerror', (error: unknown) => reports.push({ where: 'page error', what: error instanceof Error ? error.message : String(error) }));
}

/** Collects the console errors of every service worker that starts in `browser`. */
function watchWorkers(browser: Browser, reports: Report[]): void {
  const attach = async (target: Target): Promise<void> => {
    if (target.type() !== 'service_worker') return;
    const worker = await target.worker().catch(() => null);
    worker?.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || CSP_WORDS.test(message.text())) reports.push({ where: `worker console (${worker.url()})`, what: message.text() });
    });
  };
  browser.on('targetcreated', (target: Target) => void attach(target));
}

const duration = (page: Page) => page.$eval('story-player', (player) => (player as HTMLElement & { duration: number }).duration);
const dialogOpen = (page: Page) => page.$eval('story-player', (player) => !!player.shadowRoot?.querySelector('dialog[open]'));

describe('the built site under a strict CSP with Trusted Types', () => {
  let story: TestStory;
  let out: string;
  let server: SiteServer;
  let browser: Browser;
  const reports: Report[] = [];

  before(async () => {
    story = await testStory();
    out = await buildTestSite(story);
    server = await serveSite(out, { csp: POLICY });
    browser = await launchChromium();
    watchWorkers(browser, reports);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the README policy on every response, the service worker included', async () => {
    for (const path of ['', story.path, 'service-worker.js', 'app.js']) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.headers.get('content-security-policy'), POLICY, path || '/');
    }
    const defaults = await serveSite(out);
    try {
      const response = await fetch(defaults.url);
      assert.equal(response.headers.get('content-security-policy'), SITE_CSP, 'serveSite sends SITE_CSP unless told otherwise');
    } finally {
      await defaults.stop();
    }
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(SITE_CSP), 'the README states the policy exactly as served');
    assert.ok(readme.includes(`\`${TRUSTED_TYPES_POLICY}\``) && readme.includes('`lit-html`'), 'the README names both Trusted Types policies');
  });

  it('loads, plays, seeks, jumps, describes, opens the shortcuts dialog, saves, updates and ends with no violation', { timeout: 240000 }, async () => {
    const started = performance.now();
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await watch(page, reports);
    const problems = (): string => reports.map((r) => `${r.where}: ${r.what}`).join('\n');
    let current = 'start';
    const step = (name: string): void => {
      if (reports.length) assert.fail(`CSP problems by the step "${name}":\n${problems()}`);
      current = name;
    };
    try {
      await journey(page, step);
    } catch (error) {
      // A refused action often shows as a step that never finishes: say what was refused.
      if (reports.length) assert.fail(`CSP problems after the step "${current}" (${String(error)}):\n${problems()}`);
      throw new Error(`after the step "${current}": ${String(error)}`, { cause: error });
    }
    await page.close();
    console.log(`journey under the strict CSP: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(reports, []);
  });

  /** The listener's journey; `step(name)` after each part fails at once on any report. */
  async function journey(page: Page, step: (name: string) => void): Promise<void> {

    await page.goto(server.url, { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
    step('front page, service worker registered');

    await page.goto(storyPage(server), { waitUntil: 'load' });
    await waitForOffline(page, ['available']);
    step('story page');

    await pressPlay(page);
    await waitForAdvance(page, 0, 1);
    step('play');

    // Seek from the keyboard (the slider's keys), then with the pointer on the rail.
    const slider = await page.waitForSelector('story-player >>> [role="slider"]');
    await slider!.focus();
    const before = await currentTime(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((from: number) => (document.querySelector('story-player') as HTMLElement & { currentTime: number }).currentTime >= from + 5, {}, before);
    const rail = await page.waitForSelector('story-player >>> .track');
    const box = (await rail!.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    const total = await duration(page);
    await page.waitForFunction(
      (at: number) => Math.abs((document.querySelector('story-player') as HTMLElement & { currentTime: number }).currentTime - at) < 10,
      { timeout: 15000 },
      total * 0.3,
    );
    await waitForAdvance(page, await currentTime(page), 0.5);
    step('seek');

    // Jump chapters: the next-picture button, and a chapter from the list.
    await page.locator('story-player >>> button[aria-label^="Next "]').click();
    await page.locator('story-player >>> button.chapters-toggle').click();
    await page.locator('story-player >>> #chapter-list li:nth-child(2) button').click();
    await waitForAdvance(page, await currentTime(page), 0.5);
    step('chapters');

    // "Describe this picture" on a scene that has a description; then on with the story (the player
    // stops by itself at the description's end otherwise): Play, pressed while a description plays
    // alone, goes on with the story at once. (One press: a second one, made on a label not yet
    // re-rendered on a loaded machine, would pause it again.)
    // Pressed through the DOM: after the chapter jump the page scrolls to the new picture, and a
    // click at coordinates taken a moment before can land on whatever has scrolled there.
    await page.$eval('story-scene', (scene) => scene.shadowRoot?.querySelector<HTMLButtonElement>('button.describe')?.click());
    await page.waitForSelector('story-scene[describing]', { timeout: 10000 });
    await waitForAdvance(page, await currentTime(page), 0.5);
    await pressPlay(page);
    await page.waitForSelector('story-player >>> button.play[aria-label^="Pause"]', { timeout: 10000 });
    await waitForAdvance(page, await currentTime(page), 0.5);
    step('describe');

    // The shortcuts dialog: opened with "?" while focus is in the player, closed with Escape.
    await slider!.focus();
    await page.keyboard.press('?');
    await page.waitForFunction(() => !!document.querySelector('story-player')?.shadowRoot?.querySelector('dialog[open]'), { timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('story-player')?.shadowRoot?.querySelector('dialog[open]'), { timeout: 5000 });
    assert.equal(await dialogOpen(page), false);
    step('shortcuts dialog');

    await pressInOffline(page, 'button.save');
    await waitForOffline(page, ['saved'], 120000);
    step('save for offline');

    // A new version: it waits while the story plays; paused, the listener accepts it and the page reloads.
    await waitForAdvance(page, await currentTime(page), 0.3);
    await appendFile(join(out, 'page.css'), '\n/* version 2 */\n');
    await buildServiceWorker(out, [story.timing]);
    await checkForUpdateAndWait(page);
    await pressPlay(page);
    await waitForPlayerStatus(page, 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.', 10000);
    const navigation = page.waitForNavigation({ waitUntil: 'load' });
    await pressInOffline(page, 'button.update-button');
    await navigation;
    await waitForPlayerStatus(page, 'Updated to the latest version of this story.');
    step('update');

    // The end: from a few seconds before it, played out.
    await page.locator('story-player >>> .resume-button').click();
    await waitForAdvance(page, await currentTime(page), 0.3);
    const end = await duration(page);
    await page.$eval('story-player', (player, at: number) => ((player as HTMLElement & { currentTime: number }).currentTime = at), end - 2);
    await waitForPlayerStatus(page, 'End of the story.', 20000);
    step('end');

    // Every media element the page holds has no data: URL (howler's unload used to set one).
    const sources = await page.evaluate(() => Array.from(document.querySelectorAll('audio'), (audio) => audio.currentSrc || audio.getAttribute('src') || ''));
    assert.ok(sources.every((src) => !src.startsWith('data:')), `no data: URL on a media element (${sources.join(', ')})`);

    await page.goto(new URL('transcript.html', storyPage(server)).href, { waitUntil: 'load' });
    step('transcript page');
  }

  it('would see a violation: a plain string at a script-URL sink is reported', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    const seen: Report[] = [];
    await watch(page, seen);
    await page.goto(server.url, { waitUntil: 'load' });
    const refused = await page.evaluate(async () => {
      try {
        await navigator.serviceWorker.register('/service-worker.js', { scope: '/nowhere/' });
        return 'registered';
      } catch (error) {
        return error instanceof Error ? error.name : String(error);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page.close();
    assert.equal(refused, 'TypeError', 'Trusted Types refused the plain string');
    assert.ok(
      seen.some((report) => report.where === 'securitypolicyviolation' && report.what.startsWith('require-trusted-types-for')),
      `the listener saw it: ${JSON.stringify(seen)}`,
    );
  });
});
