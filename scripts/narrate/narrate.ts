/**
 * npm run narrate [-- stories/<id> …] [--rate N]
 *
 * Manuscript → speech (the language's voice) → one episode (WebM/Opus + MP3) and the timed story,
 * `timing.json`: the one source the build renders every view from. Narrate writes nothing else.
 * Everything is made in a temporary folder and checked; only when every check passes are the
 * files moved into place, so a failed run leaves the old story whole.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TIMED_STORY_VERSION, type PictureFile, type TimedScene, type TimedStory } from '../../src/story/timed-story.js';
import { checkTimedStory } from '../../src/story/check-timed-story.js';
import { loadManuscript, type Manuscript } from '../story/manuscript.js';
import { STORY_FILES, storyFolders } from '../story/paths.js';
import { readPictureFile } from '../story/pictures.js';
import { runAsScript } from '../cli.js';
import { descriptionRate, giveDescriptionVoice } from './description-voice.js';
import { decodedDuration, encode, FORMATS, type AudioFormat } from './encode.js';
import { assembleEpisode, normalizePeak, planEpisode, type AssembledEpisode, type PlannedSentence } from './episode.js';
import type { SpeechRequest, TokenTimes } from './festival.js';
import { requireTools } from './tools.js';
import { voiceFor, type Voice } from './voices.js';
import { readWav, writeWav } from './wav.js';

/** Everything narrate writes, relative to the story's folder. */
export const NARRATED_FILES = [STORY_FILES.audio.webm, STORY_FILES.audio.mp3, STORY_FILES.timing] as const;

export interface NarrateOptions {
  /** The story's folder: `stories/<id>/`, holding manuscript.yaml and its pictures. */
  story: string;
  /** Folder that receives audio/ and timing.json; the story's folder by default. */
  out?: string;
  /** The voice's speaking rate, when not its own. */
  rate?: number;
  log?: (line: string) => void;
}

export interface NarrateResult {
  story: TimedStory;
  /** Files written, relative to `out`. */
  written: string[];
  seconds: { speech: number; total: number };
}

const pictureFile = (folder: string, file: string): Promise<PictureFile> => readPictureFile(join(folder, file), file);

/** The timed story: the manuscript's words and pictures joined to the episode's times. */
async function timedStory(manuscript: Manuscript, folder: string, episode: AssembledEpisode, files: TimedStory['files']): Promise<TimedStory> {
  const scenes = await Promise.all(
    episode.scenes.map(async (scene, index): Promise<TimedScene> => {
      const written = manuscript.scenes[index]!;
      const { kind = manuscript.pictures.kind, ...texts } = written.picture;
      return { ...scene, sceneId: written.id, picture: { ...(await pictureFile(folder, texts.file)), kind, alt: texts.alt, caption: texts.caption, credit: texts.credit } };
    }),
  );
  return {
    version: TIMED_STORY_VERSION,
    id: manuscript.id,
    title: manuscript.title,
    ...(manuscript.subtitle ? { subtitle: manuscript.subtitle } : {}),
    language: manuscript.language,
    summary: manuscript.summary.replace(/\s+/g, ' ').trim(),
    pictures: { ...manuscript.pictures, ...(manuscript.pictures.standInNote ? { standInNote: manuscript.pictures.standInNote.replace(/\s+/g, ' ').trim() } : {}) },
    credits: manuscript.credits,
    sources: manuscript.sources.map((source) => source.replace(/\s+/g, ' ').trim()),
    ...(manuscript.published ? { published: manuscript.published } : {}),
    ...(manuscript.category ? { category: manuscript.category } : {}),
    ...(manuscript.cover ? { cover: await pictureFile(folder, manuscript.cover) } : {}),
    duration: episode.duration,
    files,
    intro: episode.intro,
    scenes,
    close: episode.close,
  };
}

/**
 * Speaks every sentence, in plan order: the narration and announcements at the story's rate, the
 * descriptions in the description voice (description-voice.ts), each batch with one load of the
 * voice. Returns each sentence's token times.
 */
