import type { AudioSource } from './howl-controller.js';

/**
 * The sources of a native `<audio>` (a no-script fallback), in its order: its `<source>`s with a
 * `src`, else its own `src`.
 */
export function sourcesOf(audio: HTMLAudioElement | null): AudioSource[] {
  if (!audio) return [];
  const sources = Array.from(audio.querySelectorAll('source'))
    .filter((s) => s.getAttribute('src'))
    .map((s) => ({ src: s.src, type: s.type }));
  return sources.length || !audio.getAttribute('src') ? sources : [{ src: audio.src, type: '' }];
}
