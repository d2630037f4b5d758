import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { fragmentTime } from '../../src/story-player/follow-picture.js';
import { usePageStyle } from './helpers/page-style.js';
import { miniStory, part, playing, timing, tracksLoaded, until, recordActionHandlers } from './helpers/mini-story.js';

/**
 * The page follows the narration, measured against the real page stylesheet (src/page/page.css) at
 * the window sizes people use: a desktop, a small laptop or tablet, two phones.
 */
const VIEWPORTS = [
  { width: 1280, height: 800, dockShare: 0.25 },
  { width: 800, height: 600, dockShare: 1 / 3 },
  { width: 360, height: 740, dockShare: 1 / 3 },
  { width: 320, height: 568, dockShare: 0.4 },
  // 1280 × 800 at 400 % zoom: the slim one-row bar.
  { width: 320, height: 200, dockShare: 0.3 },
] as const;


const dockOf = (player: StoryPlayer) => part(player, '.dock').getBoundingClientRect();

/** How much of scene `id`'s picture shows between the window's top and the dock (0–1). */
function pictureVisible(player: StoryPlayer, id: string): number {
  const img = player.querySelector(`story-scene#${id} img`)!.getBoundingClientRect();
  const seen = Math.min(img.bottom, dockOf(player).top) - Math.max(img.top, 0);
  return img.height > 0 ? Math.max(0, seen) / img.height : 0;
}

