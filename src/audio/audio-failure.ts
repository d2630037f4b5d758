/**
 * Why the audio cannot play, so that the host can say it in words: not found, a network problem
 * (the server failed or broke off), a server that sent nothing (`silent`), a file that cannot be
 * decoded, no playable source, offline, a play the browser refused, or a file that ends before the
 * story does (`incomplete`).
 */
export type AudioFailure = 'missing' | 'network' | 'silent' | 'decode' | 'no-source' | 'offline' | 'refused' | 'incomplete';

/** How long the question "what is at this URL?" may take. */
const PROBE_MS = 5000;

/**
 * What happened to a source the element could not load. Chromium reports a 404, a reset connection
 * and an unplayable file all as MEDIA_ERR_SRC_NOT_SUPPORTED, so the URL is asked for its first
 * byte, then its last (the element reads the end of a WebM file before it plays): no answer is the
 * network, a 404 or 410 is a missing file, another refusal the server's problem (network), and a
 * file that is all there could not be decoded.
 */
export async function classify(src: string, code: number | undefined): Promise<AudioFailure> {
  if (!navigator.onLine) return 'offline';
  if (code === MediaError.MEDIA_ERR_NETWORK) return 'network';
  if (code === MediaError.MEDIA_ERR_DECODE) return 'decode';
  try {
    const first = await byte(src, 0);
    if (!first.ok) return first.status === 404 || first.status === 410 ? 'missing' : 'network';
    const size = Number(/\/(\d+)$/.exec(first.headers.get('Content-Range') ?? '')?.[1]);
    return size > 1 && !(await byte(src, size - 1)).ok ? 'network' : 'decode';
  } catch {
    return navigator.onLine ? 'network' : 'offline';
  }
}

async function byte(src: string, at: number): Promise<Response> {
  const response = await fetch(src, { headers: { Range: `bytes=${at}-${at}` }, cache: 'no-store', signal: AbortSignal.timeout(PROBE_MS) });
  void response.body?.cancel().catch(() => undefined);
  return response;
}

/** Of the failures of every source, the one to tell: what the listener can act on first. */
export function worst(failures: readonly AudioFailure[]): AudioFailure {
  const order: AudioFailure[] = ['offline', 'silent', 'network', 'missing', 'decode'];
  return order.find((f) => failures.includes(f)) ?? 'no-source';
}
