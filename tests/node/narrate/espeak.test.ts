import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { speak, SPEAKING_RATE, VOICE_LABEL } from '../../../scripts/narrate/espeak.js';
import type { SpeechRequest, TokenTimes } from '../../../scripts/narrate/festival.js';
import { foldWord, foldWordFor, writtenWords } from '../../../scripts/narrate/speech-text.js';
import { requireTools } from '../../../scripts/narrate/tools.js';
import { readWav, type Pcm } from '../../../scripts/narrate/wav.js';

const LIGHTHOUSE = 'El faro lleva más de cien años en este cabo.';
const QUESTION = '¿Qué está pasando, señora? — dijo el niño.';
const LATE = 'Sí, él llegó extraordinariamente tarde.';
const SENTENCES = [LIGHTHOUSE, QUESTION, LATE];

const tokensOf = (sentence: string) => writtenWords(sentence).map((word) => foldWordFor('es', word));

function requestsIn(folder: string): SpeechRequest[] {
  return SENTENCES.map((sentence, index) => ({ tokens: tokensOf(sentence), wav: join(folder, `${index}.wav`) }));
}

/** Root mean square of the samples between two times, in seconds. */
function rms(pcm: Pcm, from: number, to: number): number {
  const first = Math.max(0, Math.round(from * pcm.sampleRate));
  const last = Math.min(pcm.samples.length, Math.round(to * pcm.sampleRate));
  let sum = 0;
  for (let i = first; i < last; i++) sum += pcm.samples[i]! ** 2;
  return last > first ? Math.sqrt(sum / (last - first)) : 0;
}

const timeOf = (times: TokenTimes, index: number) => {
  const time = times[index];
  assert.ok(time, `token ${index} has a time`);
  return time;
};

describe('espeak-ng speech (Spanish)', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'espeak-'));
    folders.push(made);
    return made;
  };
  let requests: SpeechRequest[];
  let times: TokenTimes[];
  let pcms: Pcm[];
  before(async () => {
    requests = requestsIn(folder());
    times = await speak(requests, { rate: SPEAKING_RATE, workDir: folders[0]! });
    pcms = await Promise.all(requests.map((request) => readWav(request.wav)));
  });
  after(() => {
    for (const made of folders) rmSync(made, { recursive: true, force: true });
  });

  it('writes 16-bit mono WAVs at espeak-ng\'s 22,050 Hz', () => {
    for (const pcm of pcms) {
      assert.equal(pcm.sampleRate, 22050);
      assert.ok(pcm.samples.length > 22050, 'each sentence lasts more than a second');
    }
  });

  it('times every word, in order, within its WAV, the last ending with the audio', () => {
    requests.forEach((request, index) => {
      const spoken = times[index]!.filter((time) => time !== null);
      const tokens = request.tokens.filter((token) => token !== '—');
      assert.equal(spoken.length, tokens.length, `every word of "${request.tokens.join(' ')}" is timed`);
      spoken.forEach((time, order) => {
        assert.ok(time.start < time.end, `${tokens[order]} starts before it ends`);
        const next = spoken[order + 1];
        if (next) assert.ok(time.end <= next.start, `${tokens[order]} ends before ${tokens[order + 1]} starts`);
      });
      const pcm = pcms[index]!;
      assert.equal(spoken[0]!.start, 0, 'the WAV starts with the first word');
      assert.equal(spoken.at(-1)!.end, Math.round((pcm.samples.length / pcm.sampleRate) * 1000) / 1000);
    });
  });

  it('starts the first word at the first audible sample, and a word after a pause where its sound begins', () => {
    requests.forEach((request, index) => {
      const pcm = pcms[index]!;
      assert.ok(Math.abs(pcm.samples[0]!) > 100, `no silence is left before "${request.tokens[0]}"`);
      times[index]!.forEach((time, token) => {
        if (time) assert.ok(rms(pcm, time.start, time.end) > 1000, `"${request.tokens[token]}" is heard within its time`);
      });
    });
    // Each word after a pause: silent in the 50 ms before its start, heard in the 50 ms after.
    for (const [sentence, token] of [[1, 3], [1, 5], [2, 1]] as const) {
      const pcm = pcms[sentence]!;
      const { start } = timeOf(times[sentence]!, token);
      const word = requests[sentence]!.tokens[token];
      assert.ok(rms(pcm, start - 0.05, start) < 30, `silence before "${word}"`);
      assert.ok(rms(pcm, start, start + 0.05) > 20 * Math.max(1, rms(pcm, start - 0.05, start)), `"${word}" is heard from its start`);
    }
  });

  it('ends a word before a pause where its sound ends, not where the next word starts', () => {
    const pcm = pcms[1]!;
    const pasando = timeOf(times[1]!, 2);
    const señora = timeOf(times[1]!, 3);
    assert.ok(señora.start - pasando.end > 0.1, `a pause after "pasando," (${pasando.end} → ${señora.start})`);
    assert.ok(rms(pcm, pasando.end + 0.002, señora.start) < 30, 'the pause is silent');
    assert.ok(rms(pcm, pasando.end - 0.03, pasando.end) > 100, 'the word is heard up to its end');
  });

  it('finds each word by its character position, counting accented letters as espeak-ng does', () => {
    // "Sí, él llegó …": a position off by one per accent would give the long word's time to "tarde."
    const late = times[2]!.map((time) => (time ? time.end - time.start : 0));
    const longest = late.indexOf(Math.max(...late));
    assert.equal(requests[2]!.tokens[longest], 'extraordinariamente');
    const lighthouse = times[0]!.map((time) => (time ? time.end - time.start : 0));
    assert.ok(lighthouse[6]! > lighthouse[7]! * 2, '"años" lasts longer than "en"');
  });

  it('gives a lone dash no time, and pauses there', () => {
    assert.equal(requests[1]!.tokens[4], '—');
    assert.equal(times[1]![4], null);
    assert.ok(timeOf(times[1]!, 5).start - timeOf(times[1]!, 3).end > 0.2);
  });

  it('says the same batch with the same bytes and times twice', async () => {
    const again = requestsIn(folder());
    const timesAgain = await speak(again, { rate: SPEAKING_RATE, workDir: folders.at(-1)! });
    assert.deepEqual(timesAgain, times);
    again.forEach((request, index) => assert.ok(readFileSync(request.wav).equals(readFileSync(requests[index]!.wav)), `${index}.wav`));
  });

  it('speaks slower at a lower rate', async () => {
    const slow = { tokens: tokensOf(LIGHTHOUSE), wav: join(folder(), 'slow.wav') };
    const [slowTimes] = await speak([slow], { rate: 100, workDir: folders.at(-1)! });
    assert.ok(timeOf(slowTimes!, 9).end > timeOf(times[0]!, 9).end * 1.3);
  });

  it('refuses a rate espeak-ng does not speak at, such as Festival\'s', async () => {
    await assert.rejects(speak(requestsIn(folder()), { rate: 0.97, workDir: folders.at(-1)! }), /80 to 450 words a minute; the rate 0\.97/);
  });

  it('names itself for the credits', () => {
    assert.equal(VOICE_LABEL, 'espeak-ng, voice es');
  });
});

