/**
 * The soak: seeded random actions on a `<story-player>` at 2× (seek, skip, speed, descriptions and
 * captions on and off, chapter jumps, describe, pause and resume, a network cut), each followed by a
 * check that what the player shows matches what the media element howler plays through does.
 *
 * It runs in the page and uses only what a listener or an embedder has (the public API, the
 * controls in the shadow roots, the status region) and, for the truth, the media element in
 * howler's global list (`window.Howler._howls`). Imports are types only, so that bench/soak.ts can
 * bundle it for the built site. English words: the soaked stories are in English.
 *
 * The invariants, checked after every action (after a bounded wait for the state to settle: each
 * must hold at one moment within `settleMs`):
 *  1. one audio object: at most one Howl not unloaded;
 *  2. Pause shown ⇒ there is an element (that it plays is 13: it may wait for data a moment);
 *  3. the element playing with data (not paused, readyState ≥ HAVE_FUTURE_DATA), no description
 *     played alone ⇒ Pause shown; Play shown (no description played alone) ⇒ the element is paused
 *     or gone;
 *  4. `currentTime` within 0.3 s of the element's, the visible time within 1 s + what plays in
 *     two looks of the bar (SHOW_MS) of it;
 *  5. the current chapter is the one at the time (±0.6 s at a boundary), and the chapter list marks it;
 *  6. the element's speed is the player's `playbackRate`;
 *  7. descriptions off, none played alone, sound playing ⇒ the time is not inside a description;
 *  8. the descriptions and captions toggles say the modes; the caption line is hidden when they are off;
 *  9. after an audio error (the `error` event) and until the next `play`, an error is shown;
 * 10. paused (Play shown, the element silent) ⇒ no "Playing." in the status region; sound
 *     playing ⇒ no "Paused.";
 * 11. after `ended`: Play shown, the time at the end, "End of the story." heard;
 * 12. no uncaught exception or unhandled rejection.
 * And all the time, sampled every 100 ms (a stuck state does not wait for the next action):
 * 13. Pause is not shown over a silent element for more than GRACE_MS (buffering is shown after 2 s);
 * 14. Play is not shown (no description played alone) while the element's time advances for 500 ms;
 * 15. "Stop loading" does not last past the silence limit (15 s) and 2 s more.
 */
import type { StoryPlayer } from '../../../src/story-player/story-player.js';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SoakOptions {
  seed: number;
  /** How many actions (500). */
  actions: number;
  /** The speed the story plays at, and returns to after each other speed (2). */
  rate: number;
  /** Takes the network away for about `ms` milliseconds; resolves when it is back. */
  cut(ms: number): Promise<void>;
  /** The longest pause of the listener between two actions, in milliseconds. */
  thinkMs: number;
  /** How long a state may take to settle after an action, in milliseconds. */
  settleMs: number;
  /** Stop at the end of the story (true), or check the end and go on (Play starts again). */
  stopAtEnd: boolean;
  /** Called after each action that held (to measure along the way). */
  checkpoint?(action: number): Promise<void>;
}

export interface SoakReport {
  seed: number;
  /** Actions done. */
  actions: number;
  /** How often the story reached its end. */
  ends: number;
  ms: number;
  /** Of which waiting for the state to settle after the actions. */
  settleMs: number;
  /** Actions done by kind. */
  counts: Record<string, number>;
  /** Audio errors told (`error` events), as the failures the listener heard. */
  errors: string[];
  /** The first broken invariant, or null. */
  failure: string | null;
  /** The last LOG_KEPT actions, with the time and the button before each (kept short: it lives in the page the heap of which is measured). */
  log: string[];
}

interface HowlLike {
  _state: string;
  _sounds: { _node?: HTMLMediaElement }[];
}

type Button = 'pause' | 'waiting' | 'play';

/** What the player shows and what the element does, at one moment. */
interface Look {
  button: Button;
  node: HTMLMediaElement | undefined;
  howls: number;
  describing: boolean;
  time: number;
  shownTime: number | null;
  routine: string[];
  errors: string[];
}

/**
 * Pause may show this long over a silent element: buffering is shown 2 s after the wait began
 * (media-watch.ts, which looks every 250 ms), and the element may take a few hundred milliseconds
 * to report that it ran out (or a loaded machine to run the timers). A stuck Pause lasts forever.
 */
const GRACE_MS = 3000;
const SILENCE_MS = 15_000;
/** How many of the last actions the log keeps (a failure prints the last 40). */
const LOG_KEPT = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** "m:ss" or "h:mm:ss" as seconds. */
const seconds = (clock: string): number => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);

