/**
 * The rules of racing the optimiser. After each of the player's moves the engine makes its own on the
 * same puzzle, asked and told through a Study rebuilt from its stored tries, so a race carries on the
 * same after a restart. The study is the reveal's own (puzzle seed, game budget): the reveal's row for
 * this strategy is the very run the player raced.
 *
 * One rule for both: the first to stand where the game's own win check passes (`winsAt`) wins; else the
 * better best reading once both budgets are spent; equal bests are a tie. A try that sets every knob at
 * once is charged as many of the player's moves as it sets knobs, and never runs ahead of the player.
 */
import { GAMES } from '../games/index.js';
import { lockReasoner } from '../games/lock-reasoner.js';
import { GUITAR_STRINGS } from '../games/tune.js';
import type { GameId, GameState } from '../games/types.js';
import { inOpeningDesign } from '../search/strategies/bayes.js';
import { createStrategy } from '../search/strategies/index.js';
import type { Strategy } from '../search/strategy.js';
import { Study } from '../search/study.js';
import type { Objective, Params, Trial } from '../search/types.js';
import type { Race, RaceOpponentName, RaceTrial, RaceWinner } from './session-state.js';

/** How a game is raced, where it differs from the usual: Bayesian optimisation, one try per move. */
interface RaceRule {
  /** The strategy the player races. */
  readonly opponent?: RaceOpponentName;
  /** How many of the player's moves one optimiser try is worth. */
  readonly tryCost?: number;
}

/**
 * The lock has an exact reasoner that plays it better than any model; a tune try sets all six pegs at
 * once, six strums' worth. Every other game, including new ones, races Bayesian optimisation move for move.
 */
const RACE_RULES: Partial<Record<GameId, RaceRule>> = {
  lock: { opponent: 'lock-reasoner' },
  tune: { tryCost: GUITAR_STRINGS.length },
};

export function raceOpponentFor(game: GameId): RaceOpponentName {
  return RACE_RULES[game]?.opponent ?? 'bayes';
}

/** How many of the player's moves one optimiser try is worth. */
export function tryCost(game: GameId): number {
  return RACE_RULES[game]?.tryCost ?? 1;
}

function strategyOf(opponent: RaceOpponentName): Strategy {
  return opponent === 'lock-reasoner' ? lockReasoner : createStrategy(opponent);
}

/** The optimiser's tries in the whole race: the player's budget, in tries. */
export function optimiserBudget(game: GameState<unknown, unknown>): number {
  return Math.floor(game.budget / tryCost(game.game));
}

/** Tries the optimiser may have made once the player has made `moves`: its spending never runs ahead. */
function triesAllowedAfter(game: GameState<unknown, unknown>, moves: number): number {
  return Math.min(optimiserBudget(game), Math.floor(moves / tryCost(game.game)));
}

function objectiveOf(game: GameState<unknown, unknown>): Objective {
  return GAMES[game.game].objective(game.seed, game.difficulty);
}

function studyFor(game: GameState<unknown, unknown>, race: Race, objective: Objective): Study {
  const trials: Trial[] = race.trials.map((t, index) => ({ index, params: t.params, state: 'complete', value: t.value }));
  return new Study({
    space: objective.space,
    direction: objective.direction,
    strategy: strategyOf(race.opponent),
    // The reveal replays every strategy with the puzzle seed and the game's budget: the same study here
    // makes the race's tries the first tries of the reveal's row.
    seed: game.seed,
    budget: game.budget,
    ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }),
    trials,
  });
}

export interface RaceReply {
  /** The race after the optimiser's answer; `winner` is set once it is decided. */
  readonly race: Race;
  /** Tries the optimiser made in answer, in order. */
  readonly tries: readonly RaceTrial[];
  /** The optimiser reached the finish line on its last try. */
  readonly optimiserFinished: boolean;
}

/**
 * After the player's move (or give-up): settle the race if it is decided, else let the optimiser answer
 * with the tries the player's moves have paid for, stopping at its first try past the finish line.
 */
export function optimiserReply(game: GameState<unknown, unknown>, race: Race): RaceReply {
  const unchanged = { race, tries: [], optimiserFinished: false };
  if (race.winner) return unchanged;
  if (game.status === 'won') return { ...unchanged, race: { ...race, winner: 'player' } };
  if (game.status === 'gave-up') return { ...unchanged, race: { ...race, winner: 'optimiser' } };
  const rules = GAMES[game.game];
  const objective = objectiveOf(game);
  let trials = race.trials;
  while (trials.length < triesAllowedAfter(game, game.history.length)) {
    const trial = studyFor(game, { ...race, trials }, objective).ask();
    const value = objective.evaluate(trial.params);
    trials = [...trials, { params: trial.params, value }];
    if (rules.winsAt(game.seed, game.difficulty, trial.params)) {
      return { race: { ...race, trials, winner: 'optimiser' }, tries: trials.slice(race.trials.length), optimiserFinished: true };
    }
  }
  const tries = trials.slice(race.trials.length);
  if (game.status === 'playing') return { race: { ...race, trials }, tries, optimiserFinished: false };
  return { race: { ...race, trials, winner: betterBest(game, trials) }, tries, optimiserFinished: false };
}

/** Nobody reached the finish line: the better best reading wins, in the game's own unit for both. */
function betterBest(game: GameState<unknown, unknown>, trials: readonly RaceTrial[]): RaceWinner {
  const mine = GAMES[game.game].outcome(game).best ?? -Infinity;
  const theirs = Math.max(-Infinity, ...trials.map((t) => t.value));
  return mine > theirs ? 'player' : mine < theirs ? 'optimiser' : 'tie';
}

/** What the optimiser will do next, asked of the strategy itself on a throwaway copy of its study. */
export interface NextOptimiserMove {
  readonly params: Params;
  /** Placed by the opening design (spread-out points), not by its model. */
  readonly opening: boolean;
}

export function nextOptimiserMove(game: GameState<unknown, unknown>, race: Race): NextOptimiserMove | undefined {
  if (race.winner || race.trials.length >= optimiserBudget(game)) return undefined;
  const study = studyFor(game, race, objectiveOf(game));
  const opening =
    race.opponent === 'bayes' &&
    inOpeningDesign({
      space: study.space,
      direction: study.direction,
      history: study.trials,
      ...(study.budget === undefined ? {} : { budget: study.budget }),
      ...(study.maxFidelity === undefined ? {} : { maxFidelity: study.maxFidelity }),
    });
  return { params: study.ask().params, opening };
}
