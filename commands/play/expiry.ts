/**
 * Games nobody will finish are closed on a clock: a daily puzzle once its UTC day is over, any other game
 * left untouched for a day. Each is a conditional update, so of several processes running this at once
 * one closes each game and the rest find nothing left to close.
 */
import type { AppServices, ScheduledJob } from '../../src/command-layer/types.js';
import { startOfDay, utcDay } from '../../src/social/days.js';

/** Non-daily games untouched this long are abandoned. */
export const IDLE_LIMIT_MS = 24 * 60 * 60 * 1000;

/** Closes the games expired at `at` (default: now); resolves how many. */
export async function closeExpiredGames(app: Pick<AppServices, 'storage' | 'logger' | 'now'>, at = app.now()): Promise<number> {
  const closed = await app.storage.gameExpiry.abandonExpired({
    dailyCreatedBefore: startOfDay(utcDay(at)),
    idleSince: new Date(at.getTime() - IDLE_LIMIT_MS),
    now: at,
  });
  if (closed > 0) app.logger.info({ closed }, 'expired games closed');
  return closed;
}

export const closeExpiredGamesJob: ScheduledJob = {
  name: 'close expired games',
  cron: '* * * * *',
  run: async (app) => void (await closeExpiredGames(app)),
};
