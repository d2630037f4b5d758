// The player's timeline rules (src/story-player/timeline.ts), pure and without a browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryChapter, StoryCue } from '../../../src/player-state/context.js';
import {
  EPSILON,
  TICK_MS,
  chapterIndexAt,
  describeStart,
  descriptionRangeAt,
  msUntilNextLook,
  nextBoundary,
  nextChapterIndex,
  pictureEndedBetween,
  previousChapterIndex,
  rateAt,
  seekTarget,
} from '../../../src/story-player/timeline.js';

/** Intro 0–10, picture 1 10–40 (described 12–20), picture 2 40–70 (described 45–50), close 70–80. */
const chapters: StoryChapter[] = [
  { id: 'intro', title: 'Introduction', start: 0, end: 10 },
  { id: 'scene-1', title: 'Picture 1', number: 1, start: 10, end: 40, description: { start: 12, end: 20 } },
  { id: 'scene-2', title: 'Picture 2', number: 2, start: 40, end: 70, description: { start: 45, end: 50 } },
  { id: 'close', title: 'Close', start: 70, end: 80 },
];
const cue = (id: string, start: number, end: number): StoryCue => ({ id, start, end, text: id, voice: null, words: [] });

describe('the chapter at a time', () => {
  it('is the last chapter started, from just before its start', () => {
    assert.equal(chapterIndexAt(chapters, 0), 0);
    assert.equal(chapterIndexAt(chapters, 9.99), 0);
    assert.equal(chapterIndexAt(chapters, 10 - EPSILON), 1, 'a boundary is reached EPSILON before it');
    assert.equal(chapterIndexAt(chapters, 10 - 2 * EPSILON), 0);
    assert.equal(chapterIndexAt(chapters, 79), 3);
    assert.equal(chapterIndexAt(chapters, 500), 3, 'past the end: still the last');
  });

  it('is none before the first chapter or without chapters', () => {
    assert.equal(chapterIndexAt([chapters[1]!], 5), -1);
    assert.equal(chapterIndexAt([], 5), -1);
  });
});

describe('description ranges', () => {
  it('a time inside a description, from just before its start to before its end', () => {
    assert.deepEqual(descriptionRangeAt(chapters, 12), { start: 12, end: 20 });
    assert.deepEqual(descriptionRangeAt(chapters, 12 - EPSILON), { start: 12, end: 20 });
    assert.deepEqual(descriptionRangeAt(chapters, 19.99), { start: 12, end: 20 });
    assert.equal(descriptionRangeAt(chapters, 20), undefined, 'its end is after it');
    assert.equal(descriptionRangeAt(chapters, 11.9), undefined);
    assert.deepEqual(descriptionRangeAt(chapters, 47), { start: 45, end: 50 });
    assert.equal(descriptionRangeAt(chapters, 5), undefined, 'the intro has none');
  });
});

describe('where a seek lands', () => {
  it('inside the episode', () => {
    assert.equal(seekTarget(-5, 80, chapters, false), 0);
    assert.equal(seekTarget(95, 80, chapters, false), 80);
    assert.equal(seekTarget(33, 80, chapters, false), 33);
  });

  it('anywhere ahead when the length is not known yet', () => {
    assert.equal(seekTarget(95, 0, chapters, false), 95);
    assert.equal(seekTarget(-1, 0, chapters, false), 0);
  });

  it('after a description when descriptions are skipped, and inside it when they play', () => {
    assert.equal(seekTarget(15, 80, chapters, true), 20);
    assert.equal(seekTarget(15, 80, chapters, false), 15);
    assert.equal(seekTarget(25, 80, chapters, true), 25, 'outside a description: where asked');
  });
});

describe('previous and next', () => {
  it('previous restarts the current chapter when more than three seconds into it', () => {
    assert.equal(previousChapterIndex(chapters, 13.5), 1);
    assert.equal(previousChapterIndex(chapters, 12.5), 0, 'within three seconds: the one before');
    assert.equal(previousChapterIndex(chapters, 13), 0, 'exactly three seconds: the one before');
    assert.equal(previousChapterIndex(chapters, 1), 0, 'never before the first');
  });

  it('next goes to the following chapter, and nowhere from the last', () => {
    assert.equal(nextChapterIndex(chapters, 5), 1);
    assert.equal(nextChapterIndex(chapters, 45), 3);
    assert.equal(nextChapterIndex(chapters, 75), -1);
    assert.equal(nextChapterIndex([], 0), -1);
  });
});

describe('a description played on its own', () => {
  it('starts a breath before its first words, never before its range', () => {
    assert.equal(describeStart({ start: 12, end: 20 }, [cue('a', 5, 6), cue('b', 13, 15), cue('c', 16, 18)]), 12.8);
    assert.equal(describeStart({ start: 12, end: 20 }, [cue('b', 12.1, 15)]), 12, 'the lead-in stops at the range');
    assert.equal(describeStart({ start: 12, end: 20 }, []), 12, 'without description cues: its start');
    assert.equal(describeStart({ start: 12, end: 20 }, [cue('late', 20, 22)]), 12, 'a cue from its end on is not in it');
  });
});

