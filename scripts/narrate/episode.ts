/**
 * The episode plan and its assembly: which sentences are spoken in which order, the pauses
 * between them, and — once Festival has spoken them — one PCM track with the exact time of every
 * chapter, description range, sentence and word.
 */
import type { Manuscript } from '../story/manuscript.js';
import type { SentenceKind, TimedChapter, TimedScene, TimedSentence, TimedWord, TimeRange } from '../../src/story/timed-story.js';
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
  /** For scenes: 1-based number. */
  number?: number;
}

function planSentences(
  manuscript: Manuscript,
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
        tokens = words.map((word) => foldWord(word, manuscript.pronunciations));
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      if (!tokens.some(isSpoken)) throw new Error(`${where}: "${text}" has nothing to say`);
      const pauseBefore =
        planned.length === 0 ? firstPause : sentenceIndex === 0 && paragraphIndex > 0 ? PAUSES.paragraph : PAUSES.sentence;
      planned.push({ id: where, kind, text, words, tokens, pauseBefore });
    });
  });
  return planned;
}

/** The whole episode in speaking order: intro, scenes (announcement, description, narration), close. */
export function planEpisode(manuscript: Manuscript): PlannedChapter[] {
  const count = manuscript.scenes.length;
  const heading = manuscript.subtitle ? `${manuscript.title}: ${manuscript.subtitle}.` : `${manuscript.title}.`;
  const intro: PlannedChapter = {
    id: 'intro',
    title: manuscript.intro.title,
    sentences: [
      ...planSentences(manuscript, 'intro-announcement', 'announcement', [heading], 0),
      ...planSentences(manuscript, 'intro', 'narration', manuscript.intro.narration, PAUSES.paragraph),
    ],
  };
  const scenes = manuscript.scenes.map((scene, index): PlannedChapter => {
    const id = `scene-${index + 1}`;
    // The chapter title says which photo it is, as the spoken announcement does.
    return {
      id,
      title: sceneTitle(index + 1, count, scene.title),
      number: index + 1,
      sentences: [
        ...planSentences(manuscript, `${id}-announcement`, 'announcement', [sceneAnnouncement(index + 1, count, scene.title)], 0),
        ...planSentences(manuscript, `${id}-description`, 'description', [scene.description], PAUSES.aroundDescription),
        ...planSentences(manuscript, `${id}-narration`, 'narration', scene.narration, PAUSES.aroundDescription),
      ],
    };
  });
  const close: PlannedChapter = {
    id: 'close',
    title: manuscript.close.title,
    sentences: [
      ...planSentences(manuscript, 'close-announcement', 'announcement', [`${manuscript.close.title}.`], 0),
      ...planSentences(manuscript, 'close', 'narration', manuscript.close.narration, PAUSES.paragraph),
    ],
  };
  return [intro, ...scenes, close];
}

/** A scene's chapter title: "Photo 3 of 8: The plea". */
export function sceneTitle(number: number, count: number, title: string): string {
  return `Photo ${number} of ${count}: ${title}`;
}

/** Spoken at the start of each scene, so a listener always knows which photo this is. */
export function sceneAnnouncement(number: number, count: number, title: string): string {
  return `${sceneTitle(number, count, title)}.`;
}

export interface AssembledEpisode {
  pcm: Pcm;
  intro: TimedChapter;
  scenes: TimedScene[];
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
    if (chapter.number === undefined) return base;
    if (descriptionStart < 0) throw new Error(`${chapter.id} has no description`);
    const description: TimeRange = { start: at(descriptionStart), end: at(descriptionEnd) };
    return { ...base, number: chapter.number, description } satisfies TimedScene;
  });

  const samples = new Int16Array(cursor);
  let position = 0;
  for (const piece of pieces) {
    samples.set(piece, position);
    position += piece.length;
  }
  const intro = timed[0]!;
  const close = timed.at(-1)!;
  const scenes = timed.slice(1, -1) as TimedScene[];
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
  return { id: sentence.id, kind: sentence.kind, text: sentence.text, start: first.start, end: last.end, words };
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
