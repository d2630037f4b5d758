import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { miniStory, part, timing, tracksLoaded, until } from './helpers/mini-story.js';

/** The mini-story in a page whose direction is `dir` (set on the element around the player). */
async function storyIn(dir: 'ltr' | 'rtl'): Promise<StoryPlayer> {
  const player = await miniStory();
  await tracksLoaded(player);
  player.parentElement!.dir = dir;
  await until(() => getComputedStyle(part(player, '.rail')).direction === dir, `the page is ${dir}`);
  await player.updateComplete;
  return player;
}

const box = (player: StoryPlayer, selector: string) => part(player, selector).getBoundingClientRect();
const centre = (rect: DOMRect) => rect.left + rect.width / 2;

describe('<story-player> in a right-to-left page', () => {
  beforeEach(() => localStorage.clear());

  it('fills the slider and places its thumb from the right', async () => {
    const s = await timing();
    const player = await storyIn('rtl');
    player.seek(s.duration / 4);
    await player.updateComplete;
    const [rail, fill, lane, thumb] = ['.rail', '.fill', '.thumb-lane', '.thumb'].map((selector) => box(player, selector)) as [DOMRect, DOMRect, DOMRect, DOMRect];
    expect(fill.right, 'the fill starts at the right end').to.be.closeTo(rail.right, 1);
    expect(fill.width, 'a quarter of the rail').to.be.closeTo(rail.width / 4, 2);
    expect(centre(thumb), 'the thumb a quarter in from the right').to.be.closeTo(lane.right - lane.width / 4, 1);
    await expect(player).to.be.accessible();
  });

  it('fills and places from the left in a left-to-right page', async () => {
    const s = await timing();
    const player = await storyIn('ltr');
    player.seek(s.duration / 4);
    await player.updateComplete;
    const [rail, fill, lane, thumb] = ['.rail', '.fill', '.thumb-lane', '.thumb'].map((selector) => box(player, selector)) as [DOMRect, DOMRect, DOMRect, DOMRect];
    expect(fill.left).to.be.closeTo(rail.left, 1);
    expect(fill.width).to.be.closeTo(rail.width / 4, 2);
    expect(centre(thumb)).to.be.closeTo(lane.left + lane.width / 4, 1);
  });

  it('moves back with → and forward with ← on the slider', async () => {
    const player = await storyIn('rtl');
    player.seek(10);
    part(player, '[role="slider"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(player.currentTime, '→ points back').to.equal(5);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(player.currentTime, '← points forward').to.equal(15);
    await sendKeys({ press: 'ArrowUp' });
    expect(player.currentTime, '↑ is forward in either direction').to.equal(20);
    part<HTMLButtonElement>(player, '.help-button').click();
    await player.updateComplete;
    const arrows = part(player, 'dialog').querySelectorAll('table')[1]!.querySelector('tbody td kbd')!.textContent;
    expect(arrows, 'the help lists the back arrow first').to.equal('→ ←');
  });

  it('seeks where the pointer presses, counted from the right', async () => {
    const s = await timing();
    const player = await storyIn('rtl');
    const lane = box(player, '.thumb-lane');
    const x = Math.round(lane.right - lane.width / 4);
    const y = Math.round(lane.top + lane.height / 2);
    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => Math.abs(player.currentTime - s.duration / 4) < 0.5, `a quarter of the way in (at ${player.currentTime})`);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
