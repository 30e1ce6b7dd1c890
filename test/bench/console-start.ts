/**
 * Console start-up: how long someone without a Discord token waits after starting Tuning Fork.
 *
 * - piped: `node --import tsx src/main.ts` (what `npm start` runs) with `/help` written to its stdin at
 *   spawn; the clock stops at the first byte on stdout. Piped, the console prints no banner, so that
 *   byte is the start of the answer. This is the main figure.
 * - terminal: the same under a pseudo-terminal (`script`), to the first byte of the banner and to the
 *   `> ` prompt, which is what a person at a terminal sees. `script` adds its own small start-up.
 * - `npm start`, piped, to the first answer: npm's own start-up on top.
 * - floor: `node --import tsx` on an empty module, the part no code of ours can remove.
 *
 * Every run starts with a fresh temp DATABASE_PATH (so migrations run, as on a first start) and an empty
 * DISCORD_TOKEN (console mode even if a .env has a token). Median of 10 runs (3 with --quick).
 * Target: start to prompt < 1.5 s.
 *
 * Run: npx tsx test/bench/console-start.ts [--quick]
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatMs, machineLoadNote, markdownTable, median } from './stats.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 10;
const NPM_RUNS = quick ? 1 : 3;
const TARGET_MS = 1500;
const RUN_TIMEOUT_MS = 30_000;

interface Launch {
  command: string;
  args: string[];
  /** Written to stdin at spawn; stdin is then closed. */
  input?: string;
  /** Stop the clock when the output so far matches; the first output byte when absent. */
  until?: RegExp;
  /** Written once `until` matched, to make the process leave. */
  then?: string;
}

interface Timing {
  firstByteMs: number;
  untilMs: number;
  output: string;
}

function launch({ command, args, input, until, then }: Launch): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-start-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', DISCORD_TOKEN: '', DATABASE_PATH: join(dir, 'bot.db') };
  return new Promise<Timing>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let firstByteMs: number | undefined;
    let untilMs: number | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${RUN_TIMEOUT_MS} ms:\n${output}`));
    }, RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      const now = performance.now() - started;
      firstByteMs ??= now;
      output += chunk.toString();
      if (untilMs === undefined && (until === undefined || until.test(output))) {
        untilMs = now;
        if (then !== undefined) child.stdin.end(then);
      }
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0 || firstByteMs === undefined || untilMs === undefined) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code} before answering:\n${output}${errors}`));
      } else {
        resolve({ firstByteMs, untilMs, output });
      }
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

async function medianOf(runs: number, start: Launch, check: (output: string) => boolean, what: string): Promise<Timing> {
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    const timing = await launch(start);
    if (!check(timing.output)) throw new Error(`${what}: unexpected output:\n${timing.output}`);
    timings.push(timing);
  }
  return { firstByteMs: median(timings.map((t) => t.firstByteMs)), untilMs: median(timings.map((t) => t.untilMs)), output: '' };
}

const node = process.execPath;
const answersHelp = (output: string) => output.includes('/explain');
const rows: string[][] = [];
const verdict = (ms: number) => (ms < TARGET_MS ? 'met' : 'MISSED');

const emptyModule = join(mkdtempSync(join(tmpdir(), 'tuning-fork-floor-')), 'empty.ts');
writeFileSync(emptyModule, 'process.stdout.write("up\\n");\n');
const floor = await medianOf(RUNS, { command: node, args: ['--import', 'tsx', emptyModule] }, (o) => o === 'up\n', 'floor');
rows.push(['floor: `node --import tsx` on an empty module', 'first byte', formatMs(floor.firstByteMs), '–']);
rmSync(join(emptyModule, '..'), { recursive: true, force: true });

const piped = await medianOf(RUNS, { command: node, args: ['--import', 'tsx', 'src/main.ts'], input: '/help\n' }, answersHelp, 'piped console');
rows.push(['`node --import tsx src/main.ts`, piped `/help`', 'first answer', formatMs(piped.firstByteMs), verdict(piped.firstByteMs)]);

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (hasScript) {
  const quoted = [node, '--import', 'tsx', 'src/main.ts'].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const terminal = await medianOf(
    RUNS,
    // -q quiet, -f flush at once (else the clock measures script's buffering), -e keep the exit code.
    { command: 'script', args: ['-qfec', quoted, '/dev/null'], until: /Type \/help[^]*> /, then: '/quit\n' },
    (output) => output.includes('Tuning Fork console'),
    'terminal console',
  );
  rows.push(['same, in a terminal (`script` pty)', 'first banner byte', formatMs(terminal.firstByteMs), '–']);
  rows.push(['same, in a terminal (`script` pty)', '`> ` prompt', formatMs(terminal.untilMs), verdict(terminal.untilMs)]);
} else {
  rows.push(['in a terminal', 'skipped: no `script` command', '–', '–']);
}

const npm = await medianOf(NPM_RUNS, { command: 'npm', args: ['start', '--silent'], input: '/help\n' }, answersHelp, 'npm start');
rows.push([`\`npm start\`, piped \`/help\` (${NPM_RUNS} run${NPM_RUNS === 1 ? '' : 's'})`, 'first answer', formatMs(npm.firstByteMs), verdict(npm.firstByteMs)]);

console.log(`## Console start-up (ms), median of ${RUNS} runs, fresh database each run`);
console.log();
console.log(markdownTable(['start', 'until', 'median', `< ${TARGET_MS} ms`], rows));
console.log();
console.log(machineLoadNote());
