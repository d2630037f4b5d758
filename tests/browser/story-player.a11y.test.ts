import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys, setViewport } from '@web/test-runner-commands';
import { durationInWords } from '../../src/captions/time-text.js';
import { described, findAX, miniStory, part, playing, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

const snapshot = async (): Promise<AXNode> => (await a11ySnapshot({})) as unknown as AXNode;

describe('<story-player> accessibility', () => {
  beforeEach(() => localStorage.clear());

  it('exposes every control with a name, role and value in the accessibility tree', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    // Speed, the toggles and the shortcuts are behind Settings.
    part<HTMLButtonElement>(player, '.more-toggle').click();
    await player.updateComplete;
    const tree = await snapshot();
    const one = (role: string, name: string | RegExp) => {
      const found = findAX(tree, (n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
      expect(found, `${role} "${name}"`).to.have.length(1);
      return found[0]!;
    };
    const length = durationInWords(s.duration);
    one('region', `Story player: ${s.title}`);
    one('button', `Play ${s.title}, ${length}`);
    const slider = one('slider', 'Position');
    expect([slider.valuemin, slider.value, slider.valuemax]).to.deep.equal([0, 0, Math.round(s.duration)]);
    // This Chromium's DevTools protocol leaves `valuetext` empty for every element, even a plain
    // <div role=slider aria-valuetext>, so the words are read from the attribute the tree is built from.
    expect(part(player, '[role="slider"]').getAttribute('aria-valuetext')).to.equal(`0 seconds of ${length}`);
    one('button', 'Back 15 seconds');
    one('button', 'Forward 30 seconds');
    // The mini-story's pictures are illustrations: "picture", never "photo".
    one('button', 'Previous picture');
    one('button', 'Next picture');
    expect(one('combobox', 'Speed').value).to.equal('1×');
    expect(one('button', 'Audio descriptions').pressed).to.equal(true);
    expect(one('button', 'Captions').pressed).to.equal(true);
    expect(one('button', 'Pause after each picture').pressed).to.equal(false);
    expect(one('button', 'Chapters').expanded).to.equal(false);
    expect(one('button', 'Keyboard shortcuts').haspopup).to.equal('dialog');
    one('status', '');
    for (const scene of s.scenes) {
      const range = described(scene);
      one('button', `Describe this picture, picture ${scene.number}, ${durationInWords(range.end - range.start)}`);
    }
    expect(one('button', 'Transcript').expanded).to.equal(false);
    // Captions are not a live region: nothing but the status region is.
    expect(findAX(tree, (n) => n.role === 'status' || n.role === 'alert' || n.role === 'log')).to.have.length(1);
  });

  it('updates the slider value text in words when the listener seeks', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    part(player, '[role="slider"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await player.updateComplete;
    const slider = findAX(await snapshot(), (n) => n.role === 'slider')[0]!;
    expect(slider.value).to.equal(10);
    expect(slider.focused).to.equal(true);
    expect(part(player, '[role="slider"]').getAttribute('aria-valuetext')).to.equal(`10 seconds of ${durationInWords(s.duration)}`);
    expect(player.currentTime).to.equal(10);
  });

  it('names Play/Pause after the story while playing', async () => {
    const s = await timing();
    const player = await miniStory();
    await playing(player);
    await player.updateComplete;
    const tree = await snapshot();
    player.pause();
    expect(findAX(tree, (n) => n.role === 'button' && n.name === `Pause ${s.title}`)).to.have.length(1);
  });

  it('passes axe when idle', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    await expect(player).to.be.accessible();
  });

  it('passes axe while playing, and when paused', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    await playing(player);
    await expect(player).to.be.accessible();
    player.pause();
    await until(() => player.paused, 'paused');
    await player.updateComplete;
    await expect(player).to.be.accessible();
  });

  it('passes axe with descriptions off and the chapter list open', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    player.descriptions = 'off';
    part<HTMLButtonElement>(player, '.chapters-toggle').click();
    await player.updateComplete;
    await expect(player).to.be.accessible();
  });

  it('passes axe with the help dialog open, which is modal and named', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    part<HTMLButtonElement>(player, '.help-button').click();
    await player.updateComplete;
    const dialog = part<HTMLDialogElement>(player, 'dialog');
    expect(dialog.open).to.be.true;
    const tree = await snapshot();
    const node = findAX(tree, (n) => n.role === 'dialog')[0]!;
    expect(node.name).to.equal('Keyboard shortcuts');
    expect(node.modal).to.equal(true);
    expect(findAX(node, (n) => n.role === 'switch' && n.name === 'Single-key shortcuts')[0]?.checked).to.equal(true);
    await expect(player).to.be.accessible();
  });

  it('folds the settings behind a named "Settings" button on a phone-sized screen', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const player = await miniStory();
      await tracksLoaded(player);
      const names = async () => findAX(await snapshot(), (n) => n.role === 'button').map((n) => n.name);
      expect(await names()).to.include.members(['Settings', 'Chapters', 'Next picture']);
      expect(await names()).not.to.include('Audio descriptions');
      const toggle = part<HTMLButtonElement>(player, '.more-toggle');
      toggle.click();
      await player.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(await names()).to.include.members(['Audio descriptions', 'Captions', 'Pause after each picture', 'Keyboard shortcuts']);
      await expect(player).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
