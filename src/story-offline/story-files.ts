/**
 * Which of the site's files are one story's: its audio (the file the player would play) and its
 * share of the precache. Pure, so that a site of several stories counts and checks each apart.
 */
import type { OfflineAudioStatus, OfflineStatus } from '../service-worker/messages.js';

export interface StoryAudioChoice {
  /** The URL the player loaded; empty before it has loaded one. */
  loaded: string;
  /** The player's `<source>` URLs and types, in its order. */
  sources: ReadonlyArray<{ src: string; type: string }>;
  /** The story's folder in the site (absolute, ending in `/`) for an element outside a player, else ''. */
  folder: string;
  /** Whether this browser plays `type` (an empty type is tried). */
  playable(type: string): boolean;
}

/**
 * The audio file to save: the one the player loaded, else the first of its sources this browser
 * plays, as the player would pick it, else the first playable file in the story's folder.
 */
export function storyAudio(status: OfflineStatus, choice: StoryAudioChoice): OfflineAudioStatus | undefined {
  const byHref = (href: string) => status.audio.find((a) => a.href === href);
  const loaded = choice.loaded ? byHref(choice.loaded) : undefined;
  if (loaded) return loaded;
  for (const source of choice.sources) {
    const file = choice.playable(source.type) ? byHref(source.src) : undefined;
    if (file) return file;
  }
  return status.audio.find((a) => choice.playable(a.type) && a.href.startsWith(choice.folder));
}

/**
 * What of the precache is the story's whose audio is `audio`: the site's shell and the story's own
 * folder (the folder its audio is in). A site of one story, or no audio, counts everything.
 */
export function storyPrecache(status: OfflineStatus, audio: OfflineAudioStatus | undefined): { bytes: number; missing: string[] } {
  const folder = audio?.url.split('/')[0];
  const { parts, missing, bytes } = status.precache;
  if (!folder || !(folder in parts)) return { bytes, missing };
  const mine = (url: string) => !url.includes('/') || url.startsWith(`${folder}/`) || !(url.split('/')[0]! in parts);
  return { bytes: (parts[''] ?? 0) + (parts[folder] ?? 0), missing: missing.filter(mine) };
}
