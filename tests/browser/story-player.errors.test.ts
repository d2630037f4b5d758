import { expect } from '@open-wc/testing';
import { miniStory, playing, statusText, tracksLoaded, until } from './helpers/mini-story.js';

describe('<story-player> errors in words', () => {
  beforeEach(() => localStorage.clear());

  it('says the audio could not be loaded when the file is missing', async () => {
    const player = await miniStory({ audio: ['missing.webm', 'missing.mp3'] });
    const errors: string[] = [];
    player.addEventListener('error', (e) => errors.push((e as Event & { message: string }).message));
    player.play();
    await until(() => statusText(player).startsWith('The story’s audio could not be loaded'), 'the error is announced');
    expect(statusText(player)).to.contain('The text of the story is all on this page.');
    expect(errors).to.have.length(1);
    expect(player.paused).to.be.true;
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

  it('falls back to the next source when the first one is missing', async () => {
    const player = await miniStory({ audio: ['missing.webm', 'episode.mp3'] });
    await playing(player);
    player.pause();
    expect(statusText(player)).not.to.contain('could not');
  });

  it('says which text file is malformed, and the story still plays', async () => {
    const player = await miniStory({ captions: 'malformed.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.match(/^Captions could not be read \(line 1: .+\); the story plays without them\.$/);
    expect(player.cues).to.have.length(0);
    await until(() => player.storyChapters[1]?.title === 'Photo 1 of 2: The gate', 'the chapters load');
    await playing(player);
    player.pause();
  });

  it('says which text file is missing, and keeps the others', async () => {
    const player = await miniStory({ descriptions: 'nope.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.equal(
      'Audio description text could not be loaded (nope.vtt: 404 Not Found); the story plays without them.',
    );
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelectorAll('#chapter-list li').length).to.equal(4);
  });
});
