import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import { deepActiveElement, findAX, miniStory, playing, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

const sentences = (t: StoryTranscript) => Array.from(t.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sentence"]'));
const currentIds = (t: StoryTranscript) =>
  sentences(t)
    .filter((b) => b.getAttribute('aria-current') === 'true')
    .map((b) => b.dataset.cue);

async function openTranscript() {
  const player = await miniStory();
  await tracksLoaded(player);
  const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
  transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  await transcript.updateComplete;
  return { player, transcript };
}

describe('<story-transcript>', () => {
  beforeEach(() => localStorage.clear());

  it('is a collapsed "Transcript" disclosure that opens to every caption sentence, by chapter', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
    const toggle = transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(transcript.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!.hidden).to.be.true;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await transcript.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const all = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    expect(sentences(transcript).map((b) => b.dataset.cue)).to.deep.equal(all.map((x) => x.id));
    const tree = (await a11ySnapshot({})) as unknown as AXNode;
    // Puppeteer's snapshot drops a heading whose only child is a button, so the level is read from the DOM.
    const heading = toggle.closest('[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('2');
    const lists = Array.from(transcript.shadowRoot!.querySelectorAll('ol[aria-labelledby]'));
    const listNames = lists.map((l) => transcript.shadowRoot!.getElementById(l.getAttribute('aria-labelledby')!)!.textContent);
    expect(listNames).to.deep.equal(['Introduction', 'Photo 1 of 2: The gate', 'Photo 2 of 2: The road', 'The end']);
    expect(findAX(tree, (n) => n.role === 'button' && n.name === 'We waited by the gate for an hour.')).to.have.length(1);
  });

  it('seeks when a sentence is activated with the keyboard', async () => {
    const s = await timing();
    const { player, transcript } = await openTranscript();
    const target = s.scenes[1]!.sentences.find((x) => x.kind === 'narration')!;
    const button = sentences(transcript).find((b) => b.dataset.cue === target.id)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(player.currentTime).to.equal(target.start);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(currentIds(transcript)).to.deep.equal([target.id]);
    expect(deepActiveElement(), 'focus stays on the sentence').to.equal(button);
  });

  it('marks the sentence being spoken with aria-current, the last one between sentences', async () => {
    const s = await timing();
    const { player, transcript } = await openTranscript();
    const [first, second] = s.scenes[0]!.sentences;
    player.seek((first!.start + first!.end) / 2);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(currentIds(transcript)).to.deep.equal([first!.id]);
    player.seek((first!.end + second!.start) / 2);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(currentIds(transcript)).to.deep.equal([first!.id]);
  });

  it('follows along by scrolling only its list, never moving focus', async () => {
    const s = await timing();
    const { player, transcript } = await openTranscript();
    transcript.style.setProperty('--story-transcript-max-height', '6rem');
    const follow = transcript.shadowRoot!.querySelector<HTMLInputElement>('[part="follow"] input')!;
    follow.click();
    expect(transcript.followAlong).to.be.true;
    const playButton = player.shadowRoot!.querySelector<HTMLButtonElement>('.play')!;
    playButton.focus();
    const pageScroll = window.scrollY;
    const list = transcript.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    expect(list.scrollTop).to.equal(0);
    player.seek(s.close.sentences[0]!.start - 0.2);
    await playing(player);
    await until(() => list.scrollTop > 0, 'the list scrolls to the current sentence');
    player.pause();
    expect(deepActiveElement()).to.equal(playButton);
    expect(window.scrollY).to.equal(pageScroll);
    const current = sentences(transcript).find((b) => b.getAttribute('aria-current') === 'true')!;
    await until(() => {
      const [l, c] = [list.getBoundingClientRect(), current.getBoundingClientRect()];
      return c.top >= l.top - 1 && c.bottom <= l.bottom + 1;
    }, 'the current sentence is in view');
  });

  it('passes axe when open', async () => {
    const { transcript } = await openTranscript();
    await expect(transcript).to.be.accessible();
  });
});
