/**
 * The promises a timed story makes, checked by narrate before anything is written, by the build
 * before anything is rendered, and by the tests against the committed files. Pure: each problem is a
 * sentence that says where.
 */
import { chaptersOf, TIMED_STORY_VERSION, type TimedStory } from './timed-story.js';

/** How far an encoded file's decoded length may stray from the synthesized audio. */
export const MAX_ENCODED_DRIFT = 0.02;

const EPSILON = 0.0005; // times are rounded to milliseconds

export function checkTimedStory(story: TimedStory): string[] {
  if (typeof story !== 'object' || story === null || story.version !== TIMED_STORY_VERSION) {
    return [`it is not a version ${TIMED_STORY_VERSION} timed story`];
  }
  const problems: string[] = [];
  const chapters = chaptersOf(story);

  // Chapters tile the episode: no gap, no overlap, from 0 to the end.
  if (Math.abs(chapters[0]!.start) > EPSILON) problems.push(`the first chapter starts at ${chapters[0]!.start}s, not 0`);
  chapters.forEach((chapter, index) => {
    const next = chapters[index + 1];
    if (chapter.end <= chapter.start) problems.push(`${chapter.id} ends (${chapter.end}s) before it starts (${chapter.start}s)`);
    if (next && Math.abs(next.start - chapter.end) > EPSILON) {
      problems.push(`chapters do not tile the episode: ${chapter.id} ends at ${chapter.end}s but ${next.id} starts at ${next.start}s`);
    }
  });
  const last = chapters.at(-1)!;
  if (Math.abs(last.end - story.duration) > EPSILON) {
    problems.push(`chapters do not tile the episode: ${last.id} ends at ${last.end}s, the audio at ${story.duration}s`);
  }

  // Sentences: inside the audio and their chapter, in order, never overlapping; words inside them.
  let previousEnd = 0;
  let previousId = 'the start';
  for (const chapter of chapters) {
    for (const sentence of chapter.sentences) {
      const where = `cue ${sentence.id} (${sentence.start}s–${sentence.end}s)`;
      if (sentence.end > story.duration + EPSILON) problems.push(`${where} lies outside the audio (${story.duration}s)`);
      if (sentence.start < chapter.start - EPSILON || sentence.end > chapter.end + EPSILON) problems.push(`${where} lies outside its chapter ${chapter.id}`);
      if (sentence.end <= sentence.start) problems.push(`${where} ends before it starts`);
      if (sentence.start < previousEnd - EPSILON) problems.push(`${where} overlaps or goes back before the end of ${previousId} (${previousEnd}s)`);
      previousEnd = sentence.end;
      previousId = sentence.id;
      let wordStart = -Infinity;
      for (const word of sentence.words) {
        if (word.start < sentence.start - EPSILON || word.end > sentence.end + EPSILON || word.start > word.end) {
          problems.push(`${where}: the word "${word.text}" (${word.start}s–${word.end}s) lies outside its cue`);
        }
        if (word.start <= wordStart) problems.push(`${where}: the word "${word.text}" does not start after the word before it`);
        wordStart = word.start;
      }
      if (!(sentence.paragraph >= 0)) problems.push(`${where} has no paragraph number`);
      if (sentence.words.map((word) => word.text).join(' ') !== sentence.text) {
        problems.push(`${where}: its words do not spell its text exactly`);
      }
    }
  }

  // Description ranges sit inside their scene and hold exactly its description sentences.
  for (const scene of story.scenes) {
    const range = scene.description;
    const described = scene.sentences.filter((sentence) => sentence.kind === 'description');
    if (!range) {
      if (described.length > 0) problems.push(`${scene.id}: has description sentences but no description range`);
      continue;
    }
    if (range.start < scene.start - EPSILON || range.end > scene.end + EPSILON || range.end <= range.start) {
      problems.push(`${scene.id}: its description (${range.start}s–${range.end}s) is not inside the scene (${scene.start}s–${scene.end}s)`);
    }
    for (const sentence of scene.sentences) {
      const inside = sentence.start >= range.start - EPSILON && sentence.end <= range.end + EPSILON;
      if (inside !== (sentence.kind === 'description')) {
        problems.push(`${scene.id}: ${sentence.id} is ${inside ? 'inside' : 'outside'} the description range`);
      }
    }
  }

  // Every encoded file decodes to the length of the synthesized audio.
  for (const file of story.files) {
    if (Math.abs(file.duration - story.duration) > MAX_ENCODED_DRIFT) {
      problems.push(
        `${file.src} decodes to ${file.duration.toFixed(3)}s but the synthesized audio is ${story.duration.toFixed(3)}s (more than ${MAX_ENCODED_DRIFT * 1000} ms apart)`,
      );
    }
  }
  return problems;
}
