/**
 * What the replay page needs of a stored game: the game's own state (its moves and readings) and, in a
 * race, the optimiser's run as it was played. The page rebuilds the reveal itself with the same pure
 * engine (src/games/reveal.ts), so the numbers match the reveal in Discord. Nothing about the people is
 * sent: no user ids, no names, no server or channel.
 */
import { z } from 'zod';
import { GAME_IDS } from '../games/types.js';
import type { GameRecord } from '../storage/types.js';

const storedSession = z.object({
  game: z.object({
    game: z.enum(GAME_IDS),
    seed: z.string(),
    difficulty: z.string(),
    budget: z.number().int().positive(),
    status: z.enum(['playing', 'won', 'spent', 'gave-up']),
    history: z.array(z.object({ move: z.unknown(), feedback: z.unknown() })),
  }),
  group: z.object({}).passthrough().optional(),
  race: z
    .object({
      opponent: z.enum(['bayes', 'lock-reasoner']),
      trials: z.array(z.object({ params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])), value: z.number() })),
    })
    .optional(),
});

export interface ReplayData {
  readonly game: (typeof GAME_IDS)[number];
  readonly mode: string;
  readonly finishedAt: string | null;
  readonly expiresAt: string;
  /** The game's state as the reveal saw it (a group round's budget is the moves it made). */
  readonly state: z.infer<typeof storedSession>['game'];
  readonly raced: { readonly strategy: string; readonly trials: readonly { params: Record<string, number | string | boolean>; value: number }[] } | null;
}

export type ReplayRefusal = 'not-finished' | 'daily' | 'unreadable';

/**
 * The replay of a finished game, or why there is none. A daily game is never replayed: its seed is the
 * day's secret, and showing it would give the day's puzzle away.
 */
export function replayData(record: GameRecord, expiresAt: Date): ReplayData | ReplayRefusal {
  if (record.status !== 'finished') return 'not-finished';
  if (record.mode === 'daily') return 'daily';
  const parsed = storedSession.safeParse(record.state);
  if (!parsed.success) return 'unreadable';
  const { game, group, race } = parsed.data;
  const state = group ? { ...game, budget: Math.max(1, game.history.length) } : game;
  return {
    game: game.game,
    mode: record.mode,
    finishedAt: record.finishedAt?.toISOString() ?? null,
    expiresAt: expiresAt.toISOString(),
    state,
    raced: race ? { strategy: race.opponent, trials: race.trials } : null,
  };
}
