/**
 * The README's component reference and custom-elements.json tell the same API: every attribute,
 * property, method, event, slot, part and CSS property the manifest has is in the README's section
 * for that element, and every attribute, event, slot, part and CSS property the README's tables
 * name is in the manifest. The manifest is made afresh from the sources for the test.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TAGS = ['story-player', 'story-scene', 'story-captions', 'story-transcript', 'story-offline'];

interface Named {
  name: string;
}
interface Member extends Named {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
}
interface ElementDeclaration extends Named {
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: ElementDeclaration[]; exports?: { kind: string; name: string }[] }[];
}

/** One element's API, as names. Slots are named `''` for the default slot. */
interface Api {
  attributes: Set<string>;
  events: Set<string>;
  slots: Set<string>;
  parts: Set<string>;
  cssProperties: Set<string>;
}

const names = (list: Named[] | undefined): Set<string> => new Set((list ?? []).map((item) => item.name));

function manifestApi(element: ElementDeclaration): Api & { properties: Set<string>; methods: Set<string> } {
  const isPublic = (member: Member): boolean => !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');
  const members = (element.members ?? []).filter(isPublic);
  return {
    attributes: names(element.attributes),
    properties: names(members.filter((m) => m.kind === 'field')),
    methods: names(members.filter((m) => m.kind === 'method')),
    events: names(element.events),
    slots: names(element.slots),
    parts: names(element.cssParts),
    cssProperties: names(element.cssProperties),
  };
}

/** The README's section for a tag: from its `### \`<tag>\`` heading to the next heading of that level or above. */
function section(readme: string, tag: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(`### \`<${tag}>\``);
  assert.notEqual(start, -1, `README has no "### \`<${tag}>\`" section`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,3} /.test(line));
  return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * The names in the section's tables, by the table's first header cell: `attribute`, `event`,
 * `slot`, `part`, `CSS custom property`. A row may name several (`start`, `end`); `(default)` is
 * the default slot.
 */
function readmeApi(text: string): Api & { attributeProperties: Set<string> } {
  const api = { attributes: new Set<string>(), attributeProperties: new Set<string>(), events: new Set<string>(), slots: new Set<string>(), parts: new Set<string>(), cssProperties: new Set<string>() };
  const tables: string[][] = [];
  let previous = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) (previous.startsWith('|') ? tables.at(-1)! : tables[tables.push([]) - 1]!).push(line);
    previous = line;
  }
  const byHeader: Record<string, Set<string>> = { attribute: api.attributes, event: api.events, slot: api.slots, part: api.parts, 'css custom property': api.cssProperties };
  for (const table of tables) {
    const rows = table.map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
    const kind = rows[0]?.[0]?.toLowerCase() ?? '';
    const target = byHeader[kind];
    if (!target) continue;
    for (const row of rows.slice(2)) {
      const first = row[0] ?? '';
      if (kind === 'slot' && first === '(default)') target.add('');
      for (const name of codeSpans(first)) target.add(name);
      if (kind === 'attribute') for (const name of codeSpans(row[1] ?? '')) api.attributeProperties.add(name);
    }
  }
  return api;
}

const missing = (from: Set<string>, inside: Set<string>): string[] => [...from].filter((name) => !inside.has(name)).map((name) => name || '(default)');

describe('custom-elements.json and the README component reference', () => {
  let elements: Map<string, ElementDeclaration>;
  let readme: string;

  before(async () => {
    // The analyzer writes to its working folder joined with --outdir, so the path goes relative.
    const out = await mkdtemp(join(tmpdir(), 'manifest-'));
    execFileSync(join(ROOT, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet', '--outdir', relative(ROOT, out)], { cwd: ROOT, stdio: 'pipe' });
    const manifest = JSON.parse(await readFile(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
    elements = new Map();
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? []) if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    }
    readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  });

  it('describes the five elements, each under its tag, with its tag defined by its module', () => {
    assert.deepEqual([...elements.keys()].sort(), [...TAGS].sort());
    assert.equal(elements.get('story-player')?.name, 'StoryPlayer');
  });

  it('names every event with its type, and no event without a name', () => {
    for (const [tag, element] of elements) {
      for (const event of element.events ?? []) {
        assert.ok(event.name, `${tag}: an event without a name`);
        assert.ok((event as { type?: { text?: string } }).type?.text, `${tag}: event ${event.name} has no type (@event {Type} name)`);
      }
    }
  });

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('the README has everything the manifest has', () => {
        const text = section(readme, tag);
        const fromManifest = manifestApi(elements.get(tag)!);
        const fromReadme = readmeApi(text);
        const spans = new Set(codeSpans(text).map((span) => span.replace(/\(.*$/, '')));
        assert.deepEqual(missing(fromManifest.attributes, fromReadme.attributes), [], 'attributes missing from the README table');
        assert.deepEqual(missing(fromManifest.properties, spans), [], 'properties the README never names');
        assert.deepEqual(missing(fromManifest.methods, spans), [], 'methods the README never names');
        assert.deepEqual(missing(fromManifest.events, fromReadme.events), [], 'events missing from the README table');
        assert.deepEqual(missing(fromManifest.slots, fromReadme.slots), [], 'slots missing from the README table');
        assert.deepEqual(missing(fromManifest.parts, fromReadme.parts), [], 'parts missing from the README table');
        assert.deepEqual(missing(fromManifest.cssProperties, fromReadme.cssProperties), [], 'CSS properties missing from the README table');
      });

      it('the manifest has every attribute, event, slot, part and CSS property the README lists', () => {
        const fromManifest = manifestApi(elements.get(tag)!);
        const fromReadme = readmeApi(section(readme, tag));
        assert.deepEqual(missing(fromReadme.attributes, fromManifest.attributes), [], 'attributes the manifest does not have');
        assert.deepEqual(missing(fromReadme.attributeProperties, fromManifest.properties), [], 'properties (of attributes) the manifest does not have');
        assert.deepEqual(missing(fromReadme.events, fromManifest.events), [], 'events the manifest does not have');
        assert.deepEqual(missing(fromReadme.slots, fromManifest.slots), [], 'slots the manifest does not have');
        assert.deepEqual(missing(fromReadme.parts, fromManifest.parts), [], 'parts the manifest does not have');
        assert.deepEqual(missing(fromReadme.cssProperties, fromManifest.cssProperties), [], 'CSS properties the manifest does not have');
      });
    });
  }
});
