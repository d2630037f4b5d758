/**
 * The size budget of issue 8: the player as an embedder ships it, every chunk at gzip -9
 * (scripts/size/measure.ts). A budget not met yet is a todo that says by how much; meanwhile a
 * ceiling a little above today's size fails the run if the bundle grows.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS, measurePlayer } from '../../../scripts/size/measure.js';

/**
 * Today's gzip bytes plus about 2 %, measured with the CSS literals minified, howler's core build
 * and Spanish on demand (51,801 / 41,776 / 48,867), after the player's split into controllers
 * (53,810 / 42,980 / 50,876), then at 8c3962d with the html literals' whitespace collapsed and
 * <story-offline> loaded on demand by the site (55,445 / 44,754 / 45,303). Raised once, at the end
 * of 2026-12-02, for what that day added and measured (62,583 / 51,299 / 51,986): the standard
 * WebVTT parser (+1,107), the audio-fault handling and the status messages (+2,299), the scene
 * that plays alone (+1,237), the follow controller, the slim bar and the zoom layout, the
 * description speed, the copy link and the follow switch (about +2,000), and what the split cost
 * (+2,009). Raised a second time at the end of the second session of 2026-12-02 (65,218 / 52,696 /
 * 54,065 gzip, +2,635 whole) for fixes the listener hears, in minified bytes: the transcript
 * rendered progressively on long stories (+2,500), the words naming a file that failed (en and es,
 * +1,513), the offline control naming the file that failed at install (+1,230), a seek made while
 * the audio waits for data no longer lost and a cut no longer told as a short file (+1,268), the
 * captions parsed in slices with their words read late (+621), the caption line's row measured once
 * per cue (+344). The budgets themselves wait on the team (issue 8). Lower these as the player
 * shrinks; never raise them to let a change in unnamed.
 * Lowered (third session of 2026-12-02) for what loads before the first Play: howler is imported
 * on first use (54,337 → 47,062), which costs the whole and the player alone one more chunk and
 * its loader (65,483 → 66,068 and 52,951 → 53,562).
 */
const CEILINGS = { whole: 66_500, playerAlone: 53_700, beforeFirstPlay: 48_000 } as const;

/** Budgets the code does not meet yet (the player is still being split): reported, not failing. */
const NOT_MET_YET: ReadonlySet<keyof typeof BUDGETS> = new Set(['whole', 'playerAlone', 'beforeFirstPlay']);

const sizes = await measurePlayer();
const measured = {
  whole: sizes.whole.gzip,
  playerAlone: sizes.playerAlone.gzip,
  beforeFirstPlay: sizes.site.initialGzip,
} as const;

const NAMES = {
  whole: 'the whole player: every element, every chunk',
  playerAlone: 'the player alone: player, scene and captions, every chunk',
  beforeFirstPlay: 'what the site’s page loads before the first Play',
} as const;

describe('The size budget (gzip -9 bytes)', () => {
  for (const key of ['whole', 'playerAlone', 'beforeFirstPlay'] as const) {
    const bytes = measured[key];
    it(`${NAMES[key]}: no more than today’s ${CEILINGS[key]} bytes`, () => {
      assert.ok(bytes <= CEILINGS[key], `${bytes} bytes, over the ceiling of ${CEILINGS[key]}: what grew? (npx tsx scripts/size/measure.ts)`);
    });
    const todo = NOT_MET_YET.has(key) ? { todo: bytes <= BUDGETS[key] ? `met now (${bytes} bytes): make it a real test` : `not met yet: ${bytes} bytes, ${bytes - BUDGETS[key]} over` } : {};
    it(`${NAMES[key]}: at most ${BUDGETS[key]} bytes`, todo, () => {
      assert.ok(bytes <= BUDGETS[key], `${bytes} bytes, ${bytes - BUDGETS[key]} over the budget of ${BUDGETS[key]}`);
    });
  }

  it('keeps the Spanish words out of what a page in English loads', () => {
    const spanish = sizes.site.chunks.filter((chunk) => /^es-\w+\.js$/.test(chunk.file));
    assert.equal(spanish.length, 1, `one chunk of Spanish words: ${sizes.site.chunks.map((chunk) => chunk.file).join(', ')}`);
    assert.equal(spanish[0]!.initial, false, 'loaded on demand, not with the page');
  });

  it('keeps howler out of what a page loads before the first Play', () => {
    const engine = sizes.site.chunks.filter((chunk) => /^howler-engine-\w+\.js$/.test(chunk.file));
    assert.equal(engine.length, 1, `one chunk for the audio engine: ${sizes.site.chunks.map((chunk) => chunk.file).join(', ')}`);
    assert.ok(engine[0]!.minified > 20_000, `howler is in it (${engine[0]!.minified} bytes minified)`);
    assert.equal(engine[0]!.initial, false, 'loaded on first use (or when the page is idle), not with the page');
  });
});
