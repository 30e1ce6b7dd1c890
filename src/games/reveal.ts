/**
 * The reveal's numbers: when a game ends, how the engine's strategies would have played the SAME puzzle
 * with the SAME budget, next to the player, plus the data each game's pictures need. Plain data only.
 *
 * Convention: every strategy is replayed on the game's objective with the study seed equal to the puzzle
 * seed, so a reveal row equals
 *   npm run search -- --objective <game> --puzzle-seed <seed> --difficulty <difficulty> --seed <seed> --budget <budget> --strategy <s>
 * (`revealCommand` spells it out). The lock reasoner is not in the engine's registry (the engine knows no
 * games), so its row is reproduced in code with `replay({ strategy: lockReasoner, ... })`.
 */
import { replay } from '../search/replay.js';
import type { Strategy } from '../search/strategy.js';
import { createStrategy } from '../search/strategies/index.js';
import type { Direction, Objective, Params, Trial } from '../search/types.js';
import type { BakeState } from './bake.js';
import { BAKE_MAX_MINUTES, BAKE_MIN_MINUTES, BAKE_TIMES, bestBakeTime, tasteBake, trueTaste } from './bake.js';
import { GAMES } from './index.js';
import type { Combination, LockClue, LockState } from './lock.js';
import { consistentCountsAfterEachTry, dialsFor, lockClues, paramsToCombination, secretCombination } from './lock.js';
import { lockReasoner } from './lock-reasoner.js';
import type { LearningCurve, TrainingSettings } from './neural-network.js';
import type { TrainState } from './train.js';
import { trainAtFidelity } from './train.js';
import type { TuneState } from './tune.js';
import { hiddenDetuning, pegTurns } from './tune.js';
import type { AnyGameRules, GameId, GameState } from './types.js';

/** Which strategies race the player in each game's reveal. */
export const REVEAL_STRATEGIES: Readonly<Record<GameId, readonly (string | Strategy)[]>> = {
  bake: ['grid', 'random', 'quasi-random', 'bayes', 'tpe'],
  lock: ['grid', 'random', 'quasi-random', 'bayes', 'tpe', lockReasoner],
  tune: ['grid', 'random', 'quasi-random', 'bayes', 'tpe'],
  train: ['grid', 'random', 'quasi-random', 'bayes', 'tpe', 'hyperband'],
};

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

