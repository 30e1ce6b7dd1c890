/**
 * The bot runs on the real clock. A test whose assertions name "today" must not straddle UTC midnight
 * (daily puzzles, leaderboards and streaks move on then). This waits, only when needed, until the
 * boundary has passed; a test that calls it needs the wait in its timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const DAY_MS = 86_400_000;

/** Resolves once at least `marginMs` remain before the next multiple of `periodMs` (UTC); waits past it otherwise. */
export async function clearOfBoundary(periodMs: number, marginMs: number): Promise<void> {
  const untilNext = periodMs - (Date.now() % periodMs);
  if (untilNext < marginMs) await sleep(untilNext + 1000);
}

/** At least `marginMs` of the UTC day left, so "today" is the same day for the whole test. */
export const clearOfUtcMidnight = (marginMs = 60_000) => clearOfBoundary(DAY_MS, marginMs);
