/**
 * Puts the pieces together once: storage, topics, commands and the router that both front ends share.
 */
import type { Logger } from 'pino';
import { loadCommands } from './command-layer/loader.js';
import { CommandRouter } from './command-layer/router.js';
import type { AppServices, Channels, CommandModule } from './command-layer/types.js';
import type { Config } from './config.js';
import { loadTopicLibrary } from './content/library.js';
import { lazyQuestionBank, loadQuestionBank } from './content/quizzes.js';
import { dailyPuzzles, dailySecret } from './social/daily-puzzles.js';
import { openStorage } from './storage/index.js';
import { replayLinkKey, replayLinks } from './web/replay-links.js';

export interface App {
  router: CommandRouter;
  services: AppServices;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Posting outside interactions; the front end provides it (see lateBoundChannels). */
  channels: Channels;
  now?: () => Date;
  /**
   * Slow down a user who floods the bot (default). The console turns it off: it is one trusted person,
   * and a piped script sends lines as fast as it can.
   */
  rateLimit?: boolean;
  /** See AppServices.ownsGuild; every server by default (one process, one shard). */
  ownsGuild?: (guildId: string | null) => boolean;
}

/**
 * The front end that provides channels starts after the app it serves; this stands in for it until
 * then and delegates afterwards.
 */
export function lateBoundChannels(): Channels & { bind(channels: Channels): void } {
  let target: Channels | undefined;
  const current = () => {
    if (!target) throw new Error('channels used before the front end started');
    return target;
  };
  return {
    bind: (channels) => void (target = channels),
    canPost: (guildId, channelId) => current().canPost(guildId, channelId),
    post: (channelId, message) => current().post(channelId, message),
    edit: (channelId, messageId, message) => current().edit(channelId, messageId, message),
    findOwnPost: (channelId, since, marker) => current().findOwnPost(channelId, since, marker),
  };
}

export async function createApp({ config, logger, channels, now = () => new Date(), rateLimit = true, ownsGuild = () => true }: AppOptions): Promise<App> {
  const { database } = config;
  const storage = await openStorage(
    database.kind === 'sqlite'
      ? { databasePath: database.path }
      : {
          databaseUrl: database.url,
          poolSize: database.poolSize,
          onRetry: ({ attempt, error, retryInMs }) =>
            logger.warn({ attempt, err: error.message, retryInMs }, 'PostgreSQL is unreachable; retrying'),
        },
  );
  try {
    const topics = loadTopicLibrary();
    const readQuizzes = () => loadQuestionBank(new Set(topics.all().map((topic) => topic.slug)));
    // The console reads the questions once its prompt is up (main.ts); a bot reads them before connecting.
    const quizzes = config.mode === 'console' ? lazyQuestionBank(readQuizzes) : readQuizzes();
    const commands = await loadCommands();
    const list: readonly CommandModule[] = [...commands.values()];
    const daily = dailyPuzzles(await dailySecret(config.dailySecret, storage.secrets));
    const services: AppServices = {
      storage,
      channels,
      topics,
      quizzes,
      logger,
      now,
      daily,
      commands: () => list,
      ownsGuild,
      dailyPostLeaseMs: config.dailyPostLeaseMs,
    };
    const { baseUrl } = config.web;
    if (baseUrl !== undefined) {
      services.playgroundUrl = `${baseUrl}/`;
      const links = replayLinks(await replayLinkKey(storage.secrets));
      services.replayLink = (gameId) => `${baseUrl}/replay/${links.sign(gameId, now())}`;
    }
    return {
      router: new CommandRouter(commands, services, rateLimit ? undefined : null),
      services,
      close: () => storage.close(),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
