import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formatTimestamp } from '../../src/captions/webvtt.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import { chaptersOf } from '../../src/story/timed-story.js';
import { base, deepActiveElement, miniStory, timing, tracksLoaded, until } from './helpers/mini-story.js';

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

/** 24 parts of 100 sentences, 2 s each: every sentence three words, the second and third timed by a tag. */
const PARTS = 24;
const PER_PART = 100;
const sentenceId = (part: number, n: number) => `part-${part}-sentence-${n}`;
const words = (part: number, n: number) => [`Part${part}`, `sentence${n}`, 'ends.'];

function longCaptions(): string {
  const blocks = ['WEBVTT'];
  for (let part = 1; part <= PARTS; part++) {
    for (let n = 1; n <= PER_PART; n++) {
      const start = ((part - 1) * PER_PART + (n - 1)) * 2;
      const [a, b, c] = words(part, n);
      blocks.push(`${sentenceId(part, n)}\n${formatTimestamp(start)} --> ${formatTimestamp(start + 1.5)}\n<v Narrator>${a} <${formatTimestamp(start + 0.5)}>${b} <${formatTimestamp(start + 1)}>${c}</v>`);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** A player of 2,400 sentences in 24 parts (sections with data-start / data-end), with its transcript. */
async function longPlayer(): Promise<{ player: StoryPlayer; transcript: StoryTranscript }> {
  const captions = URL.createObjectURL(new Blob([longCaptions()], { type: 'text/vtt' }));
  const wrapper = document.createElement('div');
  wrapper.lang = 'en';
  const player = document.createElement('story-player') as StoryPlayer;
  player.setAttribute('story-id', `long-transcript-${Date.now()}`);
  player.setAttribute('duration', String(PARTS * PER_PART * 2));
  const audio = document.createElement('audio');
  audio.slot = 'fallback';
  audio.preload = 'none';
  const source = document.createElement('source');
  source.src = `${base}audio/episode.webm`;
  source.type = 'audio/webm; codecs=opus';
  const track = document.createElement('track');
  track.kind = 'captions';
  track.src = captions;
  track.default = true;
  audio.append(source, track);
  const transcript = document.createElement('story-transcript') as StoryTranscript;
  player.append(audio, transcript);
  for (let part = 1; part <= PARTS; part++) {
    const section = document.createElement('section');
    section.id = `part-${part}`;
    section.dataset.start = String((part - 1) * PER_PART * 2);
    section.dataset.end = String(part * PER_PART * 2);
    const heading = document.createElement('h2');
    heading.textContent = `Part ${part}`;
    section.append(heading);
    player.append(section);
  }
  wrapper.append(player);
  await fixture(wrapper);
  await until(() => player.cues.length === PARTS * PER_PART, 'the 2,400 cues have loaded', 15000);
  await player.updateComplete;
  return { player, transcript };
}

describe('<story-transcript> of 2,400 sentences', () => {
  beforeEach(() => localStorage.clear());

  it('opens with the part being spoken and the first parts, then makes the rest until the list is whole, in order', async () => {
    const { player, transcript } = await longPlayer();
    const spoken = sentenceId(13, 50);
    player.seek((12 * PER_PART + 49) * 2 + 0.2);
    await player.updateComplete;
    transcript.open = true;
    await transcript.updateComplete;
    const first = sentences(transcript).map((b) => b.dataset.cue);
    expect(first.length, 'the first render is a part of the list').to.be.below(PARTS * PER_PART);
    for (const n of [1, 50, 100]) expect(first, `sentence ${n} of the part being spoken`).to.include(sentenceId(13, n));
    expect(first, 'the first part').to.include(sentenceId(1, 1));
    expect(current(transcript)).to.deep.equal([spoken]);
    expect(tabStops(transcript)).to.deep.equal([spoken]);
    // Every part shows its title from the first render.
    const titles = () => Array.from(transcript.shadowRoot!.querySelectorAll('[part="chapter-title"]'), (p) => p.textContent);
    expect(titles()).to.deep.equal(Array.from({ length: PARTS }, (_, i) => `Part ${i + 1}`));

    await until(() => transcript.complete, 'the transcript is whole', 20000);
    const all = Array.from({ length: PARTS }, (_, p) => Array.from({ length: PER_PART }, (_, n) => sentenceId(p + 1, n + 1))).flat();
    expect(sentences(transcript).map((b) => b.dataset.cue)).to.deep.equal(all);
    expect(current(transcript)).to.deep.equal([spoken]);
    expect(tabStops(transcript)).to.deep.equal([spoken]);
    const lists = Array.from(transcript.shadowRoot!.querySelectorAll('ol[aria-labelledby]'));
    expect(lists.map((l) => transcript.shadowRoot!.getElementById(l.getAttribute('aria-labelledby')!)!.textContent)).to.deep.equal(titles());
    expect(lists.map((l) => l.querySelectorAll('.sentence').length)).to.deep.equal(Array(PARTS).fill(PER_PART));
  });

  it('reaches the last sentence with End and the one after a part with Down while the list is still being made', async () => {
    const { player, transcript } = await longPlayer();
    player.seek((5 * PER_PART + 99) * 2 + 0.2);
    await player.updateComplete;
    transcript.open = true;
    await transcript.updateComplete;
    expect(transcript.complete, 'opened, not yet whole').to.be.false;
    sentences(transcript).find((b) => b.dataset.cue === sentenceId(6, 100))!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.cue === sentenceId(7, 1), 'focus on the next part’s first sentence');
    await sendKeys({ press: 'Home' });
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.cue === sentenceId(1, 1), 'focus on the first sentence');
    await sendKeys({ press: 'End' });
    await until(() => (deepActiveElement() as HTMLElement | null)?.dataset.cue === sentenceId(PARTS, PER_PART), 'focus on the last sentence');
    await sendKeys({ press: 'Enter' });
    expect(player.currentTime, 'Enter seeks to the last sentence').to.equal((PARTS * PER_PART - 1) * 2);
  });

  it('gives every cue its text, speaker and word times, read from the file when first asked for', async () => {
    const { player } = await longPlayer();
    const cue = player.cues[(20 - 1) * PER_PART + 7 - 1]!;
    const start = ((20 - 1) * PER_PART + 7 - 1) * 2;
    expect([cue.id, cue.start, cue.end]).to.deep.equal([sentenceId(20, 7), start, start + 1.5]);
    expect(cue.text).to.equal(words(20, 7).join(' '));
    expect(cue.voice).to.equal('Narrator');
    expect(cue.words).to.deep.equal([
      { text: 'Part20', start, end: start + 0.5 },
      { text: 'sentence7', start: start + 0.5, end: start + 1 },
      { text: 'ends.', start: start + 1, end: start + 1.5 },
    ]);
    expect(cue.words, 'read once, then kept').to.equal(cue.words);
  });
});
