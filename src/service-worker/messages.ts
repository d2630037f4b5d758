/**
 * The conversation between the page (`<story-offline>`) and the service worker. The page asks with
 * `messageSW()` from workbox-window; the worker answers on the message's port.
 */
import type { OfflineAudioFile } from './offline-build.js';

/** Saved episode audio lives in `<prefix>-<scope>` (one entry per file and revision). */
export const AUDIO_CACHE_PREFIX = 'story-offline-audio';
/** What each open page of the site plays (one entry per client), shared by every version of the worker. */
export const CLIENTS_CACHE_PREFIX = 'story-offline-clients';
/** Photos at widths the precache does not hold (JPEG copies), cached when asked for. */
export const PICTURE_CACHE_PREFIX = 'story-offline-pictures';

/** One cache per service-worker scope, so two stories on one origin never touch each other's files. */
export const cacheNameFor = (prefix: string, scope: string): string => `${prefix}-${scope}`;

/** The search parameter that keys a saved audio file by revision. */
export const REVISION_PARAM = '__story_revision';

/** The key of `file`'s saved copy in the audio cache; `url` is absolute. */
export function audioCacheKey(url: string, revision: string): string {
  const key = new URL(url);
  key.searchParams.set(REVISION_PARAM, revision);
  return key.href;
}

export const OfflineMessage = {
  /** Page → worker: what is precached, what can be saved and what is saved. Answer: `OfflineStatus`. */
  status: 'STORY_OFFLINE_STATUS',
  /**
   * Page → waiting worker: activate now. Refused while a page of the site plays in another tab or
   * window (the requesting page pauses first). Answer, when sent with a port: `SkipWaitingAnswer`.
   */
  skipWaiting: 'SKIP_WAITING',
  /** Page → its worker, on load and on every play and pause: `ClientStateMessage`. No answer. */
  clientState: 'STORY_OFFLINE_CLIENT',
  /**
   * Page → worker: download the precached files that are missing from the cache again (Workbox
   * repairs only entries with `integrity` on its own). Answer: `RepairAnswer`.
   */
  repair: 'STORY_OFFLINE_REPAIR',
  /**
   * Worker → every window of its scope (controlled or not), while it installs: a file of the
   * precache could not be downloaded, so the install fails. `InstallFileFailedMessage`. No answer.
   */
  installFileFailed: 'STORY_OFFLINE_INSTALL_FILE_FAILED',
} as const;

export interface InstallFileFailedMessage {
  type: typeof OfflineMessage.installFileFailed;
  /** The file's URL (absolute, without the precache's revision parameter). */
  url: string;
  /** What the server answered (404, 500…), or 0 when no answer came (the network). */
  status: number;
  statusText: string;
}

export interface ClientStateMessage {
  type: typeof OfflineMessage.clientState;
  /** Whether the page's story plays now. */
  playing: boolean;
  /** The cache key of the audio revision the page was built with (its version's), if known. */
  audioKey?: string;
}

/** What the worker keeps for each open page. */
export interface ClientRecord {
  playing: boolean;
  audioKey?: string;
}

export interface SkipWaitingAnswer {
  activated: boolean;
  /** Pages other than the requesting one where the story plays now. */
  playingElsewhere: number;
}

export interface RepairAnswer {
  /** Manifest URLs still missing after the attempt. */
  missing: string[];
}

export interface OfflineAudioStatus extends OfflineAudioFile {
  /** Absolute URL, as the page's `<source src>` resolves. */
  href: string;
  /** The key under which the page must put the file in the audio cache. */
  cacheKey: string;
  /** Whether this revision is in the cache, whole (its size checked). */
  saved: boolean;
}

export interface OfflineStatus {
  /** The worker's build. */
  version: string;
  /** The cache that holds saved audio (`AUDIO_CACHE_PREFIX` and the scope). */
  audioCache: string;
  /** The precached files (app shell, captions, story data, photos): all must be present. */
  precache: {
    count: number;
    bytes: number;
    missing: string[];
    /** Bytes by where they belong: `''` the site's shell, else a story's folder. */
    parts: Record<string, number>;
  };
  audio: OfflineAudioStatus[];
}
