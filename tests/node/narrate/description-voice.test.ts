// The description voice (scripts/narrate/description-voice.ts): descriptions sound apart from the
// narration, and their word times stay exact.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESCRIPTION_PITCH, giveDescriptionVoice } from '../../../scripts/narrate/description-voice.js';
import { semitones, voicePitches } from '../../../scripts/narrate/pitch.js';
import { readWav, writeWav } from '../../../scripts/narrate/wav.js';
import { STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import type { TimedStory } from '../../../src/story/timed-story.js';

const RATE = 16000;

/** Where the loudest sample is, in seconds. */
function loudestAt(samples: Int16Array, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (Math.abs(samples[i]!) > Math.abs(samples[best]!)) best = i;
  return best / RATE;
}

describe('the description voice', () => {
  it('stretches the sentence by one exact factor and scales its word times by it', async () => {
    // Two clicks at 0.5 s and 1.5 s of a 2 s sentence.
    const samples = new Int16Array(2 * RATE);
    samples[0.5 * RATE] = 30000;
    samples[1.5 * RATE] = -30000;
    const wav = join(mkdtempSync(join(tmpdir(), 'description-voice-')), 'sentence.wav');
    await writeWav(wav, { sampleRate: RATE, samples });
    const times = await giveDescriptionVoice(wav, [{ start: 0.5, end: 1.5 }, null]);
    const lowered = await readWav(wav);
    assert.equal(lowered.sampleRate, RATE, 'the same sample rate as the rest of the episode');
    assert.ok(Math.abs(lowered.samples.length - samples.length / DESCRIPTION_PITCH) <= 2, `length ${lowered.samples.length}`);
    assert.deepEqual(times[1], null, 'a token with nothing to say stays so');
    const first = loudestAt(lowered.samples, 0, RATE);
    const second = loudestAt(lowered.samples, RATE, lowered.samples.length);
    // The clicks land where the scaled times say, to the millisecond.
    assert.ok(Math.abs(first - times[0]!.start) <= 0.001, `click at ${first}, time ${times[0]!.start}`);
    assert.ok(Math.abs(second - times[0]!.end) <= 0.001, `click at ${second}, time ${times[0]!.end}`);
    assert.ok(Math.abs(times[0]!.start - 0.5 / DESCRIPTION_PITCH) <= 0.001);
  });

  for (const folder of storyFolders()) {
    const story = JSON.parse(readFileSync(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
    if (!story.scenes.some((scene) => scene.description)) continue;
    it(`keeps the narration's tempo in ${story.id}: spoken faster by the inverse of its pitch, then lowered`, () => {
      // Characters a second over every sentence of each kind, as the episode has them: lowered
      // without the faster speech, descriptions would come out at 0.8 of the narration's tempo.
      const tempo = (kind: string): number => {
        const sentences = [story.intro, ...story.scenes, story.close].flatMap((part) => part?.sentences ?? []).filter((s) => s.kind === kind);
        const characters = sentences.reduce((sum, s) => sum + s.text.length, 0);
        const seconds = sentences.reduce((sum, s) => sum + (s.end - s.start), 0);
        return characters / seconds;
      };
      const ratio = tempo('description') / tempo('narration');
      assert.ok(ratio > 0.9 && ratio < 1.1, `descriptions at ${(ratio * 100).toFixed(0)} % of the narration's tempo`);
    });
    it(`is audibly lower than the narration in ${story.id}: at least three semitones, measured on the episode`, async () => {
      const { narration, description } = await voicePitches(story, join(folder, STORY_FILES.audio.webm));
      assert.ok(narration.frames > 100 && description.frames > 100, 'enough voiced speech of each to measure');
      const apart = semitones(narration.hz, description.hz);
      assert.ok(apart <= -3, `narration ${narration.hz.toFixed(0)} Hz, descriptions ${description.hz.toFixed(0)} Hz: ${apart.toFixed(1)} semitones`);
    });
  }
});
