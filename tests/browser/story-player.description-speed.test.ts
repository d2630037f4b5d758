import { expect } from '@open-wc/testing';
// The same build of howler as the player's (its registry is per copy).
import howler from 'howler/src/howler.core.js';
import { described, miniStory, part, playing, timing, tracksLoaded, until } from './helpers/mini-story.js';

interface HowlerRegistry {
  _howls: { _sounds: { _node: unknown }[] }[];
}

/** The media element playing now (howler's, not in the document). */
function playingMedia(): HTMLMediaElement {
  const { _howls } = howler.Howler as unknown as HowlerRegistry;
  const media = _howls
    .flatMap((howl) => howl._sounds.map((sound) => sound._node))
    .filter((node): node is HTMLMediaElement => node instanceof HTMLMediaElement && !node.paused);
  if (media.length !== 1) throw new Error(`${media.length} media elements play`);
  return media[0]!;
}

/** The speed of the one media element playing, or undefined while none (or more than one) plays. */
function rateNow(): number | undefined {
  try {
    return playingMedia().playbackRate;
  } catch {
    return undefined;
  }
}

describe('<story-player> description speed', () => {
  beforeEach(() => localStorage.clear());

  it('plays descriptions at their own speed and the rest at the story speed', async function () {
    this.timeout(30000);
    const s = await timing();
    const scene = s.scenes[0]!;
    const range = described(scene);
    const player = await miniStory({ storyId: 'description-speed' });
    await tracksLoaded(player);
    player.playbackRate = 1.25;
    player.descriptionRate = 2;
    // Just before the first description: the story's speed, then the description's from its start.
    player.seek(range.start - 0.6);
    await playing(player);
    expect(playingMedia().playbackRate, 'before the description').to.equal(1.25);
    // The speed changes on the playback loop's first tick past the boundary: on a loaded machine
    // that tick can come a few hundred milliseconds late, so the test waits for the change and
    // checks where it happened.
    await until(() => rateNow() === 2, 'the description speed', 5000);
    expect(player.currentTime, 'changed inside the description').to.be.within(range.start, range.end);
    expect(playingMedia().preservesPitch).to.equal(true);
    // Past its end: the story's speed again.
    player.seek(range.end - 0.3);
    await until(() => rateNow() === 1.25, 'the story speed again', 5000);
    expect(player.currentTime, 'changed after the description').to.be.at.least(range.end - 0.05);
    player.pause();
    await until(() => player.paused, 'paused');
    const saved = JSON.parse(localStorage.getItem('story-player:description-speed') ?? '{}') as { rate?: number; descriptionRate?: number };
    expect(saved).to.include({ rate: 1.25, descriptionRate: 2 });
  });

  it('plays "Describe this picture" at the description speed, and follows the story speed when set so', async function () {
    this.timeout(30000);
    const s = await timing();
    const scene = s.scenes[1]!;
    const player = await miniStory();
    await tracksLoaded(player);
    player.descriptionRate = 1.5;
    player.describe(scene.id);
    await until(() => !player.paused && player.currentTime > described(scene).start + 0.2, 'the description plays');
    expect(playingMedia().playbackRate).to.equal(1.5);
    player.pause();
    await until(() => player.paused, 'paused');
    // "As the story": the descriptions follow the story's speed.
    player.descriptionRate = 0;
    player.playbackRate = 1.75;
    player.describe(scene.id);
    await until(() => !player.paused && player.currentTime > described(scene).start + 0.2, 'the description plays again');
    expect(playingMedia().playbackRate).to.equal(1.75);
    player.pause();
  });

  it('offers the description speed beside the story speed, in the page language, and keeps it for the next visit', async () => {
    const first = await miniStory({ storyId: 'description-speed-saved' });
    const selects = Array.from(first.shadowRoot!.querySelectorAll<HTMLSelectElement>('.settings select'));
    const labels = selects.map((select) => select.closest('label')?.querySelector('span')?.textContent?.trim());
    expect(labels).to.deep.equal(['Speed', 'Description speed']);
    const descriptionSpeed = selects[1]!;
    expect(Array.from(descriptionSpeed.options).map((o) => o.textContent?.trim())).to.deep.equal(['As the story', '0.75×', '1×', '1.25×', '1.5×', '1.75×', '2×']);
    descriptionSpeed.value = '1.75';
    descriptionSpeed.dispatchEvent(new Event('change'));
    await first.updateComplete;
    expect(first.descriptionRate).to.equal(1.75);
    first.remove();
    const again = await miniStory({ storyId: 'description-speed-saved' });
    expect(again.descriptionRate, 'restored').to.equal(1.75);
    expect(part<HTMLSelectElement>(again, '.settings label:nth-of-type(2) select').value).to.equal('1.75');
  });
});
