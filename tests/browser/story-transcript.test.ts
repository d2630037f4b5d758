import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import { chaptersOf } from '../../src/story/timed-story.js';
import { deepActiveElement, findAX, miniStory, playing, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

const sentences = (t: StoryTranscript) => Array.from(t.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sentence"]'));
const currentIds = (t: StoryTranscript) =>
  sentences(t)
    .filter((b) => b.getAttribute('aria-current') === 'true')
    .map((b) => b.dataset.cue);
/** The sentences Tab can reach: a roving tabindex leaves exactly one. */
const tabStops = (t: StoryTranscript) => sentences(t).filter((b) => b.tabIndex >= 0);
/** A sentence's accessible name: its text, without the time (hidden from assistive technology). */
const spoken = (b: HTMLButtonElement) => b.querySelector('.text')!.textContent!.replace(/\s+/g, ' ').trim();
const snapshot = async () => (await a11ySnapshot({})) as unknown as AXNode;

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
    expect(listNames).to.deep.equal(chaptersOf(s).map((c) => c.title));
    const narration = s.scenes[0]!.sentences.find((x) => x.kind === 'narration')!;
    expect(findAX(tree, (n) => n.role === 'button' && n.name === narration.text)).to.have.length(1);
  });

  it('is a single tab stop: one Tab into the sentences, the next Tab out of them', async () => {
    const { transcript } = await openTranscript();
    // What follows the transcript on the page (the story begins after it).
    const after = document.createElement('button');
    after.textContent = 'after the transcript';
    transcript.after(after);
    const all = sentences(transcript);
    expect(all.length).to.be.greaterThan(5);
    expect(tabStops(transcript)).to.deep.equal([all[0]]);
    transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(transcript.shadowRoot!.querySelector('[part="follow"] input'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(all[0]);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'Tab leaves the list').to.equal(after);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement(), 'Shift+Tab comes back to the same sentence').to.equal(all[0]);
    // Every sentence is still a button in the accessibility tree, named by its words.
    const tree = await snapshot();
    for (const b of all) expect(findAX(tree, (n) => n.role === 'button' && n.name === spoken(b)), spoken(b)).to.have.length(1);
    // Puppeteer's snapshot leaves out containers that are not controls, toolbars included, so the
    // composite role that tells a screen reader the arrow keys work is read from the DOM.
    const list = transcript.shadowRoot!.querySelector('[part="list"]')!;
    expect([list.getAttribute('role'), list.getAttribute('aria-orientation')]).to.deep.equal(['toolbar', 'vertical']);
    expect(transcript.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)?.textContent?.trim()).to.equal('Transcript');
  });

  it('moves between sentences with Up, Down, Home and End, and seeks with Enter or Space', async () => {
    const s = await timing();
    const { player, transcript } = await openTranscript();
    const all = sentences(transcript);
    const cues = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    all[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()).to.equal(all[2]);
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActiveElement()).to.equal(all[1]);
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()).to.equal(all.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement(), 'Down on the last sentence stays there').to.equal(all.at(-1));
    await sendKeys({ press: 'Home' });
    expect(deepActiveElement()).to.equal(all[0]);
    expect(player.currentTime, 'moving does not seek').to.equal(0);

    await sendKeys({ press: 'ArrowDown' });
    const focused = findAX(await snapshot(), (n) => n.focused === true);
    expect(focused.map((n) => [n.role, n.name])).to.deep.equal([['button', spoken(all[1]!)]]);
    await sendKeys({ press: 'Enter' });
    expect(player.currentTime).to.equal(cues[1]!.start);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect(player.currentTime).to.equal(cues[2]!.start);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(currentIds(transcript)).to.deep.equal([cues[2]!.id]);
    expect(deepActiveElement(), 'focus stays on the sentence').to.equal(all[2]);
    expect(tabStops(transcript), 'the tab stop is where focus is').to.deep.equal([all[2]]);
  });

  it('puts its tab stop on the sentence being spoken, without moving focus', async () => {
    const s = await timing();
    const { player, transcript } = await openTranscript();
    const [road, later] = s.scenes[1]!.sentences.filter((x) => x.kind === 'narration');
    player.seek(road!.start + 0.1);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(tabStops(transcript).map((b) => b.dataset.cue)).to.deep.equal([road!.id]);
    transcript.shadowRoot!.querySelector<HTMLInputElement>('[part="follow"] input')!.focus();
    await sendKeys({ press: 'Tab' });
    const here = deepActiveElement();
    expect((here as HTMLElement).dataset.cue, 'Tab lands on the sentence being spoken').to.equal(road!.id);
    // The narration goes on while the listener is in the list: focus and tab stop stay put.
    player.seek(later!.start + 0.1);
    await player.updateComplete;
    await transcript.updateComplete;
    expect(currentIds(transcript)).to.deep.equal([later!.id]);
    expect(deepActiveElement()).to.equal(here);
    expect(tabStops(transcript)).to.deep.equal([here]);
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
    // On by default: it is the player's "Follow along", which is on until the listener turns it off.
    const follow = transcript.shadowRoot!.querySelector<HTMLInputElement>('[part="follow"] input')!;
    expect(follow.checked).to.be.true;
    expect(transcript.followAlong).to.be.true;
    const playButton = player.shadowRoot!.querySelector<HTMLButtonElement>('.play')!;
    playButton.focus();
    const list = transcript.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    // Into the last picture's part first: the page follows that jump (the player's doing), then stays.
    const [first, second] = s.close.sentences;
    player.seek((first!.start + first!.end) / 2);
    await player.updateComplete;
    await until(() => list.scrollTop > 0, 'the list scrolls to the jump');
    await new Promise((done) => setTimeout(done, 2500));
    list.scrollTo({ top: 0, behavior: 'instant' });
    const pageScroll = window.scrollY;
    await playing(player);
    await until(() => player.currentTime > second!.start, 'the next sentence is spoken');
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
