// The player's timeline rules (src/story-player/timeline.ts) at their exact edges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryChapter, StoryCue } from '../../../src/player-state/context.js';
import { EPSILON, describeStart, msUntilNextLook, pictureEndedBetween } from '../../../src/story-player/timeline.js';

/** Intro 0–10, picture 1 10–40, close 40–50. */
const chapters: StoryChapter[] = [
  { id: 'intro', title: 'Introduction', start: 0, end: 10 },
  { id: 'scene-1', title: 'Picture 1', number: 1, start: 10, end: 40 },
  { id: 'close', title: 'Close', start: 40, end: 50 },
];
const cue = (id: string, start: number, end: number): StoryCue => ({ id, start, end, text: id, voice: null, words: [] });

describe('the timeline at its edges', () => {
  it('starts a description at its range when its first words start exactly there', () => {
    assert.equal(describeStart({ start: 12, end: 20 }, [cue('first', 12, 14), cue('second', 15, 17)]), 12);
  });

  it('counts a picture’s end once: not again when the last look was already at the boundary', () => {
    const boundary = 40 - EPSILON;
    assert.equal(pictureEndedBetween(chapters, boundary - 0.001, boundary)?.id, 'scene-1', 'reached');
    assert.equal(pictureEndedBetween(chapters, boundary, 40.2), undefined, 'already reached at the last look');
  });

  it('looks again just before a boundary measured from now, not from the start of the episode', () => {
    // 200 ms ahead of the 30th second (to within floating point), 30 ms early.
    assert.ok(Math.abs(msUntilNextLook(30, 30.2, 1) - 170) < 1e-6, String(msUntilNextLook(30, 30.2, 1)));
    assert.ok(Math.abs(msUntilNextLook(30, 30.2, 2) - 70) < 1e-6, String(msUntilNextLook(30, 30.2, 2)));
  });
});
