import { PlaybackRates, type CaptionsMode, type DescriptionMode } from '../player-state/vocabulary.js';
import type { Preferences } from './listening-memory.js';

/** The player's properties that are the listener's preferences (saved per story). */
export interface PreferenceProperties {
  playbackRate: number;
  descriptionRate: number;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPhoto: boolean;
  noShortcuts: boolean;
  noFollow: boolean;
}

// The preferences are the element's properties (an embedder sets them as attributes) and are saved
// as `Preferences` (the listener's words: `shortcuts`, `follow`): one place maps the two ways.

/** The preferences to save, from the player's properties. */
export function preferencesOf(player: PreferenceProperties): Preferences {
  return {
    rate: player.playbackRate,
    descriptionRate: player.descriptionRate,
    descriptions: player.descriptions,
    captions: player.captions,
    pauseAfterPhoto: player.pauseAfterPhoto,
    shortcuts: !player.noShortcuts,
    follow: !player.noFollow,
  };
}

/** Sets the player's properties from what was saved (what is missing stays as it is). */
export function applyPreferences(player: PreferenceProperties, saved: Partial<Preferences>): void {
  if (saved.rate !== undefined) player.playbackRate = saved.rate;
  if (saved.descriptionRate !== undefined) player.descriptionRate = saved.descriptionRate;
  if (saved.descriptions) player.descriptions = saved.descriptions;
  if (saved.captions) player.captions = saved.captions;
  if (saved.pauseAfterPhoto !== undefined) player.pauseAfterPhoto = saved.pauseAfterPhoto;
  if (saved.shortcuts !== undefined) player.noShortcuts = !saved.shortcuts;
  if (saved.follow !== undefined) player.noFollow = !saved.follow;
}

/** Keeps both speeds within 0.75–2, whatever an embedder set (the descriptions' may also be 0: the story's). */
export function clampRates(player: PreferenceProperties): void {
  const rate = Math.min(2, Math.max(0.75, player.playbackRate || 1));
  if (rate !== player.playbackRate) player.playbackRate = rate;
  const descriptionRate = player.descriptionRate ? Math.min(2, Math.max(0.75, player.descriptionRate)) : 0;
  if (descriptionRate !== player.descriptionRate) player.descriptionRate = descriptionRate;
}

/** The speed one step slower (-1) or faster (+1) in the Speed menu; from a speed not in it, a step from 1. */
export function steppedRate(rate: number, step: -1 | 1): number {
  const rates: readonly number[] = PlaybackRates;
  const i = rates.indexOf(rate);
  return rates[Math.min(rates.length - 1, Math.max(0, (i < 0 ? rates.indexOf(1) : i) + step))] ?? rate;
}
