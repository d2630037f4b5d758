/**
 * One voice at a time on a page: when a player (or a scene playing its description alone) starts,
 * every other one pauses. Told by an event on `document` whose name is shared by every copy of the
 * toolkit, so that separately bundled players on one page still hear each other.
 */
const STARTED = 'listen-photo-story:audio-start';

/** Says that `owner` started playing: every other owner pauses. */
export function startedPlaying(owner: EventTarget): void {
  document.dispatchEvent(new CustomEvent<EventTarget>(STARTED, { detail: owner }));
}

/** Calls `pause` whenever another owner starts playing; returns the function that stops listening. */
export function pauseWhenOthersPlay(owner: EventTarget, pause: () => void): () => void {
  const listener = (event: Event): void => {
    if ((event as CustomEvent<EventTarget>).detail !== owner) pause();
  };
  document.addEventListener(STARTED, listener);
  return () => document.removeEventListener(STARTED, listener);
}
