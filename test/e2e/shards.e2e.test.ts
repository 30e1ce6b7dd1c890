/**
 * End to end with shards: `npm start` against a double that recommends two shards becomes discord.js's
 * ShardingManager with one real bot process per shard, both on one PostgreSQL database. Games run in a
 * server on each shard; one shard process is killed with SIGKILL mid-game, the manager respawns it, and
 * its game carries on from the board already shown, with no move lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble, InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { control, waitFor } from './board.js';
import { doubleEnv, runScript } from './harness.js';
import { startShardManager, type ShardManager } from './shard-manager.js';

/** Guild ids on shard 0 and shard 1 of 2: a snowflake's shard comes from its timestamp bits (>> 22). */
const guildOnShard = (shard: number) => String(((1_000_000_000_000n + BigInt(shard)) << 22n) | 7n);
const GUILDS = [guildOnShard(0), guildOnShard(1)] as const;
const channelOf = (guildId: string) => String(BigInt(guildId) + 1n);
const SLOW = 180_000;

let double: DiscordDouble;
let database: TestDatabase;
let manager: ShardManager;

const ctx = (guildId: string, userId: string): InteractionCtx => ({ user: double.user(userId), guildId, channelId: channelOf(guildId) });

async function startBake(guildId: string, userId: string): Promise<StoredMessage> {
  const board = await (await double.slash('play', { subcommand: 'bake', options: { seed: `shard-${guildId}` } }, ctx(guildId, userId))).settled();
  if (!board) throw new Error('no board');
  return board;
}

async function bake(board: StoredMessage, minutes: string, guildId: string, userId: string): Promise<StoredMessage> {
  const opened = await double.click(board.id, control(board, (c) => c.label === 'Bake…').custom_id, ctx(guildId, userId));
  const modal = await opened.response();
  const submitted = await double.submitModal(modal.data.custom_id, { minutes }, { ...ctx(guildId, userId), messageId: board.id });
  expect((await submitted.response()).type).toBe(7);
  await submitted.settled();
  return double.message(board.id) as StoredMessage;
}

beforeAll(async () => {
  double = await startDiscordDouble({
    shards: 2,
    guilds: GUILDS.map((id, i) => ({ id, name: `Study group ${i}`, channels: [{ id: channelOf(id), name: 'general' }] })),
  });
  database = await createTestDatabase('postgres');
  const env = doubleEnv(double, database.env);
  const registration = await runScript('src/discord/deploy-commands.ts', env);
  if (registration.code !== 0) throw new Error(`deploy-commands failed:\n${registration.output}`);
  manager = startShardManager(env);
  await waitFor(() => (double.connectedShards().length === 2 ? true : undefined), `both shards to connect:\n${manager.output()}`, SLOW);
}, SLOW);

afterAll(async () => {
  await manager?.stop();
  await double?.close();
  await database?.drop();
}, SLOW);

describe('two shard processes on one PostgreSQL database', () => {
  it('plays in a server on each shard, and a shard killed mid-game comes back with its game intact', async () => {
    const [ann, bo] = ['200000000000000101', '200000000000000102'];
    let first = await startBake(GUILDS[0], ann);
    let second = await startBake(GUILDS[1], bo);
    first = await bake(first, '15', GUILDS[0], ann);
    second = await bake(second, '15', GUILDS[1], bo);
    expect(second.embeds[0].description).toContain('1. 15 min');

    const victim = manager.shardPid(1);
    expect(victim).toBeTypeOf('number');
    process.kill(victim as number, 'SIGKILL');
    await waitFor(() => (double.identifyCount(1) === 2 && double.connectedShards().length === 2 ? true : undefined), `shard 1 to be respawned:\n${manager.output()}`, SLOW);
    expect(manager.output()).toContain('shard process died; respawning');

    second = await bake(second, '16.5', GUILDS[1], bo);
    expect(second.embeds[0].description).toContain('1. 15 min');
    expect(second.embeds[0].description).toContain('2. 16.5 min');
    first = await bake(first, '12', GUILDS[0], ann);
    expect(first.embeds[0].description).toContain('2. 12 min');
    // Shard 0 never restarted.
    expect(double.identifyCount(0)).toBe(1);
    expect(double.violations).toEqual([]);
  }, SLOW);

  it('stops every shard process on SIGTERM', async () => {
    expect(await manager.stop()).toBe(0);
    await waitFor(() => (double.connectedShards().length === 0 ? true : undefined), 'the shards to disconnect', 30_000);
  }, SLOW);
});
