/**
 * Typed request events. Descendants of `<story-player>` never touch the audio; they dispatch one of
 * these and the player decides. All bubble, cross shadow roots and can be cancelled by a listener
 * between the sender and the player.
 */
import { StoryNotice, StoryRequest } from './vocabulary.js';

const requestInit: EventInit = { bubbles: true, composed: true, cancelable: true };

/** Asks the player to play the story from its current position. */
export class StoryPlayRequestEvent extends Event {
  constructor() {
    super(StoryRequest.play, requestInit);
  }
}

/** Asks the player to pause (the story, or a description being played on its own). */
export class StoryPauseRequestEvent extends Event {
  constructor() {
    super(StoryRequest.pause, requestInit);
  }
}

/** Asks the player to move to `time` seconds; it keeps playing if it was. */
export class StorySeekRequestEvent extends Event {
  constructor(
    /** Seconds from the start of the episode. */
    readonly time: number,
  ) {
    super(StoryRequest.seek, requestInit);
  }
}

/** Asks the player to play one photo's audio description on its own and then stop. */
export class StoryDescribeRequestEvent extends Event {
  constructor(
    /** The `id` of the `<story-scene>` whose description should play. */
    readonly sceneId: string,
    /** The description's range in the episode, in seconds. */
    readonly start: number,
    readonly end: number,
  ) {
    super(StoryRequest.describe, requestInit);
  }
}

/** Asks the player to turn audio descriptions on or off during the story. */
export class StoryDescriptionsRequestEvent extends Event {
  constructor(readonly on: boolean) {
    super(StoryRequest.descriptions, requestInit);
  }
}

/** Asks the player to show or hide the caption line. */
export class StoryCaptionsRequestEvent extends Event {
  constructor(readonly on: boolean) {
    super(StoryRequest.captions, requestInit);
  }
}

/** Asks the player to follow the narration on the page ("Follow along") or not; the listener's choice, saved. */
export class StoryFollowRequestEvent extends Event {
  constructor(readonly on: boolean) {
    super(StoryRequest.follow, requestInit);
  }
}

/** The player's current chapter changed during playback or after a jump. */
export class StoryChapterChangeEvent extends Event {
  constructor(
    /** The new chapter's id (`intro`, `scene-3`, `close`). */
    readonly chapterId: string,
  ) {
    super(StoryNotice.chapterChange, { bubbles: true, composed: true });
  }
}

/**
 * The episode audio or a text track failed, or the page's markup has a problem; `message` says
 * what happened, in words. A failure the listener notices is said in the listener's language (and
 * in the status region); a problem in the markup is said to the author, in English, and only here
 * and in the console.
 *
 * It is an `ErrorEvent`, so `addEventListener('error', …)` is typed as one by the DOM's own event
 * map; `event instanceof StoryErrorEvent` gives `source` and `element`.
 */
export class StoryErrorEvent extends ErrorEvent {
  constructor(
    message: string,
    /** What failed: the audio, a refused play, one of the text tracks, or a `<story-scene>`'s markup. */
    readonly source: 'audio' | 'play' | 'captions' | 'descriptions' | 'chapters' | 'scene',
    /** For a problem in the markup: the element it is in (the `<story-scene>`, the `<track>`). */
    readonly element: Element | null = null,
  ) {
    super(StoryNotice.error, { message });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [StoryRequest.play]: StoryPlayRequestEvent;
    [StoryRequest.pause]: StoryPauseRequestEvent;
    [StoryRequest.seek]: StorySeekRequestEvent;
    [StoryRequest.describe]: StoryDescribeRequestEvent;
    [StoryRequest.descriptions]: StoryDescriptionsRequestEvent;
    [StoryRequest.captions]: StoryCaptionsRequestEvent;
    [StoryRequest.follow]: StoryFollowRequestEvent;
    [StoryNotice.chapterChange]: StoryChapterChangeEvent;
  }
}
