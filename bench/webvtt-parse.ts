/**
 * Could the browser's own WebVTT parser replace ours (src/captions/webvtt.ts)? Times ours, the
 * browser's and media-captions' (Vidstack's, installed at bench time) in Debian's Chromium on
 * caption files of 10 to 50,000 cues with a timestamp per word, as the narration writes them; times
 * cue lookup (`CueIndex.at`) at each size; and weighs what ours costs in the bundle.
 *
 * - ours: `parseWebVTT(text)` on the fetched text, then `cueWords` for every cue;
 * - the browser's: a `<track>` in a media element in the document, mode "hidden", from setting
 *   its `src` to its `load` event, then `cueWords` on every `VTTCue`'s `text` (which keeps the
 *   `<00:00:01.000>` timestamps);
 * - media-captions: `parseText(text)` (its parser loaded once before timing), then
 *   `tokenizeVTTCue` for every cue;
 * - lookup: `new CueIndex(cues)` once, then `at(t)` for 100,000 times from start to end, in order
 *   (as playback asks).
 *
 *   npx tsx bench/webvtt-parse.ts [--runs 7]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { runAsScript } from '../scripts/cli.js';
import { serveSite } from '../scripts/serve/serve.js';
import { measureBundle, ROOT } from '../scripts/size/measure.js';
import { ensurePeers } from './peers.js';
import { launchChromium } from '../tests/node/support/browser.js';

export const COUNTS = [10, 100, 1_000, 10_000, 50_000] as const;
const LOOKUPS = 100_000;
const WORDS = ['The', 'lighthouse', 'has', 'stood', 'on', 'this', 'cape', 'for', 'more', 'than', 'a', 'hundred', 'years.'];

const stamp = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
};

/** `count` sentence cues of 13 words, 3.9 s each, a timestamp before every word but the first. */
export function captionsFile(count: number): string {
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < count; i++) {
    const start = i * 4;
    const words = WORDS.map((word, w) => (w === 0 ? word : `<${stamp(start + w * 0.3)}>${word}`));
    lines.push(`cue-${i + 1}`, `${stamp(start)} --> ${stamp(start + 3.9)}`, words.join(' '), '');
  }
  return lines.join('\n');
}

