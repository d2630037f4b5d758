import { parseWebVTT } from '../captions/webvtt.js';
import { cuePlainText, cueVoice, cueWords } from '../captions/cue-text.js';
import type { StoryCue } from '../player-state/context.js';
import { storyStrings } from '../player-state/strings.js';

/** The text tracks a player reads from its fallback `<audio>`. */
export type TrackKind = 'captions' | 'descriptions' | 'chapters';

export interface LoadedTrack {
  kind: TrackKind;
  cues: StoryCue[];
  /** A sentence for the status region when the file failed or is partly malformed; else null. */
  problem: string | null;
}

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
  const what = storyStrings.trackNames[kind];
  let text: string;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      const file = new URL(response.url || url, document.baseURI).pathname.split('/').pop() ?? url;
      return { kind, cues: [], problem: storyStrings.errorTrackMissing(what, `${file}: ${response.status} ${response.statusText}`.trim()) };
    }
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = navigator.onLine ? 'network error' : 'offline';
    return { kind, cues: [], problem: storyStrings.errorTrackMissing(what, detail) };
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
  const problem = !first
    ? null
    : storyCues.length === 0
      ? storyStrings.errorTrackMalformed(what, first.line, first.message)
      : storyStrings.errorTrackPartial(what, errors.length, first.line, first.message);
  return { kind, cues: storyCues, problem };
}
