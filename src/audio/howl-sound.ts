import type { Howl } from 'howler';

/**
 * The parts of howler's one sound that the controller reads and keeps in step: howler keeps them
 * private, and @types/howler does not describe them. With `html5: true` a Howl plays through one
 * media element (`_node`, from howler's pool: an element an unloaded Howl gave back).
 */
interface Sound {
  _node?: HTMLMediaElement;
  /** Where howler's next play() starts. */
  _seek: number;
  _paused: boolean;
  _rate: number;
}

interface HowlInternals {
  _sounds: Sound[];
  /** howler's pause; `internal` true keeps its 'pause' event back. */
  pause(id: number, internal: boolean): void;
}

const soundOf = (howl: Howl): Sound | undefined => (howl as unknown as HowlInternals)._sounds[0];

/** The media element the Howl plays through. */
export function elementOf(howl: Howl): HTMLMediaElement | undefined {
  const node = soundOf(howl)?._node;
  return node instanceof HTMLMediaElement ? node : undefined;
}

/** Pauses without howler's 'pause' event: the listener is not told (a move, or a pause already told). */
export function pauseQuietly(howl: Howl, id: number): void {
  (howl as unknown as HowlInternals).pause(id, true);
}

/**
 * Moves the element itself, and howler's note of where its next play() starts (it would move the
 * element back there). For a move howler cannot take now: it queues a seek while a play of its own
 * is pending, and the element would go on from the old place.
 */
export function moveSound(howl: Howl, time: number): void {
  const sound = soundOf(howl);
  if (sound) sound._seek = time;
  const node = elementOf(howl);
  if (node && Math.abs(node.currentTime - time) > 0.001) node.currentTime = time;
}

/**
 * Whether the element stands at its end (or would, moved to `time`): asked to play there, an
 * element starts again from 0.
 */
export function atEnd(node: HTMLMediaElement, time = node.currentTime): boolean {
  return node.ended || (Number.isFinite(node.duration) && node.duration > 0 && time >= node.duration);
}

/** Where the element stands, noted as where howler's next play() starts. */
export function keepPlace(howl: Howl): void {
  const sound = soundOf(howl);
  const node = elementOf(howl);
  if (sound && node && Number.isFinite(node.currentTime)) sound._seek = node.currentTime;
}

/**
 * Sets the speed on the element and in howler's sound. Not howler's `rate()`: it queues while a
 * play is pending, and replaces the element's 'ended' by a timer of its own. An element taken from
 * the pool and loaded again is back at 1×, so the speed is set again after each load.
 */
export function setSoundRate(howl: Howl, rate: number): void {
  const sound = soundOf(howl);
  if (sound) sound._rate = rate;
  const node = elementOf(howl);
  if (node && node.playbackRate !== rate) node.playbackRate = rate;
}
