/**
 * What depends on a story's language, for the scripts: the limits a manuscript is checked
 * against, and every phrase the tools write into the story's outputs (spoken titles, chapter titles,
 * the page's own headings and labels). English and Spanish are provided; a story in another
 * language gets a clear error naming what to add here.
 */
import type { CreditRole, PictureKind } from '../../src/story/timed-story.js';

export interface StoryWords {
  /** "Picture 3 of 8" for an illustration, "Photo 3 of 8" for a photograph. */
  pictureLabel: (kind: PictureKind, number: number, count: number) => string;
  /** The name of the chapter track, for the kind of the story's pictures. */
  pictureListLabel: (kind: PictureKind) => string;
  /** "A listening edition · 8 minutes 42 seconds". */
  kicker: (length: string) => string;
  /** The native player's name: "Listen to At the Line, 8 minutes 42 seconds". */
  listenTo: (title: string, length: string) => string;
  skipToStory: string;
  /** The captions' voice names: the narrator, and the audio description. */
  narrator: string;
  audioDescription: string;
  descriptionsTrack: string;
  credits: string;
  sources: string;
  roles: Record<CreditRole, string>;
  /** The transcript's title, and what it says before each picture's alt text. */
  transcriptOf: (title: string) => string;
  pictureShows: string;
  /** The page's links to take the story away. */
  listenInApp: string;
  downloadEpisode: (size: string) => string;
  downloadTranscript: string;
  downloadBook: string;
  /** The talking book's table of contents, and its accessibility summary. */
  contents: string;
  accessibilitySummary: (described: boolean) => string;
  /** The site's list of stories, and the link back to it. */
  storiesTitle: string;
  allStories: string;
  storiesIntro: string;
}

export interface StoryLanguage {
  /** Most characters an alt text may have. */
  altMax: number;
  /** Words a recorded audio description may have. */
  descriptionWords: { min: number; max: number };
  /** How every alt text begins when the pictures are illustrations standing in for others. */
  illustrationPrefix: string;
  words: StoryWords;
}

const english: StoryLanguage = {
  altMax: 150,
  descriptionWords: { min: 40, max: 120 },
  illustrationPrefix: 'Illustration: ',
  words: {
    pictureLabel: (kind, number, count) => `${kind === 'photograph' ? 'Photo' : 'Picture'} ${number} of ${count}`,
    pictureListLabel: (kind) => (kind === 'photograph' ? 'Photos' : 'Pictures'),
    kicker: (length) => `A listening edition · ${length}`,
    listenTo: (title, length) => `Listen to ${title}, ${length}`,
    skipToStory: 'Skip to the story',
    narrator: 'Narrator',
    audioDescription: 'Audio description',
    descriptionsTrack: 'Audio descriptions',
    credits: 'Credits',
    sources: 'Sources',
    roles: {
      writer: 'Words',
      narration: 'Narration',
      illustrations: 'Illustrations',
      photographs: 'Photographs',
      'original-photographs': 'Original photographs',
    },
    transcriptOf: (title) => `Transcript: ${title}`,
    pictureShows: 'The picture shows:',
    listenInApp: 'Listen in your podcast app',
    downloadEpisode: (size) => `Download the episode (MP3, ${size})`,
    downloadTranscript: 'Download the transcript',
    downloadBook: 'Download the talking book (EPUB 3, text and audio in sync)',
    contents: 'Contents',
    accessibilitySummary: (described) =>
      `Every word is in the text and in the narration, highlighted as it is read (media overlays). Every picture has alt text${described ? ', and the pictures that need it a recorded audio description, in the text and the audio' : ''}. Reading order follows the story.`,
    storiesTitle: 'Stories to listen to',
    allStories: 'All stories',
    storiesIntro: 'Each story plays like a podcast episode, with captions in time with the voice and its pictures described.',
  },
};

const spanish: StoryLanguage = {
  // Spanish runs about a sixth longer than English for the same content.
  altMax: 170,
  descriptionWords: { min: 45, max: 140 },
  illustrationPrefix: 'Ilustración: ',
  words: {
    pictureLabel: (kind, number, count) => `${kind === 'photograph' ? 'Foto' : 'Imagen'} ${number} de ${count}`,
    pictureListLabel: (kind) => (kind === 'photograph' ? 'Fotos' : 'Imágenes'),
    kicker: (length) => `Edición para escuchar · ${length}`,
    listenTo: (title, length) => `Escuchar ${title}, ${length}`,
    skipToStory: 'Saltar a la historia',
    narrator: 'Narrador',
    audioDescription: 'Audiodescripción',
    descriptionsTrack: 'Audiodescripciones',
    credits: 'Créditos',
    sources: 'Fuentes',
    roles: {
      writer: 'Texto',
      narration: 'Narración',
      illustrations: 'Imágenes',
      photographs: 'Fotografías',
      'original-photographs': 'Fotografías originales',
    },
    transcriptOf: (title) => `Transcripción: ${title}`,
    pictureShows: 'La imagen muestra:',
    listenInApp: 'Escuchar en tu aplicación de pódcast',
    downloadEpisode: (size) => `Descargar el episodio (MP3, ${size})`,
    downloadTranscript: 'Descargar la transcripción',
    downloadBook: 'Descargar el libro hablado (EPUB 3, texto y audio sincronizados)',
    contents: 'Índice',
    accessibilitySummary: (described) =>
      `Cada palabra está en el texto y en la narración, resaltada mientras se lee (superposiciones de medios). Cada imagen tiene texto alternativo${described ? ', y las imágenes que lo necesitan, una audiodescripción grabada, en el texto y en el audio' : ''}. El orden de lectura sigue la historia.`,
    storiesTitle: 'Historias para escuchar',
    allStories: 'Todas las historias',
    storiesIntro: 'Cada historia suena como un episodio de pódcast, con subtítulos al ritmo de la voz y sus imágenes descritas.',
  },
};

const LANGUAGES: Record<string, StoryLanguage> = { en: english, es: spanish };

/** The rules and words for a BCP 47 tag, by its primary language (`es-MX` → `es`). */
export function storyLanguage(tag: string): StoryLanguage {
  const language = LANGUAGES[tag.toLowerCase().split('-')[0] ?? ''];
  if (!language) throw new Error(`the language "${tag}" is not supported yet: add its rules and words to scripts/story/languages.ts (${Object.keys(LANGUAGES).join(', ')} are)`);
  return language;
}

export const SUPPORTED_LANGUAGES = Object.keys(LANGUAGES);

/** The language's own name for itself: "English", "español". */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