describe('Spanish text for espeak-ng', () => {
  it('keeps accents, ñ, ¿ and ¡, one token per written word', () => {
    assert.deepEqual(tokensOf('¿Qué está pasando, señora? ¡Ay, pingüino!'), ['¿Qué', 'está', 'pasando,', 'señora?', '¡Ay,', 'pingüino!']);
  });

  it('makes quotes ASCII and a lone dash or ellipsis the pause espeak-ng does not time', () => {
    assert.deepEqual(tokensOf('«Hola», dijo “él” — y O’Connor – se fue … —¿ya?'), ['"Hola",', 'dijo', '"él"', '—', 'y', "O'Connor", '—', 'se', 'fue', '—', '—¿ya?']);
  });

  it('says a word the way the manuscript tells it to', () => {
    assert.equal(foldWordFor('es-MX', 'Xóchitl,', { Xóchitl: 'Sóchitl' }), 'Sóchitl,');
    assert.equal(foldWordFor('es', 'Xóchitla', { Xóchitl: 'Sóchitl' }), 'Xóchitla');
  });

  it('refuses a character it cannot speak, naming it', () => {
    assert.throws(() => foldWordFor('es', '日本'), /cannot speak the character "日" \(U\+65E5\) in "日本"/);
  });

  it('folds English exactly as before', () => {
    for (const word of writtenWords('José Pérez’s “small” test — US–Mexico señor 3×4')) assert.equal(foldWordFor('en', word), foldWord(word));
  });

  it('refuses a language no voice speaks', () => {
    assert.throws(() => foldWordFor('fr', 'bonjour'), /no voice speaks the language "fr"/);
  });
});

describe('the tools a Spanish narration needs', () => {
  it('names the Debian package of a missing espeak-ng, only for Spanish', () => {
    // A PATH with a shell and nothing else: every program is missing.
    const bin = mkdtempSync(join(tmpdir(), 'no-tools-'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const path = process.env.PATH;
    process.env.PATH = bin;
    try {
      assert.throws(() => requireTools(['es-ES']), {
        message: 'narrate needs espeak-ng, ffmpeg, lame. Install with:\n  sudo apt-get install espeak-ng ffmpeg lame',
      });
      assert.throws(() => requireTools(['en']), (error: Error) => /festival/.test(error.message) && !/espeak/.test(error.message));
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('finds espeak-ng here', () => {
    assert.doesNotThrow(() => requireTools(['es']));
  });
});
