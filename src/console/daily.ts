/**
 * The daily post in the console. The terminal is the pretend server's channel, so the post prints there:
 * at 09:00 in this computer's time zone unless `/settings set` says otherwise, and at start-up when that
 * time has passed and today's post has not been shown yet.
 */
import { DEFAULT_DAILY_TIME } from '../../commands/settings.js';
import type { AppServices } from '../command-layer/types.js';
import { startScheduler, type DailyScheduler, type SchedulerOptions } from '../social/daily-scheduler.js';
import { canonicalTimeZone } from '../social/local-time.js';

export interface ConsoleServer {
  guildId: string;
  channelId: string;
}

/** Starts the daily scheduler once posts can print; resolves after its start-up tick has printed. */
export async function startConsoleDailyPosts(
  services: AppServices,
  server: ConsoleServer,
  options: SchedulerOptions = {},
): Promise<DailyScheduler> {
  const settings = services.storage.guildSettings;
  if (!(await settings.get(server.guildId))) {
    await settings.save({
      guildId: server.guildId,
      dailyChannelId: server.channelId,
      dailyTime: DEFAULT_DAILY_TIME,
      timezone: canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC',
    });
  }
  const scheduler = startScheduler(services, options);
  await scheduler.idle();
  return scheduler;
}
