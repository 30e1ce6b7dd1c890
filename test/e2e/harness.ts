/**
 * Starts the bot as `npm start` starts it — a separate Node process running the compiled bot (dist/,
 * built by test/global-setup.ts) with the real discord.js client — pointed at the local Discord test
 * double, on a real SQLite file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble, DiscordDoubleOptions, InteractionCtx } from '../discord-double/types.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  /** Everything the process wrote, stdout and stderr together. */
  output(): string;
  /**
   * Resolves once the output contains `text`. The bot's log and its answers travel by different pipes, so
   * a log line may arrive after the answer it belongs to.
   */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Sends SIGTERM and waits for a clean exit; resolves the exit code. */
  stop(): Promise<number | null>;
  readonly child: ChildProcess;
}

export interface Scenario {
  double: DiscordDouble;
  dir: string;
  databasePath: string;
  env: NodeJS.ProcessEnv;
  bot: BotProcess;
  /** A member of the fixture guild, in its #general channel. */
  as(userId: string, permissions?: string): InteractionCtx;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const GUILD_ID = '900000000000000001';
export const CHANNEL_ID = '900000000000000002';

/**
 * Node's arguments to run one of our entry points (a source path such as 'src/cli/search.ts') as the npm
 * scripts do: scripts/start.mjs builds dist/ if needed and runs the compiled file, no TypeScript loader.
 */
export function compiledEntry(entry: string, ...args: string[]): string[] {
  return ['scripts/start.mjs', entry, ...args];
}

/** Node's arguments in package.json's start script (`node <these>`), Node's own options included. */
export function startScriptArguments(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`the start script does not start with node: ${pkg.scripts.start}`);
  return args;
}

/** Runs a script of ours as the npm scripts do, and collects its output. */
export function runScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, compiledEntry(script), { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': only then has all of the child's output been read from its pipes.
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The environment of a bot process talking to `double` and nothing else (no variable leaks in from the
 * machine's own .env or shell), with `settings` (database, shards, log level) on top.
 */
export function doubleEnv(double: DiscordDouble, settings: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: double.token,
    DISCORD_CLIENT_ID: double.applicationId,
    DISCORD_API_URL: double.apiUrl,
    LOG_LEVEL: 'info',
    // Several bots run at once: each web server takes whatever port is free.
    WEB_PORT: '0',
    ...settings,
  };
}

/** One bot on a SQLite file, its commands registered to the test server. */
export function botEnv(double: DiscordDouble, databasePath: string): NodeJS.ProcessEnv {
  return doubleEnv(double, { DISCORD_GUILD_ID: GUILD_ID, DATABASE_PATH: databasePath });
}

export async function startBot(double: DiscordDouble, env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): Promise<BotProcess> {
  const child = spawn(process.execPath, [...nodeArgs, ...startScriptArguments()], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const failed = exited.then((code) => {
    throw new Error(`the bot exited with code ${code} before it was ready:\n${output}`);
  });
  // The double's ready() stays resolved after a first client, so a restarted bot is ready when it says so.
  const connected = new Promise<void>((resolve) => {
    const check = () => {
      if (output.includes('connected to Discord')) {
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', check);
  });
  await Promise.race([Promise.all([double.ready(), connected]), failed]);
  failed.catch(() => undefined);
  return {
    child,
    output: () => output,
    waitForOutput(text, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return false;
          clearTimeout(timer);
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          reject(new Error(`the bot did not print “${text}” within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        if (check()) return;
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
      });
    },
    async stop() {
      // A process that has already gone (exited, or killed by a signal) would never exit again.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export const OTHER_GUILD_ID = '900000000000000011';
export const OTHER_CHANNEL_ID = '900000000000000012';

export interface ScenarioOptions extends DiscordDoubleOptions {
  /** Register commands globally (every server) instead of to the development guild. */
  global?: boolean;
  /** Extra Node options for the bot process only, e.g. --cpu-prof (which NODE_OPTIONS may not carry). */
  botNodeArgs?: string[];
  /** Extra environment for the bot, e.g. a DAILY_SECRET the test can derive the day's puzzles from. */
  botSettings?: Readonly<Record<string, string>>;
}

export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const double = await startDiscordDouble({
    guilds: [
      { id: GUILD_ID, name: 'Study group', channels: [{ id: CHANNEL_ID, name: 'general' }] },
      { id: OTHER_GUILD_ID, name: 'Another study group', channels: [{ id: OTHER_CHANNEL_ID, name: 'general' }] },
    ],
    ...options,
  });
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-e2e-'));
  const databasePath = join(dir, 'bot.db');
  const env = { ...botEnv(double, databasePath), ...options.botSettings };
  if (options.global) delete env.DISCORD_GUILD_ID;
  let bot: BotProcess;
  try {
    const registration = await runScript('src/discord/deploy-commands.ts', env);
    if (registration.code !== 0) throw new Error(`deploy-commands failed:\n${registration.output}`);
    bot = await startBot(double, env, options.botNodeArgs);
  } catch (error) {
    // A start that fails must not leave the double listening or the temp folder behind.
    await double.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const scenario: Scenario = {
    double,
    dir,
    databasePath,
    env,
    bot,
    as: (userId, permissions) => ({ user: double.user(userId), guildId: GUILD_ID, channelId: CHANNEL_ID, permissions }),
    async restart() {
      await scenario.bot.stop();
      scenario.bot = await startBot(double, env, options.botNodeArgs);
    },
    async close() {
      await scenario.bot.stop();
      await double.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return scenario;
}

/** Runs a whole script's work against the scenario and closes it either way; a failure shows the bot's output first. */
export async function closeAfter(scenario: Scenario, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await scenario.close();
    console.error(scenario.bot.output());
    throw error;
  }
  await scenario.close();
}
