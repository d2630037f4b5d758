/**
 * npm run test:mutation, second step: read Stryker's JSON report (reports/mutation/mutation.json),
 * print the mutation score of every module in scope (the `mutate` list of stryker.config.mjs) and
 * exit 1 when any of them is under the threshold, or missing from the report.
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts
 * it; mutants that do not compile or are ignored do not count.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAsScript } from '../cli.js';

export const THRESHOLD = 85;
export const REPORT = 'reports/mutation/mutation.json';
const CONFIG = 'stryker.config.mjs';

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface MutationReport {
  files: Record<string, { mutants: { status: MutantStatus }[] }>;
}

export interface ModuleScore {
  file: string;
  detected: number;
  survived: number;
  noCoverage: number;
  /** Percent, or undefined when the module has no valid mutant. */
  score: number | undefined;
}

export function moduleScores(report: MutationReport, scope: readonly string[]): ModuleScore[] {
  return scope.map((file) => {
    const mutants = report.files[file]?.mutants ?? [];
    const count = (...statuses: MutantStatus[]) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const survived = count('Survived');
    const noCoverage = count('NoCoverage');
    const valid = detected + survived + noCoverage;
    return { file, detected, survived, noCoverage, score: valid > 0 ? (100 * detected) / valid : undefined };
  });
}

async function main(): Promise<void> {
  const config = ((await import(pathToFileURL(resolve(CONFIG)).href)) as { default: { mutate: string[] } }).default;
  const report = JSON.parse(await readFile(REPORT, 'utf8')) as MutationReport;
  const scores = moduleScores(report, config.mutate);
  const width = Math.max(...scores.map((s) => s.file.length));
  let failed = 0;
  console.log(`${'module'.padEnd(width)}   score  killed  survived  no coverage`);
  for (const s of scores) {
    const ok = s.score !== undefined && s.score >= THRESHOLD;
    if (!ok) failed++;
    const score = s.score === undefined ? '   —  ' : `${s.score.toFixed(1).padStart(5)} %`;
    console.log(
      `${s.file.padEnd(width)}  ${score}  ${String(s.detected).padStart(6)}  ${String(s.survived).padStart(8)}  ${String(s.noCoverage).padStart(11)}${ok ? '' : s.score === undefined ? '  ← not in the report' : `  ← under ${THRESHOLD} %`}`,
    );
  }
  if (failed > 0) throw new Error(`${failed} module(s) under the ${THRESHOLD} % mutation score, or not in ${REPORT}`);
  console.log(`Every module in scope scores at least ${THRESHOLD} %.`);
}

runAsScript(import.meta.url, main);
