import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { usePageStyle } from './helpers/page-style.js';
import { miniStory, part, playing, timing, tracksLoaded, until } from './helpers/mini-story.js';

/**
 * A window under 30rem tall: 1280 × 800 at 200 % and at 400 % zoom (the page's CSS pixels), and a
 * phone on its side. The bar is one slim row that stays reachable while reading any picture, and
 * the single-key shortcuts reach the player from the story's text.
 */
const SHORT = [
  { name: '200 % zoom', width: 640, height: 400 },
  { name: '400 % zoom', width: 320, height: 200 },
  { name: 'a phone on its side', width: 740, height: 360 },
] as const;


const box = (el: Element) => el.getBoundingClientRect();
const shown = (el: Element) => box(el).width > 0 && box(el).height > 0;
const inWindow = (el: Element) => shown(el) && box(el).top >= 0 && box(el).bottom <= innerHeight + 0.5;

/** Waits until the page has stopped scrolling (the same position for a few frames). */
async function settled(): Promise<void> {
  for (let last = -1, same = 0, i = 0; i < 100 && same < 4; i++) {
    same = scrollY === last ? same + 1 : 0;
    last = scrollY;
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('<story-player> in a short window', () => {
  before(() => usePageStyle());
  beforeEach(() => localStorage.clear());
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const { name, width, height } of SHORT) {
    it(`keeps one slim row at the bottom while reading any picture (Play, the time, the caption on demand, more controls), at ${name} (${width} × ${height})`, async function () {
      this.timeout(20000);
      await setViewport({ width, height });
      const player = await miniStory();
      await tracksLoaded(player);
      const dock = part(player, '.dock');
      const play = part(player, '.play');
      const time = part(player, '.time');
      const caption = part<HTMLButtonElement>(player, '.slim-caption');
      const more = part<HTMLButtonElement>(player, '.more-controls');
      const captions = player.querySelector('story-captions')!;

      // Paused in a sentence of the last picture, reading it far down the page.
      const s = await timing();
      const sentence = s.scenes[1]!.sentences.at(-1)!;
      player.seek((sentence.start + sentence.end) / 2);
      await player.updateComplete;
      await until(() => !captions.hasAttribute('blank'), 'the caption line has the sentence');
      player.querySelector('story-scene#scene-2 img')!.scrollIntoView({ block: 'start', behavior: 'instant' });
      await settled();
      expect(scrollY, 'the page scrolled').to.be.greaterThan(0);
      for (const [what, el] of [['Play', play], ['the time', time], ['Caption', caption], ['More controls', more]] as const) {
        expect(inWindow(el), `${what} in the window`).to.be.true;
        expect(box(el).left >= box(dock).left && box(el).right <= box(dock).right, `${what} whole within the row (${Math.round(box(el).left)}–${Math.round(box(el).right)} px in ${Math.round(box(dock).left)}–${Math.round(box(dock).right)})`).to.be.true;
      }
      expect(Math.round(box(dock).bottom), 'the dock at the bottom of the window').to.equal(height);
      const row = box(play).height;
      expect(box(dock).height, `one row (${Math.round(box(dock).height)} px)`).to.be.at.most(row + 16);
      expect(shown(part(player, '.track')), 'no slider in the slim row').to.be.false;
      expect(shown(part(player, '.controls')), 'no other controls in the slim row').to.be.false;
      expect(shown(captions), 'the caption line waits until asked for').to.be.false;
      await expect(player).to.be.accessible();

      // The caption on demand.
      caption.click();
      await player.updateComplete;
      expect(caption.getAttribute('aria-pressed')).to.equal('true');
      expect(shown(captions), 'the caption line shows').to.be.true;
      caption.click();
      await player.updateComplete;
      expect(shown(captions)).to.be.false;

      // Everything else, one press away, within the window.
      more.click();
      await player.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(part(player, '.track')), 'the slider').to.be.true;
      expect(shown(part(player, '.controls')), 'the other controls').to.be.true;
      expect(box(dock).height, 'the dock scrolls within the window').to.be.at.most(height);
      await expect(player).to.be.accessible();
      more.click();
      await player.updateComplete;
      expect(shown(part(player, '.controls'))).to.be.false;
    });
  }

  it('draws "More controls" with an icon of its own (an ellipsis), not the Settings icon', async () => {
    await setViewport({ width: 320, height: 200 });
    const player = await miniStory();
    const drawing = (selector: string) => {
      const icon = part(player, `${selector} svg`);
      expect(icon.getBoundingClientRect().width, `${selector}'s icon is drawn`).to.be.greaterThan(0);
      return Array.from(icon.querySelectorAll('path'), (path) => path.getAttribute('d')).join(' ');
    };
    const more = drawing('.more-controls');
    await setViewport({ width: 800, height: 600 });
    const settings = drawing('.more-toggle');
    expect(more).to.not.equal(settings);
  });

  it('shows the current picture at least 90 % above the slim row after a jump, at 400 % zoom', async function () {
    this.timeout(20000);
    await setViewport({ width: 320, height: 200 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const player = await miniStory();
    await tracksLoaded(player);
    for (const [jump, id] of [[() => player.nextChapter(), 'scene-1'], [() => player.nextChapter(), 'scene-2'], [() => player.previousChapter(), 'scene-1']] as const) {
      jump();
      await player.updateComplete;
      await settled();
      const img = box(player.querySelector(`story-scene#${id} img`)!);
      const seen = Math.min(img.bottom, box(part(player, '.dock')).top) - Math.max(img.top, 0);
      expect(seen / img.height, `${id}: ${Math.round(img.height)} px tall`).to.be.at.least(0.9);
    }
  });

  it('plays and pauses with K pressed while reading the story (focus on the page), and not with shortcuts off', async function () {
    this.timeout(20000);
    await setViewport({ width: 320, height: 200 });
    const player = await miniStory();
    await tracksLoaded(player);
    // A click on the story's text: focus is on nothing, the page's body.
    const text = player.querySelector('story-scene#scene-1 .sentence')!;
    text.scrollIntoView({ block: 'center', behavior: 'instant' });
    const at = box(text);
    await sendMouse({ type: 'click', position: [Math.round(at.left + 4), Math.round(at.top + at.height / 2)] });
    expect(document.activeElement).to.equal(document.body);
    await sendKeys({ press: 'k' });
    await until(() => !player.paused, 'K plays');
    await sendKeys({ press: 'k' });
    await until(() => player.paused, 'K pauses');
    player.noShortcuts = true;
    await player.updateComplete;
    await sendKeys({ press: 'k' });
    await new Promise((done) => setTimeout(done, 300));
    expect(player.paused, 'off means off (WCAG 2.1.4)').to.be.true;
  });

  it('with two players, gives keys pressed on the page to the story last pressed in, else to the one last played', async function () {
    this.timeout(30000);
    await setViewport({ width: 1280, height: 800 });
    const first = await miniStory();
    const second: StoryPlayer = await miniStory();
    await Promise.all([tracksLoaded(first), tracksLoaded(second)]);
    const clickText = async (player: StoryPlayer) => {
      const text = player.querySelector('.story-intro .sentence')!;
      text.scrollIntoView({ block: 'center', behavior: 'instant' });
      const at = box(text);
      await sendMouse({ type: 'click', position: [Math.round(at.left + 4), Math.round(at.top + at.height / 2)] });
    };
    await clickText(second);
    await sendKeys({ press: 'k' });
    await until(() => !second.paused, 'the second story, pressed in, plays');
    expect(first.paused, 'the other never hears it').to.be.true;
    await sendKeys({ press: 'k' });
    await until(() => second.paused, 'and pauses');

    // The first one played (from its own Play), then a click outside both stories: keys go to the last played.
    await playing(first);
    first.pause();
    const outside = document.createElement('p');
    outside.textContent = 'Outside both stories.';
    document.body.prepend(outside);
    try {
      outside.scrollIntoView({ block: 'start', behavior: 'instant' });
      const at = box(outside);
      await sendMouse({ type: 'click', position: [Math.round(at.left + 4), Math.round(at.top + at.height / 2)] });
      await sendKeys({ press: 'k' });
      await until(() => !first.paused, 'the last one played plays');
      expect(second.paused).to.be.true;
      first.pause();
    } finally {
      outside.remove();
      await sendMouse({ type: 'move', position: [0, 0] });
    }
  });
});
