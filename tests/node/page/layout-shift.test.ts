/**
 * The built page keeps still while it loads: `<story-offline>` is defined once the page is idle and
 * learns its sizes later still, yet nothing below it moves when it arrives (a reader who started
 * reading the story, or reached for the transcript, keeps their place; Lighthouse's layout shift).
 * The offline control's code is held back until the page has been measured without it, then let
 * through.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { buildSite } from '../../../scripts/build/build.js';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { launchChromium } from '../support/browser.js';

describe('the built page while <story-offline> arrives', () => {
  let server: SiteServer;
  let browser: Browser;

  before(async () => {
    server = await serveSite(await buildSite({ out: mkdtempSync(join(tmpdir(), 'site-')) }));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const story of ['at-the-line', 'del-mar-a-la-sal']) {
    for (const width of [412, 1280]) {
      it(`moves nothing below it on ${story} at ${width} px wide`, async () => {
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await page.setViewport({ width, height: 823 });
          await page.setRequestInterception(true);
          const held: HTTPRequest[] = [];
          let holding = true;
          page.on('request', (request) => {
            // The offline control's chunk: the only module that brings workbox-window.
            if (holding && request.resourceType() === 'script' && /\/define-[\w-]+\.js$/.test(request.url())) held.push(request);
            else void request.continue();
          });
          await page.goto(`${server.url}${story}/`, { waitUntil: 'load' });
          await page.waitForFunction(() => (document.querySelector('story-player') as unknown as { cues: unknown[] } | null)?.cues.length);
          await page.waitForFunction(() => document.readyState === 'complete');
          const top = () => page.evaluate(() => Math.round(document.querySelector('story-transcript')!.getBoundingClientRect().top));
          assert.equal(await page.evaluate(() => !!customElements.get('story-offline')), false, 'measured before the offline control is defined');
          const before = await top();

          for (const start = Date.now(); held.length === 0; ) {
            assert.ok(Date.now() - start < 30000, 'the page asks for the offline control once it is idle');
            await new Promise((wait) => setTimeout(wait, 50));
          }
          holding = false;
          for (const request of held) await request.continue();
          // Defined, and every figure it shows on a first visit known: the size to save and the storage line.
          await page.waitForFunction(
            () => {
              const root = document.querySelector('story-offline')?.shadowRoot;
              return !!root?.querySelector('[part=storage]') && /\d/.test(root.querySelector('#detail')?.textContent ?? '');
            },
            { timeout: 30000, polling: 50 },
          );
          assert.equal(await top(), before, 'the transcript (and the story after it) stays where it was');
        } finally {
          await context.close();
        }
      });
    }
  }
});
