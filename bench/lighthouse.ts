/**
 * Lighthouse 12.2.3 (installed at bench time, see bench/peers.ts) on every built story page, mobile
 * defaults, in Debian's Chromium driven over its DevTools port: the four scores and the core
 * figures, the median of three runs (one with --quick).
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveSite } from '../scripts/serve/serve.js';
import { ROOT } from '../scripts/size/measure.js';
import { launchChromium } from '../tests/node/support/browser.js';
import { atLeast, median, type Figure } from './figures.js';
import { ensurePeers, PEERS } from './peers.js';

const SECTION = 'Lighthouse';

interface LighthouseResult {
  lhr: { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }>; runtimeError?: { message: string } };
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;

const CATEGORIES = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
const AUDITS = { 'first-contentful-paint': 'ms', 'largest-contentful-paint': 'ms', 'total-blocking-time': 'ms', 'cumulative-layout-shift': '' } as const;

export async function benchLighthouse(options: { quick: boolean }): Promise<Figure[]> {
  const peers = await ensurePeers(['lighthouse']);
  const lighthouse = ((await import(pathToFileURL(join(peers, 'node_modules/lighthouse/core/index.js')).href)) as { default: Lighthouse }).default;
  const dist = join(ROOT, 'dist');
  const stories = (await readdir(dist, { withFileTypes: true })).filter((e) => e.isDirectory() && existsSync(join(dist, e.name, 'index.html'))).map((e) => e.name);
  const runs = options.quick ? 1 : 3;
  const server = await serveSite(dist);
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const port = Number(new URL(browser.wsEndpoint()).port);
    for (const story of stories) {
      const scores: Record<string, number[]> = {};
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${server.url}${story}/`, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(CATEGORIES) });
        if (!result) throw new Error('Lighthouse returned nothing');
        if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
        for (const [name, category] of Object.entries(result.lhr.categories)) (scores[name] ??= []).push(Math.round((category.score ?? NaN) * 100));
        for (const audit of Object.keys(AUDITS)) (scores[audit] ??= []).push(result.lhr.audits[audit]?.numericValue ?? NaN);
      }
      const note = `Lighthouse ${PEERS.lighthouse}, mobile defaults, median of ${runs}`;
      for (const [name, goal] of Object.entries(CATEGORIES)) figures.push(atLeast({ section: SECTION, name: `${story}: ${name}`, value: median(scores[name] ?? []), unit: '', note }, goal));
      for (const [audit, unit] of Object.entries(AUDITS)) {
        const value = median(scores[audit] ?? []);
        figures.push({ section: SECTION, name: `${story}: ${audit.replaceAll('-', ' ')}`, value: unit ? Math.round(value) : Math.round(value * 1000) / 1000, unit, note });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures;
}