describe('self-paced mode', () => {
  it('finds the picture whose end playback crossed', () => {
    assert.equal(pictureEndedBetween(chapters, 39.5, 40.1)?.id, 'scene-1');
    assert.equal(pictureEndedBetween(chapters, 39.5, 40 - EPSILON)?.id, 'scene-1', 'reached EPSILON before the end');
    assert.equal(pictureEndedBetween(chapters, 39.5, 39.9), undefined);
    assert.equal(pictureEndedBetween(chapters, 40, 41), undefined, 'already past it before');
    assert.equal(pictureEndedBetween(chapters, 9.5, 10.5), undefined, 'the intro is not a picture');
  });
});

describe('when the loop looks again', () => {
  const watch = { chapters, describing: null, skipDescriptions: false, pauseAfterPicture: false };

  it('watches description starts when they are skipped and picture ends in self-paced mode', () => {
    assert.equal(nextBoundary(5, watch), undefined);
    assert.equal(nextBoundary(5, { ...watch, skipDescriptions: true }), 12);
    assert.equal(nextBoundary(21, { ...watch, skipDescriptions: true }), 45);
    assert.equal(nextBoundary(5, { ...watch, pauseAfterPicture: true }), 40);
    assert.equal(nextBoundary(5, { ...watch, skipDescriptions: true, pauseAfterPicture: true }), 12);
    assert.equal(nextBoundary(75, { ...watch, skipDescriptions: true, pauseAfterPicture: true }), undefined, 'the close ends no picture');
  });

  it('watches only the end of a description played on its own', () => {
    const describing = { start: 12, end: 20 };
    assert.equal(nextBoundary(13, { ...watch, describing, skipDescriptions: true, pauseAfterPicture: true }), 20);
    assert.equal(nextBoundary(20, { ...watch, describing }), undefined);
  });

  it('at the usual pace far from a boundary, just before it when close, at the playback rate', () => {
    assert.equal(msUntilNextLook(0, undefined, 1), TICK_MS);
    assert.equal(msUntilNextLook(0, 10, 1), TICK_MS, 'far');
    assert.equal(msUntilNextLook(0, 0.2, 1), 170, '30 ms before a boundary 200 ms away');
    assert.equal(msUntilNextLook(0, 0.2, 2), 70, 'twice as fast: half the time');
    assert.equal(msUntilNextLook(0, 0.01, 1), 0, 'never negative');
    assert.equal(msUntilNextLook(0, 0.3, 1), 270, 'within the usual pace and 50 ms: wake before it');
    assert.equal(msUntilNextLook(0, 0.301, 1), TICK_MS, 'just past that: the usual pace');
    assert.equal(msUntilNextLook(0, 0.2, 0), 170, 'no rate: at 1×');
  });
});

describe('the speed at a time', () => {
  const rates = { story: 1.25, description: 2 };
  const playing = { describing: false, skipDescriptions: false };

  it('is the description speed inside a description that plays, the story speed elsewhere', () => {
    assert.equal(rateAt(15, chapters, rates, playing), 2);
    assert.equal(rateAt(12 - EPSILON, chapters, rates, playing), 2, 'from just before its start');
    assert.equal(rateAt(20, chapters, rates, playing), 1.25, 'from its end');
    assert.equal(rateAt(5, chapters, rates, playing), 1.25);
  });

  it('is the description speed all through a description played on its own', () => {
    assert.equal(rateAt(30, chapters, rates, { describing: true, skipDescriptions: false }), 2);
  });

  it('is the story speed when descriptions are skipped, or have no speed of their own', () => {
    assert.equal(rateAt(15, chapters, rates, { describing: false, skipDescriptions: true }), 1.25);
    assert.equal(rateAt(15, chapters, { story: 1.5, description: 0 }, playing), 1.5);
    assert.equal(rateAt(15, chapters, { story: 1.5, description: 0 }, { describing: true, skipDescriptions: false }), 1.5);
  });

  it('makes the loop look at description starts and ends when descriptions have a speed of their own', () => {
    const watch = { chapters, describing: null, skipDescriptions: false, pauseAfterPicture: false, descriptionSpeed: true };
    assert.equal(nextBoundary(5, watch), 12);
    assert.equal(nextBoundary(13, watch), 20);
    assert.equal(nextBoundary(21, watch), 45);
    assert.equal(nextBoundary(46, watch), 50);
    assert.equal(nextBoundary(13, { ...watch, skipDescriptions: true }), 45, 'skipped: only where the next one starts');
  });
});
