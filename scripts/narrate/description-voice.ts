/**
 * The description voice: audio descriptions are spoken apart from the narration (BBC and ACB
 * description practice), in every language by the same rule — the language's own voice, played
 * lower. Each description sentence is spoken faster by DESCRIPTION_PITCH's inverse, then its
 * samples are played at DESCRIPTION_PITCH of their rate (a pure resampling, as a slowed tape): the
 * pitch and the formants fall by about four semitones, a deeper and different-sounding speaker, and
 * the tempo comes back to the narration's. Resampling stretches every time by one exact factor, so
 * the engine's own word times stay exact once scaled by it.
 */
import { execFile } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { TokenTimes } from './festival.js';
import { readWav } from './wav.js';

const run = promisify(execFile);

/** Pitch of the descriptions against the narration: 0.8 is about four semitones lower. */
export const DESCRIPTION_PITCH = 0.8;

/** The engine's rate for description sentences: faster, so that once lowered they keep the story's tempo. */
export const descriptionRate = (storyRate: number): number => storyRate / DESCRIPTION_PITCH;

/** Gives the WAV at `wav` the description voice, in place; returns its word times on the new length. */
export async function giveDescriptionVoice(wav: string, times: TokenTimes): Promise<TokenTimes> {
  const before = await readWav(wav);
  const lowered = `${wav}.description.wav`;
  const rate = before.sampleRate;
  try {
    await run('ffmpeg', [
      '-v', 'error', '-y', '-i', wav,
      '-af', `asetrate=${Math.round(rate * DESCRIPTION_PITCH)},aresample=${rate}`,
      '-c:a', 'pcm_s16le', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', lowered,
    ]);
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`ffmpeg could not give ${wav} the description voice: ${message}`);
  }
  await rename(lowered, wav);
  const after = await readWav(wav);
  const stretch = after.samples.length / before.samples.length;
  const scale = (seconds: number): number => Math.round(seconds * stretch * 1e6) / 1e6;
  return times.map((time) => (time ? { start: scale(time.start), end: scale(time.end) } : null));
}
