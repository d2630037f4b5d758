/**
 * The package's `./react` entry: one `@lit/react` wrapper per element, written from
 * custom-elements.json into `src/react/index.ts` (committed, so that `tsc --noEmit` and eslint see
 * it and a diff shows what changed). Each `@event {Type} name` of an element becomes a typed prop
 * (`story-chapter-change` → `onStoryChapterChange`, `play` → `onPlay`).
 *
 * `npm run package` runs it after `package.ts`: when the wrappers were stale it rewrites them and
 * compiles lib/ again. `--check` only says whether they are stale (exit 1), writing nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsScript } from '../cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WRAPPERS_FILE = join(ROOT, 'src/react/index.ts');

interface Named {
  name: string;
}
interface ManifestEvent extends Named {
  type?: { text: string };
  description?: string;
}
interface ManifestDeclaration extends Named {
  kind?: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  events?: ManifestEvent[];
}
interface ManifestExport extends Named {
  kind: string;
  declaration?: { name: string; module?: string };
}
export interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[]; exports?: ManifestExport[] }[];
}

/** Event classes of the DOM itself: an event may name one of these instead of a class of ours. */
const DOM_EVENTS = new Set(['Event', 'CustomEvent', 'ErrorEvent', 'ProgressEvent']);
/** The module whose exports the wrappers import, as the manifest names it. */
const INDEX = 'lib/index.js';

/** The React prop for a DOM event name: `story-chapter-change` → `onStoryChapterChange`. */
export function eventPropName(event: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(event)) throw new Error(`event "${event}" is not a lowercase, kebab-case name: no React prop can be made for it`);
  return `on${event
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}`;
}

/** Every name the module at `path` exports, following `export *`. */
function exportedNames(manifest: Manifest, path: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(path)) return names;
  seen.add(path);
  const mod = manifest.modules.find((candidate) => candidate.path === path);
  for (const entry of mod?.exports ?? []) {
    if (entry.name === '*' && entry.declaration?.module) for (const name of exportedNames(manifest, entry.declaration.module, seen)) names.add(name);
    else names.add(entry.name);
  }
  return names;
}

/** A JSDoc block of `paragraphs`, each wrapped at 100 columns. */
function comment(paragraphs: string[]): string[] {
  const lines = paragraphs.flatMap((paragraph) =>
    paragraph.split(' ').reduce<string[]>((wrapped, word) => {
      const last = wrapped[wrapped.length - 1];
      if (last !== undefined && ` * ${last} ${word}`.length <= 100) wrapped[wrapped.length - 1] = `${last} ${word}`;
      else wrapped.push(word);
      return wrapped;
    }, []),
  );
  return ['/**', ...lines.map((line) => ` * ${line}`), ' */'];
}

/** The source of `src/react/index.ts` for `manifest`. Elements in tag order, events in the order their JSDoc lists them. */
export function reactWrappers(manifest: Manifest): string {
  const exported = exportedNames(manifest, INDEX);
  if (exported.size === 0) throw new Error(`custom-elements.json has no module ${INDEX} with exports: run the analyzer over src/index.ts`);
  const elements = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((declaration): declaration is ManifestDeclaration & { tagName: string } => !!declaration.customElement && !!declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  if (elements.length === 0) throw new Error('custom-elements.json declares no custom element');

  const eventTypes = new Set<string>();
  const blocks = elements.map((element) => {
    if (!exported.has(element.name)) throw new Error(`<${element.tagName}>: its class ${element.name} is not exported by src/index.ts`);
    const events = [...new Map((element.events ?? []).map((event) => [event.name, event])).values()];
    const props = events.map((event) => {
      const type = event.type?.text ?? 'Event';
      if (!/^[A-Za-z_$][\w$]*$/.test(type)) throw new Error(`<${element.tagName}> event "${event.name}": its type "${type}" is not one class name`);
      if (!exported.has(type) && !DOM_EVENTS.has(type)) throw new Error(`<${element.tagName}> event "${event.name}": its type ${type} is neither exported by src/index.ts nor a DOM event class`);
      if (!DOM_EVENTS.has(type)) eventTypes.add(type);
      return { prop: eventPropName(event.name), name: event.name, type };
    });
    const summary = (element.summary ?? '').replace(/\s+/g, ' ').trim();
    const eventList = props.length ? `Events: ${props.map((p) => `\`${p.prop}\` (${p.name})`).join(', ')}.` : 'No events.';
    return [
      ...comment([`\`<${element.tagName}>\` as a React component.${summary ? ` ${summary}` : ''}`, eventList]),
      `export const ${element.name} = /* @__PURE__ */ createComponent({`,
      `  tagName: '${element.tagName}',`,
      `  elementClass: ${element.name}Element,`,
      `  react: React,`,
      props.length ? `  events: {\n${props.map((p) => `    ${p.prop}: '${p.name}' as EventName<${p.type}>,`).join('\n')}\n  },` : `  events: {},`,
      `  displayName: '${element.name}',`,
      `});`,
      `export type ${element.name}Props = React.ComponentProps<typeof ${element.name}>;`,
    ].join('\n');
  });

  const classImports = elements.map((element) => `  ${element.name} as ${element.name}Element,`);
  return [
    `// Generated by scripts/package/react.ts from custom-elements.json: do not edit. \`npm run package\` rewrites it.`,
    `/**`,
    ` * React components for the toolkit's elements, made with \`@lit/react\`: properties are set as`,
    ` * properties, and each event the element documents is a typed \`on…\` prop. Importing this module`,
    ` * registers every tag (as \`define.js\` does).`,
    ` */`,
    `import * as React from 'react';`,
    `import { createComponent, type EventName } from '@lit/react';`,
    `import '../define.js';`,
    `import {\n${classImports.join('\n')}\n} from '../index.js';`,
    ...(eventTypes.size ? [`import type {\n${[...eventTypes].sort().map((type) => `  ${type},`).join('\n')}\n} from '../index.js';`] : []),
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
  const wanted = reactWrappers(manifest);
  const current = await readFile(WRAPPERS_FILE, 'utf8').catch(() => '');
  if (current === wanted) return;
  if (process.argv.includes('--check')) throw new Error('src/react/index.ts is stale against custom-elements.json: run npm run package and commit it');
  await writeFile(WRAPPERS_FILE, wanted);
  console.log('src/react/index.ts rewritten from custom-elements.json; compiling lib/ again');
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.package.json')], { cwd: ROOT, stdio: 'inherit' });
}

runAsScript(import.meta.url, main);
