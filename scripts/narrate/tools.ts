/** The programs narrate runs, and the Debian package that brings each when it is missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The encoders, whatever the language.
const TOOLS = [
  { command: 'ffmpeg', package: 'ffmpeg' },
  { command: 'lame', package: 'lame' },
] as const;

// Each language's speech engine. espeak-ng brings libespeak-ng1 and its voices, which espeak.ts loads.
const SPEECH_TOOLS: Record<string, readonly { command: string; package: string }[]> = {
  en: [{ command: 'festival', package: 'festival' }],
  es: [{ command: 'espeak-ng', package: 'espeak-ng' }],
};

export const VOICE_DIR = '/usr/share/festival/voices/us/cmu_us_slt_arctic_hts';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws one message naming every missing program and the apt-get line that installs them, for
 * narrating stories in `languages` (BCP 47 tags: "en", "es-MX").
 */
export function requireTools(languages: string[] = ['en']): void {
  const primary = [...new Set(languages.map((language) => language.toLowerCase().split('-')[0]!))];
  const unknown = primary.filter((language) => !SPEECH_TOOLS[language]);
  if (unknown.length > 0) {
    throw new Error(`no voice speaks ${unknown.map((l) => `"${l}"`).join(', ')}; narrate speaks ${Object.keys(SPEECH_TOOLS).join(' and ')}`);
  }
  const missing: string[] = [];
  const packages: string[] = [];
  for (const tool of [...primary.flatMap((language) => SPEECH_TOOLS[language]!), ...TOOLS]) {
    if (!onPath(tool.command)) {
      missing.push(tool.command);
      packages.push(tool.package);
    }
  }
  if (primary.includes('en') && !existsSync(VOICE_DIR)) {
    missing.push(`the Festival voice cmu_us_slt_arctic_hts (${VOICE_DIR})`);
    packages.push('festvox-us-slt-hts');
  }
  if (missing.length > 0) {
    throw new Error(`narrate needs ${missing.join(', ')}. Install with:\n  sudo apt-get install ${packages.join(' ')}`);
  }
}
