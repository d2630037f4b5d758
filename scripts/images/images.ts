/**
 * Renders the story illustrations (hand-drawn SVG in story/images/) to the raster files the page
 * and the podcast feed use, and writes story/images/generated/manifest.json.
 *
 * For every `story/images/<id>.svg` (viewBox 0 0 1500 1000, 3:2):
 * - `<id>-<w>.webp` and `<id>-<w>.jpg` for w in 480, 800, 1200, 1600 (height = w * 2 / 3);
 * - `<id>-artwork.jpg`, 1400×1400, a square crop for lock screens and podcast apps, centred on the
 *   SVG's `data-artwork-focus` x (viewBox units; default: the middle).
 *
 * Output is deterministic: fixed encoder options, no metadata, sorted manifest keys. The manifest
 * records each SVG's SHA-256, so a test can tell when the raster files are out of date.
 *
 * Run with `npm run images`. `buildImages(options)` renders another story's SVGs (a test fixture)
 * into another folder, at other sizes; without options it does exactly the above.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { JpegOptions, WebpOptions } from 'sharp';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const IMAGES_DIR = 'story/images';
export const OUT_DIR = 'story/images/generated';
export const MANIFEST = `${OUT_DIR}/manifest.json`;
export const WIDTHS = [480, 800, 1200, 1600] as const;
export const ARTWORK_SIZE = 1400;
export const VIEWBOX = { width: 1500, height: 1000 } as const;

/** Rendering scale for the master bitmap (×2 of the viewBox), downscaled to every output size. */
const MASTER_SCALE = 2;
const JPEG: JpegOptions = { quality: 74, mozjpeg: true, chromaSubsampling: '4:2:0' };
const WEBP: WebpOptions = { quality: 72, effort: 6, smartSubsample: true };
/** Background for flattening (never visible: every illustration paints its whole canvas). */
const BACKGROUND = '#2a2440';

export interface ImageSource {
  width: number;
  height: number;
  webp: string;
  jpeg: string;
}

export interface ImageEntry {
  /** The SVG this entry was rendered from, relative to the repository root. */
  svg: string;
  /** SHA-256 (hex) of the SVG file's bytes when the files were rendered. */
  sha256: string;
  width: number;
  height: number;
  sources: ImageSource[];
  artwork: { width: number; height: number; jpeg: string };
}

export type ImageManifest = Record<string, ImageEntry>;

