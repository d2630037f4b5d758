import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimedStory } from '../../../src/story/check-timed-story.js';
import { smallTimedStory } from '../support/timed-story.js';

// The timed story checks at their exact edges: times are whole milliseconds, and the checks allow
// half a millisecond either way, never more.

describe('the timed story checks at their edges', () => {
  it('take a description range that is the whole scene, from its first to its last millisecond', () => {
    const story = smallTimedStory();
    const scene = story.scenes[0]!;
    scene.description = { start: scene.start, end: scene.end };
    for (const sentence of scene.sentences) sentence.kind = 'description';
    assert.deepEqual(checkTimedStory(story), []);
  });

  it('catch a description range one millisecond outside its scene, at either end', () => {
    for (const [start, end] of [
      [2.999, 6],
      [4, 8.001],
    ] as const) {
      const story = smallTimedStory();
      story.scenes[0]!.description = { start, end };
      assert.ok(
        checkTimedStory(story).includes(`scene-1: its description (${start}s–${end}s) is not inside the scene (3s–8s)`),
        `${start}–${end}: ${checkTimedStory(story).join('; ')}`,
      );
    }
  });
});
