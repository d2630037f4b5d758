/**
 * The examples in `examples/` set up as an embedder has them: the package is packed, each example
 * folder is copied to its own project that installs the tarball (`npm install`), the mini-story
 * (`tests/fixtures/mini-story/`: real audio and tracks) is copied into its `story/` folder, and the
 * React example is built with its own `build.mjs`. The tests use the same functions.
 *
 * npm run examples  →  .tmp/examples/site/, served on http://localhost:8000 (or PORT)
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runAsScript } from '../cli.js';
import { serveSite } from '../serve/serve.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/mini-story');
const NAME = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

/** The examples, each a folder of `examples/` and of the site. */
export const EXAMPLES = ['react', 'no-build'] as const;
export type Example = (typeof EXAMPLES)[number];

/** Builds the package (`npm run package`'s two steps) and packs it into `destination`: the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
  for (const script of ['scripts/package/package.ts', 'scripts/package/react.ts']) await run(process.execPath, ['--import', 'tsx', join(ROOT, script)], { cwd: ROOT });
  // The package was just built; prepack would build it again.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: ROOT });
  return join(destination, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
}

/** The story files a page plays: audio, tracks, pictures and the timed story. */
async function copyStory(to: string): Promise<void> {
  for (const entry of ['audio', 'captions', 'images', 'timing.json']) await cp(join(FIXTURE, entry), join(to, entry), { recursive: true });
}

/** One example as its own project in `site/<example>/`, with `tarball` installed; the React one built. */
export async function setUpExample(example: Example, site: string, tarball: string): Promise<string> {
  const dir = join(site, example);
  await cp(join(ROOT, 'examples', example), dir, { recursive: true, filter: (path) => !/[/\\](node_modules|dist)$/.test(path) });
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  if (!manifest.dependencies[NAME]) throw new Error(`examples/${example}/package.json does not depend on ${NAME}`);
  manifest.dependencies[NAME] = `file:${tarball}`;
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir });
  await copyStory(join(dir, 'story'));
  if (example === 'react') await run(process.execPath, ['build.mjs'], { cwd: dir });
  return dir;
}

/** Every example set up in `work/site/` from one packed tarball. */
export async function setUpExamples(work: string): Promise<{ site: string; tarball: string }> {
  await mkdir(work, { recursive: true });
  const tarball = await packPackage(work);
  const site = join(work, 'site');
  await Promise.all(EXAMPLES.map((example) => setUpExample(example, site, tarball)));
  return { site, tarball };
}

runAsScript(import.meta.url, async () => {
  const work = join(ROOT, '.tmp/examples');
  await rm(work, { recursive: true, force: true });
  const { site } = await setUpExamples(work);
  const server = await serveSite(site, { port: Number(process.env['PORT'] ?? 8000), csp: false }); // the no-build example has an inline import map
  for (const example of EXAMPLES) console.log(`${example}: ${server.url}${example}/`);
  console.log('(Ctrl+C stops)');
});
