/**
 * Downloads one episode audio file whole into the cache, counting bytes as they arrive. Nothing half
 * written stays behind: `cache.put` stores a response only when its whole body was read, and any
 * failure deletes the key as well.
 */

/** Why a save stopped, for the element to say in words. */
export type SaveFailure =
  | { reason: 'offline' }
  | { reason: 'network' }
  | { reason: 'http'; status: number }
  | { reason: 'changed' }
  | { reason: 'quota' }
  | { reason: 'incomplete'; missing: number }
  | { reason: 'worker' }
  | { reason: 'cancelled' };

export class SaveError extends Error {
  constructor(
    readonly failure: SaveFailure,
    options?: ErrorOptions,
  ) {
    super(`saving for offline failed: ${failure.reason}`, options);
    this.name = 'SaveError';
  }
}

export interface AudioToSave {
  /** Absolute URL of the file. */
  href: string;
  /** Key in the cache (the URL with its revision). */
  cacheKey: string;
  /** The size the build recorded: anything else is another revision of the file. */
  bytes: number;
  type: string;
}

export interface SaveOptions {
  signal?: AbortSignal;
  /** Called as bytes arrive. */
  onProgress?: (loaded: number, total: number) => void;
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === DOMException.QUOTA_EXCEEDED_ERR);
}

const lost = (signal: AbortSignal | undefined, cause: unknown): SaveError =>
  new SaveError(signal?.aborted ? { reason: 'cancelled' } : navigator.onLine ? { reason: 'network' } : { reason: 'offline' }, { cause });

export async function saveAudio(file: AudioToSave, cacheName: string, options: SaveOptions = {}): Promise<void> {
  const { signal, onProgress } = options;
  let response: Response;
  try {
    response = await fetch(file.href, { cache: 'no-cache', ...(signal ? { signal } : {}) });
  } catch (error) {
    throw lost(signal, error);
  }
  if (response.status !== 200 || !response.body) {
    void response.body?.cancel();
    throw new SaveError({ reason: 'http', status: response.status });
  }

  let loaded = 0;
  let failure: SaveError | undefined;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      if (loaded > file.bytes) {
        failure = new SaveError({ reason: 'changed' });
        controller.error(failure);
        return;
      }
      controller.enqueue(chunk);
      onProgress?.(loaded, file.bytes);
    },
    flush(controller) {
      if (loaded !== file.bytes) {
        failure = new SaveError({ reason: 'changed' });
        controller.error(failure);
      }
    },
  });
  const headers = new Headers({
    'Content-Type': response.headers.get('content-type') ?? file.type,
    'Content-Length': String(file.bytes),
  });
  const cache = await caches.open(cacheName);
  try {
    await cache.put(file.cacheKey, new Response(response.body.pipeThrough(counter), { headers }));
  } catch (error) {
    await cache.delete(file.cacheKey).catch(() => false);
    if (failure) throw failure;
    if (isQuotaError(error)) throw new SaveError({ reason: 'quota' }, { cause: error });
    throw lost(signal, error);
  }
}
