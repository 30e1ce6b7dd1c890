/**
 * The reveal's numbers: when a game ends, how the engine's strategies would have played the SAME puzzle
 * with the SAME budget, next to the player, plus the data each game's pictures need. Plain data only.
 *
 * Convention: every strategy is replayed on the game's objective with the study seed equal to the puzzle
 * seed, so a reveal row equals
 *   npm run search -- --objective <game> --puzzle-seed <seed> --difficulty <difficulty> --seed <seed> --budget <budget> --strategy <s>
 * (`revealCommand` spells it out). A game's own strategy (the lock reasoner) is not in the engine's
 * registry (the engine knows no games), so its row is reproduced in code with `replay({ strategy, ... })`.
 * Which strategies play, and what else a game's reveal carries, come from the game's rules.
 */
import { replay } from '../search/replay.js';
import type { Strategy } from '../search/strategy.js';
import { createStrategy } from '../search/strategies/index.js';
import type { Direction, Objective, Params, Trial } from '../search/types.js';
import { GAMES } from './index.js';
import type { Reveal, RevealRun, RevealTrial } from './reveal-types.js';
import type { AnyGameRules, GameId, GameState } from './types.js';

export type { Reveal, RevealRun, RevealTrial } from './reveal-types.js';

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

/**
 * The reveal for any game's state; the player's moves so far are compared with full-budget replays of the
 * game's reveal strategies, and the game's rules add their own extras. In a race, `raced` is the
 * optimiser's run as it was played, which its row carries on from.
 */
export function reveal(state: GameState<unknown, unknown>, options: RevealOptions = {}): Reveal {
  const game = GAMES[state.game];
  const objective = game.objective(state.seed, state.difficulty);
  const trials = playerTrials(game, state, state.history.map((turn) => game.reading(turn)), objective.direction);
  const player = summarise('player', 'You', trials, objective.direction, null);
  const playerRun: RevealRun = { ...player, triesToMatchPlayer: player.foundAt };
  const strategies = game.revealStrategies.map((strategy) =>
    strategyRun(objective, strategy, state.budget, state.seed, player.best, options.raced),
  );
  return {
    game: state.game,
    seed: state.seed,
    difficulty: state.difficulty,
    budget: state.budget,
    direction: objective.direction,
    player: playerRun,
    strategies,
    extras: game.revealExtras(state, { player: playerRun, strategies }),
  };
}
