/**
 * Spanish speech through libespeak-ng (voice `es`), called in process through koffi: one WAV per
 * sentence, each word timed by the engine's own word events. An event's character position finds
 * its token; its audio position is the word's start; the word ends where its sound ends before the
 * next word (or a pause) begins. The library is loaded for one batch and unloaded after it, because
 * its wave generator keeps state from one utterance to the next: a fresh load is what makes the
 * same batch give the same bytes.
 */
import * as koffi from 'koffi';
import type { SpeechRequest, TokenTimes } from './festival.js';
import { writeWav, type Pcm } from './wav.js';
import { isSpoken } from './speech-text.js';

export const VOICE = 'es';
export const VOICE_LABEL = `espeak-ng, voice ${VOICE}`;

/** Words a minute (espeak's own rate; its default 175 is brisk for a podcast). */
export const SPEAKING_RATE = 150;

export interface EspeakOptions {
  /** Words a minute, 80–450. */
  rate: number;
  /** Kept for the engines' common contract; espeak needs no files of its own. */
  workDir: string;
}

const LIBRARY = 'libespeak-ng.so.1';
const INSTALL = 'sudo apt-get install espeak-ng';

// speak_lib.h, for x86_64 and every LP64 target: six 32-bit fields, a pointer at 24 and the id
// union (int | const char * | char[8]) at 32, pointer-aligned: 40 bytes an event.
const EventType = { listTerminated: 0, word: 1 } as const;
const EspeakEvent = koffi.struct({
  type: 'int',
  unique_identifier: 'unsigned int',
  text_position: 'int', // 1-based, in code points of the text
  length: 'int',
  audio_position: 'int', // milliseconds from the start of this utterance
  sample: 'int',
  user_data: 'void *',
  id: koffi.union({ number: 'int', name: 'const char *', string: koffi.array('char', 8) }),
});
const EVENT_SIZE = koffi.sizeof(EspeakEvent);
const SynthCallback = koffi.proto('int', ['int16_t *', 'int', 'void *']);
const AUDIO_OUTPUT_SYNCHRONOUS = 2;
const INITIALIZE_DONT_EXIT = 0x8000; // report missing data instead of exiting the process
const CHARS_UTF8 = 1; // and no espeakSSML: the text is plain
const POSITION_CHARACTER = 1;
const PARAMETER_RATE = 1;

/** Samples at or below this (about -50 dBFS) are silence. */
const AUDIBLE = 100;

interface WordEvent {
  /** 1-based code point position in the text. */
  position: number;
  length: number;
  milliseconds: number;
}

interface Utterance {
  samples: Int16Array;
  words: WordEvent[];
}

/** Speak each text with one load of the library and the voice; returns the raw audio and word events. */
function synthesize(texts: string[], rate: number): { sampleRate: number; utterances: Utterance[] } {
  let lib: koffi.LibraryHandle;
  try {
    lib = koffi.load(LIBRARY);
  } catch (error) {
    throw new Error(`cannot load ${LIBRARY} (${(error as Error).message}). Install with:\n  ${INSTALL}`);
  }
  const initialize = lib.func('espeak_Initialize', 'int', ['int', 'int', 'const char *', 'int']);
  const setSynthCallback = lib.func('espeak_SetSynthCallback', 'void', [koffi.pointer(SynthCallback)]);
  const setVoiceByName = lib.func('espeak_SetVoiceByName', 'int', ['const char *']);
  const setParameter = lib.func('espeak_SetParameter', 'int', ['int', 'int', 'int']);
  const synth = lib.func('espeak_Synth', 'int', ['const char *', 'size_t', 'unsigned int', 'int', 'unsigned int', 'unsigned int', 'void *', 'void *']);

  let chunks: Int16Array[] = [];
  let words: WordEvent[] = [];
  // Called synchronously inside espeak_Synth: copy the audio out, keep the word events.
  const callback = koffi.register((wav: unknown, count: number, events: unknown): number => {
    if (wav && count > 0) chunks.push(new Int16Array(koffi.view(wav, count * 2).slice(0)));
    for (let offset = 0; events; offset += EVENT_SIZE) {
      const event = koffi.decode(events, offset, EspeakEvent) as { type: number; text_position: number; length: number; audio_position: number };
      if (event.type === EventType.listTerminated) break;
      if (event.type === EventType.word) {
        words.push({ position: event.text_position, length: event.length, milliseconds: event.audio_position });
      }
    }
    return 0;
  }, koffi.pointer(SynthCallback));
  try {
    const sampleRate = initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, null, INITIALIZE_DONT_EXIT) as number;
    if (sampleRate <= 0) throw new Error(`espeak-ng found no data (espeak_Initialize returned ${sampleRate}). Install with:\n  ${INSTALL}`);
    setSynthCallback(callback);
    if (setVoiceByName(VOICE) !== 0) throw new Error(`espeak-ng has no voice "${VOICE}". Install with:\n  ${INSTALL}`);
    if (setParameter(PARAMETER_RATE, rate, 0) !== 0) throw new Error(`espeak-ng refused the rate ${rate}`);
    const utterances = texts.map((text): Utterance => {
      chunks = [];
      words = [];
      const status = synth(text, Buffer.byteLength(text) + 1, 0, POSITION_CHARACTER, 0, CHARS_UTF8, null, null) as number;
      if (status !== 0) throw new Error(`espeak-ng failed (error ${status}) on "${text}"`);
      const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        samples.set(chunk, at);
        at += chunk.length;
      }
      return { samples, words };
    });
    return { sampleRate, utterances };
  } finally {
    // Unloading ends the batch, not espeak_Terminate: initialised again after Terminate, the
    // library hangs the process at exit, and only a fresh load resets its wave generator.
    koffi.unregister(callback);
    lib.unload();
  }
}

