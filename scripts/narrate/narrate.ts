/**
 * npm run narrate [-- --manuscript story/manuscript.yaml --out .]
 *
 * Manuscript → speech (Festival) → one episode (WebM/Opus + MP3) → captions, descriptions,
 * chapters and story/timing.json. Everything is made in a temporary folder and checked; only when
 * every check passes are the files moved into place, so a failed run leaves the old story whole.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWebVTT } from '../../src/captions/webvtt.js';
import type { TimedStory } from '../../src/story/timed-story.js';
import { loadManuscript, STORY_MANUSCRIPT } from '../story/manuscript.js';
import { checkTimedStory } from './check.js';
import { decodedDuration, encode, FORMATS, type AudioFormat } from './encode.js';
import { assembleEpisode, normalizePeak, planEpisode } from './episode.js';
import { speak, type SpeechRequest } from './festival.js';
import { captionsVtt, chaptersVtt, descriptionsVtt, json, podcastChapters } from './outputs.js';
import { requireTools } from './tools.js';
import { readWav, writeWav } from './wav.js';
import { runAsScript } from '../cli.js';

export const OUTPUT_FILES = {
  webm: 'audio/episode.webm',
  mp3: 'audio/episode.mp3',
  captions: 'captions/captions.vtt',
  descriptions: 'captions/descriptions.vtt',
  chapters: 'captions/chapters.vtt',
  podcastChapters: 'captions/chapters.json',
  timing: 'story/timing.json',
} as const;

/** HTS speaking rate: the voice's own ~190 words a minute slowed toward a podcast pace. */
export const SPEAKING_RATE = 0.97;

export interface NarrateOptions {
  manuscript: string;
  /** Folder that receives audio/, captions/ and story/timing.json. */
  out: string;
  rate?: number;
  log?: (line: string) => void;
}

export interface NarrateResult {
  story: TimedStory;
  /** Files written, relative to `out`. */
  written: string[];
  seconds: { speech: number; total: number };
}

export async function narrate(options: NarrateOptions): Promise<NarrateResult> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  requireTools();
  const manuscript = loadManuscript(options.manuscript);
  const plan = planEpisode(manuscript);
  const out = resolve(options.out);
  await mkdir(join(out, '.tmp'), { recursive: true });
  const work = await mkdtemp(join(out, '.tmp', 'narrate-'));
  try {
    // 1. Speech: every sentence its own utterance and WAV.
    await mkdir(join(work, 'speech'));
    const requests: SpeechRequest[][] = [];
    let count = 0;
    for (const chapter of plan) {
      requests.push(chapter.sentences.map((sentence) => ({ tokens: sentence.tokens, wav: join(work, 'speech', `${String(++count).padStart(4, '0')}.wav`) })));
    }
    log(`speaking ${count} sentences…`);
    const speechBegan = performance.now();
    const times = await speak(requests.flat(), { rate: options.rate ?? SPEAKING_RATE, workDir: work });
    const speechSeconds = (performance.now() - speechBegan) / 1000;
    let next = 0;
    const spoken = await Promise.all(
      requests.map((chapter) =>
        Promise.all(
          chapter.map((request) => {
            const tokenTimes = times[next++]!; // taken in plan order, before any await
            return readWav(request.wav).then((pcm) => ({ pcm, times: tokenTimes }));
          }),
        ),
      ),
    );

    // 2. One episode, timed.
    const episode = assembleEpisode(plan, spoken);
    const wav = join(work, 'episode.wav');
    await writeWav(wav, normalizePeak(episode.pcm));
    const staged = join(work, 'out');
    for (const file of Object.values(OUTPUT_FILES)) await mkdir(dirname(join(staged, file)), { recursive: true });
    log(`encoding ${episode.duration.toFixed(1)} s of audio…`);
    const formats = Object.keys(FORMATS) as AudioFormat[];
    await Promise.all(formats.map((format) => encode(wav, join(staged, OUTPUT_FILES[format]), format)));
    const files = await Promise.all(
      formats.map(async (format) => {
        const path = join(staged, OUTPUT_FILES[format]);
        return {
          src: OUTPUT_FILES[format],
          type: FORMATS[format].type,
          bytes: (await stat(path)).size,
          duration: Math.round((await decodedDuration(path, episode.pcm.sampleRate)) * 1000) / 1000,
        };
      }),
    );
    const story: TimedStory = {
      version: 1,
      title: manuscript.title,
      language: manuscript.language,
      duration: episode.duration,
      files,
      intro: episode.intro,
      scenes: episode.scenes,
      close: episode.close,
    };

    // 3. Exports, then every check; nothing moves into place unless all pass.
    const imageOf = (file: string) => `story/images/generated/${basename(file, '.svg')}-artwork.jpg`;
    const texts: Record<string, string> = {
      [OUTPUT_FILES.captions]: captionsVtt(story),
      [OUTPUT_FILES.descriptions]: descriptionsVtt(story),
      [OUTPUT_FILES.chapters]: chaptersVtt(story),
      [OUTPUT_FILES.podcastChapters]: json(
        podcastChapters(story, { cover: imageOf('cover.svg'), scenes: manuscript.scenes.map((scene) => imageOf(scene.photo.file)) }),
      ),
      [OUTPUT_FILES.timing]: json(story),
    };
    const problems = checkTimedStory(story);
    for (const [file, text] of Object.entries(texts)) {
      if (!file.endsWith('.vtt')) continue;
      for (const error of parseWebVTT(text).errors) problems.push(`${file} line ${error.line}: ${error.message}`);
    }
    if (problems.length > 0) {
      throw new Error(`narration failed its checks; nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    for (const [file, text] of Object.entries(texts)) await writeFile(join(staged, file), text);

    const written = Object.values(OUTPUT_FILES);
    for (const file of written) {
      await mkdir(dirname(join(out, file)), { recursive: true });
      await rename(join(staged, file), join(out, file));
    }
    return { story, written, seconds: { speech: speechSeconds, total: (performance.now() - began) / 1000 } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      manuscript: { type: 'string', default: relative(process.cwd(), STORY_MANUSCRIPT) },
      out: { type: 'string', default: '.' },
      rate: { type: 'string' },
    },
  });
  const result = await narrate({
    manuscript: values.manuscript,
    out: values.out,
    rate: values.rate ? Number(values.rate) : undefined,
    log: (line) => console.log(line),
  });
  const { story } = result;
  const words = [story.intro, ...story.scenes, story.close].flatMap((c) => c.sentences).reduce((n, s) => n + s.words.length, 0);
  console.log(`episode: ${story.duration.toFixed(1)} s, ${words} words, ${((words / story.duration) * 60).toFixed(0)} words a minute`);
  for (const file of story.files) {
    console.log(`${file.src}: ${file.bytes} bytes, ${Math.round(file.bytes / (story.duration / 60))} bytes a minute, decodes to ${file.duration} s`);
  }
  console.log(`speech took ${result.seconds.speech.toFixed(1)} s; narrate took ${result.seconds.total.toFixed(1)} s`);
  console.log(`wrote ${result.written.join(', ')}`);
}

runAsScript(import.meta.url, main);
