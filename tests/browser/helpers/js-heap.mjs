// The JS heap of a page, measured through the Chrome DevTools Protocol, for the soaks (the js-heap
// and js-heap-kept commands of web-test-runner.config.mjs, and bench/soak.ts). Node-side: it takes
// a puppeteer CDPSession.

/**
 * Collects garbage (twice, so that what finalizers freed goes too) and answers the JS heap in use,
 * in bytes.
 * @param {import('puppeteer-core').CDPSession} cdp
 * @returns {Promise<number>}
 */
export async function jsHeapUsed(cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * The heap in use, then split by a heap snapshot (which collects garbage first) into
 * `{ used, code, kept }`: `code` is V8's compiled code (bytecode, JIT code, feedback, scope infos),
 * which grows while functions get hot and stops with the source; `kept` is the rest of the JS heap
 * (objects, closures, arrays, strings, shapes): what the page holds on to. Blink's own (native)
 * objects are in neither, as in `used`. `loaders` counts Blink's fetch loaders alive
 * (`blink::FetchManager::Loader`): one stays for every response whose body was never read or
 * cancelled. The page stands still for a second or so meanwhile.
 * @param {import('puppeteer-core').CDPSession} cdp
 * @returns {Promise<{ used: number, code: number, kept: number, loaders: number }>}
 */
export async function jsHeapKept(cdp) {
  const used = await jsHeapUsed(cdp);
  const chunks = [];
  const collect = ({ chunk }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [type, size, name] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.indexOf('name')];
  const loaderName = strings.indexOf('blink::FetchManager::Loader');
  let code = 0;
  let kept = 0;
  let loaders = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + name] === loaderName) loaders++;
    const kind = types[nodes[i + type]];
    if (kind === 'code') code += nodes[i + size];
    else if (kind !== 'native' && kind !== 'synthetic') kept += nodes[i + size];
  }
  return { used, code, kept, loaders };
}
