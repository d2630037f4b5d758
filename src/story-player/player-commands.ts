import type { StoryChapter, TimeRange } from '../player-state/context.js';
import { CaptionsMode, DescriptionMode } from '../player-state/vocabulary.js';
import type { Announcer } from '../shared/announcer.js';
import type { FollowPicture } from './follow-picture.js';
import type { ShortcutCommands } from './keyboard-shortcuts.js';
import type { ListeningMemory } from './listening-memory.js';
import type { BarActions } from './player-bar.js';
import type { ControlsActions } from './player-controls.js';
import { steppedRate, type PreferenceProperties } from './player-preferences.js';
import type { RequestHandlers } from './request-map.js';
import type { ResumeOffer } from './resume-offer.js';

/** The player its commands drive: its public methods and the preferences the controls set. */
export interface CommandedPlayer extends PreferenceProperties {
  readonly storyChapters: readonly StoryChapter[];
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(time: number): void;
  skip(seconds: number): void;
  goToChapter(index: number): void;
  previousChapter(): void;
  nextChapter(): void;
  describe(sceneId: string, range?: TimeRange): void;
}

/** The player's inner parts its commands reach. */
export interface CommandParts {
  memory: Pick<ListeningMemory, 'save'>;
  follow: Pick<FollowPicture, 'jumped'>;
  status: Pick<Announcer, 'resolve'>;
  resume: Pick<ResumeOffer, 'resume' | 'startOver'>;
  toggleSettings(): void;
  openShortcuts(): void;
}

/**
 * What each way of asking does — the bar's buttons, the row of controls, the single-key shortcuts,
 * and the requests followers send up — as one set of typed maps onto the player's methods and
 * preferences, so that a caption toggle means the same from a button, a key or a transcript.
 */
export class PlayerCommands {
  readonly bar: BarActions;
  readonly controls: ControlsActions;
  readonly shortcuts: ShortcutCommands;
  readonly requests: RequestHandlers;
  /** The shortcuts dialog's switch. */
  readonly switchShortcuts: (on: boolean) => void;

  constructor(player: CommandedPlayer, parts: CommandParts) {
    this.bar = {
      togglePlay: () => player.togglePlay(),
      dismiss: () => parts.status.resolve(),
      resume: () => parts.resume.resume(),
      startOver: () => parts.resume.startOver(),
    };
    const controls: ControlsActions = {
      skip: (seconds) => player.skip(seconds),
      previousChapter: () => player.previousChapter(),
      nextChapter: () => player.nextChapter(),
      setRate: (rate) => (player.playbackRate = rate),
      setDescriptionRate: (rate) => (player.descriptionRate = rate),
      setDescriptions: (on) => (player.descriptions = on ? DescriptionMode.on : DescriptionMode.off),
      setCaptions: (on) => {
        player.captions = on ? CaptionsMode.on : CaptionsMode.off;
        parts.memory.save();
      },
      setPauseAfterPicture: (on) => (player.pauseAfterPhoto = on),
      setFollow: (on) => {
        player.noFollow = !on;
        // Switched on: the picture being narrated comes into view now.
        if (on) parts.follow.jumped();
        parts.memory.save();
      },
      toggleSettings: () => parts.toggleSettings(),
      openShortcuts: () => parts.openShortcuts(),
    };
    this.controls = controls;
    this.shortcuts = {
      togglePlay: () => player.togglePlay(),
      skip: (seconds) => player.skip(seconds),
      previousChapter: () => player.previousChapter(),
      nextChapter: () => player.nextChapter(),
      goToPicture: (number) => player.goToChapter(player.storyChapters.findIndex((c) => c.number === number)),
      changeRate: (step) => (player.playbackRate = steppedRate(player.playbackRate, step)),
      toggleDescriptions: () => controls.setDescriptions(player.descriptions !== DescriptionMode.on),
      toggleCaptions: () => controls.setCaptions(player.captions !== CaptionsMode.on),
      openShortcuts: () => parts.openShortcuts(),
    };
    this.requests = {
      'story-play-request': () => player.play(),
      'story-pause-request': () => player.pause(),
      'story-seek-request': (e) => player.seek(e.time),
      'story-describe-request': (e) => player.describe(e.sceneId, { start: e.start, end: e.end }),
      'story-descriptions-request': (e) => controls.setDescriptions(e.on),
      'story-captions-request': (e) => controls.setCaptions(e.on),
      'story-follow-request': (e) => controls.setFollow(e.on),
    };
    this.switchShortcuts = (on) => {
      player.noShortcuts = !on;
      parts.memory.save();
    };
  }
}
