// Browser tests in Debian's Chromium with real audio (see ../shared/PLATFORM.md).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { a11ySnapshotPlugin, emulateMediaPlugin, sendKeysPlugin, sendMousePlugin, setViewportPlugin } from '@web/test-runner-commands/plugins';
import rollupCommonjs from '@rollup/plugin-commonjs';
import range from 'koa-range';
import { fileURLToPath } from 'node:url';
import { faultBefore, faultFile } from './tests/browser/fault-injection.mjs';
import { jsHeapKept, jsHeapUsed } from './tests/browser/helpers/js-heap.mjs';

const commonjs = fromRollup(rollupCommonjs);

/**
 * `executeServerCommand('js-heap')`: collects garbage through the Chrome DevTools Protocol (twice,
 * so that what finalizers freed goes too) and answers the page's JS heap in use, in bytes (the
 * soak's measure: tests/browser/story-player.soak.test.ts).
 *
 * `executeServerCommand('js-heap-kept')`: the same heap split by a heap snapshot into
 * `{ used, code, kept }`: `kept` is the JS heap without V8's compiled code, what the page holds on
 * to (tests/browser/helpers/js-heap.mjs, shared with bench/soak.ts).
 */
function jsHeapPlugin() {
  const sessions = new Map();
  return {
    name: 'js-heap-command',
    async executeCommand({ command, session }) {
      if (command !== 'js-heap' && command !== 'js-heap-kept') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      return command === 'js-heap' ? jsHeapUsed(cdp) : jsHeapKept(cdp);
    },
  };
}

export default {
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  // One test page at a time: Chromium defers loading media in a page that is not in front, so a
  // second page playing at the same time stalls at random.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 240000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
      },
    }),
  ],
  // Without Range support media cannot seek (Ogg/WebM report Infinity, MP3 seeks never finish).
  // Paths under /fault/ are served with a fault (slow, hung, dead, cut, truncated, 404): see the file.
  middleware: [faultBefore, range, faultFile],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    commonjs({ include: /node_modules\/howler\//, strictRequires: false }),
    a11ySnapshotPlugin(),
    sendKeysPlugin(),
    sendMousePlugin(),
    setViewportPlugin(),
    emulateMediaPlugin(),
    jsHeapPlugin(),
  ],
};
