import { expect, oneEvent } from '@open-wc/testing';
// The same build of howler as the player's (its registry is per copy).
import howler from 'howler/src/howler.core.js';
import { chaptersOf } from '../../src/story/timed-story.js';
import { described, holds, miniStory, playing, sampleFrames, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

/** The shape of howler's own registry of its sounds (not in its type definitions). */
interface HowlerRegistry {
  _howls: { _sounds: { _node: unknown }[] }[];
}

/** The media elements howler created that are playing now (they are not in the document). */
function playingMediaElements(): HTMLMediaElement[] {
  const { _howls } = howler.Howler as unknown as HowlerRegistry;
  return _howls
    .flatMap((howl) => howl._sounds.map((sound) => sound._node))
    .filter((node): node is HTMLMediaElement => node instanceof HTMLMediaElement && !node.paused);
}

describe('<story-player> playback', () => {
  beforeEach(() => localStorage.clear());

  it('never plays on its own, even with its audio loaded and ready to play', async () => {
    const player = await miniStory({ preload: 'auto' });
    let started = 0;
    player.addEventListener('play', () => started++);
    await tracksLoaded(player);
    const { _howls } = howler.Howler as unknown as HowlerRegistry;
    const ready = () =>
      _howls.some((howl) => howl._sounds.some((sound) => sound._node instanceof HTMLMediaElement && sound._node.readyState >= HTMLMediaElement.HAVE_ENOUGH_DATA));
    await until(ready, 'the audio is loaded and could play');
    // Anything that would start it by itself has had its cue: watch for a start a while longer.
    await holds(() => started === 0 && playingMediaElements().length === 0 && player.paused, 'nothing plays', 1000);
    expect(player.currentTime).to.equal(0);
  });

  it('plays the real episode: currentTime advances', async () => {
    const player = await miniStory();
    await playing(player);
    const first = player.currentTime;
    await new Promise((r) => setTimeout(r, 600));
    expect(player.currentTime).to.be.greaterThan(first + 0.3);
    player.pause();
    await until(() => player.paused, 'paused');
    expect(statusText(player)).to.equal('Paused.');
  });

  it('plays 1.5× as fast on a media element that keeps the pitch', async () => {
    const player = await miniStory();
    player.playbackRate = 1.5;
    await playing(player);
    const media = playingMediaElements();
    expect(media, 'one media element plays the story (howler in html5 mode)').to.have.length(1);
    const audio = media[0]!;
    expect(audio.playbackRate).to.equal(1.5);
    expect(audio.preservesPitch, 'pitch is kept').to.equal(true);
    const [t0, p0] = [performance.now(), audio.currentTime];
    await new Promise((r) => setTimeout(r, 1500));
    const rate = (audio.currentTime - p0) / ((performance.now() - t0) / 1000);
    player.pause();
    expect(rate).to.be.within(1.3, 1.7);
  });

  it('skips every description range while descriptions are off, and a seek into one lands after it', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.descriptions = 'off';
    player.playbackRate = 2;
    const one = described(s.scenes[0]);
    player.seek(one.start + 0.5);
    expect(player.currentTime).to.equal(one.end);

    player.seek(s.scenes[0]!.start);
    await playing(player);
    const samples: number[] = [];
    await sampleFrames(() => player.currentTime > one.end + 0.5, () => samples.push(player.currentTime));
    player.pause();
    expect(samples.some((t) => t < one.start), 'heard the start of the scene').to.be.true;
    expect(samples.filter((t) => t > one.start + 0.05 && t < one.end), 'positions inside the description').to.deep.equal([]);
  });

  it('plays the descriptions when they are on', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const one = described(s.scenes[0]);
    player.playbackRate = 2;
    player.seek(one.start - 0.3);
    await playing(player);
    await until(() => player.currentTime > one.start + 0.5, 'inside the description');
    player.pause();
    expect(player.currentTime).to.be.lessThan(one.end);
  });

  it('pauses at the end of each picture in "pause after each picture" mode, then goes on', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const scene = s.scenes[0]!;
    player.pauseAfterPhoto = true;
    player.seek(scene.end - 0.8);
    await playing(player);
    await oneEvent(player, 'pause');
    // At the picture's end, before a word of the next one: timers run late on a loaded machine, and
    // the silence between chapters is what a late stop lands in.
    const nextWord = s.scenes[1]!.sentences[0]!.start;
    expect(player.currentTime).to.be.within(scene.end - 0.05, nextWord);
    expect(statusText(player)).to.equal('End of picture 1. Paused; press Play to go on.');
    await playing(player);
    expect(player.currentTime).to.be.greaterThan(scene.end);
    player.pause();
  });

  it('goes to the next and previous picture and says which', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.nextChapter();
    expect(player.currentTime).to.equal(s.scenes[0]!.start);
    expect(player.currentChapter?.id).to.equal('scene-1');
    await until(() => statusText(player) === `${s.scenes[0]!.title}.`, 'the chapter is announced');
    player.nextChapter();
    expect(player.currentTime).to.equal(s.scenes[1]!.start);
    player.previousChapter();
    expect(player.currentTime).to.equal(s.scenes[0]!.start);
    player.skip(5);
    player.previousChapter();
    expect(player.currentTime, 'more than 3 s in: restart the picture').to.equal(s.scenes[0]!.start);
  });

  it('jumps from the chapter list, which marks the current chapter', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const toggle = player.shadowRoot!.querySelector<HTMLButtonElement>('.chapters-toggle')!;
    toggle.click();
    await player.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const items = Array.from(player.shadowRoot!.querySelectorAll<HTMLButtonElement>('#chapter-list button'));
    expect(items.map((b) => b.querySelector('.chapter-title')!.textContent)).to.deep.equal(chaptersOf(s).map((c) => c.title));
    items[2]!.click();
    await player.updateComplete;
    expect(player.currentTime).to.equal(s.scenes[1]!.start);
    expect(items[2]!.getAttribute('aria-current')).to.equal('true');
    expect(items[0]!.getAttribute('aria-current')).to.equal('false');
  });

  it('shows chapter marks on the slider at each chapter start', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelectorAll('[part="chapter-marks"] .mark').length, 'every chapter but the first').to.equal(chaptersOf(s).length - 1);
  });

  it('says when the story ends and plays again from the start', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.seek(s.duration - 0.6);
    await playing(player);
    await oneEvent(player, 'ended');
    expect(statusText(player)).to.equal('End of the story.');
    await playing(player);
    expect(player.currentTime).to.be.lessThan(2);
    player.pause();
  });
});
