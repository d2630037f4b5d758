/**
 * What esbuild leaves as written inside Lit's tagged literals, minified: the CSS of css`…`
 * (minify-css-literals.ts) and the whitespace of html`…` and svg`…` (minify-html-literals.ts). The
 * site's bundle, the package's lib/ and the size measurement all go through here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { minifyCssLiterals } from './minify-css-literals.js';
import { minifyHtmlLiterals } from './minify-html-literals.js';

/** Which literals to minify; both by default. */
export interface LiteralKinds {
  readonly css?: boolean;
  readonly html?: boolean;
}

/** The source with its css`…`, html`…` and svg`…` literals minified (each kept as written when unsure). */
export async function minifyLiterals(source: string, kinds: LiteralKinds = {}): Promise<string> {
  const css = kinds.css === false ? source : await minifyCssLiterals(source);
  return kinds.html === false ? css : minifyHtmlLiterals(css);
}

/** An esbuild plugin that minifies the literals of the project's own modules (not node_modules). */
export function minifyLiteralsPlugin(kinds: LiteralKinds = {}): Plugin {
  return {
    name: 'minify-literals',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = await readFile(args.path, 'utf8');
        const contents = await minifyLiterals(source, kinds);
        if (contents === source) return undefined;
        const ext = args.path.slice(args.path.lastIndexOf('.') + 1);
        return { contents, loader: ext.endsWith('x') ? (ext === 'tsx' ? 'tsx' : 'jsx') : ext.endsWith('ts') ? 'ts' : 'js' };
      });
    },
  };
}

/** Minifies the literals of files in place (the package's lib/**\/*.js); returns the bytes saved. */
export async function minifyLiteralsInFiles(paths: readonly string[]): Promise<number> {
  let saved = 0;
  for (const path of paths) {
    const source = await readFile(path, 'utf8');
    const minified = await minifyLiterals(source);
    if (minified === source) continue;
    await writeFile(path, minified);
    saved += Buffer.byteLength(source) - Buffer.byteLength(minified);
  }
  return saved;
}
