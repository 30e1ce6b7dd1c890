/** Daily streaks: runs of consecutive UTC days with at least one finished daily puzzle. */
import { daysBetween } from './days.js';

export interface Streaks {
  /** The run that ends today, or yesterday (today's puzzle may still be played). */
  current: number;
  longest: number;
  /** The last day played, if any. */
  lastDay: string | null;
}

/** @param days UTC days played (any order, repeats allowed). */
export function streaksOf(days: readonly string[], today: string): Streaks {
  const sorted = [...new Set(days)].filter((day) => day <= today).sort();
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of sorted) {
    run = previous !== undefined && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const alive = previous !== undefined && daysBetween(previous, today) <= 1;
  return { current: alive ? run : 0, longest, lastDay: previous ?? null };
}
