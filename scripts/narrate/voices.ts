/**
 * The voice of each language: which speech engine speaks it, how a written word is folded into
 * the token that engine is given, and the programs it needs. Word times always come from the engine
 * itself, never from an estimate.
 */
import { speak as espeakSpeak, SPEAKING_RATE as ESPEAK_RATE, VOICE_LABEL as ESPEAK_LABEL } from './espeak.js';
import { speak as festivalSpeak, type SpeechRequest, type TokenTimes } from './festival.js';
import { foldWord, foldWordFor } from './speech-text.js';
import type { WordFolder } from './episode.js';

export interface Voice {
  /** Says what speaks, for logs. */
  label: string;
  fold: WordFolder;
  /** The engine's speaking rate for a story (HTS speed, espeak words a minute): higher is faster. */
  rate: number;
  speak: (requests: SpeechRequest[], options: { workDir: string; rate: number }) => Promise<TokenTimes[]>;
}

/** HTS speaking rate: the English voice's own ~190 words a minute slowed toward a podcast pace. */
export const SPEAKING_RATE = 0.97;

const english: Voice = {
  label: 'Festival, cmu_us_slt_arctic_hts',
  fold: foldWord,
  rate: SPEAKING_RATE,
  speak: festivalSpeak,
};

const spanish: Voice = {
  label: ESPEAK_LABEL,
  fold: (word, pronunciations) => foldWordFor('es', word, pronunciations),
  rate: ESPEAK_RATE,
  // espeak takes whole words a minute.
  speak: (requests, options) => espeakSpeak(requests, { ...options, rate: Math.round(options.rate) }),
};

const VOICES: Record<string, Voice> = { en: english, es: spanish };

/** The voice for a BCP 47 tag, by its primary language. */
export function voiceFor(tag: string): Voice {
  const voice = VOICES[tag.toLowerCase().split('-')[0] ?? ''];
  if (!voice) throw new Error(`narrate has no voice for the language "${tag}" (it has ${Object.keys(VOICES).join(', ')}): add one to scripts/narrate/voices.ts`);
  return voice;
}
