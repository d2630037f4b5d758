/**
 * The episode plan and its assembly: which sentences are spoken in which order, the pauses
 * between them, and — once Festival has spoken them — one PCM track with the exact time of every
 * chapter, description range, sentence and word.
 */
import type { Manuscript } from '../story/manuscript.js';
import { fullTitle, type SentenceKind, type TimedChapter, type TimedScene, type TimedSentence, type TimedWord, type TimeRange } from '../../src/story/timed-story.js';
import { storyLanguage } from '../story/languages.js';
import { foldWord, isSpoken, sentencesOf, writtenWords } from './speech-text.js';
import type { TokenTimes } from './festival.js';
import type { Pcm } from './wav.js';

/** Pauses in seconds. Descriptions get a pause before and after so they stand apart (WRITING.md). */
export const PAUSES = {
  sentence: 0.25,
  paragraph: 0.55,
  aroundDescription: 0.6,
  chapter: 1.1,
  end: 1.0,
} as const;

export interface PlannedSentence {
  id: string;
  kind: SentenceKind;
  paragraph: number;
  text: string;
  words: string[];
  tokens: string[];
  /** Silence before this sentence, seconds. */
  pauseBefore: number;
}

export interface PlannedChapter {
  id: string;
  title: string;
  sentences: PlannedSentence[];
  /** For scenes: 1-based number, "Picture 3 of 8" and the scene's own title. */
  scene?: { number: number; label: string; name: string };
}

/** Turns one written word into the token the voice is given (see speech-text.ts). */
export type WordFolder = (word: string, pronunciations?: Record<string, string>) => string;

function planSentences(
  manuscript: Manuscript,
  fold: WordFolder,
  idPrefix: string,
  kind: SentenceKind,
  paragraphs: string[],
  firstPause: number,
): PlannedSentence[] {
  const planned: PlannedSentence[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    sentencesOf(paragraph, manuscript.language).forEach((text, sentenceIndex) => {
      const words = writtenWords(text);
      const where = `${idPrefix}-${planned.length + 1}`;
      let tokens: string[];
      try {
        tokens = words.map((word) => fold(word, manuscript.pronunciations));
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      if (!tokens.some(isSpoken)) throw new Error(`${where}: "${text}" has nothing to say`);
      const pauseBefore =
        planned.length === 0 ? firstPause : sentenceIndex === 0 && paragraphIndex > 0 ? PAUSES.paragraph : PAUSES.sentence;
      planned.push({ id: where, kind, paragraph: paragraphIndex, text, words, tokens, pauseBefore });
    });
  });
  return planned;
}

/**
 * The whole episode in speaking order: intro, scenes (announcement, description when there is one,
 * narration), close. `fold` is the voice's own word folding.
 */
export function planEpisode(manuscript: Manuscript, fold: WordFolder = foldWord): PlannedChapter[] {
  const { words } = storyLanguage(manuscript.language);
  const count = manuscript.scenes.length;
  const plan = (idPrefix: string, kind: SentenceKind, paragraphs: string[], firstPause: number) =>
    planSentences(manuscript, fold, idPrefix, kind, paragraphs, firstPause);
  const intro: PlannedChapter = {
    id: 'intro',
    title: manuscript.intro.title,
    sentences: [
      ...plan('intro-announcement', 'announcement', [`${fullTitle(manuscript)}.`], 0),
      ...plan('intro', 'narration', manuscript.intro.narration, PAUSES.paragraph),
    ],
  };
  const scenes = manuscript.scenes.map((scene, index): PlannedChapter => {
    const id = `scene-${index + 1}`;
    const label = words.pictureLabel(scene.picture.kind ?? manuscript.pictures.kind, index + 1, count);
    const title = sceneTitle(label, scene.title);
    // Spoken first, so a listener always knows which picture this is; the chapter title says the same.
    return {
      id,
      title,
      scene: { number: index + 1, label, name: scene.title },
      sentences: [
        ...plan(`${id}-announcement`, 'announcement', [`${title}.`], 0),
        ...(scene.description === undefined ? [] : plan(`${id}-description`, 'description', [scene.description], PAUSES.aroundDescription)),
        ...plan(`${id}-narration`, 'narration', scene.narration, PAUSES.aroundDescription),
      ],
    };
  });
  const close: PlannedChapter = {
    id: 'close',
    title: manuscript.close.title,
    sentences: [
      ...plan('close-announcement', 'announcement', [`${manuscript.close.title}.`], 0),
      ...plan('close', 'narration', manuscript.close.narration, PAUSES.paragraph),
    ],
  };
  return [intro, ...scenes, close];
}

/** A scene's chapter title: "Picture 3 of 8: The plea". */
export function sceneTitle(label: string, name: string): string {
  return `${label}: ${name}`;
}

