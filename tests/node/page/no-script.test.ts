/**
 * With JavaScript off, the page alone tells the whole story in order: what a screen reader gets
 * before (or without) any component.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, SerializedAXNode } from 'puppeteer-core';
import { buildSite } from '../../../scripts/build/build.js';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { loadManuscript } from '../../../scripts/story/manuscript.js';
import { sentencesOf } from '../../../scripts/narrate/speech-text.js';
import { launchChromium } from '../support/browser.js';

function flatten(node: SerializedAXNode | null, out: SerializedAXNode[] = []): SerializedAXNode[] {
  if (!node) return out;
  out.push(node);
  for (const child of node.children ?? []) flatten(child, out);
  return out;
}

describe('the page with JavaScript off', () => {
  const manuscript = loadManuscript();
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  let nodes: SerializedAXNode[];
  let text: string;
  const failed: string[] = [];

  before(async () => {
    const out = await buildSite({ out: mkdtempSync(join(tmpdir(), 'site-')) });
    server = await serveSite(out);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // A viewport taller than the page, so every lazy picture is in view and loads.
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewport({ width: 1280, height: Math.ceil(height) + 100 });
    await page.waitForNetworkIdle();
    nodes = flatten(await page.accessibility.snapshot({ interestingOnly: false }));
    text = nodes.filter((node) => node.role === 'StaticText').map((node) => node.name).join(' ').replace(/\s+/g, ' ');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has the headings in reading order: title, intro, each photo, the close', () => {
    const headings = nodes.filter((node) => node.role === 'heading' && node.level !== 3).map((node) => node.name);
    assert.deepEqual(headings, [
      `${manuscript.title} ${manuscript.subtitle}`,
      manuscript.intro.title,
      ...manuscript.scenes.map((scene, index) => `Photo ${index + 1} of ${manuscript.scenes.length}: ${scene.title}`),
      manuscript.close.title,
    ]);
  });

  it('has every photo, named by its alt text, and every picture loads', async () => {
    const images = nodes.filter((node) => node.role === 'image').map((node) => node.name);
    assert.deepEqual(images, manuscript.scenes.map((scene) => scene.photo.alt));
    const loaded = await page.$$eval('img', (imgs) => imgs.map((img) => img.complete && img.naturalWidth > 0));
    assert.deepEqual(loaded, manuscript.scenes.map(() => true));
    assert.deepEqual(failed, []);
  });

  it('has every audio description and every narration sentence, intro and close included', () => {
    for (const part of [manuscript.intro, manuscript.close]) {
      for (const paragraph of part.narration) {
        for (const sentence of sentencesOf(paragraph, 'en')) assert.ok(text.includes(sentence), `${part.title}: ${sentence}`);
      }
    }
    for (const scene of manuscript.scenes) {
      for (const sentence of sentencesOf(scene.description, 'en')) assert.ok(text.includes(sentence), `description: ${sentence}`);
      for (const paragraph of scene.narration) {
        for (const sentence of sentencesOf(paragraph, 'en')) assert.ok(text.includes(sentence), `narration: ${sentence}`);
      }
    }
  });

  it('credits the photographer and says the pictures stand in for the news photographs', () => {
    assert.ok(text.includes(manuscript.credits.standInNote.replace(/\s+/g, ' ').trim()));
    assert.ok(text.includes('Jose Luis Gonzalez / Reuters'));
  });

  it('offers the native audio player with its length in its name', () => {
    const audio = nodes.find((node) => node.role === 'audio' || /^Listen to /.test(node.name ?? ''));
    assert.ok(audio, 'an audio element');
    assert.match(audio.name ?? '', new RegExp(`^Listen to ${manuscript.title}, \\d+ minutes`));
  });
});
