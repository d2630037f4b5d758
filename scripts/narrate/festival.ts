/**
 * Speech through Festival with the CMU SLT HTS voice: one utterance per sentence, each saved as a
 * WAV, with the start and end of every word as Festival placed it (Word items under each Token).
 * One Festival process speaks a whole batch, so the voice loads once.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isSpoken } from './speech-text.js';

const run = promisify(execFile);

export const VOICE = 'cmu_us_slt_arctic_hts';

export interface SpeechRequest {
  /** One ASCII token per written word. */
  tokens: string[];
  /** Where to write the WAV. */
  wav: string;
}

/** Start and end (seconds into its WAV) of each token; null for a token with nothing to say. */
export type TokenTimes = ({ start: number; end: number } | null)[];

export interface SpeechOptions {
  /** HTS speaking rate: below 1 is slower. */
  rate: number;
  /** Working folder for the Festival script. */
  workDir: string;
}

function schemeString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function script(requests: SpeechRequest[], rate: number): string {
  const lines = [
    `(voice_${VOICE})`,
    `(set! hts_engine_params (append hts_engine_params (list (list "-r" ${rate.toFixed(3)}))))`,
    // For each Token that has Word daughters: its words with their times, on one line.
    `(define (speak text wav)
  (set! utt (utt.synth (eval (list 'Utterance 'Text text))))
  (utt.save.wave utt wav 'riff)
  (format t "UTTERANCE %s\\n" wav)
  (mapcar (lambda (tok)
    (if (item.daughters tok)
      (begin
        (format t "TOKEN")
        (mapcar (lambda (w) (format t "\\t%s %f %f" (item.name w) (item.feat w "word_start") (item.feat w "word_end"))) (item.daughters tok))
        (format t "\\n"))))
    (utt.relation.items utt 'Token))
  t)`,
  ];
  for (const request of requests) {
    lines.push(`(speak ${schemeString(request.tokens.join(' '))} ${schemeString(request.wav)})`);
  }
  return lines.join('\n') + '\n';
}

/** Parse Festival's report for one batch into per-request token times, checking the alignment. */
export function parseFestivalReport(report: string, requests: SpeechRequest[]): TokenTimes[] {
  const blocks = report.split(/^UTTERANCE /m).slice(1);
  if (blocks.length !== requests.length) {
    throw new Error(`Festival spoke ${blocks.length} of ${requests.length} sentences`);
  }
  return blocks.map((block, index) => {
    const request = requests[index]!;
    const tokenLines = block.split('\n').filter((line) => line.startsWith('TOKEN'));
    if (tokenLines.length !== request.tokens.length) {
      throw new Error(
        `Festival split "${request.tokens.join(' ')}" into ${tokenLines.length} tokens, expected ${request.tokens.length}`,
      );
    }
    return tokenLines.map((line, tokenIndex) => {
      const words = line
        .split('\t')
        .slice(1)
        .map((field) => {
          const [name = '', start = '0', end = '0'] = field.split(' ');
          return { name, start: Number(start), end: Number(end) };
        })
        // Punctuation comes back as zero-length "words".
        .filter((word) => isSpoken(word.name) && word.end > word.start);
      const first = words[0];
      const last = words.at(-1);
      if (!first || !last) {
        if (isSpoken(request.tokens[tokenIndex]!)) {
          throw new Error(`Festival gave no timing for "${request.tokens[tokenIndex]}" in "${request.tokens.join(' ')}"`);
        }
        return null;
      }
      return { start: first.start, end: last.end };
    });
  });
}

/** Speak every request; returns the token times in the same order. */
export async function speak(requests: SpeechRequest[], options: SpeechOptions): Promise<TokenTimes[]> {
  const scriptFile = join(options.workDir, 'speak.scm');
  await writeFile(scriptFile, script(requests, options.rate));
  const { stdout } = await run('festival', ['-b', scriptFile], { maxBuffer: 64 * 1024 * 1024 });
  return parseFestivalReport(stdout, requests);
}
