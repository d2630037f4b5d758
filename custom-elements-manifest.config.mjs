// @custom-elements-manifest/analyzer: custom-elements.json from the elements' JSDoc (npm run manifest).

/** Each element names its tag in `static readonly tagName`; `defineElement` registers it under that. */
function tagNameFromStatic() {
  return {
    name: 'tag-name-from-static',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const field = declaration.members?.find((m) => m.kind === 'field' && m.static && m.name === 'tagName');
          const tag = field?.default?.match(/^['"]([a-z][a-z0-9-]*-[a-z0-9-]*)['"]$/)?.[1];
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: mod.path } }];
        }
      }
    },
  };
}

/**
 * Only the public API, and events as the class JSDoc lists them (`@event {Type} name - …`). The analyzer also guesses events
 * from `dispatchEvent(new SomeEvent(…))`, taking the first argument for the name (`failure`,
 * `message`) or none at all; every event an element sends is in its JSDoc, so the guesses go.
 */
function publicApi() {
  return {
    name: 'public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          // An embedder's manifest: what they can use, not the element's private fields (#…).
          if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#'));
        }
      }
    },
  };
}

/** Module paths as the package ships them (lib/….js), not the sources the analyzer read. */
function packagePaths() {
  const toLib = (path) => path.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
  return {
    name: 'package-paths',
    packageLinkPhase({ customElementsManifest }) {
      const visit = (value) => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value)) {
          if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = toLib(child);
          else visit(child);
        }
      };
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  // What an embedder imports: the entries, the elements, their events, contexts and vocabulary (not
  // the elements' inner controllers, nor the dictionaries' every term).
  globs: ['src/index.ts', 'src/define.ts', 'src/shared/define-element.ts', 'src/player-state/*.ts', 'src/story-*/story-*.ts', 'src/story-*/define.ts', 'src/story-offline/events.ts', 'src/i18n/index.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json names the manifest itself; the analyzer would write its own outdir there.
  packagejson: false,
  plugins: [tagNameFromStatic(), publicApi(), packagePaths()],
};
