/**
 * npm run images [-- stories/<id> …]
 *
 * Makes the responsive files of every picture a story's manuscript names (its scenes' pictures and
 * its cover), into `stories/<id>/images/generated/`, with the names `scripts/story/pictures.ts`
 * gives them:
 * - WebP and JPEG at every standard width the source can fill (a raster picture is never
 *   upscaled; an SVG is drawn at every width), keeping the aspect ratio;
 * - a square artwork cropped from the middle (an SVG may move the crop with
 *   `data-artwork-focus="x"` in viewBox units on its root element), at 1,400 px for podcast apps
 *   and at 512 px for lock screens.
 * Sources may be SVG, JPEG, PNG, WebP or AVIF, of any aspect ratio.
 *
 * Output is deterministic: fixed encoder options, no metadata. `manifest.json` records each source's
 * SHA-256 and size, so a test can tell when the files are out of date.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { JpegOptions, Sharp, WebpOptions } from 'sharp';
import type { PictureFile } from '../../src/story/timed-story.js';
import { runAsScript } from '../cli.js';
import { loadManuscript } from '../story/manuscript.js';
import { STORY_FILES, storyFolders } from '../story/paths.js';
import { ARTWORK_SIZE, pictureArtwork, pictureFiles, pictureLockScreenArtwork, pictureSources, readPictureFile } from '../story/pictures.js';

export const MANIFEST = `${STORY_FILES.generatedImages}/manifest.json`;

/** An SVG is drawn at twice the widest output, then scaled down, for clean edges. */
const SVG_SUPERSAMPLING = 2;
const JPEG: JpegOptions = { quality: 74, mozjpeg: true, chromaSubsampling: '4:2:0' };
const WEBP: WebpOptions = { quality: 72, effort: 6, smartSubsample: true };
/** Behind transparent pixels (JPEG has no alpha). */
const BACKGROUND = '#2a2440';

export interface ManifestEntry extends PictureFile {
  /** SHA-256 (hex) of the source file's bytes when its files were made. */
  sha256: string;
  files: string[];
}

export type ImageManifest = Record<string, ManifestEntry>;

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The square crop's horizontal centre as a fraction of the width, from an SVG's `data-artwork-focus`. */
export function artworkFocus(svgText: string, viewBoxWidth: number): number {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const x = Number(/\bdata-artwork-focus\s*=\s*"([\d.]+)"/.exec(root)?.[1]);
  return Number.isFinite(x) && viewBoxWidth > 0 ? Math.min(Math.max(x / viewBoxWidth, 0), 1) : 0.5;
}

class PictureError extends Error {}

/** The source as a flattened RGB master, at least as wide as every file made from it. */
async function master(path: string, data: Buffer, picture: PictureFile): Promise<Sharp> {
  const vector = path.toLowerCase().endsWith('.svg');
  const widest = Math.max(...pictureSources(picture).map((source) => source.width), ARTWORK_SIZE);
  const scale = vector ? Math.max(1, (widest * SVG_SUPERSAMPLING) / picture.width) : 1;
  try {
    const image = sharp(data, { failOn: 'error', autoOrient: true, ...(vector ? { density: 72 * scale } : {}) });
    const pixels = await image
      .resize(Math.round(picture.width * scale), Math.round(picture.height * scale), { fit: 'fill' })
      .flatten({ background: BACKGROUND })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: 3 } });
  } catch (error) {
    throw new PictureError(`images: could not read ${path}: ${(error as Error).message}`);
  }
}

async function makePicture(folder: string, file: string): Promise<ManifestEntry> {
  const path = join(folder, file);
  const data = await readFile(path).catch(() => {
    throw new PictureError(`images: ${path} does not exist`);
  });
  const picture = await readPictureFile(path, file).catch((error: Error) => {
    throw new PictureError(`images: could not read ${path}: ${error.message}`);
  });
  const source = await master(path, data, picture);
  const { width: masterWidth = 0, height: masterHeight = 0 } = await source.clone().metadata();
  for (const size of pictureSources(picture)) {
    const resized = source.clone().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' });
    await writeFile(join(folder, size.webp), await resized.clone().webp(WEBP).toBuffer());
    await writeFile(join(folder, size.jpeg), await resized.clone().jpeg(JPEG).toBuffer());
  }
  // Square artwork: the largest square of the master around the focus, kept inside.
  const side = Math.min(masterWidth, masterHeight);
  const focus = file.toLowerCase().endsWith('.svg') ? artworkFocus(data.toString('utf8'), picture.width) : 0.5;
  const left = Math.round(Math.min(Math.max(focus * masterWidth - side / 2, 0), masterWidth - side));
  const top = Math.round((masterHeight - side) / 2);
  const square = source.clone().extract({ left, top, width: side, height: side });
  for (const artwork of [pictureArtwork(picture), pictureLockScreenArtwork(picture)]) {
    await writeFile(join(folder, artwork.jpeg), await square.clone().resize(artwork.width, artwork.height, { kernel: 'lanczos3' }).jpeg(JPEG).toBuffer());
  }
  return { ...picture, sha256: sha256(data), files: pictureFiles(picture) };
}

/** Makes every picture of one story; returns its manifest and the bytes written. */
export async function buildImages(folder: string): Promise<{ manifest: ImageManifest; bytes: number }> {
  sharp.cache(false);
  const manuscript = loadManuscript(join(folder, STORY_FILES.manuscript));
  const files = [...new Set([...manuscript.scenes.map((scene) => scene.picture.file), ...(manuscript.cover ? [manuscript.cover] : [])])];
  // Read every source before touching the previous output.
  for (const file of files) await sharp(await readFile(join(folder, file)), { failOn: 'error' }).metadata().catch((error: Error) => {
    throw new PictureError(`images: could not read ${join(folder, file)}: ${error.message}`);
  });
  const out = join(folder, STORY_FILES.generatedImages);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const manifest: ImageManifest = {};
  for (const file of files.sort()) manifest[file] = await makePicture(folder, file);
  await writeFile(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  let bytes = 0;
  for (const name of await readdir(out)) if (!name.endsWith('.json')) bytes += (await stat(join(out, name))).size;
  return { manifest, bytes };
}

async function main(): Promise<void> {
  for (const folder of storyFolders(process.argv.slice(2))) {
    const { manifest, bytes } = await buildImages(folder);
    const count = Object.values(manifest).reduce((n, entry) => n + entry.files.length, 0);
    console.log(`images: ${Object.keys(manifest).length} pictures of ${folder} → ${STORY_FILES.generatedImages}/ (${(bytes / 1024).toFixed(0)} KiB in ${count} files)`);
  }
}

runAsScript(import.meta.url, async () => {
  try {
    await main();
  } catch (error) {
    throw error instanceof PictureError ? new Error(error.message) : error;
  }
});
