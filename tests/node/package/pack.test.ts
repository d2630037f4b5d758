/**
 * What an embedder gets: `npm pack` makes a tarball that a scratch project installs by file name,
 * type-checks against and bundles with esbuild, and the bundle plays the mini-story in Chromium.
 * The page loads two separately bundled copies of the toolkit (`story-player.js` from one,
 * `define.js` from the other), so it also shows that defining is guarded and that the copies'
 * contexts meet; a third page imports `.` alone and gets no tag defined.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { serveSite, type SiteServer } from '../../../scripts/serve/serve.js';
import { launchChromium } from '../support/browser.js';
import { copyMiniStoryMedia, EMBEDDER_BUILD, MINI_STORY as FIXTURE, openPage, ROOT } from '../support/mini-story-site.js';

const TAGS = ['story-player', 'story-scene', 'story-captions', 'story-transcript', 'story-offline'];
const NAME = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** The embedder's code: each file is one entry of the scratch project. */
const ENTRIES = {
  // Copy one: the player alone.
  'player.ts': `import '${NAME}/story-player.js';\n`,
  // Copy two: every tag (the player's is taken already, which must be harmless), and the types.
  'everything.ts': `import '${NAME}/define.js';
import { StoryPlayer, StoryChapterChangeEvent, type PlaybackState, type StoryInfo } from '${NAME}';

const player: StoryPlayer | null = document.querySelector('story-player');
player?.addEventListener('story-chapter-change', (event: StoryChapterChangeEvent) => {
  const id: string = event.chapterId;
  document.body.dataset['chapter'] = id;
});
player?.addEventListener('error', (event: ErrorEvent) => console.warn(event.message));
const scene = document.createElement('story-scene');
// A scene's start is unset until its attribute or property gives one.
const start: number | undefined = scene.start;
const state: Pick<PlaybackState, 'playing'> & Pick<StoryInfo, 'title'> = { playing: false, title: '' };
Object.assign(window, { copyTwo: { StoryPlayer, start, state } });
`,
  // Only the classes: no tag may be defined.
  'bare.ts': `import * as toolkit from '${NAME}';\nObject.assign(window, { toolkit });\n`,
};

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package in another project', () => {
  const started = performance.now();
  let work: string;
  let packed: Packed;
  let server: SiteServer;
  let browser: Browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'pack-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/package/package.ts')], { cwd: ROOT, stdio: 'pipe' });
    // The package was just built; prepack would build it again.
    packed = (JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as Packed[])[0]!;

    const scratch = join(work, 'scratch');
    await mkdir(scratch);
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], scratch);
    for (const [file, text] of Object.entries(ENTRIES)) await writeFile(join(scratch, file), text);
    await writeFile(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] },
        files: Object.keys(ENTRIES),
      }),
    );

    const site = join(work, 'site');
    await mkdir(site);
    await copyMiniStoryMedia(site);
    await cp(join(ROOT, 'src/page/page.css'), join(site, 'page.css'));
    const page = (await readFile(join(FIXTURE, 'index.html'), 'utf8'))
      .replace(/<link rel="icon"[^>]*>\n/, '')
      .replace('href="../../../src/page/page.css"', 'href="page.css"')
      .replace('<script type="module" src="../../../src/main.ts"></script>', '<script type="module" src="player.js"></script>\n  <script type="module" src="everything.js"></script>');
    assert.match(page, /src="everything\.js"/, 'the fixture page loads its script as expected');
    await writeFile(join(site, 'index.html'), page);
    await writeFile(join(site, 'bare.html'), '<!doctype html><html lang="en"><title>bare</title><script type="module" src="bare.js"></script><story-player story-id="bare"></story-player>');
    await build({
      ...EMBEDDER_BUILD,
      absWorkingDir: scratch,
      entryPoints: Object.keys(ENTRIES).map((file) => join(scratch, file)),
      outdir: site,
    });

    server = await serveSite(site);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
    // A figure to read, not a pass mark: the machine is shared (94 s under load).
    console.info(`# pack, install, type-check, bundle and play: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  const open = (path: string): Promise<{ page: Page; errors: string[] }> => openPage(browser, new URL(path, server.url).href);

  it('packs only what an embedder needs', (t) => {
    const paths = packed.files.map((file) => file.path);
    for (const file of ['package.json', 'README.md', 'custom-elements.json', 'lib/index.js', 'lib/index.d.ts', 'lib/define.js', 'lib/story-player/define.js', 'lib/story-offline/define.d.ts']) {
      assert.ok(paths.includes(file), `${file} is in the tarball`);
    }
    assert.deepEqual(paths.filter((path) => !/^(lib\/.+\.(js|d\.ts)|package\.json|README\.md|custom-elements\.json)$/.test(path)), []);
    t.diagnostic(`${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${paths.length} files`);
  });

  it('names only files it holds in exports, customElements, main and types, and side effects only in the define entries', async () => {
    const paths = new Set(packed.files.map((file) => file.path));
    const manifest = JSON.parse(await readFile(join(work, 'scratch/node_modules', NAME, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      customElements: string;
      main: string;
      types: string;
      sideEffects: string[];
      private?: boolean;
    };
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const file of [...targets, manifest.customElements, manifest.main, manifest.types]) assert.ok(paths.has(file.replace(/^\.\//, '')), `${file} is in the tarball`);
    assert.deepEqual(Object.keys(manifest.exports), ['.', './define.js', ...TAGS.map((tag) => `./${tag}.js`), './react', './custom-elements.json', './package.json']);
    assert.ok(manifest.sideEffects.every((pattern) => pattern.endsWith('define.js') || pattern.endsWith('define.ts')), manifest.sideEffects.join(', '));
    assert.equal(manifest.private, true, 'kept private: packing works, publishing by accident does not');
  });

  it('type-checks an embedder’s code against the packed .d.ts (tags, events, classes)', () => {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(work, 'scratch/tsconfig.json')], { stdio: 'pipe' });
  });

  it('plays the story from the bundle, with a second copy defining the other tags harmlessly', async () => {
    const { page, errors } = await open('index.html');
    await page.waitForFunction(() => document.querySelector('story-player')?.shadowRoot?.querySelector('[part~="play-button"]'), { timeout: 10_000 });
    const defined = await page.evaluate((tags) => {
      const copyTwo = (window as unknown as { copyTwo: { StoryPlayer: CustomElementConstructor } }).copyTwo;
      return { tags: tags.filter((tag) => customElements.get(tag)), playerFromCopyOne: customElements.get('story-player') !== copyTwo.StoryPlayer };
    }, TAGS);
    assert.deepEqual(defined, { tags: TAGS, playerFromCopyOne: true });

    await page.evaluate(() => document.querySelector('story-player')!.play());
    await page.waitForFunction(() => document.querySelector('story-player')!.currentTime > 1, { timeout: 15_000 });
    // The scene (copy two) follows the player (copy one): their context keys are the same symbol.
    await page.evaluate(() => document.querySelector('story-player')!.seek(6));
    await page.waitForFunction(() => document.querySelector('#scene-1')?.hasAttribute('current') && document.querySelector('story-player')!.currentTime > 6.3, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => document.querySelector('story-player')!.paused), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('defines no tag when only `.` is imported', async () => {
    const { page, errors } = await open('bare.html');
    const result = await page.evaluate((tags) => {
      const toolkit = (window as unknown as { toolkit: Record<string, unknown> }).toolkit;
      return {
        defined: tags.filter((tag) => customElements.get(tag)),
        classes: ['StoryPlayer', 'StoryScene', 'StoryCaptions', 'StoryTranscript', 'StoryOffline', 'defineElement'].filter((name) => typeof toolkit[name] === 'function'),
        upgraded: !!document.querySelector('story-player')?.shadowRoot,
      };
    }, TAGS);
    assert.deepEqual(result, { defined: [], classes: ['StoryPlayer', 'StoryScene', 'StoryCaptions', 'StoryTranscript', 'StoryOffline', 'defineElement'], upgraded: false });
    assert.deepEqual(errors, []);
    await page.close();
  });

});
