/**
 * Puts the pieces together once: storage, topics, commands and the router that both front ends share.
 */
import type { Logger } from 'pino';
import { loadCommands } from './command-layer/loader.js';
import { CommandRouter } from './command-layer/router.js';
import type { AppServices, CommandModule } from './command-layer/types.js';
import type { Config } from './config.js';
import { loadTopicLibrary } from './content/library.js';
import { openStorage } from './storage/index.js';

export interface App {
  router: CommandRouter;
  services: AppServices;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  now?: () => Date;
}

export async function createApp({ config, logger, now = () => new Date() }: AppOptions): Promise<App> {
  const storage = await openStorage({ databasePath: config.databasePath });
  try {
    const topics = loadTopicLibrary();
    const commands = await loadCommands();
    const list: readonly CommandModule[] = [...commands.values()];
    const services: AppServices = { storage, topics, logger, now, commands: () => list };
    return {
      router: new CommandRouter(commands, services),
      services,
      close: () => storage.close(),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
