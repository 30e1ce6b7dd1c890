/** Leaderboard periods and how a ranking reads, shared by /leaderboard and the daily post. */
import type { LeaderboardEntry } from '../storage/index.js';
import { addDays } from './days.js';

export type Period = 'today' | 'week' | 'all';
export const PERIODS: readonly Period[] = ['today', 'week', 'all'];

export const PERIOD_NAMES: Readonly<Record<Period, string>> = {
  today: 'today (UTC)',
  week: 'the last 7 days (UTC)',
  all: 'all time',
};

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** The first UTC day a period covers: today, the last 7 days including today, or everything. */
export function periodStart(period: Period, today: string): string | undefined {
  if (period === 'today') return today;
  if (period === 'week') return addDays(today, -6);
  return undefined;
}

const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * A player as text: their display name when we know it, otherwise a mention. Mentions render as names
 * without pinging because every message goes out with no allowed mentions; ids are digits, so a
 * mention can never turn into @everyone.
 */
export function playerLabel(userId: string, names: ReadonlyMap<string, string> = new Map()): string {
  const name = names.get(userId);
  if (name) return name.replace(/[@*_`~|>\\]/g, (c) => `\\${c}`);
  return /^\d{1,20}$/.test(userId) ? `<@${userId}>` : 'someone';
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function rankingLine(entry: LeaderboardEntry, names?: ReadonlyMap<string, string>): string {
  const place = MEDALS[entry.rank - 1] ?? `**${entry.rank}.**`;
  return `${place} ${playerLabel(entry.userId, names)} — ${formatScore(entry.score)}`;
}