export async function soak(player: StoryPlayer, options: SoakOptions): Promise<SoakReport> {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const root = player.shadowRoot!;
  const $ = <T extends Element = HTMLElement>(selector: string): T | null => root.querySelector<T>(selector);
  const chapters = player.storyChapters;
  const length = (): number => {
    const text = $('.time')?.textContent ?? '';
    return seconds(text.split('/')[1]?.trim() ?? '0') || chapters.at(-1)?.end || 0;
  };
  const scenes = Array.from(player.querySelectorAll<HTMLElement>('story-scene')).filter((s) => s.shadowRoot?.querySelector('.describe'));

  const report: SoakReport = { seed: options.seed, actions: 0, ends: 0, ms: 0, settleMs: 0, counts: {}, errors: [], failure: null, log: [] };
  const exceptions: string[] = [];
  const onError = (e: ErrorEvent): void => void exceptions.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent): void => void exceptions.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  // What the player said and did, as a listener would know it.
  let errorPending = false;
  let ended = false;
  let heardEnd = false;
  const listeners: [string, () => void][] = [
    ['play', () => ((errorPending = false), (ended = false))],
    ['error', () => ((errorPending = true), report.errors.push(`#${report.actions}: ${look().errors.at(-1) ?? '(no message shown)'}`))],
    ['ended', () => ((ended = true), report.ends++)],
  ];
  for (const [type, listener] of listeners) player.addEventListener(type, listener);
  const region = $('[role="status"]')!;
  const said = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.textContent === 'End of the story.') heardEnd = true;
  });
  said.observe(region, { childList: true });

  function look(): Look {
    const howls = ((window as unknown as { Howler?: { _howls: HowlLike[] } }).Howler?._howls ?? []).filter((h) => h._state !== 'unloaded');
    const label = $('.play')?.getAttribute('aria-label') ?? '';
    const shown = /^(\d+:)?\d+:\d\d/.exec($('.time')?.textContent?.trim() ?? '');
    return {
      button: label.startsWith('Pause') ? 'pause' : label.startsWith('Stop loading') ? 'waiting' : 'play',
      node: howls[0]?._sounds[0]?._node,
      howls: howls.length,
      describing: scenes.some((s) => s.hasAttribute('describing')),
      time: player.currentTime,
      shownTime: shown ? seconds(shown[0]) : null,
      routine: Array.from(region.querySelectorAll('.routine'), (p) => p.textContent ?? ''),
      errors: Array.from(region.querySelectorAll('.error'), (p) => p.textContent ?? ''),
    };
  }

  const chapterAt = (time: number): number => {
    const i = chapters.findIndex((c) => time >= c.start && time < c.end);
    return i < 0 && time >= (chapters.at(-1)?.end ?? Infinity) ? chapters.length - 1 : i;
  };

  /** The invariants that fail at this moment (1–12). */
  function broken(): string[] {
    const l = look();
    const node = l.node;
    const bad: string[] = [];
    const sounding = !!node && !node.paused && !node.ended && node.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA;
    const state = node ? `element ${node.paused ? 'paused' : 'playing'} at ${node.currentTime.toFixed(2)} (readyState ${node.readyState})` : 'no element';
    if (l.howls > 1) bad.push(`${l.howls} audio objects`);
    if (l.button === 'pause' && !node) bad.push('Pause shown, no element');
    if (sounding && !l.describing && l.button !== 'pause') bad.push(`${l.button} shown, ${state}`);
    if (l.button === 'play' && !l.describing && node && !node.paused) bad.push(`Play shown, ${state}`);
    const rate = player.playbackRate;
    if (node && node.readyState >= HTMLMediaElement.HAVE_METADATA && !node.seeking) {
      if (Math.abs(l.time - node.currentTime) > 0.3) bad.push(`currentTime ${l.time.toFixed(2)}, ${state}`);
      if (Math.abs(node.playbackRate - rate) > 0.01) bad.push(`speed ${rate}, element at ${node.playbackRate}`);
    }
    if (l.shownTime !== null && Math.abs(l.shownTime - l.time) > 1 + 0.5 * rate + 0.1) bad.push(`time shown ${l.shownTime} s, currentTime ${l.time.toFixed(2)}`);
    const index = chapters.indexOf(player.currentChapter!);
    if (chapters.length > 0 && ![chapterAt(l.time - 0.6), chapterAt(l.time), chapterAt(l.time + 0.6)].includes(index)) {
      bad.push(`chapter ${index} current at ${l.time.toFixed(2)} s (chapter ${chapterAt(l.time)} there)`);
    }
    const marked = Array.from(root.querySelectorAll('#chapter-list button')).findIndex((b) => b.getAttribute('aria-current') === 'true');
    if (marked !== index) bad.push(`chapter list marks ${marked}, current ${index}`);
    if (player.descriptions === 'off' && !l.describing && sounding) {
      const inside = chapters.find((c) => c.description && l.time > c.description.start + 0.4 * rate && l.time < c.description.end - 0.05);
      if (inside) bad.push(`descriptions off, playing ${l.time.toFixed(2)} s inside ${inside.id}'s description`);
    }
    const pressed = (name: string): boolean | undefined => {
      const button = Array.from(root.querySelectorAll('.toggle')).find((b) => b.textContent?.trim() === name);
      return button ? button.getAttribute('aria-pressed') === 'true' : undefined;
    };
    if (pressed('Audio descriptions') !== (player.descriptions === 'on')) bad.push(`descriptions ${player.descriptions}, toggle pressed ${pressed('Audio descriptions')}`);
    if (pressed('Captions') !== (player.captions === 'on')) bad.push(`captions ${player.captions}, toggle pressed ${pressed('Captions')}`);
    const line = player.querySelector('story-captions')?.shadowRoot?.querySelector('.caption');
    if (line && (line as HTMLElement).hidden !== (player.captions === 'off')) bad.push(`captions ${player.captions}, caption line hidden ${(line as HTMLElement).hidden}`);
    if (errorPending && l.errors.length === 0) bad.push(`an audio error was told, none is shown (status: "${region.textContent}")`);
    if (l.button === 'play' && !l.describing && !sounding && l.routine.includes('Playing.')) bad.push(`"Playing." in the status region while paused (${JSON.stringify([...l.routine, ...l.errors])})`);
    if (sounding && !l.describing && l.routine.includes('Paused.')) bad.push(`"Paused." in the status region while playing`);
    if (ended) {
      if (l.button !== 'play') bad.push(`ended, ${l.button} shown`);
      if (Math.abs(l.time - length()) > 0.5) bad.push(`ended at ${l.time.toFixed(2)} s, the story is ${length()} s`);
      if (!heardEnd) bad.push('ended, "End of the story." not heard');
    }
    bad.push(...exceptions);
    return bad;
  }

  // 13–15, sampled all the time.
  const stuck: string[] = [];
  let lastNodeTime = -1;
  let silentSince: number | null = null;
  let advancingSince: number | null = null;
  let waitingSince: number | null = null;
  let pauseOverSilence: { ms: number; at: number } | null = null;
  const sampler = setInterval(() => {
    const l = look();
    const now = performance.now();
    const time = l.node ? l.node.currentTime : -1;
    const advancing = !!l.node && !l.node.paused && lastNodeTime >= 0 && time !== lastNodeTime;
    lastNodeTime = time;
    silentSince = advancing ? null : (silentSince ?? now);
    advancingSince = advancing ? (advancingSince ?? now) : null;
    // Pause over silence: told when it ends (how long it lasted, and what came), or at 10 s.
    const over = l.button === 'pause' && silentSince !== null ? now - silentSince : 0;
    if (over > 0) pauseOverSilence = { ms: over, at: l.time };
    else if (pauseOverSilence) {
      if (pauseOverSilence.ms > GRACE_MS) stuck.push(`Pause shown over silence for ${Math.round(pauseOverSilence.ms)} ms at ${pauseOverSilence.at.toFixed(2)} s, then ${l.button} (${l.node ? `readyState ${l.node.readyState}, networkState ${l.node.networkState}` : 'no element'})`);
      pauseOverSilence = null;
    }
    if (over > 10_000) stuck.push(`Pause shown over silence for ${Math.round(over)} ms at ${l.time.toFixed(2)} s, and still`);
    if (l.button === 'play' && !l.describing && advancingSince !== null && now - advancingSince > 500) stuck.push(`Play shown while the element plays (${time.toFixed(2)} s)`);
    waitingSince = l.button === 'waiting' ? (waitingSince ?? now) : null;
    if (waitingSince !== null && now - waitingSince > SILENCE_MS + 2000) stuck.push(`"Stop loading" for ${Math.round(now - waitingSince)} ms`);
  }, 100);

  let cutting: Promise<void> | null = null;
  const button = (selector: string): HTMLButtonElement | null => $<HTMLButtonElement>(selector);
  const labelled = (prefix: string): HTMLButtonElement | undefined =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('.controls button')).find((b) => b.getAttribute('aria-label')?.startsWith(prefix));
  const toggle = (name: string): HTMLButtonElement | undefined =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('.toggle')).find((b) => b.textContent?.trim() === name);

  /** The actions, with their weights; each returns what it did, for the log. */
  const actions: [number, string, () => string | Promise<string>][] = [
    [14, 'seek', () => {
      const to = random() * length();
      player.seek(to);
      return to.toFixed(2);
    }],
    [6, 'skip', () => {
      const back = random() < 0.5;
      labelled(back ? 'Back' : 'Forward')?.click();
      return back ? 'back' : 'forward';
    }],
    [8, 'rate', () => {
      const select = $<HTMLSelectElement>('.speed select')!;
      const to = player.playbackRate === options.rate ? pick(Array.from(select.options, (o) => o.value).filter((v) => Number(v) !== options.rate)) : String(options.rate);
      select.value = to;
      select.dispatchEvent(new Event('change'));
      return `${to}×`;
    }],
    [8, 'descriptions', () => {
      toggle('Audio descriptions')?.click();
      return player.descriptions === 'on' ? 'off → on' : 'on → off';
    }],
    [6, 'captions', () => {
      toggle('Captions')?.click();
      return player.captions === 'on' ? 'off → on' : 'on → off';
    }],
    [10, 'chapter', () => {
      const how = pick(['next', 'previous', 'list', 'api'] as const);
      if (how === 'next') labelled('Next')?.click();
      else if (how === 'previous') labelled('Previous')?.click();
      const index = Math.floor(random() * chapters.length);
      if (how === 'list') root.querySelectorAll<HTMLButtonElement>('#chapter-list button')[index]?.click();
      if (how === 'api') player.goToChapter(index);
      return how === 'list' || how === 'api' ? `${how} ${index}` : how;
    }],
    [6, 'describe', () => {
      const scene = scenes.length > 0 ? pick(scenes) : undefined;
      scene?.shadowRoot?.querySelector<HTMLButtonElement>('.describe')?.click();
      return scene?.id ?? '(no scene)';
    }],
    [22, 'play/pause', () => {
      button('.play')?.click();
      return '';
    }],
    [3, 'cut', () => {
      if (cutting) return 'already cut';
      const ms = Math.round(500 + random() * 2500);
      cutting = options.cut(ms).then(() => void (cutting = null));
      return `${ms} ms`;
    }],
    [4, 'listen', async () => {
      const ms = Math.round(200 + random() * 400);
      await sleep(ms);
      return `${ms} ms`;
    }],
  ];
  const total = actions.reduce((sum, [weight]) => sum + weight, 0);
  const choose = (): (typeof actions)[number] => {
    let r = random() * total;
    for (const action of actions) if ((r -= action[0]) < 0) return action;
    return actions[0]!;
  };

  /** Waits until every invariant holds at one moment (at most settleMs); what still fails, with what the sampler saw. */
  async function settled(): Promise<string[]> {
    const settling = performance.now();
    let bad = broken();
    while (bad.length > 0 && performance.now() < settling + options.settleMs) {
      await sleep(10);
      bad = broken();
    }
    report.settleMs += performance.now() - settling;
    // The end was checked: the next action moves on from it.
    ended = false;
    return [...bad, ...stuck];
  }

  const started = performance.now();
  try {
    for (let n = 1; n <= options.actions; n++) {
      if (ended) {
        // The story ended while the listener waited: the end, as it stands.
        const atEnd = await settled();
        if (atEnd.length > 0) {
          report.failure = `at the end, before action #${n}: ${atEnd.join('; ')}`;
          break;
        }
        if (options.stopAtEnd) break;
      }
      const [, kind, act] = choose();
      const before = look();
      const did = await act();
      report.actions = n;
      report.counts[kind] = (report.counts[kind] ?? 0) + 1;
      report.log.push(`#${n} ${((performance.now() - started) / 1000).toFixed(1)} s, at ${before.time.toFixed(2)} (${before.button}): ${kind} ${did}`);
      if (report.log.length > LOG_KEPT) report.log.shift();
      const endedNow = ended;
      const failure = await settled();
      if (failure.length > 0) {
        report.failure = `after action #${n} (${kind} ${did}): ${failure.join('; ')}`;
        break;
      }
      if (endedNow && options.stopAtEnd) break;
      await options.checkpoint?.(n);
      await sleep(random() * options.thinkMs);
    }
    await cutting;
  } finally {
    clearInterval(sampler);
    said.disconnect();
    for (const [type, listener] of listeners) player.removeEventListener(type, listener);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    report.ms = Math.round(performance.now() - started);
    report.settleMs = Math.round(report.settleMs);
  }
  return report;
}
