/**
 * Scheduled jobs in the console, the daily post among them. The terminal is the pretend server's
 * channel, so the post prints there: at 09:00 in this computer's time zone unless `/settings set` says
 * otherwise, and at start-up when that time has passed and today's post has not been shown yet.
 */
import { startScheduledJobs, type RunningJobs } from '../command-layer/jobs.js';
import type { AppServices } from '../command-layer/types.js';
import { canonicalTimeZone, DEFAULT_DAILY_TIME } from '../social/local-time.js';

export interface ConsoleServer {
  guildId: string;
  channelId: string;
}

/** Gives the pretend server its daily settings, then starts the scheduled jobs; resolves after their start-up runs. */
export async function startConsoleJobs(services: AppServices, server: ConsoleServer): Promise<RunningJobs> {
  const settings = services.storage.guildSettings;
  if (!(await settings.get(server.guildId))) {
    await settings.save({
      guildId: server.guildId,
      dailyChannelId: server.channelId,
      dailyTime: DEFAULT_DAILY_TIME,
      timezone: canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC',
    });
  }
  const jobs = startScheduledJobs(services);
  await jobs.started;
  return jobs;
}
