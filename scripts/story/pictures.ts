/**
 * The responsive files made from each picture, named in one place: `npm run images` writes them,
 * the page's `srcset` offers them, and the service worker precaches and stands them in for one
 * another. A raster picture is never upscaled; an SVG is drawn at every width.
 */
import { posix } from 'node:path';
import sharp from 'sharp';
import type { PictureFile } from '../../src/story/timed-story.js';
import { STORY_FILES } from './paths.js';

/** Widths of the WebP and JPEG versions, where the source is at least that wide. */
export const PICTURE_WIDTHS = [480, 800, 1200, 1600] as const;
/** Side of the square artwork for podcast apps and the EPUB's cover (Apple asks for 1400–3000 px). */
export const ARTWORK_SIZE = 1400;
/**
 * Side of the square artwork the page gives lock screens. Chromium fetches and decodes it on the
 * page's main thread, every chapter's again at each change of chapter (a 1,400 px JPEG took 25–75 ms
 * there, measured in Chromium 156), and shows it at 512 px at most.
 */
export const LOCK_SCREEN_ARTWORK_SIZE = 512;

export interface PictureSource {
  width: number;
  height: number;
  webp: string;
  jpeg: string;
}

const isVector = (picture: PictureFile) => picture.file.toLowerCase().endsWith('.svg');

/** `images/the-plea.svg` → `the-plea`. */
export function pictureStem(picture: Pick<PictureFile, 'file'>): string {
  return posix.basename(picture.file).replace(/\.[^.]+$/, '');
}

/** The widths made of a picture: every standard width it can fill, or its own width when it is narrower than all of them. */
export function pictureWidths(picture: PictureFile): number[] {
  const fits = PICTURE_WIDTHS.filter((width) => isVector(picture) || width <= picture.width);
  return fits.length > 0 ? fits : [picture.width];
}

/** Every responsive file of a picture, narrowest first; paths relative to the story's folder. */
export function pictureSources(picture: PictureFile): PictureSource[] {
  const stem = pictureStem(picture);
  return pictureWidths(picture).map((width) => ({
    width,
    height: Math.round((width * picture.height) / picture.width),
    webp: posix.join(STORY_FILES.generatedImages, `${stem}-${width}.webp`),
    jpeg: posix.join(STORY_FILES.generatedImages, `${stem}-${width}.jpg`),
  }));
}

export interface ArtworkFile {
  width: number;
  height: number;
  jpeg: string;
}

/** The square artwork of a picture for podcast apps; relative to the story's folder. */
export function pictureArtwork(picture: Pick<PictureFile, 'file'>): ArtworkFile {
  return { width: ARTWORK_SIZE, height: ARTWORK_SIZE, jpeg: posix.join(STORY_FILES.generatedImages, `${pictureStem(picture)}-artwork.jpg`) };
}

/** The same square, small, for lock screens and the site's index; relative to the story's folder. */
export function pictureLockScreenArtwork(picture: Pick<PictureFile, 'file'>): ArtworkFile {
  const size = LOCK_SCREEN_ARTWORK_SIZE;
  return { width: size, height: size, jpeg: posix.join(STORY_FILES.generatedImages, `${pictureStem(picture)}-artwork-${size}.jpg`) };
}

/** Every file `npm run images` makes of a picture, in the order its manifest lists them. */
export function pictureFiles(picture: PictureFile): string[] {
  return [...pictureSources(picture).flatMap((source) => [source.webp, source.jpeg]), pictureArtwork(picture).jpeg, pictureLockScreenArtwork(picture).jpeg];
}

/**
 * A picture's size as it is shown: a camera's portrait is stored sideways with an EXIF orientation,
 * which every browser and `npm run images` apply.
 */
export async function readPictureFile(path: string, file: string): Promise<PictureFile> {
  const meta = await sharp(path).metadata();
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw new Error(`${file}: its size cannot be read`);
  return { file, width, height };
}
