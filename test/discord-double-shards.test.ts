/**
 * The double's gateway with several shards, as Discord routes them: GET /gateway/bot recommends a count,
 * each session identifies with [id, count] and receives READY, GUILD_CREATE and interactions of its own
 * guilds only (shard = (guild_id >> 22) % count; DMs on shard 0). Real discord.js clients, one per shard.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, REST, Routes, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDiscordDouble, type DiscordDouble } from './discord-double/index.js';
import { shardOf } from './discord-double/gateway.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Guild ids whose shard of 2 is 0 and 1: ids are timestamps shifted left by 22 bits, so pick the timestamp. */
const guildOnShard = (shard: number, n: number) => String(((1_000_000_000_000n + BigInt(2 * n + shard)) << 22n) | 7n);
const channelOf = (guildId: string) => String(BigInt(guildId) + 1n);

async function shardClient(double: DiscordDouble, shard: number, count: number, seen: Interaction[]): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl }, shards: [shard], shardCount: count });
  cleanups.push(() => client.destroy());
  client.on(Events.InteractionCreate, (interaction) => {
    seen.push(interaction);
    if (interaction.isChatInputCommand()) void interaction.reply(`shard ${shard} here`);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  return client;
}

describe('a sharded gateway', () => {
  it('computes shards as Discord does', () => {
    expect(shardOf(undefined, 4)).toBe(0);
    expect(shardOf(String(5n << 22n), 4)).toBe(1);
    expect(shardOf(guildOnShard(1, 3), 2)).toBe(1);
    expect(shardOf(guildOnShard(0, 3), 2)).toBe(0);
  });

  it('recommends the configured shard count and gives each shard only its own guilds and interactions', async () => {
    const guilds = [guildOnShard(0, 0), guildOnShard(1, 0), guildOnShard(1, 1)];
    const double = await startDiscordDouble({
      shards: 2,
      guilds: guilds.map((id, i) => ({ id, name: `server ${i}`, channels: [{ id: channelOf(id), name: 'general' }] })),
    });
    cleanups.push(() => double.close());
    const gateway = (await new REST({ api: double.apiUrl }).setToken(double.token).get(Routes.gatewayBot())) as { shards: number };
    expect(gateway.shards).toBe(2);

    const seen: Interaction[][] = [[], []];
    const clients = [await shardClient(double, 0, 2, seen[0] ?? []), await shardClient(double, 1, 2, seen[1] ?? [])];
    expect(double.connectedShards()).toEqual([0, 1]);
    expect([...(clients[0]?.guilds.cache.keys() ?? [])]).toEqual([guilds[0]]);
    expect([...(clients[1]?.guilds.cache.keys() ?? [])].sort()).toEqual([guilds[1], guilds[2]].sort());

    await clients[0]?.application?.commands.set([{ name: 'ping', description: 'Which shard answers?' }]);
    const user = double.user();
    for (const guildId of guilds) {
      const result = await double.slash('ping', {}, { user, guildId, channelId: channelOf(guildId) });
      expect((await result.settled())?.content).toBe(`shard ${shardOf(guildId, 2)} here`);
    }
    expect(seen[0]?.map((interaction) => interaction.guildId)).toEqual([guilds[0]]);
    expect(seen[1]?.map((interaction) => interaction.guildId)).toEqual([guilds[1], guilds[2]]);
    expect(double.violations).toEqual([]);
  });

  it('closes a session that identifies with a shard outside its count', async () => {
    const double = await startDiscordDouble({ shards: 2 });
    cleanups.push(() => double.close());
    const socket = new WebSocket(`${double.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '')}/?v=10&encoding=json`);
    cleanups.push(async () => socket.terminate());
    await once(socket, 'message');
    socket.send(JSON.stringify({ op: 2, d: { token: double.token, intents: 1, properties: {}, shard: [2, 2] } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4010);
    expect(double.violations.join('\n')).toMatch(/identified with shard \[2,2\]/);
  });
});
