/**
 * The reveal's shapes, apart from the code that computes them, so a game's rules can supply their own
 * part of a reveal (`revealExtras`) without importing the replays.
 */
import type { Direction, Params } from '../search/types.js';
import type { GameId } from './types.js';

export interface RevealTrial {
  readonly params: Params;
  /** The reading this try gave (taste, clicks, chord score, accuracy %), or null if it failed. */
  readonly value: number | null;
  /** Best reading so far, counting this try. */
  readonly best: number | null;
  /** Epochs the try was trained for, when a multi-fidelity strategy chose fewer than the knob says. */
  readonly fidelity?: number;
}

export interface RevealRun {
  /** 'player' or the strategy's registry name ('bayes', 'lock-reasoner', …). */
  readonly name: string;
  readonly label: string;
  readonly trials: readonly RevealTrial[];
  readonly best: number | null;
  /** 1-based try at which `best` was first reached, or null if nothing was found. */
  readonly foundAt: number | null;
  /** 1-based try at which this run's best-so-far first matched the player's best, or null if it never did. */
  readonly triesToMatchPlayer: number | null;
}

/** The player's run and every strategy's, in the reveal's order: what a game's extras are computed from. */
export interface RevealRuns {
  readonly player: RevealRun;
  readonly strategies: readonly RevealRun[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A finished game's reveal: the same puzzle replayed by each strategy with the same budget, next to the
 * player, plus `extras`, the data only this game's answer and pictures need (its rules' `revealExtras`).
 */
export interface Reveal<Extras = unknown> extends RevealRuns {
  readonly game: GameId;
  readonly seed: string;
  readonly difficulty: string;
  readonly budget: number;
  readonly direction: Direction;
  readonly extras: Extras;
}
