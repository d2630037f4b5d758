import { expect } from '@open-wc/testing';
import { liveAudioElement, miniStory, playing, timing, tracksLoaded } from './helpers/mini-story.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';

// Issue 10, item 1, found by the soak (seed 20251202, action #348, in the clean-clone CI run): a
// picture described (the sound moves to its description and plays), the next chapter chosen while
// that sound still waits for data, then Pause — and the element went on playing from the
// description (20.45 s) with Play shown, while the player said 32.70. Every move and every pause
// made while the sound waits for data must reach the element: here they come 0–300 ms apart, with
// the audio at 8,000 or 80,000 bytes a second through the test server's switch, at 2×.

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Watches for `ms`: the longest time the element advanced while the player said paused. */
async function playsWhilePaused(player: StoryPlayer, ms: number): Promise<{ longest: number; trace: string[] }> {
  const started = performance.now();
  let last = -1;
  let since: number | null = null;
  let longest = 0;
  const trace: string[] = [];
  while (performance.now() - started < ms) {
    const node = liveAudioElement();
    const now = performance.now();
    const time = node?.currentTime ?? -1;
    const advancing = !!node && !node.paused && last >= 0 && time !== last;
    last = time;
    since = player.paused && advancing ? (since ?? now) : null;
    if (since !== null) longest = Math.max(longest, now - since);
    trace.push(`${Math.round(now - started)}: ${player.paused ? 'paused' : 'playing'} ${player.currentTime.toFixed(2)}, element ${node ? `${node.paused ? 'paused' : 'playing'} ${time.toFixed(2)} rs ${node.readyState}` : 'none'}`);
    await sleep(50);
  }
  return { longest, trace };
}

describe('<story-player> moves and a pause while the sound waits for data', () => {
  beforeEach(() => localStorage.clear());

  const setUp = async (bytesPerSecond: number): Promise<StoryPlayer> => {
    const key = `move-waiting-${Date.now()}`;
    const audio = (file: string): string => `/fault/switch/${key}/${bytesPerSecond}/tests/fixtures/mini-story/audio/${file}`;
    const player = await miniStory({ audio: [audio('episode.webm'), audio('episode.mp3')] });
    await tracksLoaded(player);
    player.playbackRate = 2;
    await player.updateComplete;
    await playing(player);
    return player;
  };

  for (const [bytesPerSecond, beforeMove, beforePause] of [
    [8000, 0, 0],
    [8000, 0, 150],
    [8000, 150, 150],
    [80000, 0, 100],
    [80000, 100, 200],
    [80000, 300, 0],
  ] as const) {
    it(`describe, next chapter ${beforeMove} ms later, Pause ${beforePause} ms after (${bytesPerSecond} bytes/s): the element stops where the player says`, async function () {
      this.timeout(40000);
      const player = await setUp(bytesPerSecond);
      const { scenes } = await timing();
      player.describe(scenes[1]!.id);
      await sleep(beforeMove);
      const next = player.storyChapters.findIndex((c) => c.start > player.currentTime + 1);
      player.goToChapter(next);
      const to = player.currentTime;
      await sleep(beforePause);
      player.pause();
      const { longest, trace } = await playsWhilePaused(player, 3000);
      expect(longest, trace.join('\n')).to.be.below(300);
      const node = liveAudioElement();
      expect(player.paused).to.equal(true);
      if (node) {
        expect(node.paused, trace.join('\n')).to.equal(true);
        expect(Math.abs(node.currentTime - player.currentTime), trace.join('\n')).to.be.below(0.5);
      }
      expect(player.currentTime).to.be.closeTo(to, 0.5);
    });
  }
});