/** A scene's times, before the picture and its texts are joined to it. */
export type AssembledScene = Omit<TimedScene, 'picture' | 'sceneId'>;

export interface AssembledEpisode {
  pcm: Pcm;
  intro: TimedChapter;
  scenes: AssembledScene[];
  close: TimedChapter;
  duration: number;
}

const toSeconds = (samples: number, rate: number) => Math.round((samples / rate) * 1000) / 1000;

/**
 * Join the spoken sentences with their pauses into one track and time everything in it.
 * `spoken` holds, per chapter and sentence in plan order, the sentence's PCM and token times.
 */
export function assembleEpisode(
  chapters: PlannedChapter[],
  spoken: { pcm: Pcm; times: TokenTimes }[][],
): AssembledEpisode {
  const sampleRate = spoken[0]?.[0]?.pcm.sampleRate;
  if (!sampleRate) throw new Error('nothing was spoken');
  const pieces: Int16Array[] = [];
  let cursor = 0;
  const silence = (seconds: number) => {
    const length = Math.round(seconds * sampleRate);
    pieces.push(new Int16Array(length));
    cursor += length;
  };
  const at = (samples: number) => toSeconds(samples, sampleRate);

  const timed = chapters.map((chapter, chapterIndex) => {
    const chapterStart = cursor;
    let descriptionStart = -1;
    let descriptionEnd = -1;
    const sentences = chapter.sentences.map((sentence, sentenceIndex): TimedSentence => {
      const voice = spoken[chapterIndex]?.[sentenceIndex];
      if (!voice) throw new Error(`${sentence.id} was not spoken`);
      if (voice.pcm.sampleRate !== sampleRate) throw new Error(`${sentence.id}: sample rate ${voice.pcm.sampleRate}, expected ${sampleRate}`);
      silence(sentence.pauseBefore);
      const offset = cursor;
      if (sentence.kind === 'description' && descriptionStart < 0) descriptionStart = offset;
      pieces.push(voice.pcm.samples);
      cursor += voice.pcm.samples.length;
      if (sentence.kind === 'description') descriptionEnd = cursor + Math.round(PAUSES.aroundDescription * sampleRate);
      return timeSentence(sentence, voice.times, (seconds) => at(offset + Math.round(seconds * sampleRate)));
    });
    silence(chapterIndex === chapters.length - 1 ? PAUSES.end : PAUSES.chapter);
    const base: TimedChapter = { id: chapter.id, title: chapter.title, start: at(chapterStart), end: at(cursor), sentences };
    if (chapter.scene === undefined) return base;
    const scene: AssembledScene = { ...base, ...chapter.scene };
    if (descriptionStart >= 0) scene.description = { start: at(descriptionStart), end: at(descriptionEnd) } satisfies TimeRange;
    return scene;
  });

  const samples = new Int16Array(cursor);
  let position = 0;
  for (const piece of pieces) {
    samples.set(piece, position);
    position += piece.length;
  }
  const intro = timed[0]!;
  const close = timed.at(-1)!;
  const scenes = timed.slice(1, -1) as AssembledScene[];
  return { pcm: { sampleRate, samples }, intro, scenes, close, duration: at(cursor) };
}

/**
 * Words with their times. A written word with nothing to say (a lone dash) joins the word before
 * it, so every caption word has a time and the words still spell the sentence exactly.
 */
function timeSentence(sentence: PlannedSentence, times: TokenTimes, toEpisode: (seconds: number) => number): TimedSentence {
  const words: TimedWord[] = [];
  let pendingPrefix = '';
  sentence.words.forEach((text, index) => {
    const time = times[index];
    if (!time) {
      const previous = words.at(-1);
      if (previous) previous.text += ` ${text}`;
      else pendingPrefix += `${text} `;
      return;
    }
    words.push({ text: pendingPrefix + text, start: toEpisode(time.start), end: toEpisode(time.end) });
    pendingPrefix = '';
  });
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) throw new Error(`${sentence.id}: no word was timed`);
  return { id: sentence.id, kind: sentence.kind, paragraph: sentence.paragraph, text: sentence.text, start: first.start, end: last.end, words };
}

/** Scale the whole track so its loudest sample sits at -1 dBFS: Festival speaks quietly. */
export function normalizePeak(pcm: Pcm, targetPeak = 0.891): Pcm {
  let peak = 1;
  for (const sample of pcm.samples) peak = Math.max(peak, Math.abs(sample));
  const gain = (targetPeak * 32767) / peak;
  const samples = new Int16Array(pcm.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.max(-32768, Math.min(32767, Math.round(pcm.samples[i]! * gain)));
  return { sampleRate: pcm.sampleRate, samples };
}
