/**
 * `npm test` begins by making sure of the Debian programs the tests use, Chromium at a version the
 * suite passes on included: an older Chromium counts as missing, so that root gets it upgraded and
 * anyone else gets the command that does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLOOR, chromiumMajor, missingPackages } from '../../../scripts/setup/ensure-tools.js';

async function fakeBrowser(prints: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'browser-')), 'chromium');
  await writeFile(path, `#!/bin/sh\necho '${prints}'\n`);
  await chmod(path, 0o755);
  return path;
}

describe('the tools npm test makes sure of', () => {
  it('reads Chromium’s major version from what it prints', async () => {
    assert.equal(chromiumMajor(await fakeBrowser('Chromium 150.0.7871.100 built on Debian GNU/Linux 12 (bookworm)')), 150);
    assert.equal(chromiumMajor(await fakeBrowser('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)')), 156);
  });

  it('counts a browser that prints no version, or none at all, as version 0', async () => {
    assert.equal(chromiumMajor(await fakeBrowser('no version here')), 0);
    assert.equal(chromiumMajor(join(tmpdir(), 'no-such-browser')), 0);
  });

  it('counts a Chromium older than the floor as missing, and one at the floor as present', async () => {
    const missingWith = async (version: string) => {
      const browser = await fakeBrowser(`Chromium ${version} built on Debian GNU/Linux 12 (bookworm)`);
      const script = "import('./scripts/setup/ensure-tools.ts').then((m) => console.log(JSON.stringify(m.missingPackages())))";
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, CHROME_PATH: browser }, encoding: 'utf8' });
      return (JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[]).includes('chromium');
    };
    assert.equal(await missingWith(`${CHROMIUM_FLOOR - 6}.0.7871.100`), true);
    assert.equal(await missingWith(`${CHROMIUM_FLOOR}.0.8078.114`), false);
  });

  it('finds nothing missing on this machine, where the suite runs: Chromium is at least the floor', () => {
    assert.deepEqual(missingPackages(), []);
    assert.ok(chromiumMajor(process.env['CHROME_PATH'] ?? '/usr/bin/chromium') >= CHROMIUM_FLOOR);
  });
});