async function speakAll(voice: Voice, sentences: PlannedSentence[], requests: SpeechRequest[], options: { workDir: string; rate: number }): Promise<TokenTimes[]> {
  const isDescription = (index: number): boolean => sentences[index]?.kind === 'description';
  const pick = (description: boolean) => requests.filter((_, index) => isDescription(index) === description);
  const told = await voice.speak(pick(false), options);
  const described = pick(true).length ? await voice.speak(pick(true), { ...options, rate: descriptionRate(options.rate) }) : [];
  const lowered = await Promise.all(pick(true).map((request, index) => giveDescriptionVoice(request.wav, described[index]!)));
  let [t, d] = [0, 0];
  return requests.map((_, index) => (isDescription(index) ? lowered[d++]! : told[t++]!));
}

export async function narrate(options: NarrateOptions): Promise<NarrateResult> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const folder = resolve(options.story);
  const manuscript = loadManuscript(join(folder, STORY_FILES.manuscript));
  requireTools([manuscript.language]);
  const voice = voiceFor(manuscript.language);
  const plan = planEpisode(manuscript, voice.fold);
  const out = resolve(options.out ?? folder);
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
    log(`${manuscript.id}: speaking ${count} sentences (${voice.label})…`);
    const speechBegan = performance.now();
    const times = await speakAll(voice, plan.flatMap((chapter) => chapter.sentences), requests.flat(), { workDir: work, rate: options.rate ?? voice.rate });
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

    // 2. One episode, timed, encoded.
    const episode = assembleEpisode(plan, spoken);
    const wav = join(work, 'episode.wav');
    await writeWav(wav, normalizePeak(episode.pcm));
    const staged = join(work, 'out');
    for (const file of NARRATED_FILES) await mkdir(dirname(join(staged, file)), { recursive: true });
    log(`${manuscript.id}: encoding ${episode.duration.toFixed(1)} s of audio…`);
    const formats = Object.keys(FORMATS) as AudioFormat[];
    await Promise.all(formats.map((format) => encode(wav, join(staged, STORY_FILES.audio[format]), format)));
    const files = await Promise.all(
      formats.map(async (format) => {
        const path = join(staged, STORY_FILES.audio[format]);
        return {
          src: STORY_FILES.audio[format],
          type: FORMATS[format].type,
          bytes: (await stat(path)).size,
          duration: Math.round((await decodedDuration(path, episode.pcm.sampleRate)) * 1000) / 1000,
        };
      }),
    );
    const story = await timedStory(manuscript, folder, episode, files);

    // 3. Every check; nothing moves into place unless all pass.
    const problems = checkTimedStory(story);
    if (problems.length > 0) {
      throw new Error(`narration failed its checks; nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    await writeFile(join(staged, STORY_FILES.timing), `${JSON.stringify(story, null, 2)}\n`);
    for (const file of NARRATED_FILES) {
      await mkdir(dirname(join(out, file)), { recursive: true });
      await rename(join(staged, file), join(out, file));
    }
    return { story, written: [...NARRATED_FILES], seconds: { speech: speechSeconds, total: (performance.now() - began) / 1000 } };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(join(out, '.tmp'), { recursive: true, force: true }).catch(() => {});
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { rate: { type: 'string' } }, allowPositionals: true });
  for (const folder of storyFolders(positionals)) {
    const result = await narrate({ story: folder, rate: values.rate ? Number(values.rate) : undefined, log: (line) => console.log(line) });
    const { story } = result;
    const words = [story.intro, ...story.scenes, story.close].flatMap((c) => c.sentences).reduce((n, s) => n + s.words.length, 0);
    console.log(`${story.id}: ${story.duration.toFixed(1)} s, ${words} words, ${((words / story.duration) * 60).toFixed(0)} words a minute`);
    for (const file of story.files) {
      console.log(`  ${file.src}: ${file.bytes} bytes, ${Math.round(file.bytes / (story.duration / 60))} bytes a minute, decodes to ${file.duration} s`);
    }
    console.log(`  speech took ${result.seconds.speech.toFixed(1)} s; narrate took ${result.seconds.total.toFixed(1)} s`);
    console.log(`  wrote ${result.written.map((file) => relative(process.cwd(), join(folder, file))).join(', ')}`);
  }
}

runAsScript(import.meta.url, main);
