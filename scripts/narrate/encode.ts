/**
 * Encoding the episode for the web (WebM/Opus, with MP3 for browsers without Opus) and measuring
 * what each file really decodes to, sample by sample, not what its metadata claims.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FORMATS = {
  webm: { type: 'audio/webm; codecs=opus', kbps: 32 },
  mp3: { type: 'audio/mpeg', kbps: 40 },
} as const;
export type AudioFormat = keyof typeof FORMATS;

export async function encode(wav: string, out: string, format: AudioFormat): Promise<void> {
  const kbps = FORMATS[format].kbps;
  if (format === 'webm') {
    // bitexact: no encoder version or random ids in the container, so reruns give the same bytes.
    await run('ffmpeg', [
      '-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '48000',
      '-c:a', 'libopus', '-b:a', `${kbps}k`, '-vbr', 'on', '-application', 'audio',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'webm', out,
    ]);
  } else {
    // --abr keeps the LAME header that tells decoders the encoder delay: no start offset.
    await run('lame', ['--quiet', '--abr', String(kbps), '-m', 'm', '--noreplaygain', wav, out]);
  }
}

/** Decode a file completely and return its length in seconds at the given sample rate. */
export function decodedDuration(file: string, sampleRate: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytes = 0;
    let errors = '';
    ffmpeg.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => {
      if (code !== 0) reject(new Error(`ffmpeg could not decode ${file}: ${errors.trim() || `exit ${code}`}`));
      else resolve(bytes / 2 / sampleRate);
    });
  });
}
