/**
 * The one vocabulary of the player: the names of the events that flow up to `<story-player>` and of
 * the states that flow down from it. Components import these names; none spells them itself.
 */

/** Requests sent up to the player by its descendants (bubbling, composed, cancelable). */
export const StoryRequest = {
  play: 'story-play-request',
  pause: 'story-pause-request',
  seek: 'story-seek-request',
  describe: 'story-describe-request',
  descriptions: 'story-descriptions-request',
  captions: 'story-captions-request',
  follow: 'story-follow-request',
} as const;
export type StoryRequestName = (typeof StoryRequest)[keyof typeof StoryRequest];

/** Notifications the player dispatches on itself, named like the media element's own. */
export const StoryNotice = {
  play: 'play',
  pause: 'pause',
  ended: 'ended',
  error: 'error',
  chapterChange: 'story-chapter-change',
} as const;

/** Whether recorded audio descriptions play with the story, or are skipped. */
export const DescriptionMode = { on: 'on', off: 'off' } as const;
export type DescriptionMode = (typeof DescriptionMode)[keyof typeof DescriptionMode];

/** Whether the caption line shows. */
export const CaptionsMode = { on: 'on', off: 'off' } as const;
export type CaptionsMode = (typeof CaptionsMode)[keyof typeof CaptionsMode];

/** Where the episode audio stands. */
export const AudioStatus = {
  /** Nothing requested yet (no network used). */
  idle: 'idle',
  loading: 'loading',
  ready: 'ready',
  error: 'error',
} as const;
export type AudioStatus = (typeof AudioStatus)[keyof typeof AudioStatus];

/** The speeds offered, slowest first. Pitch is kept at every speed. */
export const PlaybackRates = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** Seconds skipped by the back and forward controls. */
export const SkipSeconds = { back: 15, forward: 30 } as const;

/** The text tracks a player reads from its fallback `<audio>`. */
export type TrackKind = 'captions' | 'descriptions' | 'chapters';
