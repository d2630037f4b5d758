/**
 * npm run caption-fit [-- stories/<id> …] — how exactly the captions fit the speech, for every story
 * and both of its audio files: for every sentence cue, the audio
 * level (RMS, dBFS) in the 100 ms after the cue starts against the 100 ms before it, measured on the
 * decoded episode file. Speech should begin at the cue: silence before, voice after.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chaptersOf, type TimedStory } from '../../src/story/timed-story.js';
import { runAsScript } from '../cli.js';
import { STORY_FILES, storyFolders } from '../story/paths.js';

export const WINDOW = 0.1;
const RATE = 16000;

/** Decode an audio file to mono 16 kHz samples in [-1, 1]. */
export function decode(file: string): Promise<Float32Array> {
  return new Promise((done, fail) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(RATE), '-f', 's16le', '-'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    ffmpeg.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    ffmpeg.on('error', fail);
    ffmpeg.on('close', (code) => {
      if (code !== 0) return fail(new Error(`ffmpeg could not decode ${file}`));
      const bytes = Buffer.concat(chunks);
      const samples = new Float32Array(bytes.length >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2) / 32768;
      done(samples);
    });
  });
}

function levelDb(samples: Float32Array, from: number, to: number): number {
  const start = Math.max(0, Math.round(from * RATE));
  const end = Math.min(samples.length, Math.round(to * RATE));
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i]! ** 2;
  const rms = Math.sqrt(sum / Math.max(1, end - start));
  return 20 * Math.log10(Math.max(rms, 1e-6));
}

export interface CueFit {
  id: string;
  before: number;
  after: number;
}

export async function captionFit(story: TimedStory, audioFile: string): Promise<CueFit[]> {
  const samples = await decode(audioFile);
  return chaptersOf(story)
    .flatMap((chapter) => chapter.sentences)
    .map((sentence) => ({
      id: sentence.id,
      before: levelDb(samples, sentence.start - WINDOW, sentence.start),
      after: levelDb(samples, sentence.start, sentence.start + WINDOW),
    }));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  for (const folder of storyFolders(process.argv.slice(2))) {
    const story = JSON.parse(await readFile(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
    for (const file of story.files) {
      const fits = await captionFit(story, join(folder, file.src));
      const gains = fits.map((fit) => fit.after - fit.before);
      console.log(
        `${basename(folder)}/${file.src}: ${fits.length} cues; level before cue start median ${median(fits.map((f) => f.before)).toFixed(1)} dBFS, ` +
          `after ${median(fits.map((f) => f.after)).toFixed(1)} dBFS; rise median ${median(gains).toFixed(1)} dB, ` +
          `smallest ${Math.min(...gains).toFixed(1)} dB (${fits[gains.indexOf(Math.min(...gains))]!.id})`,
      );
    }
  }
}

runAsScript(import.meta.url, main);
