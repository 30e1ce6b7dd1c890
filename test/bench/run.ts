/**
 * `npm run bench`: runs the benchmark scripts one after another, each in its own Node process
 * (`node --import tsx <file>`) so that one script's warm caches, heap and leftover timers cannot colour
 * the next one's figures. Their output streams through unchanged under a header per script; a summary
 * with each script's time and the total comes last. Exits 1 if any script failed.
 *
 * Which files are benchmarks: every `test/bench/*.ts` except this runner and the helper modules in
 * NOT_BENCHMARKS (modules the scripts import). Add a new helper there, or it will be run as a benchmark.
 *
 *   npm run bench                              every benchmark
 *   npm run bench -- --quick                   every benchmark, shorter (passed on as --quick; scripts
 *                                              that do not support it ignore it)
 *   npm run bench -- interactions search      only these, by file name without .ts, in the order given
 *   npm run bench -- --list                    the names, one a line
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './stats.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOT_BENCHMARKS = new Set(['run.ts', 'stats.ts', 'checkouts.ts']);
/** A hung script (a server left open, a promise never settled) must not hang the whole run. */
const SCRIPT_TIMEOUT_MS = 5 * 60_000;
let interrupted = false;

function benchmarkNames(files: readonly string[]): string[] {
  return files
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts') && !NOT_BENCHMARKS.has(file))
    .map((file) => basename(file, '.ts'))
    .sort();
}

interface Outcome {
  name: string;
  ms: number;
  /** Exit code, or the signal that ended it. */
  status: number | string;
}

function runScript(name: string, quick: boolean): Promise<Outcome> {
  const file = join(BENCH_DIR, `${name}.ts`);
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group, so that stopping it also stops whatever it started (a bot, a console).
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...(quick ? ['--quick'] : [])], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      detached: true,
    });
    const stopGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup('SIGTERM');
      setTimeout(() => stopGroup('SIGKILL'), 5000).unref();
    }, SCRIPT_TIMEOUT_MS);
    // A detached group no longer hears the terminal's Ctrl-C, so pass it on.
    const interrupt = () => {
      stopGroup('SIGINT');
      process.exitCode = 130;
      interrupted = true;
    };
    process.once('SIGINT', interrupt);
    const finish = (status: number | string) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupt);
      resolve({ name, ms: performance.now() - started, status });
    };
    child.on('error', (error) => finish(error.message));
    child.on('exit', (code, signal) => finish(timedOut ? `timed out after ${SCRIPT_TIMEOUT_MS / 60_000} min` : (code ?? signal ?? 'unknown')));
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const unknownFlags = args.filter((arg) => arg.startsWith('-') && arg !== '--quick' && arg !== '--list');
const available = benchmarkNames(readdirSync(BENCH_DIR));
if (args.includes('--list')) {
  console.log(available.join('\n'));
  process.exit(0);
}
const asked = args.filter((arg) => !arg.startsWith('-')).map((arg) => basename(arg, '.ts'));
const unknownNames = asked.filter((name) => !available.includes(name));
if (unknownFlags.length > 0 || unknownNames.length > 0) {
  const problems = [
    ...unknownFlags.map((flag) => `unknown flag ${flag} (only --quick and --list)`),
    ...unknownNames.map((name) => `no benchmark called "${name}"`),
  ];
  console.error(`${problems.join('\n')}\nBenchmarks: ${available.join(', ')}`);
  process.exit(2);
}

const chosen = asked.length > 0 ? asked : available;
const outcomes: Outcome[] = [];
const started = performance.now();
for (const name of chosen) {
  if (interrupted) break;
  console.log(`\n# ${name} (${relative(REPO_ROOT, join(BENCH_DIR, `${name}.ts`))}${quick ? ', --quick' : ''})\n`);
  const outcome = await runScript(name, quick);
  outcomes.push(outcome);
  console.log(`\n_${name}: ${outcome.status === 0 ? 'done' : `FAILED (${outcome.status})`} in ${seconds(outcome.ms)}_`);
}
const failed = outcomes.filter((outcome) => outcome.status !== 0);

console.log('\n# Summary\n');
console.log(
  markdownTable(
    ['benchmark', 'result', 'time'],
    outcomes.map((outcome) => [outcome.name, outcome.status === 0 ? 'ok' : `FAILED (${outcome.status})`, seconds(outcome.ms)]),
  ),
);
console.log(`\nTotal ${seconds(performance.now() - started)}${quick ? ' (--quick)' : ''}; ${failed.length} of ${outcomes.length} failed.`);
process.exitCode = interrupted ? 130 : failed.length > 0 ? 1 : 0;
