/**
 * The committed exports of a timed story: WebVTT captions (a cue per sentence, a timestamp per
 * word), the descriptions track (a cue per photo), WebVTT chapters, Podcasting 2.0 chapters JSON,
 * and story/timing.json itself.
 */
import { formatTimestamp } from '../../src/captions/webvtt.js';
import { chaptersOf, type TimedSentence, type TimedStory } from '../../src/story/timed-story.js';

export const VOICES = { narration: 'Narrator', announcement: 'Narrator', description: 'Audio description' } as const;

function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function header(kind: string, language: string): string {
  return `WEBVTT\nKind: ${kind}\nLanguage: ${language}\n`;
}

function cue(id: string, start: number, end: number, payload: string): string {
  return `\n${id}\n${formatTimestamp(start)} --> ${formatTimestamp(end)}\n${payload}\n`;
}

/** `<v Narrator>Lety <00:01:35.640>Perez …</v>`: the first word starts with the cue. */
export function sentencePayload(sentence: TimedSentence): string {
  const words = sentence.words.map((word, index) =>
    index === 0 ? escapeCueText(word.text) : `<${formatTimestamp(word.start)}>${escapeCueText(word.text)}`,
  );
  return `<v ${VOICES[sentence.kind]}>${words.join(' ')}</v>`;
}

export function captionsVtt(story: TimedStory): string {
  const cues = chaptersOf(story).flatMap((chapter) =>
    chapter.sentences.map((sentence) => cue(sentence.id, sentence.start, sentence.end, sentencePayload(sentence))),
  );
  return header('captions', story.language) + cues.join('');
}

export function descriptionsVtt(story: TimedStory): string {
  const cues = story.scenes.map((scene) => {
    const text = scene.sentences.filter((s) => s.kind === 'description').map((s) => s.text).join(' ');
    return cue(`${scene.id}-description`, scene.description.start, scene.description.end, escapeCueText(text));
  });
  return header('descriptions', story.language) + cues.join('');
}

export function chaptersVtt(story: TimedStory): string {
  const cues = chaptersOf(story).map((chapter) => cue(chapter.id, chapter.start, chapter.end, escapeCueText(chapter.title)));
  return header('chapters', story.language) + cues.join('');
}

/** Podcasting 2.0 chapters (JSON Chapters 1.2.0); images are paths from the site root. */
export function podcastChapters(story: TimedStory, images: { cover: string; scenes: string[] }) {
  return {
    version: '1.2.0',
    title: story.title,
    chapters: chaptersOf(story).map((chapter, index) => ({
      startTime: chapter.start,
      endTime: chapter.end,
      title: chapter.title,
      img: images.scenes[index - 1] ?? images.cover,
    })),
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
