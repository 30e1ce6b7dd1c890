/**
 * Console start-up: how long someone without a Discord token waits after starting Tuning Fork.
 *
 * - piped: the start script's own command (`node scripts/start.mjs`, the compiled bot; npm start
 *   without npm) with `/help` written to its stdin at spawn; the clock stops at the first byte on
 *   stdout. Piped, the console prints no banner, so that byte is the start of the answer. dist/ is
 *   built before the first run, so the figures are of a start with nothing to rebuild.
 * - terminal: the same under a pseudo-terminal (`script`), to the first byte of the banner and to the
 *   `> ` prompt, which is what a person at a terminal sees. `script` adds its own small start-up.
 * - `npm start`, piped, to the first answer: npm's own start-up on top.
 * - floor: `node` on an empty module, the part no code of ours can remove.
 *
 * BENCH_BASELINE=<folder> measures another checkout's piped and terminal starts in the same run, each
 * run interleaved with this checkout's, and adds the ratios (see checkouts.ts).
 *
 * Every run starts with a fresh temp DATABASE_PATH (so migrations run, as on a first start) and an empty
 * DISCORD_TOKEN (console mode even if a .env has a token). Median of 10 runs (3 with --quick).
 * Target: start to prompt < 1 s.
 *
 * Run: npx tsx test/bench/console-start.ts [--quick]
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBuilt } from '../../scripts/build.mjs';
import { BASELINE, REPO_ROOT, startArguments } from './checkouts.js';
import { formatMs, machineLoadNote, markdownTable, median } from './stats.js';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 10;
const NPM_RUNS = quick ? 1 : 3;
const TARGET_MS = 1000;
const RUN_TIMEOUT_MS = 30_000;

interface Launch {
  command: string;
  /** The working folder; this checkout when absent. */
  cwd?: string;
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

function launch({ command, cwd = REPO_ROOT, args, input, until, then }: Launch): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-start-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', DISCORD_TOKEN: '', WEB_PORT: 'off', DATABASE_PATH: join(dir, 'bot.db') };
  return new Promise<Timing>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
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
await ensureBuilt();

const emptyModule = join(mkdtempSync(join(tmpdir(), 'tuning-fork-floor-')), 'empty.mjs');
writeFileSync(emptyModule, 'process.stdout.write("up\\n");\n');
const floor = await medianOf(RUNS, { command: node, args: [emptyModule] }, (o) => o === 'up\n', 'floor');
rows.push(['floor: `node` on an empty module', 'first byte', formatMs(floor.firstByteMs), '–']);
rmSync(join(emptyModule, '..'), { recursive: true, force: true });

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** This checkout's and the baseline's timings, run alternately so that the machine's load colours both alike. */
async function side(start: (checkout: string) => Launch, check: (output: string) => boolean, what: string): Promise<Map<string, Timing>> {
  const checkouts = BASELINE === undefined ? [REPO_ROOT] : [BASELINE, REPO_ROOT];
  const timings = new Map<string, Timing[]>(checkouts.map((checkout) => [checkout, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const checkout of checkouts) {
      const timing = await launch(start(checkout));
      if (!check(timing.output)) throw new Error(`${what} (${checkout}): unexpected output:\n${timing.output}`);
      timings.get(checkout)?.push(timing);
    }
  }
  return new Map(
    [...timings].map(([checkout, list]) => [
      checkout,
      { firstByteMs: median(list.map((t) => t.firstByteMs)), untilMs: median(list.map((t) => t.untilMs)), output: '' },
    ]),
  );
}

const startCommand = (checkout: string) => `\`node ${startArguments(checkout).join(' ')}\``;
const ratio = (after: number, before: number) => `${(after / before).toFixed(2)} × baseline`;

const piped = await side((cwd) => ({ command: node, cwd, args: startArguments(cwd), input: '/help\n' }), answersHelp, 'piped console');
const pipedHere = piped.get(REPO_ROOT) as Timing;
if (BASELINE !== undefined) rows.push([`baseline: ${startCommand(BASELINE)}, piped \`/help\``, 'first answer', formatMs((piped.get(BASELINE) as Timing).firstByteMs), '–']);
rows.push([`${startCommand(REPO_ROOT)}, piped \`/help\``, 'first answer', formatMs(pipedHere.firstByteMs), verdict(pipedHere.firstByteMs)]);
if (BASELINE !== undefined) rows.push(['ratio', 'first answer', ratio(pipedHere.firstByteMs, (piped.get(BASELINE) as Timing).firstByteMs), '–']);

if (hasScript) {
  const quoted = (checkout: string) => [node, ...startArguments(checkout)].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const terminal = await side(
    // -q quiet, -f flush at once (else the clock measures script's buffering), -e keep the exit code.
    (cwd) => ({ command: 'script', cwd, args: ['-qfec', quoted(cwd), '/dev/null'], until: /Type \/help[^]*> /, then: '/quit\n' }),
    (output) => output.includes('Tuning Fork console'),
    'terminal console',
  );
  const here = terminal.get(REPO_ROOT) as Timing;
  if (BASELINE !== undefined) rows.push(['baseline, in a terminal (`script` pty)', '`> ` prompt', formatMs((terminal.get(BASELINE) as Timing).untilMs), '–']);
  rows.push(['same, in a terminal (`script` pty)', 'first banner byte', formatMs(here.firstByteMs), '–']);
  rows.push(['same, in a terminal (`script` pty)', '`> ` prompt', formatMs(here.untilMs), verdict(here.untilMs)]);
  if (BASELINE !== undefined) rows.push(['ratio', '`> ` prompt', ratio(here.untilMs, (terminal.get(BASELINE) as Timing).untilMs), '–']);
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
