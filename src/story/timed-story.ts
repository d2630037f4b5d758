/**
 * The timed story (version 2): what `npm run narrate` writes to `stories/<id>/timing.json`, and the
 * one source every view is rendered from — the page, the WebVTT tracks, the JSON chapters. It holds
 * every word of the story with its time, the pictures with their sizes and texts, the credits and
 * the language, so no renderer reads the manuscript again. All times are seconds from the start of
 * the episode audio, rounded to milliseconds.
 */

export const TIMED_STORY_VERSION = 2;

/** What a stretch of the episode is: spoken by the narrator, an audio description, or a spoken title. */
export const SentenceKinds = ['announcement', 'description', 'narration'] as const;
export type SentenceKind = (typeof SentenceKinds)[number];

/** What the story's pictures are. Labels follow it: a photograph is a "photo", an illustration a "picture". */
export const PictureKinds = ['photograph', 'illustration'] as const;
export type PictureKind = (typeof PictureKinds)[number];

/** A `picture-kind` value: empty or absent is a photograph. */
export function readPictureKind(value: string | null | undefined): PictureKind | 'unknown' {
  const trimmed = value?.trim().toLowerCase() ?? '';
  if (trimmed === '') return 'photograph';
  return PictureKinds.find((kind) => kind === trimmed) ?? 'unknown';
}

/** Who did what, as the credits and the podcast feed name them. */
export const CreditRoles = ['writer', 'narration', 'illustrations', 'photographs', 'original-photographs'] as const;
export type CreditRole = (typeof CreditRoles)[number];

export interface Credit {
  role: CreditRole;
  name: string;
}

export interface TimedWord {
  /** The word exactly as written in the manuscript, punctuation attached. */
  text: string;
  start: number;
  end: number;
}

export interface TimedSentence {
  /** Stable id, also the WebVTT cue id: `scene-3-narration-2`, `intro-1`, … */
  id: string;
  kind: SentenceKind;
  /** 0-based paragraph of the manuscript this sentence belongs to, within its chapter and kind. */
  paragraph: number;
  text: string;
  /** Start of the first word and end of the last: where speech really is. */
  start: number;
  end: number;
  words: TimedWord[];
}

export interface TimeRange {
  start: number;
  end: number;
}

/** A picture file of the story, with the size of the source image (its aspect ratio). */
export interface PictureFile {
  /** Relative to the story's folder: `images/the-plea.svg`, `images/harbour.jpg`. */
  file: string;
  width: number;
  height: number;
}

export interface TimedPicture extends PictureFile {
  kind: PictureKind;
  alt: string;
  caption: string;
  credit: string;
}

/** A chapter: the intro, one scene (picture), or the close. Chapters tile the episode. */
export interface TimedChapter extends TimeRange {
  /** `intro`, `scene-1` … `scene-N`, `close`. */
  id: string;
  /** The chapter's title as chapter lists show it: "Picture 3 of 8: The plea". */
  title: string;
  /** Every sentence of the chapter, in playing order. */
  sentences: TimedSentence[];
}

export interface TimedScene extends TimedChapter {
  /** 1-based position among the pictures. */
  number: number;
  /** Which picture this is, in words: "Picture 3 of 8". */
  label: string;
  /** The scene's own title: "The plea". */
  name: string;
  /** The manuscript's id of the scene, for authors' messages: `the-plea`. */
  sceneId: string;
  picture: TimedPicture;
  /** The range skipped when audio descriptions are off, pauses included; absent when the picture has no recorded description. */
  description?: TimeRange;
}

export interface EpisodeFile {
  src: string;
  type: string;
  bytes: number;
  /** Decoded duration of this file, measured after encoding. */
  duration: number;
}

/** A podcast category as Apple Podcasts names it: `News`, or `Science` › `Earth Sciences`. */
export interface PodcastCategory {
  name: string;
  subcategory?: string;
}

export interface StoryPictures {
  /** What the pictures are, unless a picture says otherwise. */
  kind: PictureKind;
  /** Whether they stand in for other pictures (news photographs that are not reproduced). */
  standIn: boolean;
  /** Said near the top of the page when they stand in. */
  standInNote?: string;
}

export interface TimedStory {
  version: typeof TIMED_STORY_VERSION;
  /** Stable id: the story's folder, and the key of saved positions and preferences. */
  id: string;
  title: string;
  subtitle?: string;
  /** BCP 47 language tag of every word in the story. */
  language: string;
  summary: string;
  pictures: StoryPictures;
  credits: Credit[];
  sources: string[];
  /** When this edition was published (YYYY-MM-DD): the podcast episode's date. */
  published?: string;
  category?: PodcastCategory;
  /** The story's own square artwork source (lock screens, podcast apps), if any. */
  cover?: PictureFile;
  /** Duration of the synthesized episode in seconds. */
  duration: number;
  files: EpisodeFile[];
  intro: TimedChapter;
  scenes: TimedScene[];
  close: TimedChapter;
}

/**
 * What a set of pictures is called together: photographs only when every one is a photograph, so
 * that nothing drawn is ever called a photo. The page's chapter list and the player's controls both
 * follow it.
 */
export function commonPictureKind(kinds: readonly string[]): PictureKind {
  return kinds.length > 0 && kinds.every((kind) => kind === 'photograph') ? 'photograph' : 'illustration';
}

/** Intro, scenes and close in playing order. */
export function chaptersOf(story: TimedStory): TimedChapter[] {
  return [story.intro, ...story.scenes, story.close];
}

/** The title and subtitle as one line: "At the Line: A mother and her son …". */
export function fullTitle(story: Pick<TimedStory, 'title' | 'subtitle'>): string {
  return story.subtitle ? `${story.title}: ${story.subtitle}` : story.title;
}

/** A scene's recorded description as one text (empty when it has none): the descriptions track, chapters, feed and transcript say it. */
export function descriptionText(scene: TimedScene): string {
  return scene.sentences.filter((sentence) => sentence.kind === 'description').map((sentence) => sentence.text).join(' ');
}

/** A chapter's sentences of one kind, grouped by manuscript paragraph. */
export function paragraphsOf(chapter: TimedChapter, kind: SentenceKind): TimedSentence[][] {
  const paragraphs: TimedSentence[][] = [];
  for (const sentence of chapter.sentences) {
    if (sentence.kind !== kind) continue;
    (paragraphs[sentence.paragraph] ??= []).push(sentence);
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
