/**
 * The mini-story fixture served as a site of its own, as the package tests build it: its media
 * copied, its page rewritten to load the bundles under test, those bundled the way an embedder's
 * esbuild would, and pages opened with their errors collected.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const MINI_STORY = join(ROOT, 'tests/fixtures/mini-story');

/** How an embedder's build bundles the toolkit: one ES module per entry, minified. */
export const EMBEDDER_BUILD: BuildOptions = { bundle: true, format: 'esm', target: 'es2022', minify: true, logLevel: 'error' };

/** Copies the mini-story's audio, captions and images into `site`. */
export async function copyMiniStoryMedia(site: string): Promise<void> {
  for (const folder of ['audio', 'captions', 'images']) await cp(join(MINI_STORY, folder), join(site, folder), { recursive: true });
}

/** Opens `url` in a new tab; `errors` gathers the page's uncaught errors. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}
