import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimedStory } from '../../../src/story/check-timed-story.js';
import { smallTimedStory } from '../support/timed-story.js';

const story = smallTimedStory;

describe('the timed story checks', () => {
  it('pass a story that keeps every promise', () => {
    assert.deepEqual(checkTimedStory(story()), []);
  });

  it('catch a cue that lies outside the audio', () => {
    const broken = story();
    broken.close.sentences[0]!.end = 14.5;
    broken.close.sentences[0]!.words[1]!.end = 14.5;
    assert.ok(checkTimedStory(broken).includes('cue close-1 (12.2s–14.5s) lies outside the audio (14s)'));
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
    broken.files[0]!.duration = 14.03;
    assert.deepEqual(checkTimedStory(broken), [
      'audio/episode.webm decodes to 14.030s but the synthesized audio is 14.000s (more than 20 ms apart)',
    ]);
  });

  it('accept a picture without a description, but not description sentences without a range', () => {
    assert.deepEqual(checkTimedStory(story()).filter((p) => p.startsWith('scene-2')), []);
    const broken = story();
    delete broken.scenes[0]!.description;
    assert.deepEqual(checkTimedStory(broken), ['scene-1: has description sentences but no description range']);
  });

  it('refuse anything but a version 2 timed story', () => {
    assert.deepEqual(checkTimedStory({ ...story(), version: 1 } as unknown as ReturnType<typeof story>), ['it is not a version 2 timed story']);
  });
});