/** Waits until the page has stopped scrolling (the same position for a few frames). */
async function settled(): Promise<void> {
  for (let last = -1, same = 0, i = 0; i < 100 && same < 4; i++) {
    same = scrollY === last ? same + 1 : 0;
    last = scrollY;
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('<story-player> follows the narration on the page', () => {
  before(() => usePageStyle());
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    history.replaceState(null, '', location.pathname + location.search);
  });

  for (const { width, height } of VIEWPORTS) {
    it(`shows the current picture at least 90 % above the dock after every kind of jump, at ${width} × ${height}`, async function () {
      this.timeout(40000);
      await setViewport({ width, height });
      await emulateMedia({ reducedMotion: 'reduce' });
      const recorder = recordActionHandlers();
      try {
        const player = await miniStory();
        await tracksLoaded(player);
        const transcript = player.querySelector('story-transcript')!;
        const jumps: [string, string, () => void | Promise<void>][] = [
          ['the chapter list', 'scene-2', async () => {
            part<HTMLButtonElement>(player, '.chapters-toggle').click();
            await player.updateComplete;
            part<HTMLButtonElement>(player, '#chapter-list li:nth-child(3) button').click();
          }],
          ['previous', 'scene-1', () => player.previousChapter()],
          ['next', 'scene-2', () => player.nextChapter()],
          ['the number keys', 'scene-1', async () => {
            part<HTMLButtonElement>(player, '.play').focus();
            await sendKeys({ press: '1' });
          }],
          ['the transcript', 'scene-1', async () => {
            transcript.open = true;
            await transcript.updateComplete;
            transcript.shadowRoot!.querySelector<HTMLButtonElement>('[data-cue="scene-1-narration-1"]')!.click();
          }],
          // The lock screen's actions are the player's once it has played.
          ['Media Session', 'scene-2', async () => {
            await playing(player);
            recorder.handlers.get('nexttrack')!({ action: 'nexttrack' });
          }],
        ];
        const seen: string[] = [];
        for (const [how, scene, jump] of jumps) {
          window.scrollTo({ top: 0, behavior: 'instant' });
          await jump();
          await player.updateComplete;
          await settled();
          seen.push(`${how}: ${Math.round(pictureVisible(player, scene) * 100)} %`);
        }
        expect(seen.filter((line) => Number(line.split(': ')[1]!.split(' ')[0]) < 90), seen.join('; ')).to.deep.equal([]);
        expect(part(player, '#chapter-list').hidden, 'choosing a chapter closed the list').to.be.true;
        player.pause();
      } finally {
        recorder.restore();
      }
    });
  }

  for (const { width, height, dockShare } of VIEWPORTS) {
    it(`keeps the dock within ${Math.round(dockShare * 100)} % of the window and the caption line still while 30 s play, at ${width} × ${height}`, async function () {
      this.timeout(40000);
      await setViewport({ width, height });
      const player = await miniStory();
      await tracksLoaded(player);
      player.playbackRate = 2;
      await playing(player);
      const captions = player.querySelector('story-captions')!;
      const docks: number[] = [];
      const lines = new Set<number>();
      await until(() => {
        docks.push(dockOf(player).height);
        if (!captions.hasAttribute('blank')) lines.add(Math.round(captions.getBoundingClientRect().height));
        return player.currentTime >= 30;
      }, 'the story has played 30 s', 20000);
      player.pause();
      const tallest = Math.max(...docks);
      expect(tallest / height, `dock ${Math.round(tallest)} px of ${height}`).to.be.at.most(dockShare);
      expect([...lines], 'one height for every caption').to.have.length(1);
    });
  }

  it('scrolls smoothly to the chosen picture without reduced motion, and leaves focus where it was', async () => {
    await setViewport({ width: 1280, height: 800 });
    const player = await miniStory();
    await tracksLoaded(player);
    window.scrollTo({ top: 0, behavior: 'instant' });
    const toggle = part<HTMLButtonElement>(player, '.chapters-toggle');
    toggle.click();
    await player.updateComplete;
    part<HTMLButtonElement>(player, '#chapter-list li:nth-child(3) button').click();
    await player.updateComplete;
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(pictureVisible(player, 'scene-2'), 'not there at once').to.be.below(0.9);
    await settled();
    expect(pictureVisible(player, 'scene-2')).to.be.at.least(0.9);
    expect(player.shadowRoot!.activeElement, 'focus back on the Chapters button').to.equal(toggle);
  });

  it('does not follow a chapter change while the listener has scrolled away, and follows a jump again', async function () {
    this.timeout(30000);
    await setViewport({ width: 1280, height: 800 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.seek(s.scenes[1]!.start - 2);
    await settled();
    await playing(player);
    // The listener scrolls on purpose to the close's credits (the wheel, then the scroll). Not to
    // the very end: there the page's height, which settles as text far away is first laid out
    // (content-visibility), moves the scroll position though nothing followed.
    const credits = player.querySelector('.credits')!;
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 5000 }));
    credits.scrollIntoView({ block: 'start', behavior: 'instant' });
    const top = credits.getBoundingClientRect().top;
    await until(() => player.currentChapter?.id === 'scene-2', 'the next picture begins', 8000);
    await settled();
    expect(credits.getBoundingClientRect().top, 'the page stayed where the listener put it').to.be.closeTo(top, 2);
    expect(pictureVisible(player, 'scene-2'), 'the new picture was not brought into view').to.equal(0);
    player.previousChapter();
    await settled();
    expect(pictureVisible(player, 'scene-1')).to.be.at.least(0.9);
    player.pause();
  });

  it('stops following when "Follow along" is switched off (settings or transcript, one preference, saved), and follows again once on', async function () {
    this.timeout(30000);
    await setViewport({ width: 1280, height: 800 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const player = await miniStory({ storyId: 'follow-switch' });
    await tracksLoaded(player);
    const transcript = player.querySelector('story-transcript')!;
    transcript.open = true;
    await transcript.updateComplete;
    const box = transcript.shadowRoot!.querySelector<HTMLInputElement>('[part="follow"] input')!;
    const settingsToggle = () => Array.from(player.shadowRoot!.querySelectorAll<HTMLButtonElement>('.settings .toggle')).find((b) => b.textContent!.trim() === 'Follow along')!;
    expect(settingsToggle().getAttribute('aria-pressed'), 'on by default').to.equal('true');
    expect(box.checked).to.be.true;

    // Off in the settings: the transcript's box says so too, and it is saved with the other preferences.
    part<HTMLButtonElement>(player, '.more-toggle').click();
    await player.updateComplete;
    settingsToggle().click();
    await player.updateComplete;
    await transcript.updateComplete;
    expect(player.noFollow).to.be.true;
    expect(settingsToggle().getAttribute('aria-pressed')).to.equal('false');
    expect(box.checked, 'the transcript follows the same preference').to.be.false;
    expect(JSON.parse(localStorage.getItem('story-player:follow-switch')!)).to.include({ follow: false });
    window.scrollTo({ top: 0, behavior: 'instant' });
    player.goToChapter(player.storyChapters.findIndex((c) => c.id === 'scene-2'));
    await player.updateComplete;
    await settled();
    expect(scrollY, 'a jump leaves the page where it is').to.equal(0);

    // On again from the transcript's box (the settings folded away): the player hears it, and the picture comes into view.
    part<HTMLButtonElement>(player, '.more-toggle').click();
    await player.updateComplete;
    box.click();
    await player.updateComplete;
    await settled();
    expect(player.noFollow).to.be.false;
    expect(settingsToggle().getAttribute('aria-pressed')).to.equal('true');
    expect(pictureVisible(player, 'scene-2')).to.be.at.least(0.9);
    expect(JSON.parse(localStorage.getItem('story-player:follow-switch')!)).to.include({ follow: true });
    await expect(player).to.be.accessible();
  });

  it('recalls "Follow along" off on the next visit, and ignores a stored value that is not a boolean', async () => {
    localStorage.setItem('story-player:follow-recall', JSON.stringify({ follow: false, savedAt: 1 }));
    const off = await miniStory({ storyId: 'follow-recall' });
    await off.updateComplete;
    expect(off.noFollow).to.be.true;
    const transcript = off.querySelector('story-transcript')!;
    await transcript.updateComplete;
    expect(transcript.followAlong).to.be.false;
    off.remove();
    localStorage.setItem('story-player:follow-corrupt', JSON.stringify({ follow: 'no', savedAt: 1 }));
    const corrupt = await miniStory({ storyId: 'follow-corrupt' });
    expect(corrupt.noFollow).to.be.false;
  });

  it('follows each chapter change while playing', async function () {
    this.timeout(30000);
    await setViewport({ width: 360, height: 740 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.seek(s.scenes[1]!.start - 1.5);
    await settled();
    await playing(player);
    await until(() => player.currentChapter?.id === 'scene-2', 'the next picture begins', 8000);
    await settled();
    expect(pictureVisible(player, 'scene-2')).to.be.at.least(0.9);
    player.pause();
  });

  it('marks the sentence being spoken in the page text, with aria-current, without moving focus', async function () {
    this.timeout(20000);
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const play = part<HTMLButtonElement>(player, '.play');
    play.focus();
    player.seek(s.scenes[0]!.start);
    await playing(player);
    const marked = () => Array.from(player.querySelectorAll('.sentence[aria-current="true"]'), (el) => el.id);
    const captionCue = () => player.querySelector('story-captions')!.shadowRoot!.querySelector('.line')!.getAttribute('data-cue');
    await until(() => marked().length === 1 && marked()[0] === captionCue() && marked()[0] !== 'intro-1', 'a sentence of the first picture is marked');
    const first = marked()[0];
    await until(() => marked()[0] !== first, 'the mark moves on with the audio', 8000);
    expect(marked()).to.have.length(1);
    expect(player.querySelector(`#${marked()[0]}`)!.hasAttribute('data-current')).to.be.true;
    expect(player.shadowRoot!.activeElement).to.equal(play);
    player.pause();
  });

  it('opens the story at the moment a link names (#t=…, or a picture’s id)', async () => {
    expect(fragmentTime('#t=95')).to.equal(95);
    expect(fragmentTime('#t=1:35.5')).to.equal(95.5);
    expect(fragmentTime('#foo')).to.equal(null);
    const s = await timing();
    history.replaceState(null, '', '#t=20');
    const atTime = await miniStory();
    await tracksLoaded(atTime);
    await until(() => Math.abs(atTime.currentTime - 20) < 0.01, 'the player is at 20 s');
    expect(atTime.paused, 'a link never plays by itself').to.be.true;
    atTime.remove();
    history.replaceState(null, '', '#scene-2');
    const atPicture = await miniStory();
    await tracksLoaded(atPicture);
    await until(() => atPicture.currentTime === s.scenes[1]!.start, 'the player is at picture 2');
  });
});
