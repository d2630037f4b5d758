/**
 * The WebVTT tracks, rendered from the timed story: captions (a cue per sentence, or per part of a
 * long one, a timestamp per word, each cue in the voice that speaks it), descriptions (a cue per described picture, spanning
 * the range that descriptions-off skips) and chapters (intro, a cue per picture, close).
 */
import { formatTimestamp } from '../../src/captions/webvtt.js';
import { chaptersOf, descriptionText, type TimedSentence, type TimedStory } from '../../src/story/timed-story.js';
import { storyLanguage } from '../story/languages.js';
import { captionCues, type CaptionCue } from './caption-cues.js';

/** Story text is always text: only the cue tags written here have meaning. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function header(kind: string, language: string): string {
  return `WEBVTT\nKind: ${kind}\nLanguage: ${language}\n`;
}

function cue(id: string, start: number, end: number, payload: string): string {
  return `\n${id}\n${formatTimestamp(start)} --> ${formatTimestamp(end)}\n${payload}\n`;
}

/** The voice of a sentence's cue: the narrator, or the audio description, in the story's language. */
export function sentenceVoice(sentence: Pick<TimedSentence, 'kind'>, language: string): string {
  const { words } = storyLanguage(language);
  return sentence.kind === 'description' ? words.audioDescription : words.narrator;
}

/** `<v Narrator>Lety <00:01:35.640>Perez …</v>`: the first word starts with the cue. */
export function cuePayload(caption: CaptionCue, sentence: Pick<TimedSentence, 'kind'>, language: string): string {
  const words = caption.words.map((word, index) =>
    index === 0 ? escapeCueText(word.text) : `<${formatTimestamp(word.start)}>${escapeCueText(word.text)}`,
  );
  return `<v ${escapeCueText(sentenceVoice(sentence, language))}>${words.join(' ')}</v>`;
}

/** A cue per sentence, or per part of a long one (`caption-cues.ts`), a timestamp per word. */
export function captionsVtt(story: TimedStory): string {
  const cues = chaptersOf(story).flatMap((chapter) =>
    chapter.sentences.flatMap((sentence) =>
      captionCues(sentence).map((caption) => cue(caption.id, caption.start, caption.end, cuePayload(caption, sentence, story.language))),
    ),
  );
  return header('captions', story.language) + cues.join('');
}

export function descriptionsVtt(story: TimedStory): string {
  const cues = story.scenes.flatMap((scene) => {
    if (!scene.description) return [];
    return [cue(`${scene.id}-description`, scene.description.start, scene.description.end, escapeCueText(descriptionText(scene)))];
  });
  return header('descriptions', story.language) + cues.join('');
}

export function chaptersVtt(story: TimedStory): string {
  const cues = chaptersOf(story).map((chapter) => cue(chapter.id, chapter.start, chapter.end, escapeCueText(chapter.title)));
  return header('chapters', story.language) + cues.join('');
}
