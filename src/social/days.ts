/**
 * Days as the social layer counts them: UTC dates written YYYY-MM-DD. Everyone shares one daily puzzle
 * per UTC day, numbered from DAILY_EPOCH (its seed is in daily-puzzles.ts).
 */
/** The share line's puzzle numbers count from here: this day is #1. */
export const DAILY_EPOCH = '2026-01-01';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC date of an instant, YYYY-MM-DD. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function midnightOf(day: string): number {
  const ms = DAY_PATTERN.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms) || utcDay(new Date(ms)) !== day) throw new RangeError(`Not a date in YYYY-MM-DD form: ${day}`);
  return ms;
}

/** The start of a UTC day as an instant. */
export function startOfDay(day: string): Date {
  return new Date(midnightOf(day));
}

/** The date `days` after `day` (negative for before). */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(midnightOf(day) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / DAY_MS);
}

/** The puzzle number shown in share lines: #1 on DAILY_EPOCH. */
export function dayNumber(day: string): number {
  return daysBetween(DAILY_EPOCH, day) + 1;
}
