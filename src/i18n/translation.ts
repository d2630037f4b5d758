/**
 * The shape of a dictionary: every word the components show or say, typed. A term is a string, or
 * a function of the values it needs whose last argument is the element's `Formats` (numbers, times
 * and sizes in the element's language), so a translator writes whole phrases and never pastes
 * fragments together.
 */
import type { TrackKind } from '../player-state/vocabulary.js';
import type { Formats } from './formats.js';

/** How a label names a picture: "photo" for a photograph, "picture" for anything else. */
export type PictureNoun = 'photo' | 'picture';
/** A picture of the story, named in a message: its noun and number. */
export interface FailedPicture {
  noun: PictureNoun;
  number: number;
}

export interface Terms {
  // ─── <story-player>: the bar ───────────────────────────────────────────────────────────────
  /** The bar's region name: "Story player: At the Line". */
  player: (title: string, f: Formats) => string;
  /** Play, named with the story and its length: "Play At the Line, 8 minutes 42 seconds". */
  play: (title: string, duration: number, f: Formats) => string;
  pause: (title: string, f: Formats) => string;
  /** The visible text of the Play and Pause button. */
  playShort: string;
  pauseShort: string;
  /** The Play button while the audio is awaited: its visible word, and its name (pressing it stops waiting). */
  loadingShort: string;
  stopLoading: (title: string, f: Formats) => string;
  back: (seconds: number, f: Formats) => string;
  forward: (seconds: number, f: Formats) => string;
  /** Also the shortcut P, which restarts the current picture first. */
  previousPicture: (noun: PictureNoun, f: Formats) => string;
  nextPicture: (noun: PictureNoun, f: Formats) => string;
  /** The slider's name. */
  position: string;
  /** The slider's `aria-valuetext`: "2 minutes 5 seconds of 8 minutes 42 seconds" (only the position while the length is unknown). */
  positionText: (position: number, duration: number, f: Formats) => string;
  speed: string;
  /** The label of the descriptions' own speed. */
  descriptionSpeed: string;
  /** The descriptions' speed when it follows the story's. */
  sameSpeed: string;
  /** A speed in the speed menu: "1.25×". */
  rate: (rate: number, f: Formats) => string;
  descriptions: string;
  captions: string;
  pauseAfterPicture: (noun: PictureNoun, f: Formats) => string;
  chapters: string;
  /** The button that unfolds speed and toggles on a narrow bar. */
  settings: string;
  /** In a short window (zoomed in, a phone on its side) the bar is one row: this shows the slider and the other controls. */
  moreControls: string;
  /** The help button and the help dialog's title. */
  shortcuts: string;
  shortcutsIntro: string;
  /** The switch that turns the single-key shortcuts on and off. */
  shortcutsSwitch: string;
  close: string;
  /** Heading of the slider's keys in the help dialog. */
  sliderKeys: string;
  keyColumn: string;
  actionColumn: string;
  /** "Resume at photo 2, 1:05"; `number` is absent in the intro and the close. */
  resume: (noun: PictureNoun, number: number | undefined, position: number, f: Formats) => string;
  startOver: string;
  /** A chapter's title when neither the page nor the chapters track gives one. */
  pictureTitle: (noun: PictureNoun, number: number, f: Formats) => string;
  partTitle: (number: number, f: Formats) => string;

  // ─── <story-player>: the polite status region ──────────────────────────────────────────────
  statusPlaying: string;
  statusPaused: string;
  statusEnded: string;
  /** After a jump: the chapter's title, as a sentence. */
  statusChapter: (title: string, f: Formats) => string;
  statusPausedAfterPicture: (noun: PictureNoun, number: number, f: Formats) => string;
  statusDescribing: (noun: PictureNoun, number: number | undefined, f: Formats) => string;
  statusDescribed: string;
  /** Said once when the listener has waited about 2 s for the audio. */
  statusBuffering: string;

  // ─── <story-player>: what went wrong, for the listener ─────────────────────────────────────
  errorAudioMissing: string;
  errorAudioNetwork: string;
  errorAudioDecode: string;
  /** Offline, and the audio is not saved on this device. */
  errorOffline: string;
  errorNoSource: string;
  errorPlayRefused: string;
  /** The server sent nothing for 15 s; the place is kept. */
  errorAudioSilent: string;
  /** The audio file ends before the story does (a truncated file); the place is kept. */
  errorAudioIncomplete: string;
  /** The button that hides the error messages shown in the status line. */
  dismiss: string;
  /** A text track failed to load; `detail` is the file and the server's answer ("captions.vtt: 404 Not Found") or a `trackDetail…` term. */
  trackMissing: (kind: TrackKind, detail: string, f: Formats) => string;
  trackDetailNetwork: string;
  /** A picture of the story did not load; `detail` is the file and what happened ("the-boat-800.jpg: 404 Not Found") or `trackDetailNetwork`. */
  pictureMissing: (noun: PictureNoun, number: number, detail: string, f: Formats) => string;
  trackDetailOffline: string;
  /** A text track came but none of it could be read. */
  trackUnreadable: (kind: TrackKind, f: Formats) => string;

