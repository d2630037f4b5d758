/**
 * Fetching and parsing one WebVTT file for the elements (the player's tracks, a scene's own
 * captions). It uses `fetch` and the document's base URL, so, unlike the rest of the captions core,
 * it runs only in a browser.
 *
 * A long file (a three-hour story has 20,000 cues) is read in slices of a few milliseconds, each
 * in a task of its own, and a cue's text, speaker and timed words are read from its payload only
 * when something first asks for them (the caption line asks for one cue at a time, the transcript
 * for the sentences it shows): loading never holds the main thread for long.
 */
import { parseWebVTTInSlices, type WebVTTCue } from './webvtt.js';
import { cuePlainText, cueVoice, cueWords, type CueWord } from './cue-text.js';
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
  const { cues, errors } = await parseWebVTTInSlices(text, nextTask);
  if (signal?.aborted) throw signal.reason;
  const storyCues: StoryCue[] = cues.map((cue) => new PayloadCue(cue, kind !== 'chapters'));
  const first = errors[0];
  const problem: TrackProblem | null = !first
    ? null
    : storyCues.length === 0
      ? { type: 'unreadable', file, line: first.line, message: first.message }
      : { type: 'partial', file, count: errors.length, line: first.line, message: first.message };
  return { kind, cues: storyCues, problem };
}

const nextTask = (): Promise<void> => new Promise((go) => setTimeout(go));

/**
 * A cue of the track, its text, speaker and timed words read from the payload the first time each
 * is asked for, then kept: the same values `cuePlainText`, `cueVoice` and `cueWords` give.
 */
class PayloadCue implements StoryCue {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly #cue: Pick<WebVTTCue, 'start' | 'end' | 'text'>;
  readonly #timed: boolean;
  #text: string | undefined;
  #voice: string | null | undefined;
  #words: readonly CueWord[] | undefined;

  constructor(cue: WebVTTCue, timed: boolean) {
    this.id = cue.id;
    this.start = cue.start;
    this.end = cue.end;
    this.#cue = { start: cue.start, end: cue.end, text: cue.text };
    this.#timed = timed;
  }

  get text(): string {
    return (this.#text ??= cuePlainText(this.#cue));
  }

  get voice(): string | null {
    if (this.#voice === undefined) this.#voice = cueVoice(this.#cue);
    return this.#voice;
  }

  /** A chapter's words are never highlighted: none are read. */
  get words(): readonly CueWord[] {
    return (this.#words ??= this.#timed ? cueWords(this.#cue) : []);
  }
}
