// Only a long story's page text is laid out lazily (page.css `.long-story`): in a short story it
// would move a control just focused by Tab out of a short window.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LONG_STORY_SCENES, renderPage } from '../../../scripts/render/page.js';
import type { TimedStory } from '../../../src/story/timed-story.js';

const story = JSON.parse(readFileSync(new URL('../../fixtures/mini-story/timing.json', import.meta.url), 'utf8')) as TimedStory;
const assets = { script: 'app.js', stylesheet: 'page.css', icon: 'icon.svg' };

/** The mini-story with `count` scenes (copies of its first, with their own ids). */
function withScenes(count: number): TimedStory {
  const first = story.scenes[0]!;
  return { ...story, scenes: Array.from({ length: count }, (_, i) => ({ ...first, id: `scene-${i + 1}`, number: i + 1 })) };
}

describe('a long story’s page', () => {
  it(`marks a story of more than ${LONG_STORY_SCENES} pictures as long, and a shorter one not`, () => {
    assert.match(renderPage(withScenes(LONG_STORY_SCENES + 1), assets), /<main class="long-story">/);
    assert.match(renderPage(withScenes(LONG_STORY_SCENES), assets), /<main>/);
    assert.match(renderPage(story, assets), /<main>/);
  });
});
