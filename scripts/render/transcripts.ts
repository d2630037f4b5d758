/**
 * The story's transcripts, rendered from the timed story, for podcast apps and for reading:
 * - Podcasting 2.0 JSON, a segment per word (apps highlight word by word), each with its speaker;
 * - HTML, the whole episode as text in order, with every picture's alt text and description beside
 *   its chapter, so an app that shows only a transcript still tells what each picture shows.
 */
import { chaptersOf, descriptionText, fullTitle, paragraphsOf, type TimedStory } from '../../src/story/timed-story.js';
import { storyLanguage } from '../story/languages.js';
import { markup } from './markup.js';
import { sentenceVoice } from './vtt.js';

export interface JsonTranscript {
  version: '1.0.0';
  segments: { speaker: string; startTime: number; endTime: number; body: string }[];
}

export function transcriptJson(story: TimedStory): JsonTranscript {
  return {
    version: '1.0.0',
    segments: chaptersOf(story).flatMap((chapter) =>
      chapter.sentences.flatMap((sentence) =>
        sentence.words.map((word) => ({ speaker: sentenceVoice(sentence, story.language), startTime: word.start, endTime: word.end, body: word.text })),
      ),
    ),
  };
}

export function transcriptHtml(story: TimedStory): string {
  const { words } = storyLanguage(story.language);
  const narration = (chapter: Parameters<typeof paragraphsOf>[0]) =>
    paragraphsOf(chapter, 'narration').map((paragraph) => markup`<p>${paragraph.map((sentence) => sentence.text).join(' ')}</p>\n`);
  const chapters = chaptersOf(story).map((chapter, index) => {
    const scene = story.scenes[index - 1];
    if (!scene) return markup`<section>\n<h2>${chapter.title}</h2>\n${narration(chapter)}</section>\n`;
    const description = descriptionText(scene);
    return markup`<section>
<h2>${chapter.title}</h2>
<p class="picture"><strong>${words.pictureShows}</strong> ${scene.picture.alt}</p>
${description ? markup`<p class="description"><strong>${words.audioDescription}:</strong> ${description}</p>\n` : ''}${narration(chapter)}</section>
`;
  });
  return markup`<!doctype html>
<html lang="${story.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.transcriptOf(fullTitle(story))}</title>
</head>
<body>
<h1>${words.transcriptOf(fullTitle(story))}</h1>
${chapters}<h2>${words.credits}</h2>
<dl>${story.credits.map((credit) => markup`<dt>${words.roles[credit.role]}</dt><dd>${credit.name}</dd>`)}</dl>
</body>
</html>
`.value;
}
