/**
 * The caption cues of a sentence: the sentence itself when it is short enough to read at a glance,
 * else parts of it cut at word boundaries — at punctuation where it can — each at most
 * `MAX_CUE_CHARACTERS` long and as even as possible, each with its own word times. The WebVTT
 * captions and the EPUB's overlay clips are made of these cues.
 */
import type { TimedSentence, TimedWord } from '../../src/story/timed-story.js';

/** The longest caption cue, in characters: about two lines of a caption (BBC subtitle guidelines use 37–42 a line). */
export const MAX_CUE_CHARACTERS = 90;

export interface CaptionCue {
  /** The sentence's id, or `<sentence id>-part-<n>` for a part of a long sentence. */
  id: string;
  sentenceId: string;
  start: number;
  end: number;
  words: TimedWord[];
  text: string;
}

const textOf = (words: TimedWord[]) => words.map((word) => word.text).join(' ');

/** A good place to cut after this word: it ends a clause. */
const endsClause = (word: TimedWord) => /[,;:)\]»”]$|[.!?…]["”»]?$/.test(word.text);

export function captionCues(sentence: TimedSentence, max = MAX_CUE_CHARACTERS): CaptionCue[] {
  if (sentence.text.length <= max || sentence.words.length < 2) {
    return [{ id: sentence.id, sentenceId: sentence.id, start: sentence.start, end: sentence.end, words: sentence.words, text: sentence.text }];
  }
  const parts: TimedWord[][] = [];
  let rest = sentence.words;
  while (textOf(rest).length > max) {
    const count = Math.ceil(textOf(rest).length / max);
    const target = textOf(rest).length / count;
    let best = 1;
    let bestScore = -Infinity;
    for (let cut = 1; cut < rest.length; cut++) {
      const length = textOf(rest.slice(0, cut)).length;
      if (length > max) break;
      // At a clause end where there is one (worth 30 characters of unevenness), else as even as possible.
      const score = -Math.abs(length - target) + (endsClause(rest[cut - 1]!) ? 30 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = cut;
      }
    }
    parts.push(rest.slice(0, best));
    rest = rest.slice(best);
  }
  parts.push(rest);
  return parts.map((words, index) => ({
    id: `${sentence.id}-part-${index + 1}`,
    sentenceId: sentence.id,
    start: words[0]!.start,
    end: words.at(-1)!.end,
    words,
    text: textOf(words),
  }));
}
