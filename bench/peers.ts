/**
 * What the bench compares with, installed at bench time into a cache folder outside the package
 * (node_modules/.cache/listen-bench): media-chrome and Plyr for weight, media-captions for
 * parsing, Lighthouse for the page audits. Not devDependencies: every `npm ci` would fetch
 * Lighthouse (about 150 packages) for a command that runs by hand.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../scripts/size/measure.js';

export const PEERS_DIR = join(ROOT, 'node_modules/.cache/listen-bench');

/** Exact versions, so that a figure's baseline does not move between runs without a commit. */
export const PEERS = {
  'media-chrome': '4.19.4',
  plyr: '3.8.4',
  'media-captions': '1.0.4',
  lighthouse: '12.2.3',
} as const;

export type Peer = keyof typeof PEERS;

/** The folder holding `node_modules/<peer>` for each peer asked for, installed with npm when missing. */
export async function ensurePeers(names: readonly Peer[] = Object.keys(PEERS) as Peer[]): Promise<string> {
  const missing = names.filter((name) => !existsSync(join(PEERS_DIR, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return PEERS_DIR;
  await mkdir(PEERS_DIR, { recursive: true });
  if (!existsSync(join(PEERS_DIR, 'package.json'))) await writeFile(join(PEERS_DIR, 'package.json'), '{ "name": "listen-bench-peers", "private": true }\n');
  const specs = missing.map((name) => `${name}@${PEERS[name]}`);
  console.error(`bench: installing ${specs.join(', ')} into ${PEERS_DIR}`);
  await promisify(execFile)('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error', ...specs], { maxBuffer: 16 * 2 ** 20 });
  return PEERS_DIR;
}
