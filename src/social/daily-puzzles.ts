/**
 * The daily puzzles' secrets. A daily seed is derived from the day with a server-side key (HMAC), so
 * nobody can work out tomorrow's puzzle from the date, and /play refuses anything shaped like one, so
 * nobody can scout today's. The same key hashes (person, game, day) into the mark that keeps the day to
 * one attempt: the mark names nobody to anyone without the key, so it may outlive /privacy forget.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isGameId, type GameId } from '../games/index.js';
import type { ServerSecretStore } from '../storage/index.js';
import { startOfDay } from './days.js';

/** Every daily seed starts with this; /play refuses seeds that do. */
export const DAILY_SEED_PREFIX = 'daily';
/** The name of the generated key in the server's secret store. */
export const DAILY_SECRET_NAME = 'daily-puzzles';

const DAILY_SEED = /^daily-(\d{4}-\d{2}-\d{2})(?:-|$)/;

export interface DailyPuzzles {
  /** The seed of one game's puzzle on one UTC day: the same for everyone, unguessable without the key. */
  seed(game: GameId, day: string): string;
  /** The key of one person's attempt at one game's puzzle on one UTC day, as stored. */
  attemptKey(userId: string, game: GameId, day: string): string;
}

export function dailyPuzzles(secret: string): DailyPuzzles {
  if (secret.length === 0) throw new RangeError('The daily secret is empty');
  // A label per use keeps a seed from ever equalling an attempt key (domain separation).
  const keyed = (...parts: string[]) => createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex');
  const checked = (game: GameId, day: string) => {
    if (!isGameId(game)) throw new RangeError(`Unknown game ${String(game)}`);
    startOfDay(day);
  };
  return {
    seed(game, day) {
      checked(game, day);
      // The day stays readable (share lines count puzzles by it); 64 bits of key make it unguessable.
      return `${DAILY_SEED_PREFIX}-${day}-${keyed('seed', game, day).slice(0, 16)}`;
    },
    attemptKey(userId, game, day) {
      checked(game, day);
      return keyed('attempt', userId, game, day);
    },
  };
}

/** Whether a seed someone typed could name a daily puzzle: any seed that starts with "daily". */
export function looksLikeDailySeed(seed: string): boolean {
  return seed.trim().toLowerCase().startsWith(DAILY_SEED_PREFIX);
}

/** The UTC day a daily seed belongs to, or undefined for other seeds. */
export function dayOfDailySeed(seed: string): string | undefined {
  return DAILY_SEED.exec(seed)?.[1];
}

/**
 * The key: the host's DAILY_SECRET when set, otherwise one generated on first start and kept in the
 * database, so puzzles and marks stay the same across restarts and between processes.
 */
export async function dailySecret(configured: string | undefined, secrets: ServerSecretStore): Promise<string> {
  if (configured !== undefined) return configured;
  return secrets.getOrCreate(DAILY_SECRET_NAME, randomBytes(32).toString('hex'));
}
