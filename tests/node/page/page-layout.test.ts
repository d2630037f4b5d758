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

  it('shows the stand-in note and the offline control whole above the dock in the paused first view, at 800 × 600', async () => {
    const page = await open(800);
    await page.setViewport({ width: 800, height: 600 });
    await page.evaluate(() => customElements.whenDefined('story-offline'));
    await page.waitForFunction(() => document.querySelector('story-offline')?.shadowRoot?.querySelector('button'));
    const [dockTop, note, offline] = await page.evaluate(() =>
      [
        document.querySelector('story-player')!.shadowRoot!.querySelector('.dock')!.getBoundingClientRect().top,
        document.querySelector('.stand-in-note')!.getBoundingClientRect().bottom,
        document.querySelector('story-offline')!.shadowRoot!.querySelector('button')!.getBoundingClientRect().bottom,
      ].map(Math.round),
    ) as [number, number, number];
    assert.ok(note <= dockTop, `the stand-in note ends at ${note} px, the dock starts at ${dockTop} px`);
    assert.ok(offline <= dockTop, `the offline control ends at ${offline} px, the dock starts at ${dockTop} px`);
    await page.browserContext().close();
  });

  it('draws the edge of every control of the player bar and its settings in forced colours', async () => {
    const page = await open(1280, [{ name: 'forced-colors', value: 'active' }]);
    // As text: the page runs it as written (the test's compiler would add helpers the page lacks).
    const edges = (await page.evaluate(`(async () => {
      const root = document.querySelector('story-player').shadowRoot;
      root.querySelector('.more-toggle').click();
      await new Promise((done) => setTimeout(done, 100));
      const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      const rgba = (color) => {
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = color;
        canvas.fillRect(0, 0, 1, 1);
        return Array.from(canvas.getImageData(0, 0, 1, 1).data);
      };
      const luminance = (rgb) => rgb.slice(0, 3).map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const ground = rgba(getComputedStyle(root.querySelector('.dock')).backgroundColor);
      return Array.from(root.querySelectorAll('.dock :is(button, select)'))
        .filter((el) => el.getBoundingClientRect().width > 0)
        .map((el) => {
          const s = getComputedStyle(el);
          const [r, g, b, a] = rgba(s.borderTopColor);
          const edge = [r, g, b].map((c, i) => (c * a + ground[i] * (255 - a)) / 255);
          const [hi, lo] = [luminance(edge), luminance(ground)].sort((a, b) => b - a);
          return { name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30), width: s.borderTopWidth, ratio: (hi + 0.05) / (lo + 0.05) };
        });
    })()`)) as { name: string; width: string; ratio: number }[];
    assert.ok(edges.length >= 12, `${edges.length} controls`);
    const faint = edges.filter((e) => e.width === '0px' || e.ratio < 3);
    assert.deepEqual(faint, []);
    await page.browserContext().close();
  });

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
