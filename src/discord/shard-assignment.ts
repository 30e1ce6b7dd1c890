/** Which shards a process runs, and so which servers' events reach it (no discord.js here: the console loads this too). */
export interface ShardAssignment {
  /** The shards this process (or this machine's manager) runs. */
  readonly ids: readonly number[];
  /** Shards in all, across every machine. */
  readonly count: number;
}

/** The shard whose connection receives a server's events; direct messages go to shard 0. */
export function shardOfGuild(guildId: string | null | undefined, count: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

/** Whether a process running `assignment` receives this server's events (and so should post to it). */
export function ownsGuild(assignment: ShardAssignment, guildId: string | null | undefined): boolean {
  return assignment.ids.includes(shardOfGuild(guildId, assignment.count));
}

/** The shard a ShardingManager started this process for, from the environment it set; undefined otherwise. */
export function shardOfThisProcess(env: NodeJS.ProcessEnv = process.env): ShardAssignment | undefined {
  if (env.SHARDING_MANAGER !== 'true' || env.SHARDS === undefined || env.SHARD_COUNT === undefined) return undefined;
  const shards = JSON.parse(env.SHARDS) as number | number[];
  return { ids: Array.isArray(shards) ? shards : [shards], count: Number(env.SHARD_COUNT) };
}

