/**
 * npm run bench [-- --quick] [-- --only weight,sync,start,parsing,long-story,lighthouse] [-- --print]
 *
 * Every figure of the toolkit beside its baseline from the same run and the goal it is held to, in
 * one table, and in bench/results.json (figure name → value, unit, baselines, goal, met, date,
 * machine). Headless Debian Chromium through puppeteer-core, on the built site (`npm run build`
 * first). `--quick` gives a short version of every figure (a minute of playback, fewer runs) for
 * use while developing; the README's figures come from a full run.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAsScript } from '../scripts/cli.js';
import { ROOT } from '../scripts/size/measure.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { machine, results, table, type Figure, type Results } from './figures.js';
import { benchLighthouse } from './lighthouse.js';
import { benchLongStory } from './long-story-bench.js';
import { benchParsing } from './parsing.js';
import { benchStart } from './start.js';
import { benchSync } from './sync.js';
import { benchWeight } from './weight.js';

export interface BenchOptions {
  quick: boolean;
}

const SECTIONS: Record<string, (options: BenchOptions) => Promise<Figure[]>> = {
  weight: () => benchWeight(),
  sync: (options) => benchSync(options),
  start: (options) => benchStart(options),
  parsing: (options) => benchParsing(options),
  'long-story': (options) => benchLongStory(options),
  lighthouse: (options) => benchLighthouse(options),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench/results.json') },
      markdown: { type: 'boolean', default: false },
      /** Print the table of the results file as Markdown (the README's), running nothing. */
      print: { type: 'boolean', default: false },
    },
  });
  if (values.print) {
    const saved = JSON.parse(await readFile(values.out, 'utf8')) as Results;
    console.log(table(Object.entries(saved.figures).map(([name, figure]) => ({ name, ...figure })), true));
    console.log(`\n${saved.date}, ${saved.machine}${saved.quick ? ', --quick' : ''}`);
    return;
  }
  const only = values.only?.split(',').map((name) => name.trim()) ?? Object.keys(SECTIONS);
  const unknown = only.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) throw new Error(`--only: no section ${unknown.join(', ')} (there are ${Object.keys(SECTIONS).join(', ')})`);
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run npm run build first');
  const browser = await launchChromium();
  const version = await browser.version();
  await browser.close();
  const options: BenchOptions = { quick: values.quick };
  const on = machine(version);
  const previous = existsSync(values.out) ? (JSON.parse(await readFile(values.out, 'utf8')) as Partial<Results>) : undefined;
  let saved = previous?.figures ? (previous as Results) : undefined;
  const figures: Figure[] = [];
  let date = new Date().toISOString();
  for (const name of only) {
    const started = Date.now();
    const section = await SECTIONS[name]!(options);
    figures.push(...section);
    date = new Date().toISOString();
    // Written after each section, each with its own date: a section that fails keeps its earlier figures.
    saved = results(section, { date, machine: on, quick: values.quick, ...(saved ? { previous: saved } : {}) });
    await writeFile(values.out, `${JSON.stringify(saved, null, 2)}\n`);
    console.error(`bench: ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  console.log(table(figures, values.markdown));
  console.log(`\n${date}, ${on}${values.quick ? ', --quick' : ''}`);
  console.log(`written to ${values.out}`);
}

runAsScript(import.meta.url, main);
