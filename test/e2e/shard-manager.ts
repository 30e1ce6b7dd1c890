/**
 * `npm start` against a double that recommends several shards: discord.js's ShardingManager in one child
 * process, starting (and respawning) one bot process per shard. Shared by the e2e tests that kill a shard
 * process and watch the manager bring it back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, startScriptArguments } from './harness.js';

export interface ShardManager {
  readonly child: ChildProcess;
  /** Everything the manager and its shard processes wrote, stdout and stderr together. */
  output(): string;
  /** The pid of the latest process started for `shard`, from the manager's "shard process started" log line. */
  shardPid(shard: number): number | undefined;
  /** Sends SIGTERM (the manager stops its shard processes) and resolves the exit code; at once if it has exited. */
  stop(): Promise<number | null>;
}

/** Starts the manager as `npm start` runs it: the compiled bot, whose shard manager starts compiled children. */
export function startShardManager(env: NodeJS.ProcessEnv): ShardManager {
  const child = spawn(process.execPath, startScriptArguments(), { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Listened for from the start, so an exit before stop() is asked for is not missed.
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    shardPid(shard) {
      const started = output.split('\n').filter((line) => line.includes('"shard process started"'));
      return started.map((line) => JSON.parse(line) as { shard: number; pid: number }).filter((entry) => entry.shard === shard).at(-1)?.pid;
    },
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      child.kill('SIGTERM');
      return exited;
    },
  };
}
