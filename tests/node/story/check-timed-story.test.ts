import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimedStory } from '../../../src/story/check-timed-story.js';
import { chaptersOf, commonPictureKind, fullTitle, paragraphsOf } from '../../../src/story/timed-story.js';
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

describe('each timed-story promise, broken alone, is named in words', () => {
  const problems = (edit: (s: ReturnType<typeof story>) => void) => {
    const broken = story();
    edit(broken);
    return checkTimedStory(broken);
  };

  it('a first chapter that does not start at 0, either side', () => {
    assert.ok(problems((s) => (s.intro.start = 0.1)).includes('the first chapter starts at 0.1s, not 0'));
    assert.ok(problems((s) => (s.intro.start = -0.1)).includes('the first chapter starts at -0.1s, not 0'));
  });

  it('times within rounding of a millisecond pass', () => {
    assert.deepEqual(problems((s) => (s.intro.start = 0.0004)), []);
    assert.deepEqual(problems((s) => (s.scenes[0]!.start = 3.0004)), []);
    assert.deepEqual(problems((s) => (s.close.end = 13.9996)), []);
  });

  it('a chapter that ends where it starts', () => {
    assert.ok(problems((s) => (s.close.end = 12)).includes('close ends (12s) before it starts (12s)'));
  });

  it('a chapter that goes back over the one before', () => {
    assert.ok(problems((s) => (s.scenes[1]!.start = 7.8)).includes('chapters do not tile the episode: scene-1 ends at 8s but scene-2 starts at 7.8s'));
  });

  it('a last chapter that does not end with the audio', () => {
    assert.ok(problems((s) => (s.close.end = 13.5)).includes('chapters do not tile the episode: close ends at 13.5s, the audio at 14s'));
    assert.ok(problems((s) => (s.close.end = 14.5)).includes('chapters do not tile the episode: close ends at 14.5s, the audio at 14s'));
  });

  it('a cue that starts before its chapter, or ends after it', () => {
    assert.deepEqual(
      problems((s) => {
        const cue = s.scenes[1]!.sentences[0]!;
        cue.start = 7.9;
        cue.words[0]!.start = 7.9;
      }),
      ['cue scene-2-announcement-1 (7.9s–8.8s) lies outside its chapter scene-2'],
    );
    assert.deepEqual(
      problems((s) => {
        const cue = s.scenes[0]!.sentences[3]!;
        cue.end = 8.05;
        cue.words.at(-1)!.end = 8.05;
      }),
      ['cue scene-1-narration-2 (7.1s–8.05s) lies outside its chapter scene-1'],
    );
  });

  it('a cue that ends where it starts', () => {
    assert.ok(
      problems((s) => {
        const cue = s.intro.sentences[0]!;
        cue.end = 0.2;
        cue.words = [{ text: 'One two.', start: 0.2, end: 0.2 }];
        cue.text = 'One two.';
      }).includes('cue intro-1 (0.2s–0.2s) ends before it starts'),
    );
  });

  it('a word that ends before it starts, or after its cue, or starts before it', () => {
    assert.deepEqual(
      problems((s) => {
        s.intro.sentences[0]!.words[0]!.start = 1;
        s.intro.sentences[0]!.words[0]!.end = 0.5;
      }),
      ['cue intro-1 (0.2s–2s): the word "One" (1s–0.5s) lies outside its cue'],
    );
    assert.deepEqual(
      problems((s) => (s.intro.sentences[0]!.words[1]!.end = 2.3)),
      ['cue intro-1 (0.2s–2s): the word "two." (1.1s–2.3s) lies outside its cue'],
    );
    assert.deepEqual(
      problems((s) => (s.intro.sentences[0]!.words[0]!.start = 0.1)),
      ['cue intro-1 (0.2s–2s): the word "One" (0.1s–1.1s) lies outside its cue'],
    );
  });

  it('two words that start at the same time', () => {
    assert.deepEqual(
      problems((s) => (s.intro.sentences[0]!.words[1]!.start = 0.2)),
      ['cue intro-1 (0.2s–2s): the word "two." does not start after the word before it'],
    );
  });

  it('a cue without a paragraph number', () => {
    assert.deepEqual(problems((s) => (s.intro.sentences[0]!.paragraph = Number.NaN)), ['cue intro-1 (0.2s–2s) has no paragraph number']);
    assert.deepEqual(problems((s) => (s.intro.sentences[0]!.paragraph = -1)), ['cue intro-1 (0.2s–2s) has no paragraph number']);
  });

  it('words that do not spell the cue', () => {
    assert.deepEqual(problems((s) => (s.intro.sentences[0]!.text = 'One three.')), ['cue intro-1 (0.2s–2s): its words do not spell its text exactly']);
  });

  it('a description range outside its scene, or empty', () => {
    assert.ok(
      problems((s) => (s.scenes[0]!.description = { start: 4, end: 8.5 })).includes('scene-1: its description (4s–8.5s) is not inside the scene (3s–8s)'),
    );
    assert.ok(
      problems((s) => (s.scenes[0]!.description = { start: 2.5, end: 6 })).includes('scene-1: its description (2.5s–6s) is not inside the scene (3s–8s)'),
    );
    assert.ok(problems((s) => (s.scenes[0]!.description = { start: 5, end: 5 })).includes('scene-1: its description (5s–5s) is not inside the scene (3s–8s)'));
  });

  it('narration inside the description range, or description outside it', () => {
    assert.deepEqual(problems((s) => (s.scenes[0]!.description = { start: 4, end: 7.05 })), ['scene-1: scene-1-narration-1 is inside the description range']);
    assert.deepEqual(problems((s) => (s.scenes[0]!.description = { start: 4.5, end: 6 })), ['scene-1: scene-1-description-1 is outside the description range']);
    assert.deepEqual(problems((s) => (s.scenes[0]!.description = { start: 4.1, end: 5.5 })), []);
  });

  it('an encoded file 20 ms short or long passes; 30 ms short does not', () => {
    assert.deepEqual(problems((s) => (s.files[1]!.duration = 13.99)), []);
    assert.deepEqual(problems((s) => (s.files[1]!.duration = 13.97)), [
      'audio/episode.mp3 decodes to 13.970s but the synthesized audio is 14.000s (more than 20 ms apart)',
    ]);
  });

  it('nothing that is not a timed story', () => {
    assert.deepEqual(checkTimedStory(null as unknown as ReturnType<typeof story>), ['it is not a version 2 timed story']);
    assert.deepEqual(checkTimedStory('{}' as unknown as ReturnType<typeof story>), ['it is not a version 2 timed story']);
  });
});

