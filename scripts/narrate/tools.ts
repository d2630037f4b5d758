/** The programs narrate runs, and the Debian package that brings each when it is missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  { command: 'festival', package: 'festival' },
  { command: 'ffmpeg', package: 'ffmpeg' },
  { command: 'lame', package: 'lame' },
] as const;

export const VOICE_DIR = '/usr/share/festival/voices/us/cmu_us_slt_arctic_hts';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Throws one message naming every missing program and the apt-get line that installs them. */
export function requireTools(): void {
  const missing: string[] = [];
  const packages: string[] = [];
  for (const tool of TOOLS) {
    if (!onPath(tool.command)) {
      missing.push(tool.command);
      packages.push(tool.package);
    }
  }
  if (!existsSync(VOICE_DIR)) {
    missing.push(`the Festival voice cmu_us_slt_arctic_hts (${VOICE_DIR})`);
    packages.push('festvox-us-slt-hts');
  }
  if (missing.length > 0) {
    throw new Error(`narrate needs ${missing.join(', ')}. Install with:\n  sudo apt-get install ${packages.join(' ')}`);
  }
}
