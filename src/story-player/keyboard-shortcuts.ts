import { storyStrings } from '../player-state/strings.js';
import { SkipSeconds } from '../player-state/vocabulary.js';

/** What a single-key shortcut does. */
export type ShortcutAction =
  | 'toggle-play'
  | 'back'
  | 'forward'
  | 'previous-photo'
  | 'next-photo'
  | 'photo-number'
  | 'slower'
  | 'faster'
  | 'descriptions'
  | 'captions'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** The keys as shown in the help dialog. */
  label: string;
  description: string;
}

/**
 * The player's single-key shortcuts. They act only while focus is inside the player, never with
 * Ctrl, Alt or Meta held, never while typing in a field, and not at all when the listener turns
 * them off (WCAG 2.1.4).
 */
export const shortcuts: readonly Shortcut[] = [
  { action: 'toggle-play', keys: ['k'], label: 'K', description: storyStrings.keys.togglePlay },
  { action: 'back', keys: ['j'], label: 'J', description: storyStrings.keys.back(SkipSeconds.back) },
  { action: 'forward', keys: ['l'], label: 'L', description: storyStrings.keys.forward(SkipSeconds.forward) },
  { action: 'previous-photo', keys: ['p'], label: 'P', description: storyStrings.keys.previousPhoto },
  { action: 'next-photo', keys: ['n'], label: 'N', description: storyStrings.keys.nextPhoto },
  { action: 'photo-number', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1 … 9', description: storyStrings.keys.photoNumber },
  { action: 'slower', keys: ['<'], label: '<', description: storyStrings.keys.slower },
  { action: 'faster', keys: ['>'], label: '>', description: storyStrings.keys.faster },
  { action: 'descriptions', keys: ['d'], label: 'D', description: storyStrings.keys.descriptions },
  { action: 'captions', keys: ['c'], label: 'C', description: storyStrings.keys.captions },
  { action: 'help', keys: ['?'], label: '?', description: storyStrings.keys.help },
];

/** Keys of the position slider, listed in the help dialog (they work even with shortcuts off). */
export const sliderKeys: readonly { label: string; description: string }[] = [
  { label: '← →', description: storyStrings.keys.sliderStep },
  { label: 'Page Up / Page Down', description: storyStrings.keys.sliderPage },
  { label: 'Home / End', description: storyStrings.keys.sliderEnds },
];

const typingTarget = (el: Element | null): boolean => {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
};

/** The shortcut a key press means, or null (wrong key, modifier held, typing in a field). */
export function shortcutFor(event: KeyboardEvent): Shortcut | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null;
  const target = event.composedPath()[0];
  if (target instanceof Element && typingTarget(target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return shortcuts.find((s) => s.keys.includes(key)) ?? null;
}
