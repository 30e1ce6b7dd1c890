/**
 * Interactions per second at p99 under 100 ms, through the Discord test double, for: one bot process on
 * SQLite, one on PostgreSQL, and two shard processes (npm start's ShardingManager) on PostgreSQL. The
 * load is closed-loop: C simulated learners each send their next interaction as soon as the last is
 * answered, alternating /explain (reads the learner's level) and /level (writes it), each from a fresh
 * member so the per-user rate limit never answers instead. C doubles until p99 passes 100 ms; a row's
 * rate is answers per second over the whole step.
 *
 * Run: npx tsx test/bench/scaling-interactions.ts [--quick]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTopicLibrary } from '../../src/content/library.js';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble, InteractionCtx } from '../discord-double/types.js';
import { doubleEnv, REPO_ROOT, runScript, startScriptArguments } from '../e2e/harness.js';
import { createPostgresDatabase } from '../support/databases.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { formatMs, machineLoadNote, markdownTable, summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const STEP_MS = quick ? 2_000 : 5_000;
const CONCURRENCY = [1, 2, 4, 8, 16];
const P99_LIMIT_MS = 100;
const topics = loadTopicLibrary().all();

/** Two servers on each of two shards (a snowflake's shard comes from its timestamp bits, >> 22). */
const GUILDS = [0, 1, 2, 3].map((i) => String(((1_000_000_000_000n + BigInt(i)) << 22n) | 7n));
const channelOf = (guildId: string) => String(BigInt(guildId) + 1n);

interface Step {
  concurrency: number;
  perSecond: number;
  p99: number;
  p50: number;
}

async function waitUntil(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measure(name: string, shards: number, databaseEnv: Record<string, string>): Promise<Step[]> {
  const double: DiscordDouble = await startDiscordDouble({
    shards,
    guilds: GUILDS.map((id, i) => ({ id, name: `server ${i}`, channels: [{ id: channelOf(id), name: 'general' }] })),
  });
  const env = doubleEnv(double, { DISCORD_SHARDS: String(shards), LOG_LEVEL: 'warn', ...databaseEnv });
  let bot: ChildProcess | undefined;
  try {
    const registration = await runScript('src/discord/deploy-commands.ts', env);
    if (registration.code !== 0) throw new Error(`deploy-commands failed:\n${registration.output}`);
    // As `npm start` runs it: the compiled bot, whose shard manager starts compiled children.
    bot = spawn(process.execPath, startScriptArguments(), { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitUntil(() => double.connectedShards().length === shards, `${name}: ${shards} shard(s) to connect`);
    let user = 0;
    const member = (): InteractionCtx => {
      user += 1;
      const guildId = GUILDS[user % GUILDS.length] as string;
      return { user: double.user(`3${String(user).padStart(17, '0')}`), guildId, channelId: channelOf(guildId) };
    };
    const one = async (): Promise<number> => {
      const ctx = member();
      const started = performance.now();
      const result =
        user % 2 === 0
          ? await double.slash('explain', { topic: topics[user % topics.length]?.slug ?? 'learning-rate' }, ctx)
          : await double.slash('level', { level: 1 + (user % 5) }, ctx);
      const callback = await result.response();
      if (callback.type !== 4) throw new Error(`${name}: answered with callback ${callback.type}`);
      return performance.now() - started;
    };
    // Warm up: every shard process compiles and caches before it is measured.
    for (let i = 0; i < 40; i++) await one();
    const steps: Step[] = [];
    for (const concurrency of CONCURRENCY) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() - started < STEP_MS) latencies.push(await one());
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const summary = summarize(latencies);
      steps.push({ concurrency, perSecond: latencies.length / seconds, p99: summary.p99, p50: summary.p50 });
    }
    if (double.violations.length > 0) throw new Error(`${name}: Discord rule violations, first: ${double.violations[0]}`);
    return steps;
  } finally {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot?.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    await double.close();
  }
}

const capacity = (steps: readonly Step[]) => Math.max(0, ...steps.filter((step) => step.p99 < P99_LIMIT_MS).map((step) => step.perSecond));

const server = await startPostgresServer({ durable: true });
const sqliteDir = mkdtempSync(join(tmpdir(), 'tuning-fork-bench-sqlite-'));
const results: [string, Step[]][] = [];
try {
  results.push(['1 process, SQLite', await measure('SQLite', 1, { DATABASE_PATH: join(sqliteDir, 'bot.db') })]);
  const onePg = await createPostgresDatabase(server.adminUrl);
  results.push(['1 process, PostgreSQL', await measure('PostgreSQL', 1, onePg.env)]);
  const twoPg = await createPostgresDatabase(server.adminUrl);
  results.push(['2 shard processes, PostgreSQL', await measure('2 shards', 2, twoPg.env)]);
} finally {
  await server.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
}

console.log(`## Interactions per second at p99 < ${P99_LIMIT_MS} ms, through the Discord test double`);
console.log();
console.log(
  markdownTable(
    ['set-up', 'learners at once → answers/s (p50 / p99 ms)', `answers/s at p99 < ${P99_LIMIT_MS} ms`],
    results.map(([name, steps]) => [
      name,
      steps.map((step) => `${step.concurrency} → ${step.perSecond.toFixed(0)} (${formatMs(step.p50)} / ${formatMs(step.p99)})`).join('; '),
      capacity(steps).toFixed(0),
    ]),
  ),
);
const [sqlite, pg, sharded] = results.map(([, steps]) => capacity(steps));
const ratio = (a = 0, b = 0) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a (a set-up never kept p99 under the limit)');
const peak = (steps: readonly Step[]) => Math.max(...steps.map((step) => step.perSecond));
console.log();
console.log(
  `Ratios at p99 < ${P99_LIMIT_MS} ms: PostgreSQL/SQLite (one process) ${ratio(pg, sqlite)}; two shard processes/one process on PostgreSQL ${ratio(sharded, pg)}. ` +
    `Peak answers/s whatever the p99: ${results.map(([name, steps]) => `${name} ${peak(steps).toFixed(0)}`).join(', ')}. ` +
    `Half the interactions write (/level), half read (/explain). ${STEP_MS / 1000} s per step; PostgreSQL with fsync on, on this machine.`,
);
console.log(machineLoadNote());
