/**
 * Parsing and lookup: WebVTT parse time at 10 to 50,000 cues, ours beside media-captions and the
 * browser's own parser in the same run (bench/webvtt-parse.ts), cue lookup at each size, and how
 * each grows, stated from the figures.
 */
import { growth, type Figure } from './figures.js';
import { benchWebVTT, COUNTS } from './webvtt-parse.js';
import { PEERS } from './peers.js';

const SECTION = 'Parsing';

export async function benchParsing(options: { quick: boolean }): Promise<Figure[]> {
  const runs = options.quick ? 1 : 7;
  const { timings, saved } = await benchWebVTT(runs, COUNTS);
  const figures: Figure[] = [];
  const note = `median of ${runs}; 13 words a cue, a timestamp per word`;
  for (const t of timings) {
    figures.push({
      section: SECTION,
      name: `parse ${t.cues.toLocaleString('en')} cues (+ words)`,
      value: t.ours,
      unit: 'ms',
      baselines: [
        { name: `media-captions ${PEERS['media-captions']} (+ tokens)`, value: t.mediaCaptions },
        { name: 'the browser\'s <track> (+ words)', value: t.native },
      ],
      note: `${note}; the parse alone: ours ${t.oursParse.toFixed(1)} ms, media-captions ${t.mediaCaptionsParse.toFixed(1)} ms, <track> load ${t.nativeParse.toFixed(1)} ms`,
    });
  }
  for (const t of timings) figures.push({ section: SECTION, name: `cue lookup in ${t.cues.toLocaleString('en')} cues`, value: t.lookupNs, unit: 'ns', note: 'CueIndex.at, 100,000 times in playing order' });
  // Growth from 1,000 cues up: below that, timer resolution, warm-up and fixed costs dominate.
  const big = timings.filter((t) => t.cues >= 1000);
  const parse = growth(big.map((t) => ({ n: t.cues, value: t.ours })));
  const lookup = growth(big.map((t) => ({ n: t.cues, value: t.lookupNs })));
  figures.push({
    section: SECTION,
    name: 'parse growth: exponent k of n^k',
    value: parse.exponent,
    unit: '',
    goal: 'linear (k ≤ 1.15)',
    met: parse.exponent <= 1.15,
    note: `fits ${parse.shape} best`,
  });
  figures.push({
    section: SECTION,
    name: 'lookup growth: exponent k of n^k',
    value: lookup.exponent,
    unit: '',
    goal: 'logarithmic (k < 0.3)',
    met: lookup.exponent < 0.3,
    note: `fits ${lookup.shape} best`,
  });
  figures.push({ section: SECTION, name: 'our parser in the whole bundle', value: saved.gzip, unit: 'B', note: `${saved.minified} B minified` });
  return figures;
}
