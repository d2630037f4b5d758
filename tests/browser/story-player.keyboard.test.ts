import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { durationInWords } from '../../src/captions/time-text.js';
import { bytesText } from '../../src/i18n/formats.js';
import { deepActiveElement, described, miniStory, part, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';

/** The accessible name of a control as a listener would hear it (aria-label, else its text). */
const nameOf = (el: Element | null): string =>
  (el instanceof HTMLSelectElement
    ? (el.labels[0]?.firstElementChild?.textContent ?? '')
    : (el?.getAttribute('aria-label') ?? el?.textContent ?? '')
  )
    .replace(/\s+/g, ' ')
    .trim();

async function tabFromStart(player: StoryPlayer, presses: number): Promise<string[]> {
  const before = document.createElement('button');
  before.textContent = 'before';
  player.before(before);
  before.focus();
  const names: string[] = [];
  for (let i = 0; i < presses; i++) {
    await sendKeys({ press: 'Tab' });
    names.push(nameOf(deepActiveElement()));
  }
  return names;
}

describe('<story-player> keyboard', () => {
  beforeEach(() => localStorage.clear());

  it('reaches the controls first, in order, then the story', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const names = await tabFromStart(player, 17);
    expect(names).to.deep.equal([
      `Play ${s.title}, ${durationInWords(s.duration)}`,
      'Position',
      'Back 15 seconds',
      'Previous picture',
      'Next picture',
      'Forward 30 seconds',
      // Speed, the toggles and the shortcuts fold behind Settings, so that the bar stays one slim row.
      'Settings',
      'Chapters',
      // The transcript before the story begins, where a reader finds it.
      'Transcript',
      ...s.scenes.flatMap((scene) => [
        `Describe this picture, picture ${scene.number}, ${durationInWords(described(scene).end - described(scene).start)}`,
        `Copy link to picture ${scene.number}`,
      ]),
      // The close: the story to take away, then the transcript.
      'Listen in your podcast app',
      `Download the episode (MP3, ${bytesText(s.files.find((f) => f.type === 'audio/mpeg')!.bytes)})`,
      'Download the transcript',
      'Download the talking book (EPUB 3, text and audio in sync)',
    ]);
  });

  it('plays with Enter and pauses with Space on the Play button', async () => {
    const player = await miniStory();
    part(player, '.play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !player.paused && player.currentTime > 0.05, 'playing');
    expect(statusText(player)).to.equal('Playing.');
    await sendKeys({ press: 'Space' });
    await until(() => player.paused, 'paused');
    await until(() => statusText(player) === 'Paused.', 'the pause is announced');
  });

  it('moves the position with arrows, Page Up/Down, Home and End on the slider', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const slider = part(player, '[role="slider"]');
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(player.currentTime).to.equal(5);
    await sendKeys({ press: 'ArrowUp' });
    expect(player.currentTime).to.equal(10);
    await sendKeys({ press: 'ArrowLeft' });
    expect(player.currentTime).to.equal(5);
    await sendKeys({ press: 'PageUp' });
    expect(player.currentTime).to.be.closeTo(Math.min(5 + 30, player.storyChapters.at(-1)!.end), 0.1);
    await sendKeys({ press: 'Home' });
    expect(player.currentTime).to.equal(0);
    await sendKeys({ press: 'End' });
    await player.updateComplete;
    const length = durationInWords(s.duration);
    expect(slider.getAttribute('aria-valuetext')).to.equal(`${length} of ${length}`);
  });

  it('runs single-key shortcuts while focus is inside the player', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    part(player, '.play').focus();
    await sendKeys({ press: 'n' });
    expect(player.currentTime).to.equal(s.scenes[0]!.start);
    await until(() => statusText(player) === `${s.scenes[0]!.title}.`, 'the jump is announced');
    await sendKeys({ press: '2' });
    expect(player.currentTime).to.equal(s.scenes[1]!.start);
    await sendKeys({ press: 'l' });
    expect(player.currentTime, 'forward 30 s stops at the end').to.be.closeTo(s.duration, 0.1);
    await sendKeys({ press: 'j' });
    expect(player.currentTime).to.be.closeTo(s.duration - 15, 0.1);
    await sendKeys({ press: 'd' });
    expect(player.descriptions).to.equal('off');
    await sendKeys({ press: 'c' });
    expect(player.captions).to.equal('off');
    await sendKeys({ press: '>' });
    expect(player.playbackRate).to.equal(1.25);
    // Focus on a scene's button (light DOM, inside the player) counts as inside.
    player.querySelector('story-scene')!.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'p' });
    expect(player.currentTime, 'p restarts the picture').to.equal(s.scenes[0]!.start);
    await sendKeys({ press: 'p' });
    expect(player.currentTime, 'p again: the picture before').to.equal(0);
    await sendKeys({ press: 'k' });
    await until(() => !player.paused, 'k plays');
    await sendKeys({ press: 'k' });
    await until(() => player.paused, 'k pauses');
  });

  it('ignores shortcuts while focus is outside the player', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const outside = await fixture<HTMLButtonElement>(html`<button>outside</button>`);
    outside.focus();
    await sendKeys({ press: 'n' });
    await sendKeys({ press: 'k' });
    expect(player.currentTime).to.equal(0);
    expect(player.paused).to.be.true;
  });

  it('lists the shortcuts in a dialog opened with ?, where they can be turned off', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    part(player, '.play').focus();
    await sendKeys({ press: '?' });
    const dialog = part<HTMLDialogElement>(player, 'dialog');
    await until(() => dialog.open, 'the dialog opens');
    expect(dialog.querySelectorAll('tbody tr').length).to.be.greaterThan(10);
    const toggle = dialog.querySelector<HTMLInputElement>('[role="switch"]')!;
    toggle.focus();
    await sendKeys({ press: 'Space' });
    expect(toggle.checked).to.be.false;
    expect(player.noShortcuts).to.be.true;
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'Escape closes the dialog');
    expect(nameOf(deepActiveElement()), 'focus back where ? was pressed').to.match(/^Play /);

    await sendKeys({ press: 'n' });
    await sendKeys({ press: 'd' });
    expect(player.currentTime, 'shortcuts off: n does nothing').to.equal(0);
    expect(player.descriptions).to.equal('on');

    const again = await miniStory({ storyId: player.storyId });
    expect(again.noShortcuts, 'the choice is remembered').to.be.true;
  });

  it('moves through the chapter list with Up, Down, Home and End, stopping at its ends, and Enter goes there and closes it', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const toggle = part<HTMLButtonElement>(player, '.chapters-toggle');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await player.updateComplete;
    await sendKeys({ press: 'Tab' });
    const titles = player.storyChapters.map((c) => c.title);
    const visited: string[] = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'Home', 'ArrowUp', 'End', 'ArrowDown']) {
      await sendKeys({ press: key });
      visited.push(deepActiveElement()?.querySelector('.chapter-title')?.textContent ?? '');
    }
    expect(titles, 'introduction, two pictures, close').to.have.length(4);
    const [first, second, third, last] = titles;
    expect(visited).to.deep.equal([second, third, last, last, third, first, first, last, last]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await player.updateComplete;
    expect(player.currentChapter?.title).to.equal(second);
    expect(part(player, '#chapter-list').hidden, 'choosing closed the list').to.be.true;
    expect(deepActiveElement()).to.equal(toggle);
    expect(window.scrollX, 'the arrow keys never scroll the page sideways').to.equal(0);
  });

  it('closes the chapter list with Escape and returns focus to its button', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const toggle = part<HTMLButtonElement>(player, '.chapters-toggle');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await player.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(nameOf(deepActiveElement())).to.match(/^Introduction/);
    await sendKeys({ press: 'Escape' });
    await player.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement()).to.equal(toggle);
  });
});