export interface ImagesOptions {
  /** Folder that `images`, `out` and every path in the manifest are relative to; the repository by default. */
  root?: string;
  /** Folder of the SVGs; `story/images` by default. */
  images?: string;
  /** Folder that receives the rasters and manifest.json (emptied first); `story/images/generated` by default. */
  out?: string;
  /** Widths of the WebP and JPEG versions; `WIDTHS` by default. */
  widths?: readonly number[];
  /** Side of the square artwork; `ARTWORK_SIZE` by default. */
  artworkSize?: number;
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The square crop's horizontal centre, in viewBox units, from `data-artwork-focus` on the root. */
export function artworkFocus(svgText: string): number {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const m = /\bdata-artwork-focus\s*=\s*"([\d.]+)"/.exec(root);
  const x = m?.[1] !== undefined ? Number(m[1]) : VIEWBOX.width / 2;
  return Number.isFinite(x) ? x : VIEWBOX.width / 2;
}

class RenderError extends Error {}

async function renderOne(id: string, svgPath: string, options: Required<ImagesOptions>): Promise<ImageEntry> {
  const { root, out, widths, artworkSize } = options;
  const rel = (p: string): string => path.posix.join(out, p);
  const svg = await readFile(path.join(root, svgPath));
  const text = svg.toString('utf8');
  const masterW = VIEWBOX.width * MASTER_SCALE;
  const masterH = VIEWBOX.height * MASTER_SCALE;
  let master: Buffer;
  try {
    master = await sharp(svg, { density: 72 * MASTER_SCALE, failOn: 'error' })
      .resize(masterW, masterH, { fit: 'fill' })
      .flatten({ background: BACKGROUND })
      .removeAlpha()
      .raw()
      .toBuffer();
  } catch (err) {
    throw new RenderError(`images: could not render ${svgPath}: ${(err as Error).message}`);
  }
  const raw = { raw: { width: masterW, height: masterH, channels: 3 as const } };

  const sources: ImageSource[] = [];
  for (const width of widths) {
    const height = Math.round((width * VIEWBOX.height) / VIEWBOX.width);
    const resized = sharp(master, raw).resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
    const webp = rel(`${id}-${width}.webp`);
    const jpeg = rel(`${id}-${width}.jpg`);
    await writeFile(path.join(root, webp), await resized.clone().webp(WEBP).toBuffer());
    await writeFile(path.join(root, jpeg), await resized.clone().jpeg(JPEG).toBuffer());
    sources.push({ width, height, webp, jpeg });
  }

  // Square artwork: a full-height square of the master, centred on the focus and kept inside.
  const side = masterH;
  const centre = artworkFocus(text) * MASTER_SCALE;
  const left = Math.round(Math.min(Math.max(centre - side / 2, 0), masterW - side));
  const artwork = rel(`${id}-artwork.jpg`);
  await writeFile(
    path.join(root, artwork),
    await sharp(master, raw)
      .extract({ left, top: 0, width: side, height: side })
      .resize(artworkSize, artworkSize, { kernel: 'lanczos3' })
      .jpeg(JPEG)
      .toBuffer(),
  );

  return {
    svg: svgPath,
    sha256: sha256(svg),
    width: VIEWBOX.width,
    height: VIEWBOX.height,
    sources,
    artwork: { width: artworkSize, height: artworkSize, jpeg: artwork },
  };
}

/** Renders every SVG in story/images (or `options.images`) and writes the manifest. Returns it with the total bytes written. */
export async function buildImages(options: ImagesOptions = {}): Promise<{ manifest: ImageManifest; bytes: number }> {
  const resolved: Required<ImagesOptions> = {
    root: options.root ?? ROOT,
    images: options.images ?? IMAGES_DIR,
    out: options.out ?? OUT_DIR,
    widths: options.widths ?? WIDTHS,
    artworkSize: options.artworkSize ?? ARTWORK_SIZE,
  };
  const { root, images, out } = resolved;
  sharp.cache(false);
  const svgs = (await readdir(path.join(root, images)))
    .filter((name) => name.endsWith('.svg'))
    .sort();
  if (svgs.length === 0) throw new Error(`images: no SVG files in ${images}`);
  // Check every SVG parses and renders before touching the previous output.
  for (const name of svgs) {
    const svgPath = path.posix.join(images, name);
    try {
      await sharp(await readFile(path.join(root, svgPath)), { density: 12, failOn: 'error' }).png().toBuffer();
    } catch (err) {
      throw new RenderError(`images: could not render ${svgPath}: ${(err as Error).message}`);
    }
  }
  await rm(path.join(root, out), { recursive: true, force: true });
  await mkdir(path.join(root, out), { recursive: true });

  const manifest: ImageManifest = {};
  for (const name of svgs) {
    const id = name.slice(0, -'.svg'.length);
    manifest[id] = await renderOne(id, path.posix.join(images, name), resolved);
  }
  await writeFile(path.join(root, out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  let bytes = 0;
  for (const name of await readdir(path.join(root, out))) {
    if (!name.endsWith('.json')) bytes += (await readFile(path.join(root, out, name))).length;
  }
  return { manifest, bytes };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildImages().then(
    ({ manifest, bytes }) => {
      const ids = Object.keys(manifest);
      console.log(`images: ${ids.length} illustrations → ${OUT_DIR} (${(bytes / 1024).toFixed(0)} KiB in ${ids.length * 9} files)`);
    },
    (err: unknown) => {
      console.error(err instanceof RenderError ? err.message : err);
      process.exitCode = 1;
    },
  );
}