  // ─── <story-player>: the keyboard shortcuts dialog ─────────────────────────────────────────
  keyTogglePlay: string;
  /** The keys 1 … `last` (at most 9): "Go to photo 1 to 9". */
  keyPictureNumber: (noun: PictureNoun, last: number, f: Formats) => string;
  keySlower: string;
  keyFaster: string;
  keyDescriptions: string;
  keyCaptions: string;
  keyHelp: string;
  keySliderStep: (seconds: number, f: Formats) => string;
  keySliderPage: (seconds: number, f: Formats) => string;
  keySliderEnds: string;
  /** Key names as printed on keyboards in the language. */
  keyNamesPage: string;
  keyNamesHomeEnd: string;

  // ─── <story-scene> ─────────────────────────────────────────────────────────────────────────
  describe: (noun: PictureNoun, f: Formats) => string;
  describeStop: string;
  /** Follows the Describe button's label in its name: "photo 1, 20 seconds". */
  describeDetail: (noun: PictureNoun, number: number | undefined, length: number, f: Formats) => string;
  currentPicture: (noun: PictureNoun, f: Formats) => string;
  /** The visible label of a picture's button that copies a link to it. */
  copyLink: string;
  /** Its name: "Copy link to picture 3" (begins with `copyLink`). */
  copyLinkTo: (noun: PictureNoun, number: number | undefined, f: Formats) => string;
  linkCopied: string;
  /** The clipboard refused: the link itself, to copy by hand. */
  linkNotCopied: (url: string, f: Formats) => string;
  /** A scene playing its description alone: the audio stopped loading, did not start in time, or the browser did not let it start. */
  describeFailed: (noun: PictureNoun, f: Formats) => string;

  // ─── <story-captions> and <story-transcript> ───────────────────────────────────────────────
  /** The caption line's group name. */
  captionLine: string;
  transcript: string;
  followAlong: string;
  transcriptEmpty: string;
  /** The captions failed, so there is no transcript to show. */
  transcriptFailed: string;

  // ─── <story-offline> ───────────────────────────────────────────────────────────────────────
  offlineRegion: string;
  save: string;
  /** The one size of the decision: what saving downloads (the rest is already here, said without a second size). */
  saveDetail: (audio: number, f: Formats) => string;
  checking: string;
  saving: string;
  progress: (loaded: number, total: number, percent: number, f: Formats) => string;
  cancel: string;
  saved: string;
  remove: string;
  removed: (audio: number, f: Formats) => string;
  retry: string;
  offlineNotSaved: string;
  statusOfflineWhilePlaying: string;
  unsupported: string;
  notReady: string;
  installFailed: string;
  /** The first install failed on `file`: the server answered `answer` ("404 Not Found"); `picture` when the file is one of the story's pictures. */
  installFailedHttp: (file: string, answer: string, picture: FailedPicture | undefined, f: Formats) => string;
  /** The first install failed on `file`: no answer came (the network). */
  installFailedNetwork: (file: string, picture: FailedPicture | undefined, f: Formats) => string;
  /** `detail` is the browser's own reason, as it gives it. */
  notRegistered: (detail: string, f: Formats) => string;
  storage: (usage: number, quota: number, f: Formats) => string;
  persisted: string;
  notPersisted: string;
  statusSaving: (total: number, f: Formats) => string;
  statusMilestone: (percent: number, f: Formats) => string;
  statusSaved: string;
  statusRemoved: string;
  statusUpdated: string;
  statusUpdateAvailable: string;
  /** Saving was asked for while offline. */
  saveErrorOffline: string;
  errorHttp: (file: string, status: number, f: Formats) => string;
  errorNetwork: (file: string, f: Formats) => string;
  errorChanged: (file: string, f: Formats) => string;
  /** `available` is null when the browser's estimate does not show the shortage. */
  errorQuota: (needed: number, available: number | null, f: Formats) => string;
  errorIncomplete: (count: number, f: Formats) => string;
  errorWorker: string;
  cancelled: string;
  /** How the failures above name the file saved. */
  audioFile: string;
  updateAvailable: string;
  updateWhilePlaying: string;
  update: string;
  updating: string;
  updatePlayingElsewhere: string;
  updateNotPaused: string;
}

/** A complete dictionary. */
export interface Translation extends Terms {
  /** BCP 47 tag: `en`, `es`, `es-MX`. */
  $code: string;
  /** The language's name for itself: "English", "Español". */
  $name: string;
}

/** What `registerTranslation` takes: a new language, or some terms merged over one already there. */
export type TranslationInput = { $code: string; $name?: string } & Partial<Terms>;

export type TermKey = keyof Terms;

/** The terms that are plain strings. */
export type StringTermKey = { [K in TermKey]: Terms[K] extends string ? K : never }[TermKey];

/** The values a term takes, without the `Formats` the controller adds. */
export type TermArgs<K extends TermKey> = Terms[K] extends (...args: [...infer A, Formats]) => string ? A : [];
