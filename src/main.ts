/**
 * `npm start`: the bot on Discord when DISCORD_TOKEN is set, otherwise the same commands in a local
 * console. Configuration problems stop it with one readable message and exit code 1.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createApp, lateBoundChannels } from './app.js';
import { ConfigError, loadConfig, type DiscordSettings } from './config.js';
import { ownsGuild, shardOfThisProcess, type ShardAssignment } from './discord/shard-assignment.js';
import { runConsole } from './console/console.js';
import { createLogger } from './logger.js';
import { TopicLoadError } from './content/library.js';
import { QuizLoadError } from './content/quizzes.js';
import { DatabaseConnectError, MigrationError } from './storage/index.js';
import { startConsoleJobs } from './console/daily.js';
import { startScheduledJobs, type RunningJobs } from './command-layer/jobs.js';

if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config);

// With more than one shard this process only manages the shard processes, each of which runs this file.
const shard = config.mode === 'discord' ? await chooseShards(config.discord) : undefined;

const channels = lateBoundChannels();
let app;
try {
  app = await createApp({
    config,
    logger,
    channels,
    rateLimit: config.mode === 'discord',
    ownsGuild: (guildId) => (shard ? ownsGuild(shard, guildId) : true),
  });
} catch (error) {
  // A broken topic file or database is the host's to fix: say what and where, without a stack trace.
  if (!(error instanceof TopicLoadError || error instanceof QuizLoadError || error instanceof MigrationError || error instanceof DatabaseConnectError)) throw error;
  process.stderr.write(`Tuning Fork cannot start:\n${error.message}\n`);
  process.exit(1);
}

// One playground per machine's shards: with several shard processes, the one running shard 0 serves it.
// Loaded only when started, and in the console only once the prompt is up, so the prompt comes first.
let web: { close(): Promise<void> } | undefined;
const webOptions = {
  settings: config.web,
  services: app.services,
  ...(config.mode === 'discord' ? { discord: { clientId: config.discord.clientId, apiUrl: config.discord.apiUrl } } : {}),
};
async function startWeb(): Promise<void> {
  if (shard !== undefined && !shard.ids.includes(0)) return;
  const { startWebServer } = await import('./web/server.js');
  web = await startWebServer(webOptions);
}

/** The console's questions are read once its prompt is up; a broken question file stops it as at start. */
const questions = app.services.quizzes;
function readQuestionsOrStop(): void {
  try {
    questions.all();
  } catch (error) {
    if (!(error instanceof QuizLoadError)) throw error;
    process.stderr.write(`Tuning Fork cannot start:\n${error.message}\n`);
    process.exit(1);
  }
}

// A stray rejection is a bug to log, not a reason to drop every game in progress.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

const SHUTDOWN_GRACE_MS = 10_000;

/** Waits for `work`, but no longer than `ms`; shutting down must not hang on a stuck request. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * The shards this process connects: those a ShardingManager started it for, or, when Discord (or
 * DISCORD_SHARDS) asks for a single shard, that one. Otherwise it becomes the manager of one process per
 * shard and never returns.
 */
async function chooseShards(discord: DiscordSettings): Promise<ShardAssignment | undefined> {
  const child = shardOfThisProcess();
  if (child) return child;
  // discord.js loads only on Discord, so the console starts without it.
  const { planShards, runShardManager } = await import('./discord/shards.js');
  let plan: ShardAssignment;
  try {
    plan = await planShards(discord);
  } catch (error) {
    process.stderr.write(`Tuning Fork cannot start: could not plan the shards: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (plan.count === 1) return undefined;
  logger.info({ shards: plan.ids, count: plan.count }, 'starting one process per shard');
  const shards = await runShardManager(discord, plan, logger);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping the shard processes');
    await shards.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Park here: the shard processes do the work, and this one only respawns them until a signal.
  return new Promise<never>(() => undefined);
}

if (config.mode === 'discord') {
  const { token, apiUrl } = config.discord;
  await startWeb();
  // discord.js loads only here, so the console starts without it.
  const { startDiscordBot } = await import('./discord/bot.js');
  const { discordChannels } = await import('./discord/channels.js');
  const bot = await startDiscordBot({ token, apiUrl, router: app.router, logger });
  channels.bind(discordChannels(bot.client));
  const jobs = startScheduledJobs(app.services);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    jobs.stop();
    // A daily post or a round's closing edit already under way finishes first: cut off between claim and
    // post, a daily post would wait out its lease before another process sends it. Discord's REST calls
    // time out on their own, and the grace period bounds the wait anyway.
    await settledWithin(jobs.idle(), SHUTDOWN_GRACE_MS);
    await bot.stop();
    await web?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} else {
  const interactive = process.stdin.isTTY === true;
  const invocation = { user: { id: '1', name: userInfo().username || 'you' }, guildId: '1', channelId: '1', canManageGuild: true };
  let jobs: RunningJobs | undefined;
  let afterPrompt: Promise<void> | undefined;
  await runConsole({
    router: app.router,
    input: process.stdin,
    output: process.stdout,
    invocation,
    filesDir: config.consoleFilesDir,
    keepEveryClip: config.consoleKeepClips,
    interactive,
    channels,
    ready: async () => {
      // The jobs start once the console can print: the daily post and closed rounds show up there.
      jobs = await startConsoleJobs(app.services, { guildId: invocation.guildId, channelId: invocation.channelId });
      // After the prompt is drawn: the questions and the playground are not needed to type the first line.
      afterPrompt = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        readQuestionsOrStop();
        return startWeb();
      });
    },
  });
  jobs?.stop();
  await settledWithin(jobs?.idle() ?? Promise.resolve(), SHUTDOWN_GRACE_MS);
  // A console closed at once (piped input) may end before the playground has finished starting.
  await afterPrompt?.catch((error: unknown) => logger.error({ err: error }, 'the playground could not start'));
  await web?.close();
  await app.close();
}
