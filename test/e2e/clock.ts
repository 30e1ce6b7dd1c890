/**
 * The bot runs on the real clock. A test whose assertions name "today" must not straddle UTC midnight
 * (daily puzzles, leaderboards and streaks move on then), and a test that stops the bot right after
 * saving a due daily post must not meet the scheduler's minute tick. These wait, only when needed,
 * until such a boundary has passed; a test that calls one needs the wait in its timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Resolves once at least `marginMs` remain before the next multiple of `periodMs` (UTC); waits past it otherwise. */
export async function clearOfBoundary(periodMs: number, marginMs: number): Promise<void> {
  const untilNext = periodMs - (Date.now() % periodMs);
  if (untilNext < marginMs) await sleep(untilNext + 1000);
}

/** At least `marginMs` of the UTC day left, so "today" is the same day for the whole test. */
export const clearOfUtcMidnight = (marginMs = 60_000) => clearOfBoundary(DAY_MS, marginMs);

/** At least `marginMs` before the next whole minute, when the bot's cron jobs tick. */
export const clearOfMinuteTick = (marginMs = 10_000) => clearOfBoundary(MINUTE_MS, marginMs);
