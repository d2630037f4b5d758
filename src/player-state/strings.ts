/**
 * Every word the player's components show or say, in one place. Replace `storyStrings` members (or
 * the whole object) before the elements render to translate them.
 */
import { clock, durationInWords, positionInWords } from '../captions/time-text.js';

export const storyStrings = {
  player: (title: string) => (title ? `Story player: ${title}` : 'Story player'),
  play: (title: string, duration: number) =>
    [`Play ${title || 'the story'}`, duration > 0 ? durationInWords(duration) : ''].filter(Boolean).join(', '),
  pause: (title: string) => `Pause ${title || 'the story'}`,
  playShort: 'Play',
  pauseShort: 'Pause',
  back: (s: number) => `Back ${s} seconds`,
  forward: (s: number) => `Forward ${s} seconds`,
  previousPhoto: 'Previous photo',
  nextPhoto: 'Next photo',
  position: 'Position',
  positionText: (position: number, duration: number) => positionInWords(position, duration),
  clockText: (position: number, duration: number) => `${clock(position)} / ${clock(duration)}`,
  speed: 'Speed',
  rate: (rate: number) => `${rate}×`,
  descriptions: 'Audio descriptions',
  captions: 'Captions',
  pauseAfterPhoto: 'Pause after each photo',
  chapters: 'Chapters',
  settings: 'Settings',
  shortcutsButton: 'Keyboard shortcuts',
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutsIntro: 'These keys work while focus is inside the player.',
  shortcutsSwitch: 'Single-key shortcuts',
  close: 'Close',
  sliderKeys: 'On the position slider',
  keyColumn: 'Key',
  actionColumn: 'Action',

  resume: (chapter: string, position: number) => `Resume at ${chapter ? `${chapter}, ` : ''}${clock(position)}`,
  startOver: 'Start from the beginning',
  chapterShort: (c: { number?: number; title: string }) => (c.number ? `photo ${c.number}` : ''),

  // Status region: discrete changes only.
  statusPlaying: 'Playing.',
  statusPaused: 'Paused.',
  statusEnded: 'End of the story.',
  statusChapter: (title: string) => `${title}.`,
  statusPausedAfterPhoto: (n: number) => `End of photo ${n}. Paused; press Play to go on.`,
  statusDescribing: (n: number | undefined) => (n ? `Describing photo ${n}.` : 'Playing the description.'),
  statusDescribed: 'Description ended.',

  // Errors, in words.
  errorAudioMissing: 'The story’s audio could not be loaded: the file was not found or cannot be played here. The text of the story is all on this page.',
  errorAudioNetwork: 'The story’s audio stopped loading because of a network problem. Check the connection and press Play again.',
  errorAudioDecode: 'The story’s audio file is damaged and cannot be played. The text of the story is all on this page.',
  errorOffline: 'You are offline and the story’s audio is not saved on this device. The text of the story is all on this page.',
  errorNoSource: 'This browser cannot play any of the story’s audio formats. The text of the story is all on this page.',
  errorPlayRefused: 'The browser did not let playback start. Press Play to try again.',
  trackNames: { captions: 'Captions', descriptions: 'Audio description text', chapters: 'Chapter list' },
  errorTrackMissing: (what: string, detail: string) => `${what} could not be loaded (${detail}); the story plays without them.`,
  errorTrackMalformed: (what: string, line: number, message: string) =>
    `${what} could not be read (line ${line}: ${message}); the story plays without them.`,
  errorTrackPartial: (what: string, count: number, line: number, message: string) =>
    `${what}: ${count} ${count === 1 ? 'part' : 'parts'} could not be read (first at line ${line}: ${message}).`,
  // A <story-scene> whose times cannot be used, named by its heading and id.
  sceneName: (heading: string, id: string) =>
    heading ? `“${heading}”${id ? ` (${id})` : ''}` : id ? `The photo “${id}”` : 'A photo',
  sceneAttributeMissing: (attribute: string) => `has no ${attribute} attribute`,
  sceneAttributeNotTime: (attribute: string, value: string) => `has ${attribute}="${value}", which is not a time in seconds`,
  sceneAttributeNotAfter: (attribute: string, value: string, other: string, otherValue: string) =>
    `has ${attribute}="${value}", which is not after ${other}="${otherValue}"`,
  sceneAttributeBefore: (attribute: string, value: string, other: string, otherValue: string) =>
    `has ${attribute}="${value}", which is before ${other}="${otherValue}"`,
  sceneAttributeAfter: (attribute: string, value: string, other: string, otherValue: string) =>
    `has ${attribute}="${value}", which is after ${other}="${otherValue}"`,
  errorSceneTiming: (scene: string, problem: string) =>
    `${scene} ${problem}; the player cannot tell when this photo plays, and the rest of the story plays.`,
  errorSceneDescription: (scene: string, problem: string) =>
    `${scene} ${problem}; the player ignores this description range, and the rest of the story plays.`,

  // Keyboard shortcut actions, as listed in the help dialog.
  keys: {
    togglePlay: 'Play or pause',
    back: (s: number) => `Back ${s} seconds`,
    forward: (s: number) => `Forward ${s} seconds`,
    previousPhoto: 'Previous photo',
    nextPhoto: 'Next photo',
    photoNumber: 'Go to photo 1 to 9',
    slower: 'Slower',
    faster: 'Faster',
    descriptions: 'Audio descriptions on or off',
    captions: 'Captions on or off',
    help: 'Show this list',
    sliderStep: 'Back or forward 5 seconds',
    sliderPage: 'Back or forward 30 seconds',
    sliderEnds: 'Start or end of the story',
  },

  // <story-scene>
  describe: 'Describe this photo',
  describeStop: 'Stop description',
  describeDetail: (n: number | undefined, length: number) =>
    [n ? `photo ${n}` : '', length > 0 ? durationInWords(length) : ''].filter(Boolean).join(', '),
  nowPlaying: 'Current photo',

  // <story-captions>
  captionsRegion: 'Caption',

  // <story-transcript>
  transcript: 'Transcript',
  followAlong: 'Follow along',
  transcriptEmpty: 'The transcript appears when the captions have loaded.',
  cueTime: (start: number) => clock(start),
};

export type StoryStrings = typeof storyStrings;
