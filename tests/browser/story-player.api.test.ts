import { expect } from '@open-wc/testing';
import { StoryChapterChangeEvent } from '../../src/player-state/events.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import type { SavedListening } from '../../src/story-player/saved-listening.js';
import { holds, miniStory, part, playing, storyPage, timing, tracksLoaded, until } from './helpers/mini-story.js';

/**
 * README promises an embedder or a listener relies on that no other test held: a Spanish page
 * never shows English first, a listening store of the site's own, chapter-change events only for
 * changes, and a slider whose words change on seek, not with every tick.
 */
describe('<story-player> promises of the README', () => {
  beforeEach(() => localStorage.clear());

  // First in this file, so that the Spanish words have not been loaded yet by another test.
  it('never shows a Spanish page’s controls in English, even before the Spanish words have loaded', async () => {
    const labels: string[] = [];
    let watching = true;
    const watch = () => {
      const label = document.querySelector('story-player')?.shadowRoot?.querySelector('.play')?.getAttribute('aria-label');
      if (label && labels.at(-1) !== label) labels.push(label);
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    try {
      const player = await storyPage('/tests/fixtures/hand-written-es/');
      await until(() => labels.length > 0, 'the Play button is shown');
      await player.updateComplete;
    } finally {
      watching = false;
    }
    expect(labels.filter((label) => !label.startsWith('Reproducir ')), `every frame showed Spanish: ${labels.join(' | ')}`).to.deep.equal([]);
  });

  it('keeps the place and preferences in the listening store the site gives it, not in localStorage', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const stored: Record<string, unknown> = {
      'from-the-site': { position: 20, rate: 1.5, descriptionRate: 0, descriptions: 'off', captions: 'on', pauseAfterPhoto: false, shortcuts: true, follow: true, savedAt: 1 },
    };
    const reads: string[] = [];
    const writes: [string, SavedListening][] = [];
    player.listeningStore = {
      read: (storyId) => {
        reads.push(storyId);
        return stored[storyId] ?? null;
      },
      write: (storyId, value) => {
        writes.push([storyId, value]);
      },
    };
    player.storyId = 'from-the-site';
    await player.updateComplete;
    expect(reads).to.include('from-the-site');
    expect(player).to.include({ playbackRate: 1.5, descriptions: 'off' });
    const picture = s.scenes.find((scene) => scene.start <= 20 && 20 < scene.end)!;
    await until(() => player.shadowRoot!.querySelector('.resume-button') !== null, 'the resume offer');
    expect(part(player, '.resume-button').textContent!.trim()).to.equal(`Resume at picture ${picture.number}, 0:20`);

    player.playbackRate = 1.75;
    await until(() => writes.length > 0, 'the change written to the store');
    expect(writes.at(-1)![0]).to.equal('from-the-site');
    expect(writes.at(-1)![1]).to.include({ rate: 1.75, descriptions: 'off', position: 20 });
    expect(Object.keys(localStorage).filter((key) => key.includes('from-the-site')), 'nothing in localStorage').to.deep.equal([]);
  });

  it('checks what the store returns field by field, using only what is valid', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    player.listeningStore = {
      read: () => ({ position: 'twelve', rate: 9, descriptions: 'off', captions: 'maybe', pauseAfterPhoto: true }),
      write: () => undefined,
    };
    player.storyId = 'a-careless-store';
    await player.updateComplete;
    expect(player).to.include({ playbackRate: 1, descriptions: 'off', captions: 'on', pauseAfterPhoto: true, currentTime: 0 });
  });

  it('sends story-chapter-change for each change of chapter, never on first render', async () => {
    const s = await timing();
    const changes: string[] = [];
    const record = (event: Event) => {
      if (event instanceof StoryChapterChangeEvent) changes.push(event.chapterId);
    };
    window.addEventListener('story-chapter-change', record, true);
    try {
      const player = await miniStory();
      await tracksLoaded(player);
      await player.updateComplete;
      expect(changes, 'nothing on first render').to.deep.equal([]);
      player.goToChapter(2);
      await until(() => changes.length === 1, 'the change');
      expect(changes).to.deep.equal([s.scenes[1]!.id]);
      player.goToChapter(2);
      player.seek(s.scenes[1]!.start + 1);
      await player.updateComplete;
      expect(changes, 'not again inside the same chapter').to.deep.equal([s.scenes[1]!.id]);
      player.goToChapter(0);
      await until(() => changes.length === 2, 'the second change');
      expect(changes).to.deep.equal([s.scenes[1]!.id, player.storyChapters[0]!.id]);
    } finally {
      window.removeEventListener('story-chapter-change', record, true);
    }
  });

  it('says the slider’s position in words on seek, not with every tick while playing', async () => {
    const player: StoryPlayer = await miniStory();
    await tracksLoaded(player);
    const slider = part(player, '[role="slider"]');
    await playing(player);
    await player.updateComplete;
    const said = slider.getAttribute('aria-valuetext');
    const from = player.currentTime;
    // A second of playback: the words stay as they were.
    await holds(() => slider.getAttribute('aria-valuetext') === said, 'the words stay while it plays', 1000);
    expect(player.currentTime).to.be.greaterThan(from + 0.5);
    player.pause();
    player.seek(20);
    await player.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.match(/^20 seconds of /);
  });
});
