/**
 * What the player weighs as an embedder ships it: bundled by esbuild (ESM, minified, es2022, code
 * splitting so that every chunk a page could load is counted apart), each chunk at `gzip -9`, the
 * page's own stylesheet left out. Used by the size test and `npm run size`; `measureBundle` also
 * weighs any other entry the same way (a peer's, for comparison).
 *
 * ```sh
 * npx tsx scripts/size/measure.ts          # the table
 * npx tsx scripts/size/measure.ts --json   # the same figures as JSON
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { minifyLiteralsPlugin } from '../build/minify-literals.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The budgets of issue 8, in bytes at `gzip -9`. */
export const BUDGETS = {
  /** Every element, lit, @lit/context, howler, workbox-window and the styles: every chunk. */
  whole: 36 * 1024,
  /** The player, the scene and the captions with lit and howler: every chunk. */
  playerAlone: 28 * 1024,
  /** What the site's page loads before the first Play: `src/main.ts` and its static imports. */
  beforeFirstPlay: 30 * 1024,
} as const;

export interface Chunk {
  /** The output file, relative to the output folder. */
  readonly file: string;
  readonly minified: number;
  readonly gzip: number;
  /** Whether the entry loads it with a static import (transitively): it loads with the page. */
  readonly initial: boolean;
}

export interface BundleSize {
  readonly chunks: readonly Chunk[];
  /** Minified bytes of every chunk. */
  readonly minified: number;
  /** `gzip -9` bytes of every chunk, each compressed alone (as a server sends them). */
  readonly gzip: number;
  /** `gzip -9` bytes of the entry's chunk and what it imports statically. */
  readonly initialGzip: number;
  /** Minified bytes per origin: a package's name, or the folder under src/ (`src/i18n`). */
  readonly byOrigin: ReadonlyMap<string, number>;
}

export interface BundleOptions {
  /** One module to bundle, or the source of one (resolved from `resolveDir`). */
  readonly entry: string | { readonly contents: string; readonly resolveDir: string };
  /** Minify the CSS of css`…` and the whitespace of html`…` literals (as the site and the package do); default true. */
  readonly minifyLiterals?: boolean;
  /** Output JavaScript and CSS only by default; extra loaders for a peer's assets. */
  readonly plugins?: readonly Plugin[];
  /** Count this CSS file too, as a stylesheet the embedder must ship (a peer's CSS). */
  readonly css?: readonly string[];
}

export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

/** Where a module comes from: `lit-html`, `@lit/context`, `src/i18n`. */
export function originOf(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = input.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const path = relative(ROOT, join(ROOT, input));
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
}

/** The outputs an entry loads with static imports, itself included. */
function initialOutputs(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return seen;
}

