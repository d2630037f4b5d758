/**
 * The audio engine the controller plays through: howler, imported on first use
 * (src/audio/howler-engine.ts), and the format it is told each source has.
 */

/** One `<source>` of the episode. */
export interface AudioSource {
  src: string;
  /** MIME type with codecs, as on `<source type>`; may be empty. */
  type: string;
}

export type AudioEngine = typeof import('./howler-engine.js');
let engineLoading: Promise<AudioEngine> | undefined;
let engine: AudioEngine | undefined;

/** howler, once imported. */
export function loadedAudioEngine(): AudioEngine | undefined {
  return engine;
}

/**
 * howler, imported once, on first use: the first `load()` waits for it. A page may call this
 * when it is idle, so that the first Play does not wait. A failed import is asked for again next
 * time: Chromium fetches it again; a browser that keeps a failed module fetch for the page's life
 * (the HTML rule before whatwg/html#10327) fails again until the page is reloaded.
 */
export function loadAudioEngine(): Promise<AudioEngine> {
  engineLoading ??= import('./howler-engine.js').then(
    (loaded) => (engine = loaded),
    (error: unknown) => {
      engineLoading = undefined;
      throw error;
    },
  );
  return engineLoading;
}

let prefetchAsked = false;

/**
 * Asks for howler once the page is idle, so that the first Play does not wait for it: once per
 * page, however many players and scenes ask.
 */
export function prefetchAudioEngine(): void {
  if (prefetchAsked) return;
  prefetchAsked = true;
  const prefetch = (): void => void loadAudioEngine().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 5000 });
  else setTimeout(prefetch, 1000);
}

/** An import that has not settled is given up: the next `loadAudioEngine()` imports again. */
export function retryAudioEngineLoad(): void {
  if (!engine) engineLoading = undefined;
}

/** The format howler is told a source has: by its type, else its extension, else what the element makes of it. */
export function howlerFormat({ Howler }: AudioEngine, { src, type }: AudioSource): string {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const byType: Record<string, string> = {
    'audio/webm': 'webm',
    'audio/ogg': 'ogg',
    'audio/mpeg': 'mp3',
    'audio/mp3': 'mp3',
    'audio/mp4': 'm4a',
    'audio/aac': 'aac',
    'audio/wav': 'wav',
    'audio/flac': 'flac',
  };
  const extension = new URL(src, document.baseURI).pathname.split('.').pop()?.toLowerCase() ?? '';
  // An untyped source with no known extension: the element sniffs what it is (howler would refuse
  // it at once, with no request); a file it cannot play fails there and the next source is tried.
  return byType[mime] ?? (Howler.codecs(extension) ? extension : 'mp3');
}
