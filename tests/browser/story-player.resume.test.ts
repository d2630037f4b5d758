import { expect } from '@open-wc/testing';
import { clock } from '../../src/captions/time-text.js';
import { StoryCaptionsRequestEvent } from '../../src/player-state/events.js';
import { described, miniStory, part, playing, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

describe('<story-player> saved position and preferences', () => {
  beforeEach(() => localStorage.clear());

  it('saves the position and preferences under the story id when paused', async () => {
    const player = await miniStory({ storyId: 'saved-story' });
    player.descriptions = 'off';
    player.playbackRate = 1.5;
    player.seek(12);
    await playing(player);
    player.pause();
    await until(() => player.paused, 'paused');
    await until(() => localStorage.getItem('story-player:saved-story') !== null, 'saved');
    const saved = JSON.parse(localStorage.getItem('story-player:saved-story')!);
    expect(saved.position).to.be.closeTo(player.currentTime, 0.05);
    expect(saved).to.include({ descriptions: 'off', rate: 1.5, captions: 'on', pauseAfterPhoto: false, shortcuts: true });
  });

  it('restores on return and offers "Resume at picture 1, m:ss", which plays from there', async () => {
    const s = await timing();
    // In picture 1's narration, after its description (descriptions are off).
    const position = described(s.scenes[0]).end + 0.3;
    localStorage.setItem(
      'story-player:return-story',
      JSON.stringify({ position, rate: 1.25, descriptions: 'off', captions: 'off', pauseAfterPhoto: true, shortcuts: true, savedAt: Date.now() }),
    );
    const player = await miniStory({ storyId: 'return-story' });
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.currentTime).to.be.closeTo(position, 0.001);
    expect(player).to.include({ playbackRate: 1.25, descriptions: 'off', captions: 'off', pauseAfterPhoto: true });
    const resume = part<HTMLButtonElement>(player, '.resume-button');
    expect(resume.textContent!.trim()).to.equal(`Resume at picture 1, ${clock(position)}`);
    resume.click();
    await until(() => !player.paused && player.currentTime > position + 0.05, 'playing from the saved position');
    expect(player.currentTime).to.be.lessThan(s.scenes[0]!.end);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('.resume-button'), 'the offer goes away').to.equal(null);
    player.pause();
  });

  it('keeps the place another tab saved when this page saves without having been listened to', async () => {
    // Another tab of the same story saved its place; this one opened before that and was never played.
    const player = await miniStory({ storyId: 'shared-story' });
    await tracksLoaded(player);
    localStorage.setItem('story-player:shared-story', JSON.stringify({ position: 21.5, savedAt: Date.now() }));
    // A preference changed here (captions off, asked for by a descendant) saves this page's state.
    player.querySelector('story-captions')!.dispatchEvent(new StoryCaptionsRequestEvent(false));
    await until(() => JSON.parse(localStorage.getItem('story-player:shared-story')!).captions === 'off', 'saved');
    expect(JSON.parse(localStorage.getItem('story-player:shared-story')!).position).to.equal(21.5);
  });

  it('starts over from the beginning when asked, keeping focus in the player', async () => {
    localStorage.setItem('story-player:over-story', JSON.stringify({ position: 20, savedAt: Date.now() }));
    const player = await miniStory({ storyId: 'over-story' });
    await tracksLoaded(player);
    const startOver = part<HTMLButtonElement>(player, '.resume .text-button');
    startOver.focus();
    startOver.click();
    await player.updateComplete;
    await player.updateComplete;
    expect(player.currentTime).to.equal(0);
    expect(player.shadowRoot!.activeElement).to.equal(part(player, '.play'));
  });

  it('offers nothing for a story never played', async () => {
    const player = await miniStory({ storyId: 'fresh-story' });
    expect(player.shadowRoot!.querySelector('.resume')).to.equal(null);
    expect(statusText(player)).to.equal('');
  });
});
