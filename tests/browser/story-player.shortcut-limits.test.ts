import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { miniStory, part, timing, tracksLoaded } from './helpers/mini-story.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';

/** What a shortcut could have changed: if any of it moved, a shortcut fired. */
const state = (player: StoryPlayer) => ({
  currentTime: player.currentTime,
  paused: player.paused,
  descriptions: player.descriptions,
  captions: player.captions,
  playbackRate: player.playbackRate,
  helpOpen: part<HTMLDialogElement>(player, 'dialog').open,
});

const untouched = { currentTime: 0, paused: true, descriptions: 'on', captions: 'on', playbackRate: 1, helpOpen: false };

/** Every single-key shortcut but the help, which would take focus away. */
const SHORTCUT_KEYS = ['n', 'k', 'l', 'd', 'c', '2', '>'];

describe('<story-player> shortcuts never fire where they should not (WCAG 2.1.4)', () => {
  beforeEach(() => localStorage.clear());

  for (const [what, make] of [
    ['a text input', () => Object.assign(document.createElement('input'), { type: 'text' })],
    ['a search input', () => Object.assign(document.createElement('input'), { type: 'search' })],
    ['a textarea', () => document.createElement('textarea')],
    ['a contenteditable paragraph', () => Object.assign(document.createElement('p'), { contentEditable: 'true' })],
  ] as const) {
    it(`types into ${what} inside the player instead of running shortcuts`, async () => {
      const player = await miniStory();
      await tracksLoaded(player);
      const field: HTMLElement = make();
      player.querySelector('story-scene .narration')!.append(field);
      field.focus();
      for (const key of [...SHORTCUT_KEYS, '?']) await sendKeys({ press: key });
      const typed = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : field.textContent;
      expect(typed, 'every key reached the field').to.equal('nkldc2>?');
      expect(state(player)).to.deep.equal(untouched);
    });
  }

  for (const modifier of ['Control', 'Alt', 'Meta']) {
    it(`runs no shortcut with ${modifier} held`, async () => {
      const player = await miniStory();
      await tracksLoaded(player);
      part(player, '.play').focus();
      const held: boolean[] = [];
      player.addEventListener('keydown', (event) => held.push(event.getModifierState(modifier)));
      await sendKeys({ down: modifier });
      for (const key of [...SHORTCUT_KEYS, '?']) await sendKeys({ press: key });
      await sendKeys({ up: modifier });
      expect(held.slice(1), `every key reached the player with ${modifier} held`).to.deep.equal(Array(SHORTCUT_KEYS.length + 1).fill(true));
      expect(state(player)).to.deep.equal(untouched);
      // The same key alone does run it: the focus was inside the player all along.
      await sendKeys({ press: 'd' });
      expect(player.descriptions).to.equal('off');
    });
  }

  for (const label of ['Speed', 'Description speed']) {
    it(`runs no shortcut from the player's own ${label} select`, async () => {
      const player = await miniStory();
      await tracksLoaded(player);
      const select = Array.from(player.shadowRoot!.querySelectorAll<HTMLSelectElement>('label.speed select')).find(
        (el) => el.closest('label')!.querySelector('span')!.textContent!.trim() === label,
      )!;
      expect(select, `a select labelled "${label}"`).to.exist;
      select.focus();
      for (const key of SHORTCUT_KEYS) await sendKeys({ press: key });
      expect(state(player)).to.deep.equal(untouched);
    });
  }
});

describe('<story-player> slider keys and speed limits', () => {
  beforeEach(() => localStorage.clear());

  it('moves back 30 s with Page Down on the slider, stopping at the start', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const slider = part(player, '[role="slider"]');
    slider.focus();
    await sendKeys({ press: 'End' });
    const end = player.currentTime;
    expect(end).to.be.closeTo(s.duration, 0.1);
    await sendKeys({ press: 'PageDown' });
    expect(player.currentTime).to.be.closeTo(end - 30, 0.1);
    await sendKeys({ press: 'PageDown' });
    expect(player.currentTime, 'not before the start').to.equal(0);
  });

  it('moves by Page Up / Page Down with shortcuts turned off too', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    player.noShortcuts = true;
    await player.updateComplete;
    part(player, '[role="slider"]').focus();
    await sendKeys({ press: 'PageUp' });
    expect(player.currentTime).to.be.closeTo(30, 0.1);
    await sendKeys({ press: 'PageDown' });
    expect(player.currentTime).to.equal(0);
  });

  it('goes no faster than 2× and no slower than 0.75× with > and <', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    part(player, '.play').focus();
    const rates: number[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: '>' });
      rates.push(player.playbackRate);
    }
    expect(rates).to.deep.equal([1.25, 1.5, 1.75, 2, 2, 2]);
    rates.length = 0;
    for (let i = 0; i < 7; i++) {
      await sendKeys({ press: '<' });
      rates.push(player.playbackRate);
    }
    expect(rates).to.deep.equal([1.75, 1.5, 1.25, 1, 0.75, 0.75, 0.75]);
  });

  for (const [given, kept] of [
    ['3', 2],
    ['0.5', 0.75],
    ['-1', 0.75],
    ['fast', 1],
  ] as const) {
    it(`plays at ${kept}× when the page asks for playback-rate="${given}"`, async () => {
      const player = await miniStory();
      await tracksLoaded(player);
      player.setAttribute('playback-rate', given);
      await player.updateComplete;
      expect(player.playbackRate).to.equal(kept);
    });
  }

  for (const [given, kept] of [
    [5, 2],
    [0.25, 0.75],
    [0, 0],
  ] as const) {
    it(`keeps a description speed of ${given} within its limits (${kept})`, async () => {
      const player = await miniStory();
      await tracksLoaded(player);
      player.descriptionRate = given;
      await player.updateComplete;
      expect(player.descriptionRate).to.equal(kept);
    });
  }
});
