/**
 * Where the long story's long tasks go: the same phases as the bench's long-story group (loading,
 * opening the transcript, playing, seeking, scrolling the transcript), each traced with Chromium's
 * own timeline, and for every main-thread task of 50 ms or more what ran in it: the renderer's
 * steps (parsing HTML, style, layout, paint, script) and the functions of the page's script that
 * took the most time (from the trace's CPU samples).
 *
 *   npx tsx bench/profile-long-story.ts [--readable] [--only transcript,playing,seeking,scrolling] [--every-step]
 *
 * `--readable` bundles src/main.ts again without minifying names, so that the functions are named
 * as in the source (the site of the bench keeps dist/'s minified bundle otherwise). `--every-step`
 * records more of the renderer while playing and names every step of a long task, not only the
 * usual ones (that is how the lock-screen artwork decoded in image downloads was found).
 * `SAVE_TRACE=/tmp/trace` writes each phase's trace to `/tmp/trace-<phase>.json` for DevTools.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { runAsScript } from '../scripts/cli.js';
import { serveSite } from '../scripts/serve/serve.js';
import { ROOT } from '../scripts/size/measure.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { scrollTranscript, seekAcross } from './long-story-actions.js';
import { buildLongStory } from './long-story.js';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
  id?: string;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

const LONG_US = 50_000;
const STEPS = new Set(['ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.compile', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'HitTest', 'ScheduleStyleRecalculation', 'IntersectionObserverController::computeIntersections', 'ResourceReceivedData']);

/** Summarises a trace: each long task on the renderer's main thread, by step and by function. */
function summarise(events: TraceEvent[], label: string, everyStep: boolean): string {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((t) => t.pid === e.pid && t.name === 'ParseHTML' || t.pid === e.pid && t.name === 'FunctionCall'));
  if (!main) return `${label}: no renderer main thread in the trace`;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) >= LONG_US);
  // CPU samples: ProfileChunk events carry nodes and samples with time deltas.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === main.pid);
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && profiles.some((p) => p.id === e.id));
  for (const profile of profiles) {
    let ts = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    for (const chunk of chunks.filter((c) => c.id === profile.id)) {
      const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        ts += deltas[i] ?? 0;
        samples.push({ ts, node: id });
      });
    }
  }
  const name = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = (url ?? '').split('/').pop() ?? '';
    return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
  };
  const lines = [`${label}: ${tasks.length} task(s) of 50 ms or more`];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts < end && e !== task && (everyStep || STEPS.has(e.name)));
    const steps = new Map<string, number>();
    for (const e of inside) steps.set(e.name, (steps.get(e.name) ?? 0) + (e.dur ?? 0));
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const within = samples.filter((s) => s.ts >= task.ts && s.ts < end);
    within.forEach((s, i) => {
      const next = within[i + 1]?.ts ?? s.ts + 100;
      const weight = Math.min(next - s.ts, 1000);
      const leaf = nodes.get(s.node);
      if (!leaf) return;
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + weight);
      const seen = new Set<string>();
      for (let at: ProfileNode | undefined = leaf; at; at = at.parent !== undefined ? nodes.get(at.parent) : undefined) {
        const n = name(at);
        if (seen.has(n)) continue;
        seen.add(n);
        total.set(n, (total.get(n) ?? 0) + weight);
      }
    });
    const top = (map: Map<string, number>, count: number) =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([n, us]) => `${(us / 1000).toFixed(1)} ${n}`).join('; ');
    lines.push(`  task ${(task.dur! / 1000).toFixed(0)} ms: steps ${top(steps, 8)}`);
    lines.push(`    self: ${top(self, 10)}`);
    lines.push(`    total: ${top(new Map([...total].filter(([n]) => !n.startsWith('(root)') && !n.startsWith('(program)'))), 14)}`);
  }
  return lines.join('\n');
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', '__metadata'];

async function traced(page: Page, label: string, run: () => Promise<void>, everyStep = false): Promise<string> {
  await page.tracing.start({ categories: everyStep ? [...CATEGORIES, 'toplevel', 'blink', 'cc', 'media', 'loading', 'v8'] : CATEGORIES });
  await run();
  const buffer = await page.tracing.stop();
  const trace = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] };
  if (process.env.SAVE_TRACE) await writeFile(`${process.env.SAVE_TRACE}-${label.replace(/ /g, '-')}.json`, JSON.stringify(trace));
  return summarise(trace.traceEvents, label, everyStep);
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { readable: { type: 'boolean', default: false }, only: { type: 'string' }, 'every-step': { type: 'boolean', default: false } } });
  const site = await buildLongStory(join(tmpdir(), 'listen-profile-long-story'));
  if (values.readable) {
    await build({
      entryPoints: { app: join(ROOT, 'src/main.ts') },
      outdir: site.dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'warning',
    });
  }
  const only = values.only?.split(',');
  const wanted = (phase: string) => !only || only.includes(phase);
  const server = await serveSite(site.dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => console.error(`page: ${String(error)}`));
    page.on('console', (message) => { if (message.type() === 'error') console.error(`console: ${message.text()}`); });
    const player = () => (document.querySelector('story-player') as HTMLElement & { cues: readonly unknown[] }).cues.length > 0;
    console.log(
      await traced(page, 'loading', async () => {
        await page.goto(`${server.url}${site.story.id}/`, { waitUntil: 'load' });
        await page.waitForFunction(player, { timeout: 60000, polling: 50 });
        await pause(1000);
      }),
    );
    if (wanted('transcript')) {
      console.log(
        await traced(page, 'opening the transcript', async () => {
          await page.evaluate(() => document.querySelector('story-transcript')!.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click());
          await pause(1500);
        }),
      );
    }
    await page.evaluate(() => {
      (document.querySelector('story-transcript') as HTMLElement & { followAlong: boolean }).followAlong = true;
      (document.querySelector('story-player') as HTMLElement & { seek(t: number): void }).seek(3600);
    });
    await pause(500);
    await page.evaluate(() => (document.querySelector('story-player') as HTMLElement & { play(): void }).play());
    if (wanted('playing')) console.log(await traced(page, 'playing', () => pause(15000), values['every-step']));
    if (wanted('seeking')) {
      console.log(
        await traced(page, 'seeking', () => seekAcross(page)),
      );
    }
    if (wanted('scrolling')) {
      console.log(
        await traced(page, 'scrolling the transcript', () => scrollTranscript(page)),
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

runAsScript(import.meta.url, main);
