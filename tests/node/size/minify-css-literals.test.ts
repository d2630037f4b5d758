/**
 * The CSS inside css`…` literals ships minified (scripts/build/minify-css-literals.ts), and the
 * components' styles mean exactly what they meant as written.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { build, transform } from 'esbuild';
import { minifyCssLiterals } from '../../../scripts/build/minify-css-literals.js';
import { minifyLiteralsPlugin } from '../../../scripts/build/minify-literals.js';
import { ROOT } from '../../../scripts/size/measure.js';

const minifiedCss = async (css: string): Promise<string> => (await transform(css, { loader: 'css', minify: true, charset: 'utf8' })).code.trim();

describe('Minifying css`…` literals', () => {
  it('minifies the CSS of a literal', async () => {
    const source = 'const s = css`\n  :host {\n    display: block;\n    margin: 0px 0px;\n  }\n`;';
    assert.equal(await minifyCssLiterals(source), 'const s = css`:host{display:block;margin:0}`;');
  });

  it('puts every interpolation back where it stood: in a value, in a rule, between rules', async () => {
    const source = 'css` .a { color: ${c}; margin: ${m}px } ${rules} .b { ${declarations} } `';
    assert.equal(await minifyCssLiterals(source), 'css`.a{color:${c};margin:${m}px}${rules} .b{${declarations}}`');
  });

  it('minifies a list of declarations meant for inside a rule', async () => {
    assert.equal(await minifyCssLiterals('css`\n  position: absolute;\n  width: 1px;\n`'), 'css`position:absolute;width:1px`');
  });

  it('leaves comments, strings, regular expressions and other templates as written', async () => {
    const source = "// css`a { b: c }`\nconst r = /`css`/g; const t = `css ${'`'}`; const u = html`<p>  a  </p>`; /* css` x { } ` */";
    assert.equal(await minifyCssLiterals(source), source);
  });

  it('leaves a literal with an escape sequence as written', async () => {
    const source = "css`.a::before { content: '\\\\2022'; }`";
    assert.equal(await minifyCssLiterals(source), source);
  });

  it('gives every component the same styles as written, only shorter', async () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.styles.ts')).map((file) => `src/${file}`);
    assert.ok(files.length >= 5, files.join(', '));
    const out = await mkdtemp(join(tmpdir(), 'css-literals-'));
    try {
      // Every css literal each file exports (a component's styles may come in parts).
      const entry = files.map((file, index) => `export * as m${index} from './${file}';`).join('\n');
      type Exports = Record<string, Record<string, { cssText?: unknown }>>;
      const load = async (minify: boolean): Promise<Exports> => {
        const result = await build({
          stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
          bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error',
          plugins: minify ? [minifyLiteralsPlugin({ html: false })] : [],
        });
        const file = join(out, `styles-${minify}.mjs`);
        await writeFile(file, result.outputFiles[0]!.contents);
        return (await import(pathToFileURL(file).href)) as Exports;
      };
      const [written, minified] = [await load(false), await load(true)];
      for (const [index, file] of files.entries()) {
        const sheets = Object.entries(written[`m${index}`] ?? {}).filter(([, value]) => typeof value.cssText === 'string');
        assert.ok(sheets.length > 0, `${file} exports its styles`);
        for (const [name, value] of sheets) {
          const before = value.cssText as string;
          const after = minified[`m${index}`]?.[name]?.cssText as string;
          assert.ok(after.length < before.length * 0.85, `${relative(ROOT, join(ROOT, file))} ${name}: ${before.length} → ${after.length} characters`);
          assert.equal(await minifiedCss(after), await minifiedCss(before), `${file} ${name}`);
        }
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
