import type { CueIndex } from '../../../src/captions/index.js';

/** A timed item with a name, as the cue index tests use them: the name says which one was found. */
export interface Item {
  name: string;
  start: number;
  end: number;
}

export const item = (name: string, start: number, end: number): Item => ({ name, start, end });

/** The name of the item the index finds at `time`, if any. */
export const nameAt = (index: CueIndex<Item>, time: number): string | undefined => index.at(time)?.name;
