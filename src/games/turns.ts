/**
 * Bookkeeping every game shares: refusing moves once the game is over, recording a turn, giving up,
 * and the leaderboard score. Kept in one place so the four games end and score the same way.
 */
import type { GameState, GameStatus, Outcome, Turn } from './types.js';
import { MoveError } from './types.js';

export function requirePlaying(state: GameState<unknown, unknown, string>): void {
  if (state.status !== 'playing') {
    const why =
      state.status === 'won'
        ? 'you already won'
        : state.status === 'spent'
          ? `all ${state.budget} moves are used`
          : 'you gave up';
    throw new MoveError(`This game is over (${why}). Start a new one to play again.`);
  }
}

/** Appends a turn; the game ends when the move won or when it used the last of the budget. */
export function recordTurn<S extends GameState<M, F, string>, M, F>(state: S, move: M, feedback: F, won: boolean): S {
  const history: Turn<M, F>[] = [...state.history, { move, feedback }];
  const status: GameStatus = won ? 'won' : history.length >= state.budget ? 'spent' : 'playing';
  return { ...state, history, status };
}

/** The turn at `index`, for replaying a game's moves; `noun` names a move in the error ("Bake 3 …"). */
export function turnAt<M, F>(state: GameState<M, F, string>, index: number, noun: string): Turn<M, F> {
  const turn = state.history[index];
  if (turn === undefined) throw new RangeError(`${noun} ${index + 1} has not happened yet.`);
  return turn;
}

export function giveUpGame<S extends GameState<unknown, unknown, string>>(state: S): S {
  requirePlaying(state);
  return { ...state, status: 'gave-up' };
}

/**
 * 0–100: a win scores 100 on the first move down to 50 on the last; a game that ran out of moves scores up
 * to 50 for how close it got (`progress` 0–1); giving up scores 0 so quitting never beats trying.
 */
export function leaderboardScore(status: GameStatus, progress: number, movesUsed: number, budget: number): number {
  if (status === 'won') {
    const spareShare = budget > 1 ? (budget - movesUsed) / (budget - 1) : 1;
    return Math.round(50 + 50 * spareShare);
  }
  if (status === 'gave-up') return 0;
  return Math.round(50 * Math.min(1, Math.max(0, progress)));
}

/** Largest of the readings, or null before any move. */
export function bestReading(readings: readonly number[]): number | null {
  return readings.length === 0 ? null : Math.max(...readings);
}

/** Finds the difficulty or refuses with the list of allowed ones. */
export function requireDifficulty<D extends string>(allowed: readonly D[], requested: string | undefined, fallback: D): D {
  const difficulty = requested ?? fallback;
  if (!(allowed as readonly string[]).includes(difficulty)) {
    throw new MoveError(`Unknown difficulty "${difficulty}". Choose one of: ${allowed.join(', ')}.`);
  }
  return difficulty as D;
}

export const MAX_SEED_LENGTH = 100;

/** A seed is any short text; empty or very long seeds are refused so a puzzle can always be typed back. */
export function requireSeed(seed: string): string {
  if (typeof seed !== 'string' || seed.trim() === '' || seed.length > MAX_SEED_LENGTH) {
    throw new MoveError(`A puzzle seed is any text of 1 to ${MAX_SEED_LENGTH} characters (for example "maple-417").`);
  }
  return seed;
}

/** The outcome of a game scored 0–100 per move (taste, chord score): its best reading is its progress. */
export function outcomeOfReadings(state: GameState<unknown, unknown, string>, readings: readonly number[]): Outcome {
  const best = bestReading(readings);
  return {
    status: state.status,
    score: leaderboardScore(state.status, (best ?? 0) / 100, state.history.length, state.budget),
    best,
    movesUsed: state.history.length,
    budget: state.budget,
  };
}
