/**
 * Fetching and parsing one WebVTT file for the elements (the player's tracks, a scene's own
 * captions). It uses `fetch` and the document's base URL, so, unlike the rest of the captions core,
 * it runs only in a browser.
 */
import { parseWebVTT } from './webvtt.js';
import { cuePlainText, cueVoice, cueWords } from './cue-text.js';
import type { StoryCue } from '../player-state/context.js';
import type { TrackKind } from '../player-state/vocabulary.js';

/** What went wrong with a track file; the player puts it in words for the listener or the author. */
export type TrackProblem =
  /** The file did not come: the server's answer, or no network. */
  | { type: 'missing'; file: string; status: number | 'network' | 'offline'; statusText?: string }
  /** It came, and none of it could be read. */
  | { type: 'unreadable'; file: string; line: number; message: string }
  /** It came, and some cues could not be read. */
  | { type: 'partial'; file: string; count: number; line: number; message: string };

export interface LoadedTrack {
  kind: TrackKind;
  cues: StoryCue[];
  problem: TrackProblem | null;
}

const fileName = (url: string): string => new URL(url, document.baseURI).pathname.split('/').pop() || url;

/** Fetches and parses one WebVTT track. Never throws: failures come back as `problem`. */
export async function loadTrack(kind: TrackKind, url: string, signal?: AbortSignal): Promise<LoadedTrack> {
  const file = fileName(url);
  let text: string;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      const problem: TrackProblem = { type: 'missing', file: fileName(response.url || url), status: response.status, statusText: response.statusText };
      return { kind, cues: [], problem };
    }
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind, cues: [], problem: { type: 'missing', file, status: navigator.onLine ? 'network' : 'offline' } };
  }
  const { cues, errors } = parseWebVTT(text);
  const storyCues: StoryCue[] = cues.map((cue) => ({
    id: cue.id,
    start: cue.start,
    end: cue.end,
    text: cuePlainText(cue),
    voice: cueVoice(cue),
    words: kind === 'chapters' ? [] : cueWords(cue),
  }));
  const first = errors[0];
  const problem: TrackProblem | null = !first
    ? null
    : storyCues.length === 0
      ? { type: 'unreadable', file, line: first.line, message: first.message }
      : { type: 'partial', file, count: errors.length, line: first.line, message: first.message };
  return { kind, cues: storyCues, problem };
}
