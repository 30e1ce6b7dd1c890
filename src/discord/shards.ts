/**
 * Sharding: Discord requires a bot in more than 2,500 servers to split its gateway connections into
 * shards, each receiving the events of the servers with (guild_id >> 22) % count = its number. With more
 * than one shard, `npm start` becomes discord.js's ShardingManager: one child process per shard (this same
 * entry point, told its shard through SHARDS and SHARD_COUNT), respawned if it dies. DISCORD_SHARD_IDS
 * lets each machine run some of the shards over one shared PostgreSQL database.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { DiscordSettings } from '../config.js';
import type { ShardAssignment } from './shard-assignment.js';

/** The shards to run: a fixed DISCORD_SHARDS, or the count Discord recommends for this bot. */
export async function planShards(discord: DiscordSettings): Promise<ShardAssignment> {
  let count: number;
  if (discord.shards === 'auto') {
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
    count = Math.max(1, gateway.shards);
  } else {
    count = discord.shards;
  }
  const ids = discord.shardIds ?? Array.from({ length: count }, (_, id) => id);
  const beyond = ids.filter((id) => id >= count);
  if (beyond.length > 0) throw new Error(`DISCORD_SHARD_IDS names shard ${beyond.join(', ')}, but Discord recommends ${count} shards (0 to ${count - 1})`);
  return { ids, count };
}

/** This process's own entry point: the compiled main.js under `npm start`, main.ts under tsx (tests, development). */
const COMPILED = import.meta.url.endsWith('.js');
const MAIN = fileURLToPath(new URL(COMPILED ? '../main.js' : '../main.ts', import.meta.url));
/** A shard that does not connect within this long is killed and spawned again. */
const SHARD_READY_TIMEOUT_MS = 120_000;

export interface RunningShards {
  stop(): Promise<void>;
}

/** Starts one child process per shard in `assignment`, respawning any that exits. */
export async function runShardManager(discord: DiscordSettings, assignment: ShardAssignment, logger: Logger): Promise<RunningShards> {
  const manager = new ShardingManager(MAIN, {
    token: discord.token,
    totalShards: assignment.count,
    shardList: [...assignment.ids],
    mode: 'process',
    respawn: true,
    // Children run what this process runs: compiled JavaScript, or TypeScript through tsx in development.
    execArgv: COMPILED ? ['--max-semi-space-size=2'] : ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, count: assignment.count }, 'shard process starting');
    shard.on('death', (child) => logger.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : null }, 'shard process died; respawning'));
    shard.on('spawn', (child) => logger.info({ shard: shard.id, pid: 'pid' in child ? child.pid : undefined }, 'shard process started'));
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
  });
  // Shards connect one after another, as Discord's identify limit requires.
  await manager.spawn({ amount: assignment.count, delay: 5_500, timeout: SHARD_READY_TIMEOUT_MS });
  return {
    async stop() {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          // SIGTERM lets each shard finish a daily post under way and close its connections.
          child.kill('SIGTERM');
          await exited;
        }),
      );
    },
  };
}