/** Bundles one entry as an embedder would and weighs every chunk. */
export async function measureBundle(options: BundleOptions): Promise<BundleSize> {
  const outdir = await mkdtemp(join(tmpdir(), 'size-'));
  try {
    const entry = options.entry;
    const result = await build({
      ...(typeof entry === 'string'
        ? { entryPoints: { entry } }
        : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'ts', sourcefile: 'entry.ts' } }),
      outdir,
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      metafile: true,
      write: false,
      logLevel: 'error',
      plugins: [...(options.minifyLiterals === false ? [] : [minifyLiteralsPlugin()]), ...(options.plugins ?? [])],
    });
    const metafile = result.metafile;
    const entryOutput = Object.entries(metafile.outputs).find(([, info]) => info.entryPoint !== undefined || info.inputs['<stdin>'])?.[0];
    const initial = entryOutput ? initialOutputs(metafile, entryOutput) : new Set<string>();
    const chunks: Chunk[] = [];
    const byOrigin = new Map<string, number>();
    for (const file of result.outputFiles) {
      const key = relative(ROOT, file.path);
      const info = metafile.outputs[key];
      if (!info || file.path.endsWith('.map')) continue;
      chunks.push({ file: relative(outdir, file.path), minified: file.contents.length, gzip: gzipSize(file.contents), initial: initial.has(key) });
      for (const [input, { bytesInOutput }] of Object.entries(info.inputs)) {
        const origin = originOf(input);
        byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + bytesInOutput);
      }
    }
    for (const css of options.css ?? []) {
      const styles = await build({ entryPoints: [css], bundle: true, minify: true, write: false, logLevel: 'error', loader: { '.svg': 'dataurl' } });
      const contents = styles.outputFiles[0]!.contents;
      chunks.push({ file: relative(ROOT, css), minified: contents.length, gzip: gzipSize(contents), initial: true });
      byOrigin.set(relative(ROOT, css), contents.length);
    }
    const sum = (pick: (chunk: Chunk) => number, of = chunks): number => of.reduce((total, chunk) => total + pick(chunk), 0);
    return {
      chunks,
      minified: sum((chunk) => chunk.minified),
      gzip: sum((chunk) => chunk.gzip),
      initialGzip: sum((chunk) => chunk.gzip, chunks.filter((chunk) => chunk.initial)),
      byOrigin: new Map([...byOrigin].sort((a, b) => b[1] - a[1])),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** The player alone: the three elements it needs to play a story with captions. */
const PLAYER_ALONE = ['story-player', 'story-scene', 'story-captions'].map((name) => `import './src/${name}/define.ts';`).join('\n');

export interface PlayerSizes {
  /** Every element (`src/define.ts`), every chunk. */
  readonly whole: BundleSize;
  /** Player, scene and captions, every chunk. */
  readonly playerAlone: BundleSize;
  /** The site's bundle (`src/main.ts`); its `initialGzip` is what loads before the first Play. */
  readonly site: BundleSize;
}

/** The three figures the budgets hold, in one run. */
export async function measurePlayer(options: Pick<BundleOptions, 'minifyLiterals'> = {}): Promise<PlayerSizes> {
  const [whole, playerAlone, site] = await Promise.all([
    measureBundle({ ...options, entry: join(ROOT, 'src/define.ts') }),
    measureBundle({ ...options, entry: { contents: PLAYER_ALONE, resolveDir: ROOT } }),
    measureBundle({ ...options, entry: join(ROOT, 'src/main.ts') }),
  ]);
  return { whole, playerAlone, site };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** The figures as a table for the terminal. */
export function sizeTable(sizes: PlayerSizes): string {
  const rows: string[][] = [
    ['', 'gzip -9', 'budget', 'left', 'minified', 'chunks'],
    ['whole (every element, every chunk)', sizes.whole.gzip, BUDGETS.whole, sizes.whole.minified, sizes.whole.chunks.length],
    ['player alone (player, scene, captions)', sizes.playerAlone.gzip, BUDGETS.playerAlone, sizes.playerAlone.minified, sizes.playerAlone.chunks.length],
    ['before first Play (src/main.ts, static imports)', sizes.site.initialGzip, BUDGETS.beforeFirstPlay, sizes.site.chunks.filter((c) => c.initial).reduce((t, c) => t + c.minified, 0), sizes.site.chunks.filter((c) => c.initial).length],
  ].map((row, index) => (index === 0 ? (row as string[]) : (() => {
    const [name, gzip, budget, minified, chunks] = row as [string, number, number, number, number];
    return [name, `${gzip} B (${kib(gzip)})`, `${budget} B`, `${budget - gzip} B`, `${minified} B`, String(chunks)];
  })()));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]): string => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const origins = [...sizes.whole.byOrigin].map(([origin, bytes]) => `  ${origin.padEnd(28)} ${String(bytes).padStart(7)} B`);
  return [...rows.map(line), '', 'whole, minified bytes by origin:', ...origins].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await measurePlayer({ minifyLiterals: !process.argv.includes('--no-minify-literals') });
  if (process.argv.includes('--json')) {
    const plain = (size: BundleSize) => ({ ...size, byOrigin: Object.fromEntries(size.byOrigin) });
    console.log(JSON.stringify({ whole: plain(sizes.whole), playerAlone: plain(sizes.playerAlone), site: plain(sizes.site) }, null, 2));
  } else {
    console.log(sizeTable(sizes));
  }
}
