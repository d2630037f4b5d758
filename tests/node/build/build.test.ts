/**
 * npm run build renders every story from its timed story, and refuses — in words that say what to
 * run — a story whose pictures no longer match it.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, ROOT } from '../../../scripts/build/build.js';
import { buildImages, MANIFEST, type ImageManifest } from '../../../scripts/images/images.js';
import { narrate } from '../../../scripts/narrate/narrate.js';

const WIDER_SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><rect width="300" height="100" fill="#e07a1f"/></svg>';

describe('npm run build', () => {
  let story: string;
  before(async () => {
    story = await mkdtemp(join(tmpdir(), 'build-story-'));
    await cp(join(ROOT, 'tests/fixtures/two-sentences'), story, { recursive: true });
    await narrate({ story });
    await buildImages(story);
  });

  it('writes the front page, the story’s page, tracks, audio and pictures, and the service worker', async () => {
    const out = await buildSite({ stories: [story], out: await mkdtemp(join(tmpdir(), 'build-site-')) });
    for (const file of ['index.html', 'app.js', 'page.css', 'service-worker.js', 'two-sentences/index.html', 'two-sentences/captions/captions.vtt', 'two-sentences/audio/episode.mp3', 'two-sentences/images/generated/square-480.webp', 'two-sentences/feed.xml', 'two-sentences/transcript.html', 'two-sentences/transcript.json', 'two-sentences/two-sentences.epub']) {
      assert.ok(existsSync(join(out, file)), file);
    }
    assert.match(await readFile(join(out, 'index.html'), 'utf8'), /<a href="two-sentences\/index.html">Two Sentences<\/a>/);
  });

  it('refuses a picture changed since its files were made, and one resized since narration', async () => {
    const changed = await mkdtemp(join(tmpdir(), 'build-changed-'));
    await cp(story, changed, { recursive: true });
    await writeFile(join(changed, 'images/square.svg'), WIDER_SQUARE);
    const out = await mkdtemp(join(tmpdir(), 'build-site-'));
    await assert.rejects(buildSite({ stories: [changed], out }), /images\/square\.svg changed since its files were made: run npm run images, then npm run narrate/);
    await buildImages(changed);
    await assert.rejects(buildSite({ stories: [changed], out }), /images\/square\.svg is 300 × 100, but the timed story says 150 × 100: run npm run narrate/);
  });

  it('refuses pictures made by an older npm run images that lack a file the page names', async () => {
    const older = await mkdtemp(join(tmpdir(), 'build-older-'));
    await cp(story, older, { recursive: true });
    const manifestPath = join(older, MANIFEST);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ImageManifest;
    const square = manifest['images/square.svg']!;
    square.files = square.files.filter((file) => !file.endsWith('-artwork-512.jpg'));
    await writeFile(manifestPath, JSON.stringify(manifest));
    await assert.rejects(buildSite({ stories: [older], out: await mkdtemp(join(tmpdir(), 'build-site-')) }), /images\/square\.svg has no images\/generated\/square-artwork-512\.jpg: run npm run images/);
  });

  it('refuses a story that was never narrated, saying what to run', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'build-fresh-'));
    await cp(join(ROOT, 'tests/fixtures/two-sentences'), fresh, { recursive: true });
    await assert.rejects(buildSite({ stories: [fresh], out: await mkdtemp(join(tmpdir(), 'build-site-')) }), /timing\.json cannot be read as JSON .*: run npm run narrate/);
  });
});
