/**
 * What the Bayesian optimiser believed: the Gaussian process it would fit to a set of trials, read
 * out at chosen points in the objective's own units. Pictures use it to show, trial by trial, the
 * predicted curve, its uncertainty band and where expected improvement peaked. Pass the trials
 * told *before* trial k to see the beliefs that chose trial k.
 */
import { expectedImprovement, logExpectedImprovement } from './gp/acquisition.js';
import { directionSign, type FailurePolicy, modelTrials, trainingData } from './gp/encoding.js';
import { fitGaussianProcess, type NoiseModel } from './gp/model.js';
import { currentRun } from './gp/restarts.js';
import { Space } from './space.js';
import { defaultInitialPoints } from './strategies/bayes.js';
import type { Direction, Params, SpaceSpec, Trial } from './types.js';

export interface PointBelief {
  /** Predicted objective value (the median of the prediction). */
  readonly mean: number;
  /**
   * Spread of that prediction in objective units (excludes evaluation noise): half the width of the
   * central 68 % band, which is the standard deviation when values are not warped. Infinite where the
   * band reaches past what a Box-Cox transform with λ < 0 can map back (far from every trial on an
   * objective whose values span orders of magnitude).
   */
  readonly sd: number;
  /**
   * Expected improvement over the best value so far (objective units, ≥ 0; may underflow to 0),
   * as the model scores it: converted from the model's units by the target transform's slope at the
   * best value, where improvements start.
   */
  readonly expectedImprovement: number;
  /** Natural log of the expected improvement, finite where the plain value underflows. */
  readonly logExpectedImprovement: number;
}

export interface BeliefOptions {
  readonly space: Space | SpaceSpec;
  readonly direction: Direction;
  /** Trials the optimiser had seen; running and failed ones are ignored, as the strategy ignores them. */
  readonly trials: readonly Trial[];
  /** Where to read the model: parameter values, or unit-cube coordinates in dimension order. */
  readonly points: readonly (Params | readonly number[])[];
  readonly noise?: NoiseModel;
  readonly maxFidelity?: number;
  /** Must match the strategy's policy for the beliefs to be the ones it acted on. */
  readonly failures?: FailurePolicy;
  /**
   * Set when the trials are the Bayesian strategy's own, to read the model it really had: after a
   * restart (see gp/restarts.ts) it models the new run only. Give the study's budget, as the strategy
   * saw it. Absent (anyone else's trials, a player's, say), the model learns from every trial.
   */
  readonly strategyRuns?: { readonly budget?: number };
  /**
   * How widely the objective's values spread, when the caller knows it (a game's taste runs 0–100):
   * the model's scale while the trials cannot show one (a single trial). Never used by the strategy,
   * which fits only after its opening design.
   */
  readonly valueSpread?: number;
}

export interface Beliefs {
  /** Best value among the trials the model learnt from. */
  readonly best: number;
  readonly points: readonly PointBelief[];
  /** Fitted length scale per parameter, in unit-cube widths: short means the value changes quickly. */
  readonly lengthScales: readonly number[];
}

/** The model's beliefs at each point, or undefined when no trial has completed yet (nothing to believe). */
export function surrogateBeliefs(options: BeliefOptions): Beliefs | undefined {
  return fitSurrogate(options)?.beliefsAt(options.points);
}

/** A fitted model, read at any points without refitting. */
export interface Surrogate {
  beliefsAt(points: BeliefOptions['points']): Beliefs;
}

/**
 * The model surrogateBeliefs reads, fitted once: a picture redrawn many times over the same trials (a
 * slider dragged across the playground's belief) reads it again and again, and the fit is most of the
 * cost (30 trials: a few milliseconds each time, where 16.7 ms is a whole frame).
 */
export function fitSurrogate(options: Omit<BeliefOptions, 'points'>): Surrogate | undefined {
  const space = Space.from(options.space);
  const runs = options.strategyRuns;
  const trials =
    runs === undefined
      ? options.trials
      : currentRun(space, options.direction, options.trials, defaultInitialPoints(space.dimension), { maxFidelity: options.maxFidelity, budget: runs.budget }).trials;
  const { completed, training } = modelTrials(space, options.direction, trials, options.failures ?? 'ignore', options.maxFidelity);
  if (completed.length === 0) return undefined;
  const model = fitGaussianProcess(trainingData(space, options.direction, training), {
    noise: options.noise ?? 'fixed',
    ...(options.valueSpread === undefined ? {} : { unmeasuredSpread: options.valueSpread }),
  });
  let bestStandardised = Number.POSITIVE_INFINITY;
  for (const value of model.standardisedTargets) bestStandardised = Math.min(bestStandardised, value);
  const sign = directionSign(options.direction);
  const scale = model.improvementScale;
  const logScale = Math.log(scale);
  const d = space.dimension;

  return {
    beliefsAt(requested) {
      const count = requested.length;
      const unit = new Float64Array(count * d);
      requested.forEach((point, i) => {
        if (Array.isArray(point)) {
          if (point.length !== d) throw new RangeError(`Point ${i} has ${point.length} coordinates; the space has ${d}`);
          unit.set(point as readonly number[], i * d);
        } else {
          unit.set(space.toUnit(point as Params), i * d);
        }
      });
      const mean = new Float64Array(count);
      const variance = new Float64Array(count);
      model.predictStandardised(unit, count, mean, variance);
      const points: PointBelief[] = [];
      for (let i = 0; i < count; i++) {
        const m = mean[i] as number;
        const sd = Math.sqrt(variance[i] as number);
        // The warp is monotone, so the warped mean maps to the prediction's median and ±1 sd to a band;
        // half the band's width is the spread reported.
        const low = model.toObjectiveUnits(m - sd);
        const high = model.toObjectiveUnits(m + sd);
        points.push({
          mean: sign * model.toObjectiveUnits(m),
          sd: (high - low) / 2,
          expectedImprovement: scale * expectedImprovement(m, sd, bestStandardised),
          logExpectedImprovement: logScale + logExpectedImprovement(m, sd, bestStandardised),
        });
      }
      return {
        best: sign * model.toObjectiveUnits(bestStandardised),
        points,
        lengthScales: Array.from(model.hyperparameters.lengthScales),
      };
    },
  };
}
