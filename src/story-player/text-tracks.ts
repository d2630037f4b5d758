import type { TrackKind } from '../player-state/vocabulary.js';

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
