import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
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
}

/**
 * The player's single-key shortcuts. They act while focus is inside the player (or on nothing: see
 * `ShortcutKeys`), never with Ctrl, Alt or Meta held, never while typing in a field, and not at all
 * when the listener turns them off (WCAG 2.1.4).
 */
export const shortcuts: readonly Shortcut[] = [
  { action: 'toggle-play', keys: ['k'] },
  { action: 'back', keys: ['j'] },
  { action: 'forward', keys: ['l'] },
  { action: 'previous-photo', keys: ['p'] },
  { action: 'next-photo', keys: ['n'] },
  { action: 'photo-number', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  { action: 'slower', keys: ['<'] },
  { action: 'faster', keys: ['>'] },
  { action: 'descriptions', keys: ['d'] },
  { action: 'captions', keys: ['c'] },
  { action: 'help', keys: ['?'] },
];

/** A line of the help dialog: the keys as shown, and what they do. */
export interface HelpRow {
  label: string;
  description: string;
}

/**
 * The shortcuts as the help dialog lists them, in the player's language: the number keys go up to
 * the number of pictures (at most 9), and picture words follow what the pictures are.
 */
export function shortcutRows(localize: LocalizeController, noun: PictureNoun, sceneCount: number): HelpRow[] {
  const t = localize;
  const last = Math.min(9, sceneCount);
  const rows: Record<ShortcutAction, HelpRow | null> = {
    'toggle-play': { label: 'K', description: t.term('keyTogglePlay') },
    back: { label: 'J', description: t.term('back', SkipSeconds.back) },
    forward: { label: 'L', description: t.term('forward', SkipSeconds.forward) },
    'previous-photo': { label: 'P', description: t.term('previousPicture', noun) },
    'next-photo': { label: 'N', description: t.term('nextPicture', noun) },
    'photo-number': last < 1 ? null : { label: last > 1 ? `1 … ${last}` : '1', description: t.term('keyPictureNumber', noun, last) },
    slower: { label: '<', description: t.term('keySlower') },
    faster: { label: '>', description: t.term('keyFaster') },
    descriptions: { label: 'D', description: t.term('keyDescriptions') },
    captions: { label: 'C', description: t.term('keyCaptions') },
    help: { label: '?', description: t.term('keyHelp') },
  };
  return shortcuts.map((s) => rows[s.action]).filter((row): row is HelpRow => row !== null);
}

/** Seconds the slider's arrow keys and Page Up / Page Down move. */
export const SliderStep = { arrow: 5, page: 30 } as const;

/**
 * The position slider's keys (they work even with shortcuts off). In a right-to-left page the
 * slider runs from the right, so → moves back and ← forward.
 */
export function sliderRows(localize: LocalizeController): HelpRow[] {
  const t = localize;
  return [
    { label: t.dir === 'rtl' ? '→ ←' : '← →', description: t.term('keySliderStep', SliderStep.arrow) },
    { label: t.term('keyNamesPage'), description: t.term('keySliderPage', SliderStep.page) },
    { label: t.term('keyNamesHomeEnd'), description: t.term('keySliderEnds') },
  ];
}

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

/** The player last pressed in (a click on its story's text leaves focus on the body), and the one last played. */
const chosen: { pressed: Element | null; played: Element | null } = { pressed: null, played: null };

/**
 * Listens for the single-key shortcuts on the player (so two players on a page never share them)
 * and runs the action of each, unless shortcuts are off or another handler took the key. With
 * focus on nothing (the page's body: the listener clicked the story's text, or scrolled it), keys
 * go to the player whose story was last pressed in, else to the one last played: the story being
 * read is the one they act on, and a page with two players never gives them to both.
 */
export class ShortcutKeys implements ReactiveController {
  readonly #host: HTMLElement;
  readonly #options: { enabled(): boolean; commands: ShortcutCommands };

  constructor(host: ReactiveControllerHost & HTMLElement, options: { enabled(): boolean; commands: ShortcutCommands }) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    this.#host.addEventListener('play', this.#onPlay);
    document.addEventListener('keydown', this.#onPageKeydown);
    document.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.#host.removeEventListener('play', this.#onPlay);
    document.removeEventListener('keydown', this.#onPageKeydown);
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
    if (chosen.pressed === this.#host) chosen.pressed = null;
    if (chosen.played === this.#host) chosen.played = null;
  }

  #onPlay = (): void => {
    chosen.played = this.#host;
  };

  #onPointerDown = (event: Event): void => {
    const path = event.composedPath();
    if (path.includes(this.#host)) chosen.pressed = this.#host;
    else if (chosen.pressed === this.#host) chosen.pressed = null;
  };

  #onPageKeydown = (event: KeyboardEvent): void => {
    const target = event.target;
    if ((target === document.body || target === document.documentElement) && (chosen.pressed ?? chosen.played) === this.#host) this.#onKeydown(event);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !this.#options.enabled()) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    event.preventDefault();
    runShortcut(this.#options.commands, shortcut.action, event.key);
  };
}

/** What the shortcuts can ask the player to do. */
export interface ShortcutCommands {
  togglePlay(): void;
  skip(seconds: number): void;
  previousChapter(): void;
  nextChapter(): void;
  /** Goes to picture `number` (1-based), if the story has it. */
  goToPicture(number: number): void;
  /** One speed slower (-1) or faster (+1). */
  changeRate(step: -1 | 1): void;
  toggleDescriptions(): void;
  toggleCaptions(): void;
  openShortcuts(): void;
}

/** Runs the action of a shortcut; `key` is the key pressed (the picture number for the number keys). */
export function runShortcut(commands: ShortcutCommands, action: ShortcutAction, key: string): void {
  const run: Record<ShortcutAction, () => void> = {
    'toggle-play': () => commands.togglePlay(),
    back: () => commands.skip(-SkipSeconds.back),
    forward: () => commands.skip(SkipSeconds.forward),
    'previous-photo': () => commands.previousChapter(),
    'next-photo': () => commands.nextChapter(),
    'photo-number': () => commands.goToPicture(Number(key)),
    slower: () => commands.changeRate(-1),
    faster: () => commands.changeRate(1),
    descriptions: () => commands.toggleDescriptions(),
    captions: () => commands.toggleCaptions(),
    help: () => commands.openShortcuts(),
  };
  run[action]();
}