interface RevealCommon {
  readonly seed: string;
  readonly difficulty: string;
  readonly budget: number;
  readonly direction: Direction;
  readonly player: RevealRun;
  readonly strategies: readonly RevealRun[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface BakeReveal extends RevealCommon {
  readonly game: 'bake';
  readonly bestTime: number;
  /** The noise-free taste curve every 0.1 minute: the hidden truth. */
  readonly trueCurve: readonly Point[];
  /** What a bake at each allowed time actually tastes, oven noise included. */
  readonly ovenTastes: readonly Point[];
  /** The player's bakes in order (x minutes, y taste). */
  readonly playerBakes: readonly Point[];
}

export interface LockReveal extends RevealCommon {
  readonly game: 'lock';
  readonly combination: Combination;
  /** For the player and each strategy (by run name): how many combinations were still possible after each try. */
  readonly consistentCounts: Readonly<Record<string, readonly number[]>>;
}

export interface TuneReveal extends RevealCommon {
  readonly game: 'tune';
  /** How far each string started out of tune, in cents, low E first. */
  readonly detuning: readonly number[];
  /** How far each string was still out when the player stopped. */
  readonly playerFinalErrors: readonly number[];
}

export interface TrainedModel {
  /** Run name that trained it ('player' or a strategy). */
  readonly by: string;
  readonly settings: TrainingSettings;
  /** Held-out accuracy in percent. */
  readonly accuracy: number;
  readonly curve: LearningCurve;
}

export interface TrainReveal extends RevealCommon {
  readonly game: 'train';
  /** The player's best model and its learning curve, or null before any run. */
  readonly playerBestModel: TrainedModel | null;
  /** The best model anyone (player or strategy) trained, retrained to draw its learning curve. */
  readonly bestModel: TrainedModel | null;
}

export type Reveal = BakeReveal | LockReveal | TuneReveal | TrainReveal;

export function revealCommand(game: GameId, seed: string, difficulty: string, budget: number, strategy: string): string {
  const quote = (text: string): string => (/^[\w.:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  return `npm run search -- --objective ${game} --puzzle-seed ${quote(seed)} --difficulty ${difficulty} --seed ${quote(seed)} --budget ${budget} --strategy ${strategy}`;
}

// ---- Runs -------------------------------------------------------------------------------------------------

function better(direction: Direction, a: number, b: number): boolean {
  return direction === 'maximize' ? a > b : a < b;
}

function atLeastAsGood(direction: Direction, a: number, b: number): boolean {
  return direction === 'maximize' ? a >= b : a <= b;
}

function summarise(
  name: string,
  label: string,
  trials: readonly RevealTrial[],
  direction: Direction,
  playerBest: number | null,
): RevealRun {
  const last = trials.at(-1)?.best ?? null;
  const foundAt = last === null ? null : trials.findIndex((t) => t.best === last) + 1;
  const matchIndex = playerBest === null ? -1 : trials.findIndex((t) => t.best !== null && atLeastAsGood(direction, t.best, playerBest));
  return { name, label, trials, best: last, foundAt, triesToMatchPlayer: matchIndex === -1 ? null : matchIndex + 1 };
}

/** The player's moves as trials on the objective's axis, read from the stored feedback. */
function playerTrials(game: AnyGameRules, state: GameState<unknown, unknown>, readings: readonly number[], direction: Direction): RevealTrial[] {
  let best: number | null = null;
  return readings.map((value, i) => {
    if (best === null || better(direction, value, best)) best = value;
    return { params: game.moveToParams(state, i), value, best };
  });
}

/**
 * The run a player raced turn by turn: which strategy, and the tries it made in the race. The reveal
 * carries that very run on to the budget instead of starting the strategy afresh.
 */
export interface RacedRun {
  /** The strategy's registry name ('bayes', 'lock-reasoner'). */
  readonly strategy: string;
  readonly trials: readonly { readonly params: Params; readonly value: number | null }[];
}

export interface RevealOptions {
  readonly raced?: RacedRun;
}

function strategyRun(
  objective: Objective,
  strategy: string | Strategy,
  budget: number,
  seed: string,
  playerBest: number | null,
  raced?: RacedRun,
): RevealRun {
  const resolved = typeof strategy === 'string' ? createStrategy(strategy) : strategy;
  const earlier: Trial[] | undefined =
    raced?.strategy === resolved.name
      ? raced.trials.map((t, index) =>
          t.value === null ? { index, params: t.params, state: 'failed' } : { index, params: t.params, state: 'complete', value: t.value },
        )
      : undefined;
  const result = replay({ objective, strategy: resolved, budget, seed, ...(earlier === undefined ? {} : { trials: earlier }) });
  const trials = result.trials.map((t) => ({
    params: t.params,
    value: t.value,
    best: t.best,
    ...(t.fidelity === undefined ? {} : { fidelity: t.fidelity }),
  }));
  return summarise(resolved.name, resolved.label, trials, objective.direction, playerBest);
}

function commonReveal(
  state: GameState<unknown, unknown>,
  readings: readonly number[],
  options: RevealOptions = {},
): RevealCommon & { objective: Objective } {
  const game = GAMES[state.game];
  const objective = game.objective(state.seed, state.difficulty);
  const trials = playerTrials(game, state, readings, objective.direction);
  const player = summarise('player', 'You', trials, objective.direction, null);
  const playerRun: RevealRun = { ...player, triesToMatchPlayer: player.foundAt };
  const strategies = REVEAL_STRATEGIES[state.game].map((strategy) =>
    strategyRun(objective, strategy, state.budget, state.seed, player.best, options.raced),
  );
  return {
    objective,
    seed: state.seed,
    difficulty: state.difficulty,
    budget: state.budget,
    direction: objective.direction,
    player: playerRun,
    strategies,
  };
}

// ---- Per game ---------------------------------------------------------------------------------------------

function bakeReveal(state: BakeState, options: RevealOptions): BakeReveal {
  const { objective: _objective, ...common } = commonReveal(state, state.history.map((t) => t.feedback.taste), options);
  const bestTime = bestBakeTime(state.seed);
  const fine = Array.from({ length: (BAKE_MAX_MINUTES - BAKE_MIN_MINUTES) * 10 + 1 }, (_, i) => BAKE_MIN_MINUTES + i / 10);
  return {
    game: 'bake',
    ...common,
    bestTime,
    trueCurve: fine.map((x) => ({ x, y: trueTaste(x - bestTime) })),
    ovenTastes: BAKE_TIMES.map((x) => ({ x, y: tasteBake(state.seed, state.difficulty, x).taste })),
    playerBakes: state.history.map((t) => ({ x: t.move.minutes, y: t.feedback.taste })),
  };
}

function lockReveal(state: LockState, options: RevealOptions): LockReveal {
  const { objective: _objective, ...common } = commonReveal(state, state.history.map((t) => t.feedback.clicks), options);
  const dials = dialsFor(state.difficulty);
  const consistentCounts: Record<string, number[]> = { player: consistentCountsAfterEachTry(lockClues(state)) };
  for (const run of common.strategies) {
    const clues: LockClue[] = run.trials.flatMap((t) =>
      t.value === null ? [] : [{ combination: paramsToCombination(t.params, dials), clicks: t.value }],
    );
    consistentCounts[run.name] = consistentCountsAfterEachTry(clues);
  }
  return { game: 'lock', ...common, combination: secretCombination(state.seed, dials), consistentCounts };
}

function tuneReveal(state: TuneState, options: RevealOptions): TuneReveal {
  const { objective: _objective, ...common } = commonReveal(state, state.history.map((t) => t.feedback.score), options);
  const detuning = hiddenDetuning(state.seed, state.difficulty);
  const turns = pegTurns(state);
  return { game: 'tune', ...common, detuning, playerFinalErrors: detuning.map((c, i) => c + (turns[i] as number)) };
}

/** The try that gave a run its best (at `foundAt`), or undefined when nothing counted. */
function countedBestTrial(run: RevealRun): RevealTrial | undefined {
  if (run.best === null || run.foundAt === null) return undefined;
  const atFound = run.trials[run.foundAt - 1];
  return atFound?.value === run.best ? atFound : run.trials.find((trial) => trial.value === run.best);
}

function trainReveal(state: TrainState, options: RevealOptions): TrainReveal {
  const { objective: _objective, ...common } = commonReveal(state, state.history.map((t) => t.feedback.accuracy), options);
  let playerBestModel: TrainedModel | null = null;
  for (const turn of state.history) {
    if (playerBestModel === null || turn.feedback.accuracy > playerBestModel.accuracy) {
      playerBestModel = { by: 'player', settings: turn.move, accuracy: turn.feedback.accuracy, curve: turn.feedback.curve };
    }
  }
  // The best any strategy counted (its table row), retrained once for its curve. A shortened Hyperband
  // try that scored higher does not count, as it does not in the table or the chart.
  let bestModel = playerBestModel;
  let bestTrial: { by: string; trial: RevealTrial; value: number } | null = null;
  for (const run of common.strategies) {
    const trial = countedBestTrial(run);
    const bar = bestTrial?.value ?? playerBestModel?.accuracy ?? -Infinity;
    if (trial?.value != null && trial.value > bar) bestTrial = { by: run.name, trial, value: trial.value };
  }
  if (bestTrial !== null) {
    const { settings, feedback } = trainAtFidelity(state.seed, state.difficulty, bestTrial.trial.params, bestTrial.trial.fidelity);
    bestModel = { by: bestTrial.by, settings, accuracy: feedback.accuracy, curve: feedback.curve };
  }
  return { game: 'train', ...common, playerBestModel, bestModel };
}

/**
 * The reveal for any game's state; the player's moves so far are compared with full-budget replays. In a
 * race, `raced` is the optimiser's run as it was played, which its row carries on from.
 */
export function reveal(state: GameState<unknown, unknown>, options: RevealOptions = {}): Reveal {
  switch (state.game) {
    case 'bake':
      return bakeReveal(state as BakeState, options);
    case 'lock':
      return lockReveal(state as LockState, options);
    case 'tune':
      return tuneReveal(state as TuneState, options);
    case 'train':
      return trainReveal(state as TrainState, options);
  }
}
