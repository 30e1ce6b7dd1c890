/**
 * The numbers behind Dig for Gold's reveal and board pictures, as plain data: the true field on a grid of
 * cells, each searcher's digs on the same puzzle, and the Bayesian belief as maps (after the player's
 * digs, and dig by dig for the animation). Pure; the presenter maps them onto src/pictures.
 *
 * Strategies are replayed with the study seed equal to the puzzle seed, as every game's reveal does, so a
 * row equals `npm run search -- --objective dig --puzzle-seed S --difficulty D --seed S --budget N --strategy X`.
 */
import { beliefMap, cellCentres, drawableSpread, type BeliefMap } from '../search/belief-map.js';
import { replay } from '../search/replay.js';
import { defaultInitialPoints } from '../search/strategies/bayes.js';
import type { Trial } from '../search/types.js';
import type { DigState } from './dig.js';
import { DIG_GRAMS_SPREAD, DIG_REVEAL_STRATEGIES, DIG_MAX_METRES, DIG_MIN_METRES, DIG_SPACE, digObjective, digReading, goldField, goldPeak, trueGold, type GoldPeak } from './dig.js';

export { DIG_REVEAL_STRATEGIES } from './dig.js';

/** Cells per side of every map picture: 2.5 m cells, fine enough for smooth deposits, cheap to draw. */
export const DIG_MAP_CELLS = 40;

/** Cells per side of the animation's maps: coarser, as twelve frames are drawn and the eye follows the change. */
export const DIG_ANIMATION_CELLS = 30;

export interface DigSpot {
  readonly x: number;
  readonly y: number;
  readonly grams: number;
}

export interface DigRun {
  /** 'player' or the strategy's registry name. */
  readonly name: string;
  readonly digs: readonly DigSpot[];
}

/** Values on an even grid of cells over the map; row 0 is the southmost (see src/pictures HeatGrid). */
export interface DigGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly values: Float64Array;
}

export interface DigBelief {
  readonly mean: DigGrid;
  readonly uncertainty: DigGrid;
  readonly acquisition: DigGrid;
  /** Where expected improvement peaks: where Bayesian search would dig next (a cell centre). */
  readonly next: { readonly x: number; readonly y: number };
}

/** The true field on the map's cells: the hidden truth, for the reveal only (never the board). */
export function digFieldGrid(seed: string, difficulty: string, cells = DIG_MAP_CELLS): DigGrid {
  const field = goldField(seed, difficulty);
  const xs = cellCentres(DIG_MIN_METRES, DIG_MAX_METRES, cells);
  const ys = cellCentres(DIG_MIN_METRES, DIG_MAX_METRES, cells);
  const values = new Float64Array(cells * cells);
  ys.forEach((y, j) => xs.forEach((x, i) => (values[j * cells + i] = trueGold(field, x, y))));
  return { xs, ys, values };
}

export function digPlayerRun(state: DigState): DigRun {
  return { name: 'player', digs: state.history.map((turn) => ({ x: turn.move.x, y: turn.move.y, grams: digReading(turn) })) };
}

/** Each reveal strategy's digs on this puzzle with this budget. */
export function digStrategyRuns(seed: string, difficulty: string, budget: number): DigRun[] {
  const objective = digObjective(seed, difficulty);
  return DIG_REVEAL_STRATEGIES.map((strategy) => {
    const result = replay({ objective, strategy, budget, seed });
    return {
      name: strategy,
      digs: result.trials.flatMap((trial) => (trial.value === null ? [] : [{ x: Number(trial.params.x), y: Number(trial.params.y), grams: trial.value }])),
    };
  });
}

export interface DigRevealData {
  readonly seed: string;
  readonly difficulty: string;
  readonly budget: number;
  readonly peak: GoldPeak;
  readonly field: DigGrid;
  /** The strategies in DIG_REVEAL_STRATEGIES order, then the player. */
  readonly runs: readonly DigRun[];
  /** The belief after the player's digs; undefined before any dig. */
  readonly belief: DigBelief | undefined;
}

/** Everything the reveal's still pictures need, for a finished (or abandoned) game. */
export function digRevealData(state: DigState, cells = DIG_MAP_CELLS): DigRevealData {
  const player = digPlayerRun(state);
  return {
    seed: state.seed,
    difficulty: state.difficulty,
    budget: state.budget,
    peak: goldPeak(state.seed, state.difficulty),
    field: digFieldGrid(state.seed, state.difficulty, cells),
    runs: [...digStrategyRuns(state.seed, state.difficulty, state.budget), player],
    belief: digBelief(player.digs, { cells }),
  };
}

function asTrials(digs: readonly DigSpot[]): Trial[] {
  return digs.map((dig, index) => ({ index, params: { x: dig.x, y: dig.y }, state: 'complete', value: dig.grams }));
}

function grid(map: BeliefMap, values: Float64Array): DigGrid {
  return { xs: map.xs, ys: map.ys, values };
}

/**
 * What Bayesian search believes after these digs, as maps; undefined before any dig. `strategyBudget`,
 * when the digs are the Bayesian strategy's own, reads the run it was on, as the strategy does.
 */
export function digBelief(digs: readonly DigSpot[], options: { cells?: number; strategyBudget?: number } = {}): DigBelief | undefined {
  const map = beliefMap({
    space: DIG_SPACE,
    direction: 'maximize',
    trials: asTrials(digs),
    cells: options.cells ?? DIG_MAP_CELLS,
    valueSpread: DIG_GRAMS_SPREAD,
    ...(options.strategyBudget === undefined ? {} : { strategyBudget: options.strategyBudget }),
  });
  if (map === undefined) return undefined;
  return {
    mean: grid(map, map.mean),
    uncertainty: grid(map, drawableSpread(map)),
    acquisition: grid(map, map.expectedImprovement),
    next: map.next,
  };
}

export interface DigBeliefFrame {
  /** The belief after the digs so far. */
  readonly belief: DigBelief;
  readonly digs: readonly DigSpot[];
  /** The dig the run really made next; absent on the last frame and while the opening design placed it. */
  readonly next?: DigSpot;
}

/**
 * One frame per dig of a run: its belief after the digs so far and the dig it made next. With
 * `bayesOpening` (the run is Bayesian search's own), the first digs were placed by its fixed opening
 * design, not by the belief, so those frames mark no next dig: the picture must not claim the belief chose them.
 */
export function digBeliefFrames(run: DigRun, options: { cells?: number; bayesOpening?: boolean } = {}): DigBeliefFrame[] {
  const opening = options.bayesOpening === true ? defaultInitialPoints(2) : 0;
  const budget = run.digs.length;
  return run.digs.map((_, k) => {
    const digs = run.digs.slice(0, k + 1);
    const belief = digBelief(digs, {
      cells: options.cells ?? DIG_ANIMATION_CELLS,
      ...(options.bayesOpening === true ? { strategyBudget: budget } : {}),
    });
    // A run with at least one dig always has a belief.
    if (belief === undefined) throw new Error('no belief after a dig');
    const next = k + 1 < opening ? undefined : run.digs[k + 1];
    return { belief, digs, ...(next === undefined ? {} : { next }) };
  });
}
