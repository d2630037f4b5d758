/**
 * English: the base language, and the fallback for every term another dictionary leaves out.
 *
 * Its terms can also be called directly, `en.saveDetail(2_113_290)`: the `Formats`
 * argument then defaults to English.
 */
import { asSentence, formats, type Formats } from './formats.js';
import type { Translation } from './translation.js';

const english = (): Formats => formats('en');


export const en = {
  $code: 'en',
  $name: 'English',

  player: (title) => (title ? `Story player: ${title}` : 'Story player'),
  play: (title, duration, f = english()) =>
    [`Play ${title || 'the story'}`, duration > 0 ? f.duration(duration) : ''].filter(Boolean).join(', '),
  pause: (title) => `Pause ${title || 'the story'}`,
  playShort: 'Play',
  pauseShort: 'Pause',
  loadingShort: 'Loading',
  stopLoading: (title) => `Stop loading ${title || 'the story'}`,
  back: (seconds, f = english()) => `Back ${f.duration(seconds)}`,
  forward: (seconds, f = english()) => `Forward ${f.duration(seconds)}`,
  previousPicture: (noun) => `Previous ${noun}`,
  nextPicture: (noun) => `Next ${noun}`,
  position: 'Position',
  positionText: (position, duration, f = english()) =>
    Number.isFinite(duration) && duration > 0 ? `${f.duration(position)} of ${f.duration(duration)}` : f.duration(position),
  speed: 'Speed',
  descriptionSpeed: 'Description speed',
  sameSpeed: 'As the story',
  rate: (rate, f = english()) => `${f.number(rate)}×`,
  descriptions: 'Audio descriptions',
  captions: 'Captions',
  pauseAfterPicture: (noun) => `Pause after each ${noun}`,
  chapters: 'Chapters',
  settings: 'Settings',
  moreControls: 'More controls',
  shortcuts: 'Keyboard shortcuts',
  shortcutsIntro: 'These keys work while focus is in the story, or on nothing at all; never while you type in a field.',
  shortcutsSwitch: 'Single-key shortcuts',
  close: 'Close',
  sliderKeys: 'On the position slider',
  keyColumn: 'Key',
  actionColumn: 'Action',
  resume: (noun, number, position, f = english()) => `Resume at ${number ? `${noun} ${f.number(number)}, ` : ''}${f.clock(position)}`,
  startOver: 'Start over',
  pictureTitle: (noun, number, f = english()) => `${noun === 'photo' ? 'Photo' : 'Picture'} ${f.number(number)}`,
  partTitle: (number, f = english()) => `Part ${f.number(number)}`,

  statusPlaying: 'Playing.',
  statusPaused: 'Paused.',
  statusEnded: 'End of the story.',
  statusChapter: (title) => asSentence(title),
  statusPausedAfterPicture: (noun, number, f = english()) => `End of ${noun} ${f.number(number)}. Paused; press Play to go on.`,
  statusDescribing: (noun, number, f = english()) => (number ? `Describing ${noun} ${f.number(number)}.` : 'Playing the description.'),
  statusDescribed: 'Description ended.',
  statusBuffering: 'Waiting for the audio…',

  errorAudioMissing:
    'The story’s audio could not be loaded: the file was not found on the server. The text of the story is all on this page.',
  errorAudioNetwork: 'The story’s audio stopped loading because of a network problem. Check the connection and press Play again.',
  errorAudioDecode: 'The story’s audio file cannot be played: it is damaged, or this browser cannot decode it. The text of the story is all on this page.',
  errorOffline: 'You are offline and the story’s audio is not saved on this device. The text of the story is all on this page.',
  errorNoSource: 'This browser cannot play any of the story’s audio formats. The text of the story is all on this page.',
  errorPlayRefused: 'The browser did not let playback start. Press Play to try again.',
  errorAudioSilent:
    'The story’s audio is not arriving: the server has sent nothing for 15 seconds. Your place is kept; check the connection and press Play to try again.',
  errorAudioIncomplete:
    'The story’s audio file is incomplete: it stops before the end of the story. Your place is kept; the rest of the story is on this page as text.',
  dismiss: 'Dismiss',
  trackMissing: (kind, detail) =>
    ({
      captions: `The captions could not be loaded (${detail}); the story plays without them.`,
      descriptions: `The audio description text could not be loaded (${detail}); the story plays without it, and the descriptions are still heard.`,
      chapters: `The chapter list could not be loaded (${detail}); the story plays without it.`,
    })[kind],
  trackDetailNetwork: 'network error',
  pictureMissing: (noun, number, detail, f = english()) =>
    `${noun === 'photo' ? 'Photo' : 'Picture'} ${f.number(number)} could not be shown (${detail}); its description is in the story.`,
  trackDetailOffline: 'offline',
  trackUnreadable: (kind) =>
    ({
      captions: 'The captions could not be read; the story plays without them.',
      descriptions: 'The audio description text could not be read; the story plays without it, and the descriptions are still heard.',
      chapters: 'The chapter list could not be read; the story plays without it.',
    })[kind],

  keyTogglePlay: 'Play or pause',
  keyPictureNumber: (noun, last, f = english()) =>
    last > 1 ? `Go to ${noun} ${f.number(1)} to ${f.number(last)}` : `Go to ${noun} ${f.number(1)}`,
  keySlower: 'Slower',
  keyFaster: 'Faster',
  keyDescriptions: 'Audio descriptions on or off',
  keyCaptions: 'Captions on or off',
  keyHelp: 'Show this list',
  keySliderStep: (seconds, f = english()) => `Back or forward ${f.duration(seconds)}`,
  keySliderPage: (seconds, f = english()) => `Back or forward ${f.duration(seconds)}`,
  keySliderEnds: 'Start or end of the story',
  keyNamesPage: 'Page Up / Page Down',
  keyNamesHomeEnd: 'Home / End',

  describe: (noun) => `Describe this ${noun}`,
  describeStop: 'Stop description',
  describeDetail: (noun, number, length, f = english()) =>
    [number ? `${noun} ${f.number(number)}` : '', length > 0 ? f.duration(length) : ''].filter(Boolean).join(', '),
  currentPicture: (noun) => `Current ${noun}`,
  copyLink: 'Copy link',
  copyLinkTo: (noun, number, f = english()) => `Copy link to ${number ? `${noun} ${f.number(number)}` : `this ${noun}`}`,
  linkCopied: 'Link copied.',
  linkNotCopied: (url) => `The link could not be copied; here it is: ${url}`,
  describeFailed: (noun) =>
    `The description could not be played: its audio stopped loading, or the browser did not let it start. Check the connection and press “Describe this ${noun}” again.`,

  captionLine: 'Caption',
  transcript: 'Transcript',
  followAlong: 'Follow along',
  transcriptEmpty: 'The transcript appears when the captions have loaded.',
  transcriptFailed: 'The transcript is not available because the captions could not be loaded. The whole story is on this page.',

  offlineRegion: 'Offline listening',
  save: 'Save for offline',
  saveDetail: (audio, f = english()) => `${f.bytes(audio)} to download. The page, captions and pictures are already on this device.`,
  checking: 'Checking what can be saved…',
  saving: 'Saving for offline…',
  progress: (loaded, total, percent, f = english()) => `${f.bytes(loaded)} of ${f.bytes(total)} (${f.percent(percent)})`,
  cancel: 'Cancel',
  saved: 'Saved for offline: the whole story is on this device, audio included.',
  remove: 'Remove offline copy',
  removed: (audio, f = english()) =>
    `Offline copy removed: the story’s audio (${f.bytes(audio)}) is no longer on this device. The page, captions and pictures stay so that the page still opens.`,
  retry: 'Try again',
  offlineNotSaved: 'You are offline. The text and pictures are here, but the story’s audio is not saved on this device.',
  statusOfflineWhilePlaying:
    'You are offline. The story’s audio is not saved on this device, so it stops when what has loaded runs out; your place is kept.',
  unsupported: 'This browser cannot keep the story for offline listening. The text of the story is all on this page.',
  notReady: 'Offline listening is not ready: the offline helper did not answer. Reload the page to try again.',
  installFailed:
    'Offline listening is not ready: a file of this site could not be downloaded, so nothing can be saved for offline listening. The story still plays online. Check your connection, then reload the page to try again.',
  installFailedHttp: (file, answer, picture, f = english()) =>
    `Offline listening is not ready: ${picture ? `${picture.noun} ${f.number(picture.number)}` : 'a file of this site'} could not be downloaded (${file}: the server answered ${answer}), so nothing can be saved for offline listening. The story still plays online. Reload the page later to try again.`,
  installFailedNetwork: (file, picture, f = english()) =>
    `Offline listening is not ready: the connection was lost while downloading ${picture ? `${picture.noun} ${f.number(picture.number)}` : 'a file of this site'} (${file}), so nothing can be saved for offline listening. The story still plays online. Check your connection, then reload the page to try again.`,
  notRegistered: (detail) => `Offline listening is not available here: the offline helper could not start (${detail}).`,
  storage: (usage, quota, f = english()) => `This site uses ${f.bytes(usage)} of the ${f.bytes(quota)} the browser allows it.`,
  persisted: 'The browser keeps it until you remove it.',
  notPersisted: 'The browser may remove it if the device runs low on space.',
  statusSaving: (total, f = english()) => `Saving the story for offline listening, ${f.bytes(total)}.`,
  statusMilestone: (percent, f = english()) => `Saving for offline: ${f.percent(percent)}.`,
  statusSaved: 'Saved for offline listening.',
  statusRemoved: 'Offline copy removed.',
  statusUpdated: 'Updated to the latest version of this story.',
  statusUpdateAvailable:
    'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.',
  saveErrorOffline: 'You are offline, so the story cannot be saved now. Nothing was saved. Connect to the internet and try again.',
  errorHttp: (file, status) =>
    `Saving failed: the server did not send ${file} (it answered ${status}). Nothing was saved for offline. Try again.`,
  errorNetwork: (file) =>
    `Saving failed: the connection was lost while downloading ${file}. Nothing was saved for offline. Try again when you are online.`,
  errorChanged: (file) =>
    `Saving failed: ${file} has changed on the server since this page was loaded. Nothing was saved for offline. Reload the page, then save again.`,
  errorQuota: (needed, available, f = english()) =>
    `Saving failed: there is not enough storage space on this device for the story’s audio (it needs ${f.bytes(needed)}${
      available === null ? '' : `; ${f.bytes(available)} is free for this site`
    }). Nothing was saved for offline. Free some space and try again.`,
  errorIncomplete: (count, f = english()) =>
    `Saving failed: ${f.number(count)} ${f.plural(count, { one: 'file is', other: 'files are' })} missing from the offline copy. Nothing is claimed as saved. Try again.`,
  errorWorker: 'Saving failed: the offline helper did not answer. Nothing was saved for offline. Reload the page and try again.',
  cancelled: 'Saving cancelled. Nothing was saved for offline.',
  audioFile: 'the story’s audio',
  updateAvailable: 'A new version of this story is ready.',
  updateWhilePlaying: 'Updating pauses the story; it continues from the same place.',
  update: 'Update now',
  updating: 'Updating…',
  updatePlayingElsewhere: 'Not updated: the story is playing in another tab or window. Pause it there, then choose Update now.',
  updateNotPaused: 'Not updated: the story did not pause, and an update never interrupts it. Pause the story, then choose Update now.',
} satisfies Translation;
