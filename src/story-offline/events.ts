/** What `<story-offline>` tells the page. All bubble and cross shadow roots; none is cancelable. */
import type { SaveFailure } from './save-audio.js';

export const OfflineEventName = {
  saved: 'story-offline-saved',
  removed: 'story-offline-removed',
  error: 'story-offline-error',
  updateAvailable: 'story-offline-update-available',
} as const;

const init: EventInit = { bubbles: true, composed: true };

/** Every file of the story is in the cache (checked by the service worker). */
export class StoryOfflineSavedEvent extends Event {
  constructor(
    /** Bytes the whole story takes on the device: page, captions, photos and audio. */
    readonly bytes: number,
  ) {
    super(OfflineEventName.saved, init);
  }
}

/** The offline copy of the audio was removed at the listener's request. */
export class StoryOfflineRemovedEvent extends Event {
  constructor() {
    super(OfflineEventName.removed, init);
  }
}

/** Saving failed; nothing was claimed as saved. `message` is what the listener was shown. */
export class StoryOfflineErrorEvent extends Event {
  constructor(
    readonly failure: SaveFailure,
    readonly message: string,
  ) {
    super(OfflineEventName.error, init);
  }
}

/** A new version of the site is installed and waits for the listener to accept it. */
export class StoryOfflineUpdateAvailableEvent extends Event {
  constructor() {
    super(OfflineEventName.updateAvailable, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [OfflineEventName.saved]: StoryOfflineSavedEvent;
    [OfflineEventName.removed]: StoryOfflineRemovedEvent;
    [OfflineEventName.error]: StoryOfflineErrorEvent;
    [OfflineEventName.updateAvailable]: StoryOfflineUpdateAvailableEvent;
  }
}
