import { expect } from '@open-wc/testing';
import { StoryErrorEvent } from '../../src/player-state/events.js';
import { chaptersOf, type TimedScene } from '../../src/story/timed-story.js';
import { miniStory, playing, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

describe('<story-player> errors in words', () => {
  // Caught at the window, in the capture phase: a listener added to the player after it connects
  // could not hear what it finds while connecting (it should wait for one, and this proves it).
  const reported: StoryErrorEvent[] = [];
  const record = (event: Event) => {
    if (event instanceof StoryErrorEvent) reported.push(event);
  };
  beforeEach(() => {
    localStorage.clear();
    reported.length = 0;
    window.addEventListener('error', record, true);
  });
  afterEach(() => window.removeEventListener('error', record, true));

  it('says the audio could not be loaded when the file is missing', async () => {
    const player = await miniStory({ audio: ['audio/missing.webm', 'audio/missing.mp3'] });
    const errors: string[] = [];
    player.addEventListener('error', (e) => errors.push((e as Event & { message: string }).message));
    player.play();
    await until(() => statusText(player).startsWith('The story’s audio could not be loaded'), 'the error is announced');
    expect(statusText(player)).to.contain('The text of the story is all on this page.');
    expect(errors).to.have.length(1);
    expect(player.paused).to.be.true;
    expect(player.currentSrc, 'no source loaded').to.equal('');
  });

  it('says so when the browser refuses to start playback', async () => {
    const player = await miniStory({ preload: 'auto' });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
    try {
      player.play();
      await until(() => statusText(player) === 'The browser did not let playback start. Press Play to try again.', 'the refusal is announced');
      expect(player.paused).to.be.true;
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
    await playing(player);
    player.pause();
  });

  it('falls back to the next source when the first one is missing, and reports it in currentSrc', async () => {
    const player = await miniStory({ audio: ['audio/missing.webm', 'audio/episode.mp3'] });
    const [missing, second] = Array.from(player.querySelectorAll<HTMLSourceElement>(':scope > audio source'), (s) => s.src);
    expect(missing).to.match(/\/audio\/missing\.webm$/);
    expect(player.currentSrc, 'nothing loaded yet').to.equal('');
    await playing(player);
    player.pause();
    expect(statusText(player)).not.to.contain('could not');
    expect(player.currentSrc).to.equal(second);
  });

  it('says which text file is malformed, and the story still plays', async () => {
    const s = await timing();
    const player = await miniStory({ captions: 'malformed.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.match(/^Captions could not be read \(line 1: .+\); the story plays without them\.$/);
    expect(player.cues).to.have.length(0);
    await until(() => player.storyChapters[1]?.title === s.scenes[0]!.title, 'the chapters load');
    await playing(player);
    player.pause();
  });

  it('says which text file is missing, and keeps the others', async () => {
    const s = await timing();
    const player = await miniStory({ descriptions: 'captions/nope.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.equal(
      'Audio description text could not be loaded (nope.vtt: 404 Not Found); the story plays without them.',
    );
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelectorAll('#chapter-list li').length).to.equal(chaptersOf(s).length);
  });

  it('names a photo whose start time is not a number, and the rest of the story plays', async () => {
    const s = await timing();
    const player = await miniStory({ sceneAttributes: { 'scene-1': { start: 'soon' } } });
    const message =
      `“${s.scenes[0]!.title}” (scene-1) has start="soon", which is not a time in seconds; ` +
      'the player cannot tell when this photo plays, and the rest of the story plays.';
    await until(() => statusText(player) === message, 'the problem is announced');
    await tracksLoaded(player);
    expect(reported.map((e) => [e.source, e.message]), 'one error event, said once').to.deep.equal([['scene', message]]);
    const road = player.storyChapters.findIndex((c) => c.id === 'scene-2');
    expect(player.storyChapters[road]).to.include({ number: 2, start: s.scenes[1]!.start, end: s.scenes[1]!.end });
    player.goToChapter(road);
    expect(player.currentTime).to.equal(s.scenes[1]!.start);
    await playing(player);
    player.pause();
  });

  it('names each photo with a missing or backwards time attribute, together, and still skips descriptions', async () => {
    const s = await timing();
    const [one, two] = s.scenes as [TimedScene, TimedScene];
    const backwards = String(Math.floor(two.description.start));
    const player = await miniStory({ sceneAttributes: { 'scene-1': { end: null }, 'scene-2': { 'description-end': backwards } } });
    const messages = [
      `“${one.title}” (scene-1) has no end attribute; the player cannot tell when this photo plays, and the rest of the story plays.`,
      `“${two.title}” (scene-2) has description-end="${backwards}", which is not after description-start="${two.description.start}"; ` +
        'the player ignores this description range, and the rest of the story plays.',
    ];
    await until(() => statusText(player) === messages.join(' '), 'both problems are announced together');
    await tracksLoaded(player);
    expect(reported.map((e) => e.message)).to.deep.equal(messages);
    // Without a usable range on the page, photo 2's description is found from its cue in the
    // descriptions track, which spans the description range.
    player.descriptions = 'off';
    player.seek(two.description.start + 0.5);
    expect(player.currentTime).to.equal(two.description.end);
  });
});
