/**
 * The `./react` entry is written from custom-elements.json by scripts/package/react.ts and
 * committed as src/react/index.ts: it must be what the generator makes of a manifest made afresh
 * from the sources, so an element's new or renamed event cannot ship without its prop.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventPropName, reactWrappers, WRAPPERS_FILE, type Manifest } from '../../../scripts/package/react.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function freshManifest(): Promise<Manifest> {
  // The analyzer writes to its working folder joined with --outdir, so the path goes relative.
  const out = await mkdtemp(join(tmpdir(), 'react-manifest-'));
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet', '--outdir', relative(ROOT, out)], { cwd: ROOT, stdio: 'pipe' });
    return JSON.parse(await readFile(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The smallest manifest with one element, its class exported from lib/index.js, and `events`. */
function oneElement(events: { name: string; type?: { text: string } }[], exported: string[] = ['StoryThing']): Manifest {
  return {
    modules: [
      { path: 'lib/story-thing/story-thing.js', declarations: [{ kind: 'class', name: 'StoryThing', tagName: 'story-thing', customElement: true, events }] },
      { path: 'lib/index.js', exports: exported.map((name) => ({ kind: 'js', name })) },
    ],
  };
}

describe('the React wrappers (./react)', () => {
  it('are what the generator makes of the manifest of today’s sources (else: npm run package, and commit src/react/index.ts)', async () => {
    const committed = await readFile(WRAPPERS_FILE, 'utf8');
    assert.equal(committed, reactWrappers(await freshManifest()));
  });

  it('name each event’s prop in React’s way', () => {
    assert.equal(eventPropName('play'), 'onPlay');
    assert.equal(eventPropName('story-chapter-change'), 'onStoryChapterChange');
    assert.equal(eventPropName('story-offline-update-available'), 'onStoryOfflineUpdateAvailable');
    assert.throws(() => eventPropName('storyChange'), /not a lowercase, kebab-case name/);
  });

  it('type each event prop with the event class the JSDoc names, imported from the package', () => {
    const source = reactWrappers(oneElement([{ name: 'story-thing-change', type: { text: 'StoryThingChangeEvent' } }, { name: 'play', type: { text: 'Event' } }], ['StoryThing', 'StoryThingChangeEvent']));
    assert.match(source, /onStoryThingChange: 'story-thing-change' as EventName<StoryThingChangeEvent>,/);
    assert.match(source, /onPlay: 'play' as EventName<Event>,/);
    assert.match(source, /import type \{\n {2}StoryThingChangeEvent,\n\} from '\.\.\/index\.js';/);
    assert.match(source, /export const StoryThing = \/\* @__PURE__ \*\/ createComponent\(\{\n {2}tagName: 'story-thing',\n {2}elementClass: StoryThingElement,/);
  });

  it('refuse an event whose class the package does not export, naming the element and the event', () => {
    assert.throws(() => reactWrappers(oneElement([{ name: 'story-thing-change', type: { text: 'StoryThingChangeEvent' } }])), /<story-thing> event "story-thing-change": its type StoryThingChangeEvent is neither exported by src\/index\.ts nor a DOM event class/);
  });
});