describe('what the timed story says about itself', () => {
  it('calls pictures photos only when every one of them is a photograph', () => {
    assert.equal(commonPictureKind(['photograph', 'photograph']), 'photograph');
    assert.equal(commonPictureKind(['photograph', 'illustration']), 'illustration');
    assert.equal(commonPictureKind([]), 'illustration', 'no pictures: nothing to call a photo');
  });

  it('joins title and subtitle with a colon, and shows the title alone without one', () => {
    assert.equal(fullTitle({ title: 'At the Line', subtitle: 'A mother and her son' }), 'At the Line: A mother and her son');
    assert.equal(fullTitle({ title: 'At the Line' }), 'At the Line');
    assert.equal(fullTitle({ title: 'At the Line', subtitle: '' }), 'At the Line');
  });

  it('plays intro, pictures and close in order', () => {
    assert.deepEqual(chaptersOf(story()).map((chapter) => chapter.id), ['intro', 'scene-1', 'scene-2', 'close']);
  });

  it('groups a chapter’s sentences of one kind by paragraph', () => {
    const scene = story().scenes[0]!;
    assert.deepEqual(paragraphsOf(scene, 'narration').map((p) => p.map((s) => s.text)), [['First paragraph.'], ['Second paragraph.']]);
    assert.deepEqual(paragraphsOf(scene, 'description').map((p) => p.map((s) => s.text)), [['A <square> & more.']]);
    assert.deepEqual(paragraphsOf(story().scenes[1]!, 'description'), []);
  });
});

describe('the timed-story checks at the edges', () => {
  it('pass cues that touch their chapter’s edges, the end of the audio and each other, and a word of no length', () => {
    const edges = story();
    const last = edges.scenes[0]!.sentences[3]!;
    last.end = 8;
    last.words.at(-1)!.end = 8;
    const next = edges.scenes[1]!.sentences[0]!;
    next.start = 8;
    next.words[0]!.start = 8;
    const close = edges.close.sentences[0]!;
    close.end = 14;
    close.words.at(-1)!.end = 14;
    edges.intro.sentences[0]!.words[0]!.end = 0.2;
    assert.deepEqual(checkTimedStory(edges), []);
  });

  it('name “the start” when the first cue begins before the audio does', () => {
    const broken = story();
    broken.intro.sentences[0]!.start = -0.1;
    broken.intro.sentences[0]!.words[0]!.start = -0.1;
    assert.ok(checkTimedStory(broken).includes('cue intro-1 (-0.1s–2s) overlaps or goes back before the end of the start (0s)'));
  });
});
