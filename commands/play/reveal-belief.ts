/**
 * What a Gaussian process believes about a one-knob puzzle after some tries: mean, spread and expected
 * improvement across the knob's range, in the game's own units. Read through the engine's surrogate
 * beliefs, the same model the Bayesian strategy fits, so the picture shows the model it really had.
 */
import { surrogateBeliefs } from '../../src/search/insight.js';
import { Space } from '../../src/search/space.js';
import type { Direction, SpaceSpec, Trial } from '../../src/search/types.js';
import type { BakeAnimationFrame, BeliefSample } from '../../src/pictures/index.js';
import type { RevealTrial } from '../../src/games/reveal.js';

export interface BeliefAxis {
  readonly space: SpaceSpec;
  readonly direction: Direction;
  /** The one parameter drawn along x. */
  readonly parameter: string;
  /** Where to sample the belief, in the parameter's units. */
  readonly xs: readonly number[];
  /** How widely the game's readings can spread (half a taste scale, say), for a belief after one try. */
  readonly valueSpread?: number;
}

function asTrials(trials: readonly RevealTrial[]): Trial[] {
  return trials.map((trial, index) =>
    trial.value === null
      ? { index, params: trial.params, state: 'failed' }
      : { index, params: trial.params, state: 'complete', value: trial.value },
  );
}

/**
 * Where any x in the knob's range sits in the unit interval the model works in. The space accepts only
 * allowed values (whole half-minutes, say), but the curve is drawn between them too; the mapping is affine
 * in x (in log x on a log scale), so it is pinned by the two ends of the range.
 */
function unitPosition(space: Space, parameter: string): (x: number) => number {
  const spec = space.specs[0];
  if (spec === undefined || spec.kind === 'categorical') throw new RangeError('A belief curve needs a numeric knob.');
  const warp = (x: number) => (spec.log === true ? Math.log(x) : x);
  const low = space.toUnit({ [parameter]: spec.low })[0] as number;
  const high = space.toUnit({ [parameter]: spec.high })[0] as number;
  return (x) => low + ((warp(x) - warp(spec.low)) / (warp(spec.high) - warp(spec.low))) * (high - low);
}

/**
 * The belief after `trials`; empty when there is nothing to learn from yet. `strategyBudget`, when the
 * trials are the Bayesian strategy's own, reads the run it was on, as the strategy does after a restart.
 */
export function beliefAfter(axis: BeliefAxis, trials: readonly RevealTrial[], strategyBudget?: number): BeliefSample[] {
  const space = new Space(axis.space);
  if (space.dimension !== 1) throw new RangeError('A belief curve is drawn for a single knob only.');
  const toUnit = unitPosition(space, axis.parameter);
  const beliefs = surrogateBeliefs({
    space,
    direction: axis.direction,
    trials: asTrials(trials),
    points: axis.xs.map((x) => [toUnit(x)]),
    ...(strategyBudget === undefined ? {} : { strategyRuns: { budget: strategyBudget } }),
    ...(axis.valueSpread === undefined ? {} : { valueSpread: axis.valueSpread }),
  });
  if (!beliefs) return [];
  return axis.xs.map((x, i) => {
    const point = beliefs.points[i]!;
    return { x, mean: point.mean, sd: point.sd, expectedImprovement: point.expectedImprovement };
  });
}

/**
 * One animation frame per try of a run: its belief after the tries so far and the try it made next.
 * The first `openingTries` were placed by a fixed space-filling design, not by the belief, so the frames
 * before them mark no "next" try: the picture must not claim the belief chose them.
 */
export function beliefFrames(axis: BeliefAxis, trials: readonly RevealTrial[], openingTries = 0): BakeAnimationFrame[] {
  // The run's own trials, with its whole length as the budget it had.
  const budget = trials.length;
  const toX = (trial: RevealTrial) => Number(trial.params[axis.parameter]);
  return trials.map((_, k) => {
    const sofar = trials.slice(0, k + 1);
    const bakes = sofar.flatMap((trial) => (trial.value === null ? [] : [{ x: toX(trial), y: trial.value }]));
    const next = k + 1 < openingTries ? undefined : trials[k + 1];
    return { belief: beliefAfter(axis, sofar, budget), bakes, ...(next === undefined ? {} : { nextX: toX(next) }) };
  });
}
