import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimedStory } from '../../../scripts/narrate/check.js';
import type { TimedStory } from '../../../src/story/timed-story.js';

/** A small, valid timed story; each test breaks one promise in a copy. */
function story(): TimedStory {
  const sentence = (id: string, kind: 'narration' | 'description' | 'announcement', start: number, end: number) => ({
    id,
    kind,
    text: 'One two.',
    start,
    end,
    words: [
      { text: 'One', start, end: (start + end) / 2 },
      { text: 'two.', start: (start + end) / 2, end },
    ],
  });
  return {
    version: 1,
    title: 'T',
    language: 'en',
    duration: 10,
    files: [{ src: 'audio/episode.webm', type: 'audio/webm', bytes: 1, duration: 10.01 }],
    intro: { id: 'intro', title: 'Intro', start: 0, end: 3, sentences: [sentence('intro-1', 'narration', 0.2, 2)] },
    scenes: [
      {
        id: 'scene-1',
        number: 1,
        title: 'S',
        start: 3,
        end: 8,
        description: { start: 4, end: 6 },
        sentences: [sentence('scene-1-announcement-1', 'announcement', 3.1, 3.8), sentence('scene-1-description-1', 'description', 4.1, 5.5), sentence('scene-1-narration-1', 'narration', 6.1, 7.5)],
      },
    ],
    close: { id: 'close', title: 'Close', start: 8, end: 10, sentences: [sentence('close-1', 'narration', 8.2, 9.5)] },
  };
}

describe('the timed story checks', () => {
  it('pass a story that keeps every promise', () => {
    assert.deepEqual(checkTimedStory(story()), []);
  });

  it('catch a cue that lies outside the audio', () => {
    const broken = story();
    broken.close.sentences[0]!.end = 10.5;
    broken.close.sentences[0]!.words[1]!.end = 10.5;
    assert.ok(checkTimedStory(broken).includes('cue close-1 (8.2s–10.5s) lies outside the audio (10s)'));
  });

  it('catch cues that overlap or go backwards', () => {
    const broken = story();
    broken.scenes[0]!.sentences[1]!.start = 3.5;
    broken.scenes[0]!.sentences[1]!.words[0]!.start = 3.5;
    assert.ok(checkTimedStory(broken).some((p) => p.startsWith('cue scene-1-description-1 (3.5s–5.5s) overlaps or goes back')));
  });

  it('catch a word timestamp outside its cue', () => {
    const broken = story();
    broken.intro.sentences[0]!.words[1]!.start = 2.5;
    assert.ok(checkTimedStory(broken).some((p) => p.includes('the word "two." (2.5s–2s) lies outside its cue')));
  });

  it('catch scenes that do not tile the episode', () => {
    const broken = story();
    broken.scenes[0]!.start = 3.2;
    assert.ok(checkTimedStory(broken).includes('chapters do not tile the episode: intro ends at 3s but scene-1 starts at 3.2s'));
  });

  it('catch an encoded file whose decoded length strays more than 20 ms', () => {
    const broken = story();
    broken.files[0]!.duration = 10.03;
    assert.deepEqual(checkTimedStory(broken), [
      'audio/episode.webm decodes to 10.030s but the synthesized audio is 10.000s (more than 20 ms apart)',
    ]);
  });
});
