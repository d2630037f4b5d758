/**
 * The pictures: every story's generated files (`npm run images`) exist at the sizes their names
 * promise and are up to date with their sources; and the pipeline takes a raster photograph of any
 * aspect ratio without upscaling it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { buildImages, MANIFEST, sha256, type ImageManifest } from '../../../scripts/images/images.js';
import { loadManuscript } from '../../../scripts/story/manuscript.js';
import { STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import { ARTWORK_SIZE, LOCK_SCREEN_ARTWORK_SIZE, pictureArtwork, pictureLockScreenArtwork, pictureSources } from '../../../scripts/story/pictures.js';

async function assertFiles(folder: string, manifest: ImageManifest): Promise<void> {
  for (const [file, entry] of Object.entries(manifest)) {
    assert.equal(entry.sha256, sha256(await readFile(join(folder, file))), `${file} changed since its images were made: run npm run images`);
    for (const source of pictureSources(entry)) {
      for (const [path, format] of [[source.webp, 'webp'], [source.jpeg, 'jpeg']] as const) {
        const meta = await sharp(join(folder, path)).metadata();
        assert.deepEqual([meta.format, meta.width, meta.height], [format, source.width, source.height], path);
      }
    }
    for (const [artwork, size] of [[pictureArtwork(entry), ARTWORK_SIZE], [pictureLockScreenArtwork(entry), LOCK_SCREEN_ARTWORK_SIZE]] as const) {
      const meta = await sharp(join(folder, artwork.jpeg)).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', size, size], artwork.jpeg);
    }
  }
}

describe('every story’s pictures', () => {
  for (const folder of storyFolders()) {
    it(`${basename(folder)}: has up-to-date files for exactly the pictures its manuscript names`, async () => {
      const manuscript = loadManuscript(join(folder, STORY_FILES.manuscript));
      const manifest = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as ImageManifest;
      const named = [...new Set([...manuscript.scenes.map((scene) => scene.picture.file), ...(manuscript.cover ? [manuscript.cover] : [])])].sort();
      assert.deepEqual(Object.keys(manifest).sort(), named, 'run npm run images');
      await assertFiles(folder, manifest);
    });
  }
});

describe('npm run images', () => {
  it('makes a camera portrait’s sizes upright, without upscaling it, keeping its aspect ratio, and squares its artwork', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'images-'));
    await cp(new URL('../../fixtures/two-sentences/', import.meta.url).pathname, folder, { recursive: true });
    await mkdir(join(folder, 'images'), { recursive: true });
    // A 900 × 1350 portrait stored as a camera does: 1350 × 900 pixels, turned by its EXIF orientation.
    const portrait = await sharp({ create: { width: 1350, height: 900, channels: 3, background: '#3a5f7a' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1350" height="900"><circle cx="500" cy="450" r="200" fill="#f2c14e"/></svg>') }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await writeFile(join(folder, 'images/portrait.jpg'), portrait);
    const manuscript = join(folder, STORY_FILES.manuscript);
    await writeFile(manuscript, (await readFile(manuscript, 'utf8')).replace('file: images/square.svg', 'file: images/portrait.jpg'));

    const { manifest } = await buildImages(folder);
    const entry = manifest['images/portrait.jpg']!;
    assert.deepEqual([entry.width, entry.height], [900, 1350]);
    assert.deepEqual(pictureSources(entry).map((source) => [source.width, source.height]), [[480, 720], [800, 1200]], 'no width above 900');
    assert.equal(existsSync(join(folder, STORY_FILES.generatedImages, 'portrait-1200.webp')), false);
    await assertFiles(folder, manifest);
    assert.deepEqual(Object.keys(manifest).sort(), ['images/portrait.jpg', 'images/square.svg']);
  });

  it('says which picture cannot be read, and leaves the previous files alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'images-'));
    await cp(new URL('../../fixtures/two-sentences/', import.meta.url).pathname, folder, { recursive: true });
    await buildImages(folder);
    const before = await readFile(join(folder, MANIFEST));
    await writeFile(join(folder, 'images/square.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect</svg>');
    await assert.rejects(buildImages(folder), /images: could not read .*images\/square\.svg/);
    assert.ok((await readFile(join(folder, MANIFEST))).equals(before));
  });
});
