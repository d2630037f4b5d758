/**
 * Builds what `npm pack` ships (also run by `prepack`): lib/ (the JavaScript and .d.ts of every
 * entry, by tsc with tsconfig.package.json) and custom-elements.json (the analyzer, from the
 * elements' JSDoc). lib/ is emptied first so that no file of a removed module ships.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLiteralsInFiles } from '../build/minify-literals.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

rmSync(join(ROOT, 'lib'), { recursive: true, force: true });
execFileSync(bin('tsc'), ['-p', join(ROOT, 'tsconfig.package.json')], { cwd: ROOT, stdio: 'inherit' });
execFileSync(bin('custom-elements-manifest'), ['analyze', '--quiet'], { cwd: ROOT, stdio: 'inherit' });

// The components' css`…`, html`…` and svg`…` literals, minified as in the site's bundle (tsc keeps them as written).
const libFiles = readdirSync(join(ROOT, 'lib'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
await minifyLiteralsInFiles(libFiles.map((file) => join(ROOT, 'lib', file)));