const toSeconds = (samples: number, rate: number) => Math.round((samples / rate) * 1000) / 1000;
const isAudible = (sample: number) => Math.abs(sample) > AUDIBLE;

/**
 * The token each word event belongs to, by its position in `tokens.join(' ')` counted in code
 * points as espeak counts them; a joining space belongs to the token after it. The first event of
 * a token is its start; later ones (a number read as several words) and events that point back
 * (espeak reports a lone comma at the end, at a stale position) are not.
 */
function tokenStarts(tokens: string[], words: WordEvent[]): Map<number, number> {
  const owner: number[] = [];
  const characters: string[] = [];
  tokens.forEach((token, index) => {
    if (index > 0) {
      owner.push(index);
      characters.push(' ');
    }
    for (const character of token) {
      owner.push(index);
      characters.push(character);
    }
  });
  const starts = new Map<number, number>();
  let last = -1;
  for (const word of words) {
    const index = owner[word.position - 1];
    if (index === undefined || index <= last) continue;
    // An empty word that points at no letter is punctuation, not a word.
    if (word.length === 0 && !/[\p{L}\p{N}]/u.test(characters[word.position - 1] ?? '')) continue;
    starts.set(index, word.milliseconds);
    last = index;
  }
  return starts;
}

/**
 * One utterance's WAV, trimmed to its audible sound, and the time of every token in it. A word
 * ends at the last audible sample before the next word starts, so a word before a pause ends with
 * its sound, and the last word ends with the audio.
 */
function timeUtterance(tokens: string[], utterance: Utterance, sampleRate: number): { pcm: Pcm; times: TokenTimes } {
  const sentence = tokens.join(' ');
  const { samples } = utterance;
  const first = samples.findIndex(isAudible);
  let end = samples.length;
  while (end > 0 && !isAudible(samples[end - 1]!)) end--;
  if (first < 0) throw new Error(`espeak-ng said nothing for "${sentence}"`);

  const starts = tokenStarts(tokens, utterance.words);
  const timed = [...starts.entries()]
    .map(([index, milliseconds]) => ({ index, start: Math.round((milliseconds * sampleRate) / 1000) }))
    .filter((word) => word.start < end);
  const times: TokenTimes = tokens.map(() => null);
  timed.forEach((word, order) => {
    let wordEnd = timed[order + 1]?.start ?? end;
    while (wordEnd > word.start + 1 && !isAudible(samples[wordEnd - 1]!)) wordEnd--;
    const start = toSeconds(Math.max(0, word.start - first), sampleRate);
    const stop = toSeconds(wordEnd - first, sampleRate);
    if (stop <= start) throw new Error(`espeak-ng gave "${tokens[word.index]}" no sound in "${sentence}"`);
    times[word.index] = { start, end: stop };
  });
  tokens.forEach((token, index) => {
    if (!times[index] && isSpoken(token)) throw new Error(`espeak-ng gave no timing for "${token}" in "${sentence}"`);
  });
  return { pcm: { sampleRate, samples: samples.slice(first, end) }, times };
}

/** Speak every request, writing its WAV; returns the token times in the same order. */
export async function speak(requests: SpeechRequest[], options: EspeakOptions): Promise<TokenTimes[]> {
  if (!(options.rate >= 80 && options.rate <= 450)) {
    throw new Error(`espeak-ng speaks 80 to 450 words a minute; the rate ${options.rate} is outside that`);
  }
  // All synthesis happens before the first await, so two batches never share the library.
  const { sampleRate, utterances } = synthesize(
    requests.map((request) => request.tokens.join(' ')),
    options.rate,
  );
  const spoken = requests.map((request, index) => timeUtterance(request.tokens, utterances[index]!, sampleRate));
  await Promise.all(requests.map((request, index) => writeWav(request.wav, spoken[index]!.pcm)));
  return spoken.map((utterance) => utterance.times);
}
