/**
 * npx tsx scripts/narrate/pitch.ts [stories/<id> …]
 *
 * How far apart the two voices sound: the median pitch (fundamental frequency) of the narration
 * and of the audio descriptions, measured on the episode as listeners get it (the WebM decoded by
 * ffmpeg), over the times the timed story gives each kind of sentence.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SentenceKind, TimedStory, TimeRange } from '../../src/story/timed-story.js';
import { chaptersOf } from '../../src/story/timed-story.js';
import { runAsScript } from '../cli.js';
import { STORY_FILES, storyFolders } from '../story/paths.js';

/** Pitch is measured at 8 kHz, in 40 ms frames every 20 ms, between 60 and 400 Hz. */
const RATE = 8000;
const FRAME = 320;
const HOP = 160;
const LOWEST = 60;
const HIGHEST = 400;

/** The audio file decoded to mono samples at RATE. */
export function decode(file: string): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let errors = '';
    ffmpeg.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ffmpeg could not decode ${file}: ${errors.trim()}`));
      const bytes = Buffer.concat(chunks);
      resolve(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice());
    });
  });
}

/** The pitch of one frame in Hz by autocorrelation, or null when it is unvoiced or quiet. */
function framePitch(samples: Float32Array, at: number): number | null {
  let mean = 0;
  for (let i = 0; i < FRAME; i++) mean += samples[at + i]!;
  mean /= FRAME;
  const x = new Float32Array(FRAME);
  let energy = 0;
  for (let i = 0; i < FRAME; i++) {
    x[i] = samples[at + i]! - mean;
    energy += x[i]! * x[i]!;
  }
  if (Math.sqrt(energy / FRAME) < 0.02) return null;
  let best = 0;
  let bestLag = 0;
  for (let lag = Math.floor(RATE / HIGHEST); lag <= Math.ceil(RATE / LOWEST); lag++) {
    let sum = 0;
    for (let i = 0; i + lag < FRAME; i++) sum += x[i]! * x[i + lag]!;
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  // Voiced only when the period explains most of the frame.
  return bestLag > 0 && best > 0.4 * energy ? RATE / bestLag : null;
}

/** The median pitch in Hz over `ranges` (seconds) of `samples`, and how many voiced frames it is of. */
export function medianPitch(samples: Float32Array, ranges: readonly TimeRange[]): { hz: number; frames: number } {
  const pitches: number[] = [];
  for (const range of ranges) {
    const end = Math.min(samples.length - FRAME, Math.floor(range.end * RATE) - FRAME);
    for (let at = Math.floor(range.start * RATE); at <= end; at += HOP) {
      const pitch = framePitch(samples, at);
      if (pitch !== null) pitches.push(pitch);
    }
  }
  pitches.sort((a, b) => a - b);
  return { hz: pitches.length ? pitches[Math.floor(pitches.length / 2)]! : NaN, frames: pitches.length };
}

/** Semitones from `from` to `to` (negative: lower). */
export const semitones = (from: number, to: number): number => 12 * Math.log2(to / from);

/** The median pitch of each kind of sentence in a story's episode. */
export async function voicePitches(story: TimedStory, audioFile: string): Promise<Record<'narration' | 'description', { hz: number; frames: number }>> {
  const samples = await decode(audioFile);
  const sentences = chaptersOf(story).flatMap((chapter) => chapter.sentences);
  const of = (kind: SentenceKind) => sentences.filter((s) => s.kind === kind);
  return { narration: medianPitch(samples, of('narration')), description: medianPitch(samples, of('description')) };
}

async function main(): Promise<void> {
  for (const folder of storyFolders(process.argv.slice(2))) {
    const story = JSON.parse(await readFile(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
    const { narration, description } = await voicePitches(story, join(folder, STORY_FILES.audio.webm));
    console.log(
      `${story.id}: narration ${narration.hz.toFixed(0)} Hz (${narration.frames} voiced frames), descriptions ${description.hz.toFixed(0)} Hz (${description.frames}): ${semitones(narration.hz, description.hz).toFixed(1)} semitones`,
    );
  }
}

runAsScript(import.meta.url, main);
