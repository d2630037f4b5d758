/**
 * The committed story agrees with itself: the captions, descriptions, chapters and timing data all
 * describe the committed audio, whose length is decoded from the files, not read from metadata.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebVTT, type WebVTTCue } from '../../../src/captions/webvtt.js';
import { cuePlainText, cueVoice, cueWords } from '../../../src/captions/cue-text.js';
import { chaptersOf, type TimedStory } from '../../../src/story/timed-story.js';
import { checkTimedStory, MAX_ENCODED_DRIFT } from '../../../scripts/narrate/check.js';
import { decodedDuration } from '../../../scripts/narrate/encode.js';
import { captionFit } from '../../../scripts/narrate/caption-fit.js';
import { OUTPUT_FILES } from '../../../scripts/narrate/narrate.js';
import { loadManuscript } from '../../../scripts/story/manuscript.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const story = JSON.parse(text(OUTPUT_FILES.timing)) as TimedStory;
const sentences = chaptersOf(story).flatMap((chapter) => chapter.sentences);

function cuesOf(file: string): WebVTTCue[] {
  const { cues, errors } = parseWebVTT(text(file));
  assert.deepEqual(errors, [], `${file} parses without errors`);
  return cues;
}

describe('the committed story', () => {
  const decoded: Record<string, number> = {};
  before(async () => {
    for (const file of story.files) decoded[file.src] = await decodedDuration(join(ROOT, file.src), 32000);
  });

  it('keeps every promise of a timed story', () => {
    assert.deepEqual(checkTimedStory(story), []);
  });

  it('runs 5 to 9 minutes', () => {
    assert.ok(story.duration >= 5 * 60 && story.duration <= 9 * 60, `${story.duration} s`);
  });

  it('has audio files that decode to the length of the timed story', () => {
    for (const file of story.files) {
      assert.ok(Math.abs(decoded[file.src]! - story.duration) <= MAX_ENCODED_DRIFT, `${file.src}: ${decoded[file.src]} s vs ${story.duration} s`);
      assert.equal(readFileSync(join(ROOT, file.src)).length, file.bytes, `${file.src} size`);
    }
  });

  it('has a caption cue for every spoken sentence, with its words and times', () => {
    const cues = cuesOf(OUTPUT_FILES.captions);
    assert.deepEqual(cues.map((cue) => cue.id), sentences.map((sentence) => sentence.id));
    cues.forEach((cue, index) => {
      const sentence = sentences[index]!;
      assert.equal(cue.start, sentence.start, cue.id);
      assert.equal(cue.end, sentence.end, cue.id);
      assert.equal(cuePlainText(cue), sentence.text, cue.id);
      assert.equal(cueVoice(cue), sentence.kind === 'description' ? 'Audio description' : 'Narrator', cue.id);
      assert.deepEqual(cueWords(cue).map((word) => word.start), sentence.words.map((word) => word.start), cue.id);
      for (const word of cueWords(cue)) assert.ok(word.start >= cue.start && word.end <= cue.end, `${cue.id}: ${word.text}`);
      assert.ok(cue.end <= decoded[story.files[0]!.src]!, `${cue.id} ends inside the audio`);
    });
  });

  it('has one description cue per photo, spanning the range that descriptions-off skips', () => {
    const cues = cuesOf(OUTPUT_FILES.descriptions);
    const manuscript = loadManuscript();
    assert.equal(cues.length, story.scenes.length);
    cues.forEach((cue, index) => {
      const scene = story.scenes[index]!;
      assert.equal(cue.id, `${scene.id}-description`);
      assert.deepEqual([cue.start, cue.end], [scene.description.start, scene.description.end]);
      assert.equal(cuePlainText(cue), manuscript.scenes[index]!.description.replace(/\s+/g, ' ').trim());
    });
  });

  it('has chapters that tile the episode, in WebVTT and Podcasting 2.0 JSON', () => {
    const chapters = chaptersOf(story);
    const cues = cuesOf(OUTPUT_FILES.chapters);
    assert.deepEqual(cues.map((cue) => [cue.id, cue.start, cue.end, cue.text]), chapters.map((c) => [c.id, c.start, c.end, c.title]));
    const json = JSON.parse(text(OUTPUT_FILES.podcastChapters)) as { version: string; chapters: { startTime: number; title: string; img: string }[] };
    assert.equal(json.version, '1.2.0');
    assert.deepEqual(json.chapters.map((c) => [c.startTime, c.title]), chapters.map((c) => [c.start, c.title]));
    assert.equal(cues.at(-1)!.end, story.duration);
  });

  it('starts each caption where its speech starts: louder after the cue start than before it', async () => {
    const fits = await captionFit(story, join(ROOT, story.files[0]!.src));
    for (const fit of fits) assert.ok(fit.after - fit.before >= 10, `${fit.id}: ${fit.before.toFixed(1)} dB before, ${fit.after.toFixed(1)} dB after`);
  });
});
