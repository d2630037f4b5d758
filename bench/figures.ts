/**
 * What every part of `npm run bench` hands back: figures, each beside its baseline and its goal,
 * and the one table and the one results file they make.
 */
import { cpus, release, totalmem } from 'node:os';

export interface Figure {
  /** Which part of the bench: Weight, Sync, Start, Parsing, Long story, Lighthouse. */
  section: string;
  /** Unique across the bench: the key in bench/results.json. */
  name: string;
  value: number | null;
  unit: string;
  /** The same figure for what we compare with, measured in the same run. */
  baselines?: { name: string; value: number | null }[];
  /** In words, as the issue states it: "≤ 17 ms". */
  goal?: string;
  /** Whether the goal is met; absent without a goal, null when the figure could not be measured. */
  met?: boolean | null;
  /** Why a figure is missing, or what it means when the number alone does not say. */
  note?: string;
}

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Nearest-rank quantiles, rounded to 0.1. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { count: sorted.length, min: round1(sorted[0] ?? NaN), median: round1(at(0.5)), p95: round1(at(0.95)), max: round1(sorted.at(-1) ?? NaN) };
}

export const median = (values: readonly number[]): number => summarize(values).median;

/** A goal "at most `limit`": the figure with `met` set (null when there is no value). */
export function atMost(figure: Omit<Figure, 'met' | 'goal'>, limit: number, goal = `≤ ${limit} ${figure.unit}`): Figure {
  return { ...figure, goal, met: figure.value === null || Number.isNaN(figure.value) ? null : figure.value <= limit };
}

export function atLeast(figure: Omit<Figure, 'met' | 'goal'>, limit: number, goal = `≥ ${limit}`): Figure {
  return { ...figure, goal, met: figure.value === null || Number.isNaN(figure.value) ? null : figure.value >= limit };
}

/** The machine in one line: the table's note and every figure's `machine`. */
export function machine(browserVersion: string): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}, ${browserVersion}`;
}

const show = (value: number | null, unit = ''): string => {
  if (value === null || Number.isNaN(value)) return '—';
  const text = Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 10) / 10);
  return unit ? `${text} ${unit}` : text;
};

/** The figures as one table for the terminal (`markdown`: as the README's table). */
export function table(figures: readonly Figure[], markdown = false): string {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    show(f.value, f.unit),
    (f.baselines ?? []).map((b) => `${b.name} ${show(b.value, f.unit)}`).join('; '),
    f.goal ?? '',
    f.met === undefined ? '' : f.met === null ? 'not measured' : f.met ? 'met' : 'missed',
  ]);
  const header = ['', 'figure', 'value', 'baseline, same run', 'goal', ''];
  if (markdown) {
    // Element names in code, so that Markdown does not read them as HTML.
    const cell = (text: string) => text.replaceAll('|', '\\|').replace(/<([a-z][a-z-]*)>/g, '`<$1>`');
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
  }
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export interface Results {
  date: string;
  machine: string;
  quick: boolean;
  figures: Record<string, Omit<Figure, 'name'> & { date: string; machine: string }>;
}

/** The figures keyed by name, each with its date and machine (a section re-run alone replaces only its own). */
export function results(figures: readonly Figure[], options: { date: string; machine: string; quick: boolean; previous?: Results }): Results {
  const sections = new Set(figures.map((f) => f.section));
  const kept = Object.fromEntries(Object.entries(options.previous?.figures ?? {}).filter(([, figure]) => !sections.has(figure.section)));
  const fresh = Object.fromEntries(figures.map(({ name, ...figure }) => [name, { ...figure, date: options.date, machine: options.machine }]));
  return { date: options.date, machine: options.machine, quick: options.quick, figures: { ...kept, ...fresh } };
}

/**
 * How a cost grows with n, from the figures: the exponent k of the best power law n^k, and which of
 * a straight line in n or in log n fits the points better (least squares).
 */
export function growth(points: readonly { n: number; value: number }[]): { exponent: number; shape: 'linear' | 'logarithmic' | 'constant' } {
  const fit = (xs: number[], ys: number[]) => {
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxy = xs.reduce((t, x, i) => t + (x - mx) * (ys[i]! - my), 0);
    const sxx = xs.reduce((t, x) => t + (x - mx) ** 2, 0);
    const slope = sxx ? sxy / sxx : 0;
    const residual = xs.reduce((t, x, i) => t + (ys[i]! - (my + slope * (x - mx))) ** 2, 0);
    const total = ys.reduce((t, y) => t + (y - my) ** 2, 0);
    return { slope, r2: total ? 1 - residual / total : 1 };
  };
  const ns = points.map((p) => p.n);
  const ys = points.map((p) => p.value);
  const exponent = Math.round(fit(ns.map(Math.log), ys.map((y) => Math.log(Math.max(y, 1e-9)))).slope * 100) / 100;
  if (exponent < 0.05) return { exponent, shape: 'constant' };
  return { exponent, shape: fit(ns, ys).r2 >= fit(ns.map(Math.log2), ys).r2 ? 'linear' : 'logarithmic' };
}
