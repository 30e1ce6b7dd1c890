/**
 * Shared helpers for the benchmark scripts: order statistics of timing samples, the Markdown table they
 * are printed in, and a note on how busy the machine was. Not a benchmark itself (run.ts skips it).
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * The nearest-rank percentile: the smallest sample with at least p % of the samples at or below it.
 * It is always a value that was actually measured, which keeps tail figures honest for small N.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/** Milliseconds with a precision that suits their size: 0.42, 4.2, 42, 420. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** A GitHub-flavoured Markdown table; numeric-looking columns are right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^[\d.,%×x<>≤–-]+( ms| s)?$/.test(row[column] ?? '')));
  const widths = header.map((title, column) => Math.max(title.length, 3, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * How busy the machine was, printed under the figures: wall-clock timings on a shared 2-core machine
 * mean little without knowing whether other work was competing for the cores.
 */
export function machineLoadNote(): string {
  const [oneMinute = 0] = loadavg();
  const cores = availableParallelism();
  const busy = oneMinute > cores ? ' — busier than its cores, so wall-clock figures are inflated' : '';
  return `Load average ${oneMinute.toFixed(1)} over the last minute on ${cores} cores${busy}.`;
}
