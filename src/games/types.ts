/**
 * The shape every game shares, so one /play command can drive all four.
 * A game is a pure state machine: `play(state, move)` returns a new state and the feedback for that move.
 * State is plain JSON (stored, reloaded after a restart); the hidden puzzle is re-derived from the seed.
 * Names here are the learner's words (bake, dial, peg, run); the engine's words live in src/search.
 */
import type { Strategy } from '../search/strategy.js';
import type { Objective, Params } from '../search/types.js';
import type { RevealRuns } from './reveal-types.js';

export type GameId = 'bake' | 'lock' | 'tune' | 'train' | 'dig';

export const GAME_IDS: readonly GameId[] = ['bake', 'lock', 'tune', 'train', 'dig'];

export type GameStatus = 'playing' | 'won' | 'spent' | 'gave-up';

/** A move the rules refuse: out of range, malformed, or made after the game ended. The message is for the player. */
export class MoveError extends Error {
  /** The move field at fault (a MoveField name), when one is. */
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'MoveError';
    this.field = field;
  }
}

export interface Turn<Move, Feedback> {
  readonly move: Move;
  readonly feedback: Feedback;
}

/**
 * What every game's state has in common. Each game adds nothing secret: the puzzle comes from `seed`.
 * `Id` is wider than GameId only for a game written before it is registered (Dig for Gold, for now).
 */
export interface GameState<Move, Feedback, Id extends string = GameId> {
  readonly game: Id;
  /** Any short text; the same seed and difficulty always hide the same puzzle. */
  readonly seed: string;
  readonly difficulty: string;
  /** How many moves the player may make. */
  readonly budget: number;
  readonly status: GameStatus;
  readonly history: readonly Turn<Move, Feedback>[];
}

export interface Outcome {
  readonly status: GameStatus;
  /**
   * 0–100 for leaderboards; giving up scores 0. Bake, lock and tune: a win scores 50–100 (sooner is higher),
   * otherwise up to 50 for progress. Train has no win: its score is the best held-out accuracy.
   */
  readonly score: number;
  /** The player's best reading so far in the game's own unit (taste, clicks, chord score, accuracy %); null before any move. */
  readonly best: number | null;
  readonly movesUsed: number;
  readonly budget: number;
}

export interface Difficulty {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/** One input a front end shows for a move; a modal gives strings, a select gives one of `choices`. */
export type MoveField =
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly step?: number;
      readonly unit?: string;
      readonly logScale?: boolean;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'choice';
      readonly choices: readonly { readonly value: string; readonly label: string }[];
    };

/** A reading's name and unit ("taste", or "gold" in "g"), and where readings fall when the game knows. */
export interface ReadingScale {
  readonly name: string;
  readonly unit?: string;
  /** Every reading lies in this range (taste 0–100); absent when it varies by puzzle. */
  readonly range?: readonly [number, number];
  /** How widely readings spread on a typical puzzle: a belief's scale after one move, before spread can be measured. */
  readonly spread: number;
}

/** Raw move input from a front end: field name → text typed or value picked. */
export type MoveInput = Readonly<Record<string, string | number | undefined>>;

/**
 * One game's rules. `Extras` is the game's own part of its reveal (the bake's true taste curve, the lock's
 * combination), whatever its answer and pictures need beyond the runs every reveal has.
 */
export interface GameRules<State extends GameState<Move, Feedback, string>, Move, Feedback, Extras = unknown> {
  readonly id: State['game'];
  readonly title: string;
  /** One sentence telling the player what to do. */
  readonly blurb: string;
  /** Content slug behind the "Why?" button. */
  readonly topic: string;
  readonly difficulties: readonly Difficulty[];
  readonly defaultDifficulty: string;
  /** The inputs a move needs at this difficulty. */
  moveFields(difficulty: string): readonly MoveField[];
  /** Turns front-end input into a move; throws MoveError naming the allowed range. */
  parseMove(input: MoveInput, state: State): Move;
  /** Deterministic from the seed. Throws MoveError for an unknown difficulty. */
  start(options: { seed: string; difficulty?: string }): State;
  /** Pure. Throws MoveError for a malformed or out-of-range move, or when the game is over. */
  play(state: State, move: Move): { state: State; feedback: Feedback };
  giveUp(state: State): State;
  outcome(state: State): Outcome;
  /** The hidden objective this puzzle poses, in the engine's words, for replays and the reveal. */
  objective(seed: string, difficulty: string): Objective;
  /** The engine parameters the player's move amounts to, so player and strategies share one axis. */
  moveToParams(state: State, moveIndex: number): Params;
  /**
   * Whether standing at these parameters wins the puzzle, by the same check a player's move gets: the
   * one finish line a player and the optimiser are both held to in a race. Train has none (always false).
   */
  winsAt(seed: string, difficulty: string, params: Params): boolean;
  /** The number a turn scored, in the game's own unit (taste, clicks, chord score, accuracy %). */
  reading(turn: Turn<Move, Feedback>): number;
  /** What that number is called and measured in, for front ends that show any game's readings. */
  readonly readingScale: ReadingScale;
  /** The puzzle's hidden answer in the learner's words, from the seed alone (the daily post's "yesterday"). */
  hiddenAnswer(seed: string, difficulty: string): string;
  /** The strategies the reveal replays this puzzle with: registry names, or a strategy of the game's own. */
  readonly revealStrategies: readonly (string | Strategy)[];
  /** The game's own data for its reveal, from the finished state and every run of the reveal. */
  revealExtras(state: State, runs: RevealRuns): Extras;
}

/** Any game, for the registry and for front ends that drive games without knowing which. */
// Method syntax in GameRules keeps parameters bivariant, so each concrete game fits this wide type.
export type AnyGameRules = GameRules<GameState<unknown, unknown>, unknown, unknown, unknown>;
