import type { FailedPicture } from '../i18n/translation.js';
import { readPictureKind } from '../story/timed-story.js';

/**
 * The story's picture whose file is `url` (any of its widths or formats, in an `<img>` or a
 * `<picture>`'s `<source>` of a `<story-scene>` on the page), to name it in a message; undefined
 * for any other file.
 */
export function pictureOf(url: string, root: ParentNode = document): FailedPicture | undefined {
  const wanted = new URL(url, document.baseURI);
  wanted.search = '';
  const matches = (candidate: string): boolean => {
    try {
      const found = new URL(candidate, document.baseURI);
      found.search = '';
      return found.href === wanted.href;
    } catch {
      return false;
    }
  };
  for (const scene of Array.from(root.querySelectorAll('story-scene'))) {
    for (const el of Array.from(scene.querySelectorAll('img, source'))) {
      const urls = [el.getAttribute('src') ?? '', ...(el.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')];
      if (!urls.some((candidate) => candidate && matches(candidate))) continue;
      const number = Number(scene.getAttribute('number'));
      if (!number) return undefined;
      return { noun: readPictureKind(scene.getAttribute('picture-kind')) === 'photograph' ? 'photo' : 'picture', number };
    }
  }
  return undefined;
}
