import type { StoryChapter } from '../player-state/context.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MediaSessionHandlers {
  play(): void;
  pause(): void;
  /** Relative seek in seconds (negative for back). */
  seekBy(seconds: number): void;
  seekTo(time: number): void;
  previous(): void;
  next(): void;
}

/** One chapter as the browser's media controls and lock screen list it. */
export interface MediaSessionChapter {
  title: string;
  startTime: number;
  artwork?: string;
}

export interface MediaSessionInfo {
  title: string;
  /** The story title, shown as the album. */
  album: string;
  artist: string;
  artwork?: string;
  /** Every chapter, for browsers that list them (`MediaMetadata.chapterInfo`, Chromium 127+). */
  chapters?: MediaSessionChapter[];
}

/** Whether this browser's `MediaMetadata` takes a chapter list. */
export const supportsChapterInfo = (): boolean => typeof MediaMetadata !== 'undefined' && 'chapterInfo' in MediaMetadata.prototype;

/**
 * The most chapters listed with their pictures. Chromium fetches and decodes every chapter's
 * artwork on the page's main thread again at each change of the metadata (200 images at a change
 * of title on a story of 300 pictures, measured in Chromium 156); a longer story's chapters are
 * listed by title and start alone, and the lock screen still shows the current picture.
 */
export const CHAPTER_ARTWORK_LIMIT = 24;

const hasMediaSession = (): boolean => typeof navigator !== 'undefined' && 'mediaSession' in navigator;

const imageType = (src: string): string | undefined => {
  const ext = new URL(src, document.baseURI).pathname.split('.').pop()?.toLowerCase();
  return ext ? ({ jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' } as Record<string, string>)[ext] : undefined;
};

/**
 * Lock-screen and headphone controls through the Media Session API, when the browser has it.
 *
 * The handlers are claimed when the story first plays (so that an idle player never takes the
 * session from another one on the page) and released when the host disconnects. Position state is
 * only set when it is valid: Chromium throws for an unknown duration or a position past the end.
 */
export class MediaSessionController implements ReactiveController {
  readonly #handlers: MediaSessionHandlers;
  #claimed = false;
  #lastMetadata = '';

  constructor(host: ReactiveControllerHost, handlers: MediaSessionHandlers) {
    this.#handlers = handlers;
    host.addController(this);
  }

  hostDisconnected(): void {
    if (!this.#claimed || !hasMediaSession()) return;
    for (const action of ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack'] as const) {
      this.#setHandler(action, null);
    }
    navigator.mediaSession.metadata = null;
    navigator.mediaSession.playbackState = 'none';
    this.#claimed = false;
  }

  /** Takes the session's actions for this player. */
  claim(): void {
    if (this.#claimed || !hasMediaSession()) return;
    this.#claimed = true;
    const h = this.#handlers;
    this.#setHandler('play', () => h.play());
    this.#setHandler('pause', () => h.pause());
    this.#setHandler('seekbackward', (d) => h.seekBy(-(d.seekOffset ?? 15)));
    this.#setHandler('seekforward', (d) => h.seekBy(d.seekOffset ?? 30));
    this.#setHandler('seekto', (d) => {
      if (typeof d.seekTime === 'number') h.seekTo(d.seekTime);
    });
    this.#setHandler('previoustrack', () => h.previous());
    this.#setHandler('nexttrack', () => h.next());
  }

  /** Sets title and artwork; a new `MediaMetadata` only when they change (each chapter). */
  setMetadata(info: MediaSessionInfo): void {
    if (!this.#claimed || typeof MediaMetadata === 'undefined') return;
    const key = JSON.stringify(info);
    if (key === this.#lastMetadata) return;
    this.#lastMetadata = key;
    const images = (src: string | undefined): MediaImage[] => (src ? [{ src, ...(imageType(src) ? { type: imageType(src) } : {}) }] : []);
    const init: MediaMetadataInit & { chapterInfo?: { title: string; startTime: number; artwork: MediaImage[] }[] } = {
      title: info.title,
      artist: info.artist,
      album: info.album,
      artwork: images(info.artwork),
    };
    if (info.chapters && supportsChapterInfo()) {
      const pictured = info.chapters.length <= CHAPTER_ARTWORK_LIMIT;
      init.chapterInfo = info.chapters.map((chapter) => ({ title: chapter.title, startTime: chapter.startTime, artwork: pictured ? images(chapter.artwork) : [] }));
    }
    navigator.mediaSession.metadata = new MediaMetadata(init);
  }

  /**
   * Shows chapter `index` of `chapters` on the lock screen, with every chapter for browsers that
   * list them. The intro and close have no picture of their own: the story's artwork stands in.
   */
  showChapter(chapters: readonly StoryChapter[], index: number, story: { title: string; artwork: string }): void {
    const storyArtwork = story.artwork ? new URL(story.artwork, document.baseURI).href : undefined;
    const chapter = chapters[index];
    const artwork = chapter?.artwork ?? storyArtwork;
    this.setMetadata({
      title: chapter?.title ?? story.title,
      album: story.title,
      artist: story.title,
      ...(artwork ? { artwork } : {}),
      chapters: chapters.map((c) => {
        const image = c.artwork ?? storyArtwork;
        return { title: c.title, startTime: c.start, ...(image ? { artwork: image } : {}) };
      }),
    });
  }

  setPlaybackState(playing: boolean): void {
    if (!this.#claimed) return;
    navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
  }

  /** Sets position state when duration, position and rate are valid; clears it otherwise. */
  setPosition(position: number, duration: number, rate: number): void {
    if (!this.#claimed || typeof navigator.mediaSession.setPositionState !== 'function') return;
    try {
      if (!Number.isFinite(duration) || duration <= 0 || !Number.isFinite(position) || !(rate > 0)) {
        navigator.mediaSession.setPositionState();
        return;
      }
      navigator.mediaSession.setPositionState({
        duration,
        playbackRate: rate,
        position: Math.min(Math.max(0, position), duration),
      });
    } catch {
      // Still invalid for this browser: the lock screen shows no progress, nothing else is lost.
    }
  }

  #setHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // This browser does not know the action.
    }
  }
}
