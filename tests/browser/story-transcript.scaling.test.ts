import { expect } from '@open-wc/testing';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import { chaptersOf } from '../../src/story/timed-story.js';
import { miniStory, timing, tracksLoaded } from './helpers/mini-story.js';

const sentences = (t: StoryTranscript) => Array.from(t.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sentence"]'));
const current = (t: StoryTranscript) => sentences(t).filter((b) => b.getAttribute('aria-current') === 'true').map((b) => b.dataset.cue);
const tabStops = (t: StoryTranscript) => sentences(t).filter((b) => b.tabIndex >= 0).map((b) => b.dataset.cue);

describe('<story-transcript> on a long story', () => {
  beforeEach(() => localStorage.clear());

  it('renders its sentences only once opened, and keeps them while open', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
    await transcript.updateComplete;
    expect(sentences(transcript), 'closed: no sentence in the shadow root').to.have.length(0);
    transcript.open = true;
    await transcript.updateComplete;
    const all = chaptersOf(await timing()).flatMap((chapter) => chapter.sentences);
    expect(sentences(transcript).map((b) => b.dataset.cue)).to.deep.equal(all.map((s) => s.id));
  });

  it('moves the current sentence and the tab stop from chapter to chapter, leaving no stale mark behind', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
    transcript.open = true;
    await transcript.updateComplete;
    // The intro's last sentence, then one in the second picture's chapter, then back to the first picture's.
    for (const sentence of [s.intro.sentences.at(-1)!, s.scenes[1]!.sentences.at(-1)!, s.scenes[0]!.sentences[0]!]) {
      player.seek(sentence.start + 0.01);
      await player.updateComplete;
      await transcript.updateComplete;
      expect(current(transcript), `at ${sentence.id}`).to.deep.equal([sentence.id]);
      expect(tabStops(transcript), `tab stop at ${sentence.id}`).to.deep.equal([sentence.id]);
    }
  });
});
