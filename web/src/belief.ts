/**
 * The Bayesian belief drawn beside the probes: the project's own Gaussian process (the one the Bayesian
 * strategy fits) read along one knob, the other knobs held where the controls stand, and the expected
 * improvement that decides where Bayesian search would probe next.
 */
import { beliefMap, drawableSpread, type BeliefMap } from '../../src/search/belief-map.js';
import { fitSurrogate, type Surrogate } from '../../src/search/insight.js';
import { Space } from '../../src/search/space.js';
import type { Objective, Params, Trial } from '../../src/search/types.js';

export interface BeliefSlice {
  /** The knob the slice runs along. */
  readonly axis: string;
  /** Positions along the knob, in unit-cube coordinates 0–1 (log knobs are even in the log). */
  readonly units: readonly number[];
  /** The knob's value at each position. */
  readonly values: readonly number[];
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly expectedImprovement: readonly number[];
  /** Position (unit) of the largest expected improvement: where Bayesian search leans next. */
  readonly peak: number;
}

export const SLICE_POINTS = 121;

/**
 * The last fit and what it was fitted to. Dragging a slider redraws the belief over the same trials many
 * times a second, and with 30 trials the fit alone is a good part of a frame. The runs (runs.ts) and the
 * replay hand over a new trials array whenever a trial is added, never changing one in place, so the
 * array itself says whether the fit still holds.
 */
let lastFit:
  | { readonly objective: Objective; readonly trials: readonly Trial[]; readonly spread: number; readonly surrogate: Surrogate | undefined }
  | undefined;

function surrogateFor(objective: Objective, space: Space, trials: readonly Trial[], spread: number): Surrogate | undefined {
  if (lastFit?.objective !== objective || lastFit.trials !== trials || lastFit.spread !== spread) {
    lastFit = { objective, trials, spread, surrogate: fitSurrogate({ space, direction: objective.direction, trials, valueSpread: spread }) };
  }
  return lastFit.surrogate;
}

/**
 * The belief along `axis`, or undefined before any completed trial. `base` fixes the other knobs; `spread`
 * (the game's reading scale's) scales the model while one trial cannot show a spread.
 */
export function beliefSlice(objective: Objective, trials: readonly Trial[], axis: string, base: Params, spread: number): BeliefSlice | undefined {
  const space = Space.from(objective.space);
  const names = Object.keys(objective.space);
  const dimension = names.indexOf(axis);
  if (dimension < 0) throw new RangeError(`No knob ${axis}`);
  const anchor = space.toUnit({ ...space.fromUnit(names.map(() => 0.5)), ...base });
  const units = Array.from({ length: SLICE_POINTS }, (_, i) => i / (SLICE_POINTS - 1));
  const points = units.map((u) => anchor.map((value, d) => (d === dimension ? u : value)));
  const beliefs = surrogateFor(objective, space, trials, spread)?.beliefsAt(points);
  if (beliefs === undefined) return undefined;
  let peak = 0;
  beliefs.points.forEach((point, i) => {
    if (point.logExpectedImprovement > (beliefs.points[peak]?.logExpectedImprovement ?? -Infinity)) peak = i;
  });
  return {
    axis,
    units,
    values: points.map((point) => Number(space.fromUnit(point)[axis])),
    mean: beliefs.points.map((p) => p.mean),
    sd: beliefs.points.map((p) => (Number.isFinite(p.sd) ? p.sd : spread)),
    expectedImprovement: beliefs.points.map((p) => p.expectedImprovement),
    peak: units[peak] ?? 0,
  };
}

/** Where a parameter value sits along its knob, 0–1, as the slice measures it. */
export function unitOf(objective: Objective, axis: string, params: Params): number {
  const space = Space.from(objective.space);
  const names = Object.keys(objective.space);
  const filled = { ...space.fromUnit(names.map(() => 0.5)), ...params };
  return space.toUnit(filled)[names.indexOf(axis)] ?? 0;
}

/** Cells along each side of the belief maps of a 2-D game: 2.5 m cells on Dig for Gold, as its reveal draws. */
export const MAP_CELLS = 40;

/** The belief over a 2-D game's whole field, as maps: rows from the lowest y up, as src/search/belief-map.ts reads it. */
export interface BeliefMaps extends Pick<BeliefMap, 'xs' | 'ys' | 'mean' | 'expectedImprovement'> {
  /** The uncertainty (sd), as drawableSpread gives it. */
  readonly sd: Float64Array;
  /** The cell centre where expected improvement peaks: where Bayesian search would probe next. */
  readonly peak: BeliefMap['next'];
}

/**
 * The belief over the field, or undefined before any completed trial, from the same belief map Discord's
 * reveal draws. `strategyBudget` is set when the trials are Bayesian search's own, to read the model it had.
 */
export function beliefMaps(objective: Objective, trials: readonly Trial[], spread: number, options: { cells?: number; strategyBudget?: number } = {}): BeliefMaps | undefined {
  const map = beliefMap({
    space: objective.space,
    direction: objective.direction,
    trials,
    cells: options.cells ?? MAP_CELLS,
    valueSpread: spread,
    ...(options.strategyBudget === undefined ? {} : { strategyBudget: options.strategyBudget }),
  });
  if (map === undefined) return undefined;
  return { xs: map.xs, ys: map.ys, mean: map.mean, sd: drawableSpread(map), expectedImprovement: map.expectedImprovement, peak: map.next };
}
