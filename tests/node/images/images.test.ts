/**
 * The story illustrations: every scene's SVG exists and is a well-formed, self-contained 3:2
 * drawing, and the generated raster files (`npm run images`) exist, have the sizes the manifest
 * claims and are up to date with their SVGs.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { parse } from 'yaml';
import {
  ARTWORK_SIZE,
  IMAGES_DIR,
  MANIFEST,
  ROOT,
  VIEWBOX,
  WIDTHS,
  sha256,
  type ImageManifest,
} from '../../../scripts/images/images.js';

interface ManuscriptScene {
  id: string;
  photo: { file: string };
}

const abs = (p: string): string => path.join(ROOT, p);
const manuscript = parse(await readFile(abs('story/manuscript.yaml'), 'utf8')) as { scenes: ManuscriptScene[] };
const manifest = JSON.parse(await readFile(abs(MANIFEST), 'utf8')) as ImageManifest;
const svgIds = (await readdir(abs(IMAGES_DIR)))
  .filter((n) => n.endsWith('.svg'))
  .map((n) => n.slice(0, -4))
  .sort();

describe('illustration sources', () => {
  it('every scene photo.file exists, named after the scene', () => {
    assert.ok(manuscript.scenes.length > 0);
    for (const scene of manuscript.scenes) {
      const file = path.posix.join('story', scene.photo.file);
      assert.ok(existsSync(abs(file)), `${scene.id}: ${file} is missing`);
      assert.equal(path.posix.basename(file), `${scene.id}.svg`, `${scene.id}: photo.file should be images/${scene.id}.svg`);
    }
  });

  it('there is a cover illustration', () => {
    assert.ok(svgIds.includes('cover'), 'story/images/cover.svg is missing');
  });

  for (const id of svgIds) {
    it(`${id}.svg is a self-contained 1500×1000 drawing under 60 KB`, async () => {
      const file = abs(`${IMAGES_DIR}/${id}.svg`);
      const text = await readFile(file, 'utf8');
      assert.ok((await stat(file)).size < 60 * 1024, `${id}.svg is ${(await stat(file)).size} bytes`);
      assert.match(text, /<svg\b[^>]*\bviewBox="0 0 1500 1000"/, `${id}: viewBox must be 0 0 1500 1000`);
      assert.doesNotMatch(text, /<text\b|<image\b|@import|@font-face|xlink:href="http|href="http/, `${id}: no text, fonts or external references`);
      const meta = await sharp(Buffer.from(text), { density: 24 }).metadata();
      assert.equal(meta.format, 'svg');
      await sharp(Buffer.from(text), { density: 24, failOn: 'error' }).png().toBuffer();
    });
  }
});

describe('generated images', () => {
  it('the manifest covers exactly the SVGs, in sorted key order', () => {
    assert.deepEqual(Object.keys(manifest), svgIds);
  });

  for (const id of svgIds) {
    it(`${id}: files exist with the sizes the manifest claims and match the SVG`, async () => {
      const entry = manifest[id];
      assert.ok(entry, `${id} is not in ${MANIFEST}; run npm run images`);
      const svg = await readFile(abs(entry.svg));
      assert.equal(entry.sha256, sha256(svg), `${entry.svg} changed since the images were generated; run npm run images`);
      assert.deepEqual([entry.width, entry.height], [VIEWBOX.width, VIEWBOX.height]);
      assert.deepEqual(entry.sources.map((s) => s.width), [...WIDTHS]);

      for (const source of entry.sources) {
        assert.equal(source.height, Math.round((source.width * 2) / 3));
        for (const [file, format] of [[source.webp, 'webp'], [source.jpeg, 'jpeg']] as const) {
          assert.ok(existsSync(abs(file)), `${file} is missing`);
          const meta = await sharp(abs(file)).metadata();
          assert.equal(meta.format, format, file);
          assert.deepEqual([meta.width, meta.height], [source.width, source.height], file);
        }
      }

      assert.deepEqual([entry.artwork.width, entry.artwork.height], [ARTWORK_SIZE, ARTWORK_SIZE]);
      assert.ok(existsSync(abs(entry.artwork.jpeg)), `${entry.artwork.jpeg} is missing`);
      const art = await sharp(abs(entry.artwork.jpeg)).metadata();
      assert.equal(art.format, 'jpeg');
      assert.deepEqual([art.width, art.height], [1400, 1400]);
    });
  }
});
