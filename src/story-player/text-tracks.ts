import { parseWebVTT } from '../captions/webvtt.js';
import { cuePlainText, cueVoice, cueWords } from '../captions/cue-text.js';
import type { StoryCue } from '../player-state/context.js';
import type { TrackKind } from '../player-state/vocabulary.js';

export type { TrackKind };

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

/**
 * Picks one `<track>` per kind: the `default` one first, else the first of its kind. Captions and
 * subtitles are interchangeable here; both are the spoken words.
 */
export function tracksOf(audio: HTMLMediaElement | null): Map<TrackKind, HTMLTrackElement> {
  const found = new Map<TrackKind, HTMLTrackElement>();
  if (!audio) return found;
  const tracks = Array.from(audio.querySelectorAll('track'));
  for (const kind of ['captions', 'descriptions', 'chapters'] as const) {
    const matching = tracks.filter((t) => {
      const k = (t.getAttribute('kind') ?? 'subtitles').toLowerCase();
      return kind === 'captions' ? k === 'captions' || k === 'subtitles' : k === kind;
    });
    const track = matching.find((t) => t.default) ?? matching[0];
    if (track?.getAttribute('src')) found.set(kind, track);
  }
  return found;
}

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
