/**
 * The daily post, exactly once, across processes: `npm start` against a double that recommends two
 * shards runs one bot process per shard on one PostgreSQL database, with a 2-second lease on daily-post
 * claims (DAILY_POST_LEASE_SECONDS). Every server's post is due at start. Discord is slow to answer the
 * posts of shard 1's servers, and shard 1's process is killed with SIGKILL while it has posts under way:
 * sent to Discord, but neither answered nor recorded. The manager respawns it, and the new process
 * finishes the posting, taking the dead one's claims over when their lease runs out and finding the
 * posts it had already sent. Every server ends with exactly one post, counted in the double's channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble } from '../discord-double/types.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { waitFor } from './board.js';
import { clearOfUtcMidnight } from './clock.js';
import { doubleEnv } from './harness.js';
import { startShardManager, type ShardManager } from './shard-manager.js';

const SHARDS = 2;
const SERVERS_PER_SHARD = 10;
/** A guild on `shard` of two: a snowflake's shard is (id >> 22) % count. */
const guildId = (shard: number, i: number) => String(((1_000_000_000_000n + BigInt(i * SHARDS + shard)) << 22n) | 7n);
const channelOf = (id: string) => String(BigInt(id) + 1n);
const GUILDS = Array.from({ length: SHARDS }, (_, shard) => Array.from({ length: SERVERS_PER_SHARD }, (_, i) => guildId(shard, i)));
const ALL_GUILDS = GUILDS.flat();
const SLOW = 240_000;

let double: DiscordDouble;
let database: TestDatabase;
let manager: ShardManager;
let releasePosts: (() => void) | undefined;

const postsIn = (guild: string) => double.channelMessages(channelOf(guild)).length;

beforeAll(async () => {
  // Every post below is for today's UTC date; the whole test must run inside one day.
  await clearOfUtcMidnight(4 * 60_000);
  double = await startDiscordDouble({
    shards: SHARDS,
    guilds: ALL_GUILDS.map((id, i) => ({ id, name: `Study group ${i}`, channels: [{ id: channelOf(id), name: 'general' }] })),
  });
  database = await createTestDatabase('postgres');
  // What /settings set would have stored: each server's post at 00:00 UTC, so all of them are due now.
  const storage = await database.open();
  try {
    for (const id of ALL_GUILDS) await storage.guildSettings.save({ guildId: id, dailyChannelId: channelOf(id), dailyTime: '00:00', timezone: 'UTC' });
  } finally {
    await storage.close();
  }
  releasePosts = double.holdPostAnswers((GUILDS[1] ?? []).map(channelOf));
  const env = doubleEnv(double, { ...database.env, DAILY_POST_LEASE_SECONDS: '2' });
  manager = startShardManager(env);
}, SLOW);

afterAll(async () => {
  releasePosts?.();
  await manager?.stop();
  await double?.close();
  await database?.drop();
}, SLOW);

describe('the daily post with two shard processes on one PostgreSQL database', () => {
  it('reaches every server exactly once while a shard process is killed mid-posting', async () => {
    // Shard 1's process has sent at least one post that Discord has not answered yet.
    await waitFor(() => (GUILDS[1]?.some((id) => postsIn(id) > 0) ? true : undefined), `shard 1 to start posting:\n${manager.output()}`, SLOW);
    const victim = manager.shardPid(1);
    expect(victim).toBeTypeOf('number');
    process.kill(victim as number, 'SIGKILL');
    releasePosts?.();
    releasePosts = undefined;

    await waitFor(() => (double.identifyCount(1) === 2 ? true : undefined), `shard 1 to be respawned:\n${manager.output()}`, SLOW);
    const posted = async () => Number((await database.query(`SELECT count(*) AS n FROM daily_posts WHERE status = 'posted'`))[0]?.n);
    await expect.poll(posted, { timeout: SLOW, interval: 200 }).toBe(ALL_GUILDS.length);

    const counts = Object.fromEntries(ALL_GUILDS.map((id) => [id, postsIn(id)]));
    expect(counts).toEqual(Object.fromEntries(ALL_GUILDS.map((id) => [id, 1])));
    // Each recorded message id is the one message in that server's channel.
    const rows = await database.query('SELECT guild_id, message_id FROM daily_posts');
    for (const row of rows) expect(row.message_id).toBe(double.channelMessages(channelOf(String(row.guild_id)))[0]?.id);
    // The respawned process took over at least one claim of the dead one and found its post already sent.
    expect(manager.output()).toContain('daily post found already sent by a process that stopped');
    expect(double.identifyCount(0)).toBe(1);
    expect(double.violations).toEqual([]);
  }, SLOW);
});
