/**
 * What the build compiles into the service worker besides the precache manifest: the episode audio
 * files (saved only when the listener asks) and the widths of each photo. Written by
 * `scripts/build/service-worker.ts`; read by the worker and, through messages, by `<story-offline>`.
 */

/** One episode audio file of the site, as built. */
export interface OfflineAudioFile {
  /** Relative to the worker's scope: `audio/episode.webm`. */
  url: string;
  /** MIME type with codecs, as on the page's `<source type>`. */
  type: string;
  bytes: number;
  /** Hash of the file's bytes: a saved copy of another revision is out of date. */
  revision: string;
}

/** The widths of one photo in one format, narrowest first. */
export interface PictureSet {
  sources: { url: string; width: number }[];
  /**
   * The photo's lock-screen artwork (a square JPEG the player asks for as it plays), when it has one.
   * It is not precached; offline, before it was ever shown, the nearest WebP of the photo stands in.
   */
  artwork?: { url: string; width: number };
}

export interface OfflineBuild {
  /** Changes whenever any precached file or audio file changes. */
  version: string;
  /** Bytes of every precached file together. */
  precacheBytes: number;
  /** The same bytes by where they belong: `''` the site's shell, else a story's folder (`at-the-line`). */
  precacheParts: Record<string, number>;
  audio: OfflineAudioFile[];
  pictures: PictureSet[];
}
