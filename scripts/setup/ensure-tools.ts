/**
 * Run first by `npm test`: makes sure the Debian programs the tests use are installed. As root with
 * apt-get it installs what is missing (with recommends: Chromium needs its fonts); otherwise it prints
 * the one command that does, and fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runAsScript } from '../cli.js';

/** Debian's epubcheck 4.2.6, run with `java -jar` (its /usr/bin wrapper needs binfmt, which containers lack). */
export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

/**
 * The oldest Chromium the suite is known to pass on. Debian 12's main archive still has 150, whose
 * DevTools offline emulation does not survive a reload (`navigator.onLine` is true again, so the
 * offline tests see an online page); bookworm-security has 156, which `apt-get update` finds.
 */
export const CHROMIUM_FLOOR = 156;

/** The major version of the Chromium at `path`, or 0 when it cannot say. */
export function chromiumMajor(path: string): number {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/(\d+)\.\d+\.\d+/.exec(run.stdout ?? '')?.[1] ?? 0);
}

const CHROMIUM = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** What the tests run, and the Debian package that brings each. */
const NEEDS = [
  {
    what: `Chromium ${CHROMIUM_FLOOR} or later (browser tests)`,
    package: 'chromium',
    present: () => existsSync(CHROMIUM) && chromiumMajor(CHROMIUM) >= CHROMIUM_FLOOR,
  },
  { what: 'festival (English narration)', package: 'festival', present: () => onPath('festival') },
  { what: 'the Festival voice cmu_us_slt_arctic_hts', package: 'festvox-us-slt-hts', present: () => existsSync('/usr/share/festival/voices/us/cmu_us_slt_arctic_hts') },
  { what: 'espeak-ng (Spanish narration)', package: 'espeak-ng', present: () => onPath('espeak-ng') },
  { what: 'ffmpeg (encoding and decoding audio)', package: 'ffmpeg', present: () => onPath('ffmpeg') },
  { what: 'lame (MP3)', package: 'lame', present: () => onPath('lame') },
  { what: 'epubcheck (the talking books)', package: 'epubcheck', present: () => existsSync(EPUBCHECK_JAR) && onPath('java') },
] as const;

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The packages still missing. */
export function missingPackages(): string[] {
  return NEEDS.filter((need) => !need.present()).map((need) => need.package);
}

async function main(): Promise<void> {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(`The tests need ${NEEDS.filter((n) => missing.includes(n.package)).map((n) => n.what).join(', ')}. Install them with:\n  sudo sh -c '${command}'`);
  }
  console.log(`Installing the Debian packages the tests need: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`apt-get installed, but these are still missing: ${still.join(' ')}`);
}

runAsScript(import.meta.url, main);
