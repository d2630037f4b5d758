import { expect, fixture, html } from '@open-wc/testing';
import { clock } from '../../src/captions/time-text.js';
import { StoryCaptionsRequestEvent } from '../../src/player-state/events.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { base, described, holds, miniStory, part, playing, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

/** A player of the mini-story's audio in two pictures, with no `duration` attribute (its length unknown until the audio loads). */
async function withoutDuration(storyId: string): Promise<StoryPlayer> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en">
    <story-player story-id=${storyId} story-title="No length given">
      <audio slot="fallback" preload="none"><source src=${`${base}audio/episode.webm`} type="audio/webm; codecs=opus" /></audio>
      <story-scene id=${`${storyId}-1`} number="1" start="0" end="18"><h2>One</h2></story-scene>
      <story-scene id=${`${storyId}-2`} number="2" start="18" end="35"><h2>Two</h2></story-scene>
    </story-player>
  </div>`);
  const player = wrapper.querySelector('story-player')!;
  await player.updateComplete;
  return player;
}

const shownText = (player: StoryPlayer): string => (player.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
/** The resume offer's words, or null (an element in a failed assertion would stall the test runner's report). */
const offer = (player: StoryPlayer): string | null => player.shadowRoot!.querySelector('.resume-button')?.textContent?.trim() ?? null;

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

  it('restores on return and Play itself offers "Resume at picture 1, m:ss", which plays from there', async () => {
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
    // One decision, not two play buttons: Play says where it resumes (its name is what it shows), "Start over" beside it.
    const resume = part<HTMLButtonElement>(player, '.resume-button');
    expect(resume, 'Play is the offer').to.equal(part(player, '.play'));
    expect(resume.textContent!.trim()).to.equal(`Resume at picture 1, ${clock(position)}`);
    expect(resume.getAttribute('aria-label')).to.equal(`Resume at picture 1, ${clock(position)}`);
    const shownButtons = Array.from(part(player, '.transport').querySelectorAll('button')).filter((b) => b.getClientRects().length > 0);
    const buttons = shownButtons.map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal([`Resume at picture 1, ${clock(position)}`, 'Start over']);
    await expect(player).to.be.accessible();
    resume.click();
    await until(() => !player.paused && player.currentTime > position + 0.05, 'playing from the saved position');
    expect(player.currentTime).to.be.lessThan(s.scenes[0]!.end);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('.resume-button'), 'the offer goes away').to.equal(null);
    expect(player.shadowRoot!.querySelector('.start-over'), 'and "Start over" with it').to.equal(null);
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
    const startOver = part<HTMLButtonElement>(player, '.start-over');
    startOver.focus();
    startOver.click();
    await player.updateComplete;
    await player.updateComplete;
    expect(player.currentTime).to.equal(0);
    expect(player.shadowRoot!.activeElement).to.equal(part(player, '.play'));
    expect(offer(player), 'Play is Play again').to.equal(null);
    expect(part(player, '.play').getAttribute('aria-label')).to.match(/^Play /);
  });

  it('with no duration on the page, offers a saved place in a clock, and never an absurd one (no "Infinity:NaN:NaN")', async () => {
    localStorage.setItem('story-player:no-length', JSON.stringify({ position: 30, savedAt: Date.now() }));
    const player = await withoutDuration('no-length');
    expect(offer(player)).to.match(/^Resume at \w+ 2, 0:30$/);

    // A place no episode reaches (a corrupt store, or one of the site's own): no offer, no NaN.
    for (const position of [1e308, Number.MAX_VALUE, 1e20]) {
      const id = `absurd-${String(position).replace(/\W/g, '')}`;
      localStorage.setItem(`story-player:${id}`, JSON.stringify({ position, savedAt: Date.now() }));
      const absurd = await withoutDuration(id);
      expect(offer(absurd), `no offer for ${position} s`).to.equal(null);
      expect(shownText(absurd)).to.not.match(/NaN|Infinity/);
    }
  });

  it('leaves a corrupt saved value alone until the listener acts, then keeps the preferences that were valid', async () => {
    const stored = JSON.stringify({ position: 9999, rate: 1.25, descriptions: 'sideways', captions: 'off', pauseAfterPhoto: 'yes', shortcuts: true, savedAt: 1 });
    localStorage.setItem('story-player:corrupt-story', stored);
    const player = await miniStory({ storyId: 'corrupt-story' });
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player, 'the valid preferences are used').to.include({ playbackRate: 1.25, captions: 'off', descriptions: 'on', pauseAfterPhoto: false });
    expect(offer(player), 'a place past the end is not offered').to.equal(null);
    // Hidden and shown again, and a moment later: nothing the listener did, nothing written.
    // The memory writes, when it does, in the visibilitychange handler itself: watch from there.
    document.dispatchEvent(new Event('visibilitychange'));
    await holds(() => localStorage.getItem('story-player:corrupt-story') === stored, 'not rewritten before the listener acts', 300);

    // The listener turns captions on: what was valid stays, what was corrupt is gone.
    player.querySelector('story-captions')!.dispatchEvent(new StoryCaptionsRequestEvent(true));
    await until(() => localStorage.getItem('story-player:corrupt-story') !== stored, 'saved');
    const saved = JSON.parse(localStorage.getItem('story-player:corrupt-story')!);
    expect(saved).to.include({ rate: 1.25, captions: 'on', descriptions: 'on', pauseAfterPhoto: false, shortcuts: true });
    expect(saved.position, 'the place past the end is not written back').to.equal(player.currentTime);
  });

  it('leaves a saved value that is not JSON alone until the listener acts, then writes a clean one', async () => {
    localStorage.setItem('story-player:broken-story', '{"position": 12, "rate": 1.5');
    const player = await miniStory({ storyId: 'broken-story' });
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.playbackRate).to.equal(1);
    expect(offer(player)).to.equal(null);
    document.dispatchEvent(new Event('visibilitychange'));
    await holds(() => localStorage.getItem('story-player:broken-story') === '{"position": 12, "rate": 1.5', 'not rewritten before the listener acts', 300);
    player.playbackRate = 1.5;
    await until(() => localStorage.getItem('story-player:broken-story')?.startsWith('{"position":0,') === true, 'saved');
    expect(JSON.parse(localStorage.getItem('story-player:broken-story')!)).to.include({ position: 0, rate: 1.5, captions: 'on' });
  });

  it('offers nothing for a story never played', async () => {
    const player = await miniStory({ storyId: 'fresh-story' });
    expect(offer(player)).to.equal(null);
    expect(player.shadowRoot!.querySelector('.start-over')).to.equal(null);
    expect(statusText(player)).to.equal('');
  });
});
