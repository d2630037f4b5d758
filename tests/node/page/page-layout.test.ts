/**
 * The built page, with its components, as people with different needs meet it: axe finds no
 * violation (light, dark, forced colours), nothing scrolls sideways at 400 % zoom or with WCAG text
 * spacing, and the player's controls are reachable with the keyboard before the story they play.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { buildSite } from '../../../scripts/build/build.js';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { launchChromium } from '../support/browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('the built page', () => {
  let server: SiteServer;
  let browser: Browser;

  before(async () => {
    // csp: false — the test injects axe and a stylesheet inline (tests/node/csp checks the site under its policy).
    server = await serveSite(await buildSite({ out: mkdtempSync(join(tmpdir(), 'site-')) }), { csp: false });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(width: number, features: { name: string; value: string }[] = []): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // Through CDP: puppeteer's own helper does not know forced-colors.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features });
    await page.setViewport({ width, height: 800 });
    await page.goto(`${server.url}at-the-line/`, { waitUntil: 'networkidle0' });
    await page.evaluate(() => customElements.whenDefined('story-player'));
    await page.waitForFunction(() => (document.querySelector('story-player') as unknown as { cues: unknown[] }).cues.length > 0);
    return page;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }).axe.run({
        resultTypes: ['violations'],
      });
      return result.violations;
    })) as AxeViolation[];
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violation in the ${scheme} scheme`, async () => {
      const page = await open(1280, [{ name: 'prefers-color-scheme', value: scheme }]);
      assert.deepEqual(await axe(page), []);
      await page.browserContext().close();
    });
  }

  it('has no axe violation in forced colors', async () => {
    const page = await open(1280, [{ name: 'forced-colors', value: 'active' }]);
    assert.deepEqual(await axe(page), []);
    await page.browserContext().close();
  });

  // 320 CSS pixels is a 1280-pixel window at 400 % zoom (WCAG 1.4.10 Reflow).
  for (const width of [320, 360, 768, 1280]) {
    it(`scrolls only vertically at ${width} px wide`, async () => {
      const page = await open(width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${overflow} px of sideways scrolling`);
      await page.browserContext().close();
    });
  }

  it('keeps all text readable with WCAG text spacing (1.4.12), at 320 px wide', async () => {
    const page = await open(320);
    await page.addStyleTag({
      content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow} px of sideways scrolling`);
    await page.browserContext().close();
  });

  // 320 × 256 is a 1280 × 1024 window at 400 % zoom; 360 × 780 a phone.
  for (const [width, height] of [[320, 256], [360, 780], [1280, 800]] as const) {
    it(`never hides the focused control under the player bar at ${width} × ${height}`, async () => {
      const page = await open(width);
      await page.setViewport({ width, height });
      const hidden: string[] = [];
      for (let stop = 0; stop < 25; stop++) {
        await page.keyboard.press('Tab');
        // Let the (smooth) scrolling into view settle.
        await page.evaluate(async () => {
          // Settled: the same position three readings in a row (smooth scrolling may start late).
          for (let last = -1, same = 0, i = 0; i < 50 && same < 3; i++) {
            same = scrollY === last ? same + 1 : 0;
            last = scrollY;
            await new Promise((done) => setTimeout(done, 60));
          }
        });
        const problem = await page.evaluate(() => {
          let focused = document.activeElement;
          while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
          if (!focused || focused === document.body) return null;
          const box = focused.getBoundingClientRect();
          const x = box.left + box.width / 2;
          const y = box.top + Math.min(box.height / 2, 10);
          // What is painted at the focused control's centre: it, or something over it?
          let hit: Element | null = document.elementFromPoint(x, y);
          while (hit?.shadowRoot) {
            const inner: Element | null = hit.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === hit) break;
            hit = inner;
          }
          const name = focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40) ?? focused.localName;
          return hit && (hit === focused || focused.contains(hit) || hit.contains(focused)) ? null : `${name} is covered by ${hit?.localName ?? 'nothing'}.${hit?.className ?? ''} at ${Math.round(x)},${Math.round(y)} in ${innerWidth}x${innerHeight} scrollY ${Math.round(scrollY)}`;
        });
        if (problem) hidden.push(problem);
      }
      assert.deepEqual(hidden, []);
      await page.browserContext().close();
    });
  }

  it('reaches Play with the keyboard right after the skip link and the offline control, before the story', async () => {
    const page = await open(1280);
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          let element = document.activeElement;
          while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
          return element?.getAttribute('aria-label') ?? element?.textContent?.trim().replace(/\s+/g, ' ') ?? '';
        }),
      );
    }
    assert.equal(names[0], 'Skip to the story');
    assert.ok(names.some((name) => /^Play At the Line, \d+ minutes \d+ seconds/.test(name)), names.join(' | '));
    await page.browserContext().close();
  });
});
