/**
 * What the Bayesian optimiser believes about a two-parameter objective, read on a lattice across the
 * whole box: the predicted value, its uncertainty and the expected improvement at every cell. Pictures
 * draw these as maps. Read through `surrogateBeliefs`, the very model the Bayesian strategy fits.
 */
import { surrogateBeliefs } from './insight.js';
import { Space } from './space.js';
import type { Direction, SpaceSpec, Trial } from './types.js';

export interface BeliefMapOptions {
  /** Exactly two numeric parameters; the first is drawn along x, the second along y. */
  readonly space: SpaceSpec;
  readonly direction: Direction;
  readonly trials: readonly Trial[];
  /** Cells along each axis; the map is read at each cell's centre. */
  readonly cells: number;
  /** How widely the objective's values spread, for a belief after a single trial (see BeliefOptions). */
  readonly valueSpread?: number;
  /** Set when the trials are the Bayesian strategy's own (see BeliefOptions.strategyRuns). */
  readonly strategyBudget?: number;
}

export interface BeliefMap {
  /** Parameter values at the cell centres along x (first parameter), low to high. */
  readonly xs: readonly number[];
  /** Along y (second parameter), low to high. */
  readonly ys: readonly number[];
  /** Row-major, row 0 at the lowest y: value at (xs[i], ys[j]) is at j * xs.length + i. */
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  readonly expectedImprovement: Float64Array;
  /** Best value among the trials the model learnt from. */
  readonly best: number;
  /** The cell centre where expected improvement peaks: where Bayesian search would probe next. */
  readonly next: { readonly x: number; readonly y: number };
}

interface NumericAxis {
  readonly low: number;
  readonly high: number;
  /** Any value in the range (not only allowed steps) to its unit coordinate. */
  readonly toUnit: (value: number) => number;
}

/**
 * The space accepts only allowed values (whole metres, say), but a map is read between them too; the
 * mapping is affine in the value (in its log on a log scale), so it is pinned by the range's two ends.
 */
function numericAxis(space: Space, index: number): NumericAxis {
  const spec = space.specs[index];
  const name = space.names[index] as string;
  if (spec === undefined || spec.kind === 'categorical') throw new RangeError('A belief map needs two numeric parameters.');
  const warp = (x: number) => (spec.log === true ? Math.log(x) : x);
  const unitOf = (value: number) => space.toUnit({ ...Object.fromEntries(space.names.map((n, i) => [n, lowOf(space, i)])), [name]: value })[index] as number;
  const uLow = unitOf(spec.low);
  const uHigh = unitOf(spec.high);
  return {
    low: spec.low,
    high: spec.high,
    toUnit: (x) => uLow + ((warp(x) - warp(spec.low)) / (warp(spec.high) - warp(spec.low))) * (uHigh - uLow),
  };
}

function lowOf(space: Space, index: number): number {
  const spec = space.specs[index];
  if (spec === undefined || spec.kind === 'categorical') throw new RangeError('A belief map needs two numeric parameters.');
  return spec.low;
}

/** Cell centres spanning [low, high] evenly. */
export function cellCentres(low: number, high: number, cells: number): number[] {
  return Array.from({ length: cells }, (_, i) => low + ((i + 0.5) / cells) * (high - low));
}

/** The belief across the box, or undefined when no trial has completed yet (nothing to believe). */
export function beliefMap(options: BeliefMapOptions): BeliefMap | undefined {
  const space = new Space(options.space);
  if (space.dimension !== 2) throw new RangeError(`A belief map needs exactly two parameters; this space has ${space.dimension}.`);
  if (!Number.isInteger(options.cells) || options.cells < 2) throw new RangeError(`cells must be a whole number of at least 2, got ${options.cells}`);
  const xAxis = numericAxis(space, 0);
  const yAxis = numericAxis(space, 1);
  const xs = cellCentres(xAxis.low, xAxis.high, options.cells);
  const ys = cellCentres(yAxis.low, yAxis.high, options.cells);
  const points: number[][] = [];
  for (const y of ys) for (const x of xs) points.push([xAxis.toUnit(x), yAxis.toUnit(y)]);
  const beliefs = surrogateBeliefs({
    space,
    direction: options.direction,
    trials: options.trials,
    points,
    ...(options.strategyBudget === undefined ? {} : { strategyRuns: { budget: options.strategyBudget } }),
    ...(options.valueSpread === undefined ? {} : { valueSpread: options.valueSpread }),
  });
  if (beliefs === undefined) return undefined;
  const count = points.length;
  const mean = new Float64Array(count);
  const sd = new Float64Array(count);
  const expectedImprovement = new Float64Array(count);
  beliefs.points.forEach((point, i) => {
    mean[i] = point.mean;
    sd[i] = point.sd;
    expectedImprovement[i] = point.expectedImprovement;
  });
  return { xs, ys, mean, sd, expectedImprovement, best: beliefs.best, next: highestCell({ xs, ys }, expectedImprovement).point };
}

/** The cell centre where one of a map's layers (row-major, row 0 at the lowest y) is highest, and its value. */
export function highestCell(map: Pick<BeliefMap, 'xs' | 'ys'>, values: ArrayLike<number>): { point: { x: number; y: number }; value: number } {
  let at = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[at] as number)) at = i;
  const columns = map.xs.length;
  return { point: { x: map.xs[at % columns] as number, y: map.ys[Math.floor(at / columns)] as number }, value: values[at] as number };
}

/**
 * The map's sd for drawing: far from every trial a Box-Cox warp can make the spread unbounded, and a
 * picture shows the widest finite spread there instead.
 */
export function drawableSpread(map: BeliefMap): Float64Array {
  let widest = 0;
  for (const sd of map.sd) if (Number.isFinite(sd)) widest = Math.max(widest, sd);
  return map.sd.map((sd) => (Number.isFinite(sd) ? sd : widest));
}
