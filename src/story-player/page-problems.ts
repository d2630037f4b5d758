/**
 * What is wrong with an author's markup, in English and addressed to the author: these go to the
 * console (with the element) and to `error` events for embedders, never to the listener, like a
 * compiler's messages. Each names the place, what is wrong and what to write instead.
 */
import type { TrackKind } from '../player-state/vocabulary.js';

/** How a message names a scene: its heading and id, else whichever it has. */
export function sceneName(heading: string, id: string): string {
  if (heading && id) return `<story-scene id="${id}"> “${heading}”`;
  if (id) return `<story-scene id="${id}">`;
  return heading ? `<story-scene> “${heading}”` : 'A <story-scene> without an id or heading';
}

export const attributeMissing = (attribute: string): string => `has no ${attribute} attribute`;
export const attributeNotTime = (attribute: string, value: string): string =>
  `has ${attribute}="${value}", which is not a time in seconds`;
export const attributeNotAfter = (attribute: string, value: string, other: string, otherValue: string): string =>
  `has ${attribute}="${value}", which is not after ${other}="${otherValue}"`;
export const attributeBefore = (attribute: string, value: string, other: string, otherValue: string): string =>
  `has ${attribute}="${value}", which is before ${other}="${otherValue}"`;
export const attributeAfter = (attribute: string, value: string, other: string, otherValue: string): string =>
  `has ${attribute}="${value}", which is after ${other}="${otherValue}"`;

export const sceneTiming = (scene: string, problem: string): string =>
  `${scene} ${problem}. Give start and end, the scene's range in the episode in seconds; until then the player cannot tell when this picture plays (the rest of the story plays).`;

export const sceneDescription = (scene: string, problem: string): string =>
  `${scene} ${problem}. Give description-start and description-end inside the scene's start and end, or leave both out when the picture has no recorded description; until then the player ignores this range and uses the descriptions track's cue inside the scene, if there is one.`;

export const sceneDescriptionUntimed = (scene: string): string =>
  `${scene} has a .description block but no description-start and description-end: give the recorded description's range in the episode, in seconds, so that Describe and descriptions-off find it (or remove the block if the picture has no recorded description); until then the player uses the descriptions track's cue inside the scene, if there is one.`;

export const scenePictureKind = (scene: string, value: string): string =>
  `${scene} has picture-kind="${value}", which is neither "photograph" nor "illustration"; until it is one of them, its labels say "picture".`;

export const trackUnreadable = (kind: TrackKind, file: string, line: number, message: string): string =>
  `The ${kind} track ${file} could not be read (line ${line}: ${message}); the story plays without it until the file is valid WebVTT.`;

export const trackPartial = (kind: TrackKind, file: string, count: number, line: number, message: string): string =>
  `The ${kind} track ${file}: ${count} ${count === 1 ? 'part' : 'parts'} could not be read (first at line ${line}: ${message}); the rest of the file is used.`;
