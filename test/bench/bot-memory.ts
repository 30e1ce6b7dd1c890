/**
 * Idle memory of the connected bot: the bot started as `npm start` starts it (the command in
 * package.json's start script, run with this Node), connected to the Discord test double, then left
 * alone. The figure is the resident set size (RSS) of the bot's process and every process it started,
 * read from /proc, median of the samples taken once a second over the idle period; also the time
 * from spawn to "connected to Discord". Median of 3 starts (1 with --quick).
 * Target: at most 130 MB idle RSS.
 *
 * BENCH_BASELINE=<folder> also measures another checkout of Tuning Fork (with node_modules) the same
 * way in the same run, interleaved start by start, and prints this checkout's figures as ratios of
 * that one's, e.g. to compare a branch with main:
 *   git archive main | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
 *   BENCH_BASELINE=/tmp/base npx tsx test/bench/bot-memory.ts
 *
 * Run: npx tsx test/bench/bot-memory.ts [--quick]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDiscordDouble } from '../discord-double/index.js';
import { botEnv } from '../e2e/harness.js';
import { BASELINE, REPO_ROOT, startArguments } from './checkouts.js';
import { formatMs, machineLoadNote, markdownTable, median } from './stats.js';

const quick = process.argv.includes('--quick');
const STARTS = quick ? 1 : 3;
const IDLE_SAMPLES = quick ? 5 : 10;
const TARGET_MB = 130;
const CONNECT_TIMEOUT_MS = 120_000;

/** RSS in bytes of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() as number;
    try {
      const status = readFileSync(`/proc/${next}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
    pending.push(...(children.get(next) ?? []));
  }
  return total;
}

interface Measurement {
  connectMs: number;
  idleRss: number;
}

async function measure(checkout: string): Promise<Measurement> {
  const double = await startDiscordDouble();
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-memory-'));
  const started = performance.now();
  const child = spawn(process.execPath, startArguments(checkout), { cwd: checkout, env: botEnv(double, join(dir, 'bot.db')), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const connectMs = await new Promise<number>((resolveConnect, reject) => {
      const timer = setTimeout(() => reject(new Error(`not connected within ${CONNECT_TIMEOUT_MS} ms:\n${output}`)), CONNECT_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('connected to Discord')) {
          clearTimeout(timer);
          resolveConnect(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`the bot exited with ${code}:\n${output}`)));
    });
    await double.ready();
    const samples: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) {
      await sleep(1000);
      samples.push(treeRss(child.pid as number));
    }
    return { connectMs, idleRss: median(samples) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const checkouts = BASELINE === undefined ? [REPO_ROOT] : [BASELINE, REPO_ROOT];
const results = new Map<string, Measurement[]>(checkouts.map((checkout) => [checkout, []]));
// Interleaved, so that a change in the machine's load colours both alike.
for (let i = 0; i < STARTS; i++) {
  for (const checkout of checkouts) results.get(checkout)?.push(await measure(checkout));
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const summary = (checkout: string) => {
  const runs = results.get(checkout) ?? [];
  return { connectMs: median(runs.map((r) => r.connectMs)), idleRss: median(runs.map((r) => r.idleRss)) };
};
const here = summary(REPO_ROOT);
const rows = [['this checkout', `\`node ${startArguments(REPO_ROOT).join(' ')}\``, mb(here.idleRss), here.idleRss <= TARGET_MB * 2 ** 20 ? 'met' : 'MISSED', formatMs(here.connectMs)]];
if (BASELINE !== undefined) {
  const before = summary(BASELINE);
  rows.unshift(['baseline', `\`node ${startArguments(BASELINE).join(' ')}\``, mb(before.idleRss), before.idleRss <= TARGET_MB * 2 ** 20 ? 'met' : 'MISSED', formatMs(before.connectMs)]);
  rows.push(['ratio this / baseline', '', (here.idleRss / before.idleRss).toFixed(2), '', (here.connectMs / before.connectMs).toFixed(2)]);
}
console.log(`## Idle memory of the bot connected to the Discord double, median of ${STARTS} start${STARTS === 1 ? '' : 's'}, ${IDLE_SAMPLES} s idle each`);
console.log();
console.log(markdownTable(['checkout', 'start command', 'idle RSS (process tree)', `≤ ${TARGET_MB} MB`, 'spawn → connected (ms)'], rows));
console.log();
console.log(machineLoadNote());