export interface Timing {
  cues: number;
  /** Median milliseconds over the runs. */
  ours: number;
  native: number;
  /** The same without reading the words: the parse (ours) or the load up to the cue list (the browser's). */
  oursParse: number;
  nativeParse: number;
  /** media-captions: parse, and parse with its cue tokenizer on every cue. */
  mediaCaptionsParse: number;
  mediaCaptions: number;
  /** Nanoseconds per `CueIndex.at` over the cues (median over the runs). */
  lookupNs: number;
  /** Cues each way read (they must agree). */
  oursCues: number;
  nativeCues: number;
  mediaCaptionsCues: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Bundle bytes ours costs: the whole player with both parse functions stubbed out (parseTimestamp kept, cue words need it). */
async function bytesSaved(): Promise<{ minified: number; gzip: number }> {
  const stub: Plugin = {
    name: 'stub-webvtt',
    setup(b) {
      b.onLoad({ filter: /src\/captions\/webvtt\.ts$/ }, () => ({
        loader: 'ts',
        contents: `export const parseWebVTT = (_text: string) => ({ cues: [], errors: [] });
          export const parseWebVTTInSlices = async (_text: string) => ({ cues: [], errors: [] });
          export function parseTimestamp(s: string): number | null {
            const m = /^(?:(\\d+):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})$/.exec(s);
            return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : null;
          }
          export const formatTimestamp = (seconds: number) => String(seconds);`,
      }));
    },
  };
  const [real, stubbed] = await Promise.all([
    measureBundle({ entry: join(ROOT, 'src/define.ts') }),
    measureBundle({ entry: join(ROOT, 'src/define.ts'), plugins: [stub] }),
  ]);
  return { minified: real.minified - stubbed.minified, gzip: real.gzip - stubbed.gzip };
}

export async function benchWebVTT(runs = 7, counts: readonly number[] = COUNTS): Promise<{ timings: Timing[]; saved: { minified: number; gzip: number } }> {
  const dir = await mkdtemp(join(tmpdir(), 'webvtt-bench-'));
  const peers = await ensurePeers(['media-captions']);
  const server = await (async () => {
    const bundle = (entry: Parameters<typeof build>[0]) =>
      build({ ...entry, bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, logLevel: 'error' }).then((r) => r.outputFiles[0]!.contents);
    await writeFile(join(dir, 'captions.js'), await bundle({ entryPoints: [join(ROOT, 'src/captions/index.ts')], globalName: 'captions' }));
    await writeFile(
      join(dir, 'media-captions.js'),
      await bundle({ stdin: { contents: "export { parseText, tokenizeVTTCue } from 'media-captions';", resolveDir: peers, loader: 'js' }, globalName: 'mediaCaptions' }),
    );
    await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>bench</title><script src="captions.js"></script><script src="media-captions.js"></script><audio></audio>');
    for (const count of counts) await writeFile(join(dir, `cues-${count}.vtt`), captionsFile(count));
    return serveSite(dir);
  })();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument('self.__name = (fn) => fn');
    await page.goto(new URL('index.html', server.url).href);
    // media-captions loads its WebVTT parser on first use: not part of any parse timed here.
    await page.evaluate(() => (globalThis as unknown as { mediaCaptions: { parseText(t: string): Promise<unknown> } }).mediaCaptions.parseText('WEBVTT\n\n00:00.000 --> 00:01.000\nx\n'));
    const timings: Timing[] = [];
    for (const count of counts) {
      const ours: number[] = [];
      const native: number[] = [];
      const oursParse: number[] = [];
      const nativeParse: number[] = [];
      const mcParse: number[] = [];
      const mc: number[] = [];
      const lookups: number[] = [];
      let oursCues = 0;
      let nativeCues = 0;
      let mediaCaptionsCues = 0;
      for (let run = 0; run < runs; run++) {
        const result = await page.evaluate(async (file: string, lookupCount: number) => {
          type Cue = { start: number; end: number; text: string };
          type Index = { at(t: number): Cue | undefined };
          const api = (globalThis as unknown as { captions: { parseWebVTT(t: string): { cues: Cue[] }; cueWords(c: Cue): unknown[]; CueIndex: new (cues: Cue[]) => Index } }).captions;
          const peer = (globalThis as unknown as { mediaCaptions: { parseText(t: string): Promise<{ cues: unknown[] }>; tokenizeVTTCue(c: unknown): unknown[] } }).mediaCaptions;
          const text = await (await fetch(file)).text();
          const t0 = performance.now();
          const parsed = api.parseWebVTT(text);
          const oursParseMs = performance.now() - t0;
          let words = 0;
          for (const cue of parsed.cues) words += api.cueWords(cue).length;
          const oursMs = performance.now() - t0;

          const index = new api.CueIndex(parsed.cues);
          const end = parsed.cues.at(-1)?.end ?? 1;
          let found = 0;
          const tl = performance.now();
          for (let i = 0; i < lookupCount; i++) if (index.at(i * (end / lookupCount))) found++;
          const lookupNs = ((performance.now() - tl) * 1e6) / lookupCount;
          if (found === 0) throw new Error('no cue found');

          const tm = performance.now();
          const theirs = await peer.parseText(text);
          const mcParseMs = performance.now() - tm;
          for (const cue of theirs.cues) peer.tokenizeVTTCue(cue);
          const mcMs = performance.now() - tm;

          const audio = document.querySelector('audio')!;
          const track = document.createElement('track');
          track.kind = 'captions';
          audio.append(track);
          track.track.mode = 'hidden';
          const loaded = new Promise<void>((resolve, reject) => {
            track.addEventListener('load', () => resolve(), { once: true });
            track.addEventListener('error', () => reject(new Error(`${file} did not load`)), { once: true });
          });
          // The text is in the HTTP cache from the fetch above: both ways parse the same bytes.
          const t1 = performance.now();
          track.src = file;
          await loaded;
          const cues = Array.from(track.track.cues ?? [], (cue) => cue as VTTCue);
          const nativeParseMs = performance.now() - t1;
          let nativeWords = 0;
          for (const cue of cues) nativeWords += api.cueWords({ start: cue.startTime, end: cue.endTime, text: cue.text }).length;
          const nativeMs = performance.now() - t1;
          track.remove();
          return { oursMs, nativeMs, oursParseMs, nativeParseMs, mcParseMs, mcMs, lookupNs, oursCues: parsed.cues.length, nativeCues: cues.length, mcCues: theirs.cues.length, same: words === nativeWords };
        }, `cues-${count}.vtt?run=${run}`, LOOKUPS);
        if (!result.same) throw new Error(`the two ways found different words in ${count} cues`);
        ours.push(result.oursMs);
        native.push(result.nativeMs);
        oursParse.push(result.oursParseMs);
        nativeParse.push(result.nativeParseMs);
        mcParse.push(result.mcParseMs);
        mc.push(result.mcMs);
        lookups.push(result.lookupNs);
        oursCues = result.oursCues;
        nativeCues = result.nativeCues;
        mediaCaptionsCues = result.mcCues;
      }
      timings.push({
        cues: count, ours: median(ours), native: median(native), oursParse: median(oursParse), nativeParse: median(nativeParse),
        mediaCaptionsParse: median(mcParse), mediaCaptions: median(mc), lookupNs: median(lookups), oursCues, nativeCues, mediaCaptionsCues,
      });
    }
    return { timings, saved: await bytesSaved() };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

runAsScript(import.meta.url, async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  const { timings, saved } = await benchWebVTT(Number(values.runs));
  const ms = (value: number): string => `${value.toFixed(1)} ms`.padStart(10);
  console.log(`median of ${values.runs} runs   ours: parse / + words   browser's <track>: load / + words   media-captions: parse / + tokens   lookup`);
  for (const t of timings) {
    console.log(`${String(t.cues).padStart(6)} cues   ${ms(t.oursParse)} ${ms(t.ours)}        ${ms(t.nativeParse)} ${ms(t.native)}   ${ms(t.mediaCaptionsParse)} ${ms(t.mediaCaptions)}   ${t.lookupNs.toFixed(0)} ns   (${t.oursCues} / ${t.nativeCues} / ${t.mediaCaptionsCues} cues)`);
  }
  console.log(`ours in the whole bundle: ${saved.minified} B minified, ${saved.gzip} B gzip -9`);
});
