/**
 * With JavaScript off, the page alone tells the whole story in order: what a screen reader gets
 * before (or without) any component.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page, SerializedAXNode } from 'puppeteer-core';
import { buildSite } from '../../../scripts/build/build.js';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { loadManuscript } from '../../../scripts/story/manuscript.js';
import { storyLanguage } from '../../../scripts/story/languages.js';
import { STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import { sentencesOf } from '../../../scripts/narrate/speech-text.js';
import { launchChromium } from '../support/browser.js';

function flatten(node: SerializedAXNode | null, out: SerializedAXNode[] = []): SerializedAXNode[] {
  if (!node) return out;
  out.push(node);
  for (const child of node.children ?? []) flatten(child, out);
  return out;
}

let site: Promise<SiteServer> | undefined;
/** The whole site, built once for every story's tests. */
function builtSite(): Promise<SiteServer> {
  site ??= buildSite({ out: mkdtempSync(join(tmpdir(), 'site-')) }).then((out) => serveSite(out));
  return site;
}

for (const folder of storyFolders()) {
  // The manuscript is the oracle: the page must say every word of it, rendered from the timed story.
  const manuscript = loadManuscript(join(folder, STORY_FILES.manuscript));
  const { words } = storyLanguage(manuscript.language);

  describe(`the page of ${basename(folder)} with JavaScript off`, () => {
    let browser: Browser;
    let page: Page;
    let nodes: SerializedAXNode[];
    let text: string;
    const failed: string[] = [];

    before(async () => {
      const server = await builtSite();
      browser = await launchChromium();
      page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      // A viewport taller than the page, so every lazy picture is in view and loads.
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.url}${manuscript.id}/`, { waitUntil: 'networkidle0' });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width: 1280, height: Math.ceil(height) + 100 });
      await page.waitForNetworkIdle();
      nodes = flatten(await page.accessibility.snapshot({ interestingOnly: false }));
      text = nodes.filter((node) => node.role === 'StaticText').map((node) => node.name).join(' ').replace(/\s+/g, ' ');
    });

    after(async () => {
      await browser?.close();
    });

    it('is in the story’s language', async () => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), manuscript.language);
    });

    it('has the headings in reading order: title, intro, each picture, the close', () => {
      const headings = nodes.filter((node) => node.role === 'heading' && node.level !== 3).map((node) => node.name);
      const kind = (index: number) => manuscript.scenes[index]!.picture.kind ?? manuscript.pictures.kind;
      assert.deepEqual(headings, [
        manuscript.subtitle ? `${manuscript.title} ${manuscript.subtitle}` : manuscript.title,
        manuscript.intro.title,
        ...manuscript.scenes.map((scene, index) => `${words.pictureLabel(kind(index), index + 1, manuscript.scenes.length)}: ${scene.title}`),
        manuscript.close.title,
      ]);
    });

    it('has every picture, named by its alt text, and every picture loads', async () => {
      const images = nodes.filter((node) => node.role === 'image').map((node) => node.name);
      assert.deepEqual(images, manuscript.scenes.map((scene) => scene.picture.alt));
      const loaded = await page.$$eval('img', (imgs) => imgs.map((img) => img.complete && img.naturalWidth > 0));
      assert.deepEqual(loaded, manuscript.scenes.map(() => true));
      assert.deepEqual(failed, []);
    });

    it('has every audio description and every narration sentence, intro and close included', () => {
      const says = (paragraph: string, where: string) => {
        for (const sentence of sentencesOf(paragraph, manuscript.language)) assert.ok(text.includes(sentence), `${where}: ${sentence}`);
      };
      for (const part of [manuscript.intro, manuscript.close]) for (const paragraph of part.narration) says(paragraph, part.title);
      for (const scene of manuscript.scenes) {
        if (scene.description) says(scene.description, `${scene.id} description`);
        for (const paragraph of scene.narration) says(paragraph, `${scene.id} narration`);
      }
      assert.equal((text.match(new RegExp(words.audioDescription, 'g')) ?? []).length, manuscript.scenes.filter((scene) => scene.description).length);
    });

    it('gives every credit and source, and says the pictures stand in for others only when they do', () => {
      for (const credit of manuscript.credits) assert.ok(text.includes(credit.name), credit.name);
      for (const source of manuscript.sources) assert.ok(text.includes(source.replace(/\s+/g, ' ').trim()), source);
      const note = manuscript.pictures.standInNote?.replace(/\s+/g, ' ').trim();
      if (manuscript.pictures.standIn) assert.ok(note && text.includes(note));
    });

    it('offers the native audio player with its length in its name, in the story’s language', () => {
      const listen = { en: `Listen to ${manuscript.title}, `, es: `Escuchar ${manuscript.title}, ` }[manuscript.language] ?? '';
      const length = { en: / \d+ minutes? \d+ seconds?$/, es: / \d+ minutos? \d+ segundos?$/ }[manuscript.language] ?? /$^/;
      const audio = nodes.find((node) => (node.name ?? '').startsWith(listen));
      assert.ok(audio, `an audio element named "${listen}…"`);
      assert.match(audio.name ?? '', length);
    });
  });
}

describe('the front page with JavaScript off', () => {
  it('links every story', async () => {
    const server = await builtSite();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.goto(server.url, { waitUntil: 'load' });
      const links = await page.$$eval('.story-list a', (anchors) => anchors.map((a) => new URL(a.href).pathname));
      assert.deepEqual(links, storyFolders().map((folder) => `/${basename(folder)}/index.html`));
    } finally {
      await browser.close();
      await (await builtSite()).stop();
    }
  });
});
