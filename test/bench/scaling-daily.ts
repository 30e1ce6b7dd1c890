/**
 * Daily posts for 10,000 servers over 4 shard processes on one PostgreSQL database: wall time from the
 * minute's tick to the last post recorded, with every post counted (0 duplicates, 0 missing). Each
 * "process" is a full app (its own connection pool and scheduler) that owns one shard's servers, as
 * `npm start` runs them. A second day repeats it while shard 2's process dies mid-posting (its posts
 * stop answering); its respawned replacement takes the claims over once their lease runs out.
 *
 * Posting goes to an in-memory channel log, not to Discord: this measures our side (due posts, claims,
 * leaderboards, messages, records), not Discord's rate limits (see docs/scaling.md).
 *
 * Run: npx tsx test/bench/scaling-daily.ts [--quick]
 */
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import type { Channels, MessageView } from '../../src/command-layer/types.js';
import { loadConfig } from '../../src/config.js';
import { ownsGuild } from '../../src/discord/shard-assignment.js';
import { postDueDailyPosts } from '../../commands/daily/posting.js';
import { DEFAULT_DAILY_POST_LEASE_SECONDS } from '../../src/config.js';
import { createPostgresDatabase } from '../support/databases.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { machineLoadNote, markdownTable } from './stats.js';

const DAILY_POST_LEASE_MS = DEFAULT_DAILY_POST_LEASE_SECONDS * 1000;

const quick = process.argv.includes('--quick');
const SERVERS = quick ? 2_000 : 10_000;
const SHARDS = 4;
const DYING_SHARD = 2;
/** The dying process gets this many posts out before it stops answering. */
const POSTS_BEFORE_DEATH = Math.floor(SERVERS / SHARDS / 3);

const guildId = (i: number) => String(((1_000_000_000_000n + BigInt(i)) << 22n) | 7n);
const channelOf = (id: string) => String(BigInt(id) + 1n);

const server = await startPostgresServer({ durable: true });
const database = await createPostgresDatabase(server.adminUrl, 4);
const sent = new Map<string, number>();
const apps: App[] = [];

function channels(dieAfter = Infinity): Channels {
  let posts = 0;
  const markerOf = (message: MessageView) => message.embeds?.[0]?.title ?? message.content;
  return {
    canPost: () => Promise.resolve(true),
    post(channelId, message) {
      posts += 1;
      if (posts > dieAfter) return new Promise<never>(() => undefined);
      sent.set(channelId, (sent.get(channelId) ?? 0) + 1);
      const id = `${channelId}-${sent.get(channelId)}`;
      sharedLog.push({ channelId, marker: markerOf(message), id });
      return Promise.resolve(id);
    },
    edit: () => Promise.resolve(),
    findOwnPost: (channelId, _since, marker) => Promise.resolve(sharedLog.find((entry) => entry.channelId === channelId && entry.marker === marker)?.id),
    // (a linear search: the takeover asks only for the dead process's claims, a handful)
  };
}
/** What Discord would show in the channels, whichever process posted. */
const sharedLog: { channelId: string; marker: string | undefined; id: string }[] = [];

/** The processes' clock: the day being posted (a hung process's lease renewals then never reach past its lease). */
let clock = new Date('2026-12-01T09:00:00Z');

async function shardProcess(shard: number, dieAfter?: number): Promise<App> {
  const config = loadConfig({ ...database.env, LOG_LEVEL: 'silent' });
  const app = await createApp({
    config,
    logger: pino({ level: 'silent' }),
    now: () => clock,
    channels: channels(dieAfter),
    ownsGuild: (id) => ownsGuild({ ids: [shard], count: SHARDS }, id),
  });
  apps.push(app);
  return app;
}

function tally(day: string): { duplicates: number; missing: number } {
  let duplicates = 0;
  let missing = 0;
  const perChannel = new Map<string, number>();
  for (const entry of sharedLog) {
    if (entry.marker?.includes(day)) perChannel.set(entry.channelId, (perChannel.get(entry.channelId) ?? 0) + 1);
  }
  for (let i = 0; i < SERVERS; i++) {
    const count = perChannel.get(channelOf(guildId(i))) ?? 0;
    if (count === 0) missing += 1;
    if (count > 1) duplicates += count - 1;
  }
  return { duplicates, missing };
}

const rows: string[][] = [];
try {
  const processes = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => shardProcess(shard)));
  await database.query(
    `INSERT INTO guild_settings (guild_id, daily_channel_id, daily_time, timezone, updated_at)
     SELECT ((1000000000000 + i)::bigint << 22 | 7)::text, (((1000000000000 + i)::bigint << 22 | 7) + 1)::text, '09:00', 'UTC', now()::text
     FROM generate_series(0, ${SERVERS - 1}) AS i`,
  );

  const dayOne = new Date('2026-12-01T09:00:00Z');
  let started = performance.now();
  const reports = await Promise.all(processes.map((app) => postDueDailyPosts(app.services, dayOne)));
  const firstMs = performance.now() - started;
  const first = tally('2026-12-01');
  rows.push([
    `day 1: ${SHARDS} shard processes`,
    `${(firstMs / 1000).toFixed(1)} s`,
    String(reports.reduce((sum, report) => sum + report.posted.length, 0)),
    String(first.duplicates),
    String(first.missing),
  ]);

  // Day two: shard 2's process dies after a third of its posts; the others finish theirs.
  const dayTwo = new Date('2026-12-02T09:00:00Z');
  clock = dayTwo;
  const dying = await shardProcess(DYING_SHARD, POSTS_BEFORE_DEATH);
  const survivors = processes.filter((_, shard) => shard !== DYING_SHARD);
  started = performance.now();
  void postDueDailyPosts(dying.services, dayTwo);
  await Promise.all(survivors.map((app) => postDueDailyPosts(app.services, dayTwo)));
  // The dead process's claims hold until their lease runs out; its replacement then takes them over.
  const replacement = await shardProcess(DYING_SHARD);
  const takeover = await postDueDailyPosts(replacement.services, new Date(dayTwo.getTime() + DAILY_POST_LEASE_MS + 60_000));
  const secondMs = performance.now() - started;
  const second = tally('2026-12-02');
  rows.push([
    `day 2: shard ${DYING_SHARD} dies after ${POSTS_BEFORE_DEATH} posts, respawned`,
    `${(secondMs / 1000).toFixed(1)} s (+ the ${DAILY_POST_LEASE_MS / 60_000}-minute lease)`,
    `${takeover.posted.length} by the replacement`,
    String(second.duplicates),
    String(second.missing),
  ]);
  if (first.duplicates + first.missing + second.duplicates + second.missing > 0) process.exitCode = 1;
} finally {
  // The dying process's tick never ends; closing its pool is what a killed process does.
  await Promise.all(apps.map((app) => app.close().catch(() => undefined)));
  await database.drop();
  await server.stop();
}

console.log(`## Daily posts for ${SERVERS.toLocaleString('en')} servers over ${SHARDS} shard processes, one PostgreSQL`);
console.log();
console.log(markdownTable(['run', 'wall time', 'posted', 'duplicates', 'missing'], rows));
console.log();
console.log('Posts go to an in-memory channel log (no Discord rate limits); the clock is the scheduler\'s, so the lease is skipped over, not waited out.');
console.log(machineLoadNote());
process.exit();
