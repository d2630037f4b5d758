import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { miniStory, playing, tracksLoaded } from './helpers/mini-story.js';
import { soak } from './helpers/soak.js';

// The soak (issue 10, item 6) on the mini-story: 500 seeded random actions at 2×, each followed by
// the invariants of helpers/soak.ts, and the JS heap the page keeps (after a garbage collection
// forced through CDP: the js-heap-kept command of web-test-runner.config.mjs) within 10 % of its
// value after load and first play. Kept is the heap without V8's compiled code: that grows while
// the functions of the player, lit and howler get hot (+0.37 MB in the first 100 actions, +0.06 MB
// and +0.01 MB in the fourth and fifth) and is bounded by the source; the whole heap in use is
// printed beside it. The audio comes through a switch of the test server (tests/browser/fault-injection.mjs)
// at 80,000 bytes a second, so that a seek can outrun what arrived and a cut can break a download.
// The story is 35 s long: its end is reached several times, checked each time, and Play starts again.

/** Change it to explore; a failure prints the seed and the action log. */
const SEED = 20251202;
const ACTIONS = 500;

/** The js-heap-kept command's answer, in bytes. */
interface Heap {
  used: number;
  code: number;
  kept: number;
  /** Blink's fetch loaders alive. */
  loaders: number;
}

describe('<story-player> soak', () => {
  beforeEach(() => localStorage.clear());

  it(`survives ${ACTIONS} random actions at 2× with nothing stuck and the heap within 10 %`, async function () {
    this.timeout(150000);
    const key = `soak-${Date.now()}`;
    const audio = (file: string): string => `/fault/switch/${key}/80000/tests/fixtures/mini-story/audio/${file}`;
    const player = await miniStory({ audio: [audio('episode.webm'), audio('episode.mp3')] });
    await tracksLoaded(player);
    player.playbackRate = 2;
    await playing(player);
    const before = await executeServerCommand<Heap, undefined>('js-heap-kept');
    const heaps: string[] = [];

    const report = await soak(player, {
      seed: SEED,
      actions: ACTIONS,
      rate: 2,
      thinkMs: 50,
      settleMs: 1500,
      stopAtEnd: false,
      checkpoint: async (n) => {
        if (n % 100 === 0) heaps.push(`${n}: ${((await executeServerCommand<number, undefined>('js-heap')) / 1e6).toFixed(2)} MB`);
      },
      // Each answer is read: a response whose body is never read keeps its fetch loader (Blink's
      // FetchManager::Loader, ResourceLoader…) alive after garbage collection, one per request.
      cut: async (ms) => {
        await (await fetch(`/fault-switch?key=${key}&down=1`)).text();
        await new Promise((resolve) => setTimeout(resolve, ms));
        await (await fetch(`/fault-switch?key=${key}&down=0`)).text();
      },
    });
    player.pause();
    const after = await executeServerCommand<Heap, undefined>('js-heap-kept');
    const growth = (after.kept - before.kept) / before.kept;
    const MB = (bytes: number): string => (bytes / 1e6).toFixed(2);
    const figures =
      `seed ${report.seed}: ${report.actions} actions in ${(report.ms / 1000).toFixed(1)} s (${(report.settleMs / 1000).toFixed(1)} s settling), ${report.ends} ends, ` +
      `${report.errors.length} audio errors told ${JSON.stringify(report.errors)}, ${JSON.stringify(report.counts)}; ` +
      `JS heap kept ${MB(before.kept)} MB after load and first play, ${MB(after.kept)} MB at the end (${(growth * 100).toFixed(1)} %); ` +
      `compiled code ${MB(before.code)} → ${MB(after.code)} MB; in use ${MB(before.used)} → ${MB(after.used)} MB (${heaps.join(', ')}); ` +
      `fetch loaders alive ${before.loaders} → ${after.loaders}`;
    console.log(figures);

    expect(report.failure, `${figures}\n${report.log.slice(-40).join('\n')}`).to.equal(null);
    expect(report.actions).to.equal(ACTIONS);
    expect(Math.abs(growth), figures).to.be.below(0.1);
  });
});
