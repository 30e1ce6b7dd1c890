/**
 * Helpers for benchmarks that start Tuning Fork as `npm start` does and can compare this checkout with
 * another one (BENCH_BASELINE=<folder>, a checkout with node_modules) in the same run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folder named by BENCH_BASELINE, if any. */
export const BASELINE: string | undefined = process.env['BENCH_BASELINE'] ? resolve(process.env['BENCH_BASELINE']) : undefined;

/** Node's arguments in the checkout's start script, which must be `node …`: `npm start` without npm. */
export function startArguments(checkout: string): string[] {
  const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`${checkout}: the start script does not start with node: ${pkg.scripts.start}`);
  return args;
}
