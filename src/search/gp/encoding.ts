/**
 * The bridge between the engine's words (a Space, trials with values, a direction) and the GP's
 * arrays (unit-cube rows, targets to minimise). Both the Bayesian strategy and the insight used by
 * pictures build their model through here, so they always agree on what the model saw.
 */
import type { Space } from '../space.js';
import type { Direction, Trial } from '../types.js';
import type { TrainingData } from './model.js';

/** 1 for categorical dimensions: the kernel compares those by equality instead of distance. */
export function categoricalMask(space: Space): Uint8Array {
  return Uint8Array.from(space.specs, (spec) => (spec.kind === 'categorical' ? 1 : 0));
}

/** +1 when minimising, −1 when maximising: the model always minimises sign·value. */
export function directionSign(direction: Direction): 1 | -1 {
  return direction === 'minimize' ? 1 : -1;
}

/**
 * Trials the model learns from: complete, with a finite value, and (for multi-fidelity studies)
 * evaluated at full fidelity, since a cheap partial run measures a different function.
 */
export function usableTrials(space: Space, trials: readonly Trial[], maxFidelity?: number): Trial[] {
  return trials.filter(
    (trial) =>
      trial.state === 'complete' &&
      typeof trial.value === 'number' &&
      Number.isFinite(trial.value) &&
      (maxFidelity === undefined || trial.fidelity === undefined || trial.fidelity >= maxFidelity) &&
      space.contains(trial.params),
  );
}

/**
 * What to do with failed trials. 'ignore': the model never sees them (it only learns from values);
 * 'penalise': each failed point counts as the worst value seen so far, so the search learns to
 * steer away from regions that crash (the usual imputation in SMAC-style optimisers).
 */
export type FailurePolicy = 'ignore' | 'penalise';

/** Failed trials in the space, valued at the worst completed value (for the 'penalise' policy). */
export function penalisedFailures(space: Space, direction: Direction, trials: readonly Trial[], completed: readonly Trial[]): Trial[] {
  if (completed.length === 0) return [];
  const sign = directionSign(direction);
  const worst = sign * Math.max(...completed.map((trial) => sign * (trial.value as number)));
  return trials
    .filter((trial) => trial.state === 'failed' && space.contains(trial.params))
    .map((trial) => ({ ...trial, state: 'complete', value: worst }));
}

/** The trials a model is trained on under a failure policy. */
export function modelTrials(
  space: Space,
  direction: Direction,
  history: readonly Trial[],
  failures: FailurePolicy,
  maxFidelity?: number,
): { completed: Trial[]; training: Trial[] } {
  const completed = usableTrials(space, history, maxFidelity);
  const training = failures === 'penalise' ? [...completed, ...penalisedFailures(space, direction, history, completed)] : completed;
  return { completed, training };
}

export function trainingData(space: Space, direction: Direction, trials: readonly Trial[]): TrainingData {
  const d = space.dimension;
  const sign = directionSign(direction);
  const inputs = new Float64Array(trials.length * d);
  const targets = new Float64Array(trials.length);
  trials.forEach((trial, i) => {
    inputs.set(space.toUnit(trial.params), i * d);
    targets[i] = sign * (trial.value as number);
  });
  return { inputs, targets, count: trials.length, dimension: d, categorical: categoricalMask(space) };
}

/**
 * Moves a unit point onto the nearest value the space allows (rounded integers, snapped steps,
 * a category's own coordinate). Continuous floats are left alone, so spaces without discrete
 * parameters pay nothing.
 */
export function unitSnapper(space: Space): (point: Float64Array) => void {
  const discrete = space.specs.some((spec) => spec.kind !== 'float' || spec.step !== undefined);
  if (!discrete) return () => {};
  return (point) => {
    for (let k = 0; k < point.length; k++) point[k] = Math.min(1, Math.max(0, point[k] as number));
    point.set(space.toUnit(space.fromUnit(Array.from(point))));
  };
}

/** A key that is equal for equal unit points, to recognise points already evaluated. */
export function unitKey(point: ArrayLike<number>): string {
  return Array.from(point, (u) => u.toFixed(12)).join(',');
}
