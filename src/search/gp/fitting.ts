/**
 * Fitting one model: targets transformed (an optional power transform, the output warp) and
 * standardised with a prior mean set above the average trial, Matérn 5/2 ARD hyperparameters fitted
 * by maximising the marginal likelihood plus a log prior (three deterministic starts ranked by value,
 * the best polished by L-BFGS in log space), on a subset of the observations when there are many,
 * and the model conditioned on all of them, with its log evidence for transform selection.
 */
import { minimizeInBox } from './lbfgs.js';
import { FitObjective } from './likelihood.js';
import { OutputWarp, unmeasuredSpread } from './output-warp.js';
import { GaussianProcess } from './posterior.js';
import type { BoxCoxTransform } from './power-transform.js';
import { type HyperparameterPrior, defaultPrior } from './prior.js';
import type { TrainingData } from './training-data.js';

/**
 * 'fixed': the objective is deterministic, a tiny noise keeps the matrix well conditioned.
 * 'fitted': the noise variance is a hyperparameter, for objectives that give different values
 * for the same point.
 */
export type NoiseModel = 'fixed' | 'fitted';

export interface FitOptions {
  readonly noise?: NoiseModel;
  /** Noise variance (of standardised targets) when noise is 'fixed'. */
  readonly fixedNoiseVariance?: number;
  readonly prior?: HyperparameterPrior;
  readonly maxIterations?: number;
  /** Most observations the hyperparameter fit looks at (see fittingSubset); default 60. */
  readonly fitLimit?: number;
  /**
   * Warp targets before standardising (robust centre, log-compressed bad tail, and a Box-Cox
   * transform of positive targets when the evidence favours it); default true.
   */
  readonly warpTargets?: boolean;
  /**
   * Spread of the objective's values to assume when the targets show none (one trial, or all equal),
   * when the caller knows it (a game knows its tastes run 0–100). Default: the values' own size; see
   * unmeasuredSpread.
   */
  readonly unmeasuredSpread?: number;
}

const LENGTH_SCALE_BOUNDS = [Math.log(1e-2), Math.log(30)] as const;
const SIGNAL_BOUNDS = [Math.log(1e-2), Math.log(50)] as const;
const NOISE_BOUNDS = [Math.log(1e-6), Math.log(2)] as const;
const DEFAULT_FIXED_NOISE = 1e-6;
const DEFAULT_FIT_LIMIT = 60;
const PRIOR_MEAN_OFFSET = 1;

function standardise(targets: Float64Array, spreadIfUnmeasured: number | undefined): { standardised: Float64Array; mean: number; scale: number } {
  const n = targets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += targets[i] as number;
  mean = n > 0 ? mean / n : 0;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((targets[i] as number) - mean) ** 2;
  variance = n > 1 ? variance / (n - 1) : 0;
  // No spread to measure (one trial, or all equal): see unmeasuredSpread. After the warp the centre is 0
  // and the warp already carries the size, so this falls back to 1 there.
  const scale = variance > 1e-300 ? Math.sqrt(variance) : (spreadIfUnmeasured ?? unmeasuredSpread(mean));
  // The prior mean sits one standard deviation above the average trial (worse, as the model minimises).
  // A search samples good regions far more than bad ones, so the average of its trials flatters the
  // unexplored space; with the plain average, corners the model knows nothing about look promising
  // and the search wastes trials on them. Measured: Branin median 26.5 → 21.5 evaluations to 0.01.
  // One trial is no search yet (the strategy never fits before its opening design): the belief it
  // draws centres on that trial, with no reason to call everything else worse.
  if (n > 1) mean += PRIOR_MEAN_OFFSET * scale;
  const standardised = new Float64Array(n);
  for (let i = 0; i < n; i++) standardised[i] = ((targets[i] as number) - mean) / scale;
  return { standardised, mean, scale };
}

/** Deterministic starting points for the hyperparameter search: the prior's centre and two extremes. */
function startingPoints(d: number, prior: HyperparameterPrior, fittedNoise: boolean): Float64Array[] {
  const lengthStarts = [prior.logLengthScaleMean, Math.log(0.1), Math.log(1.5)];
  return lengthStarts.map((logLength) => {
    const theta = new Float64Array(d + (fittedNoise ? 2 : 1));
    theta.fill(logLength, 0, d);
    theta[d] = prior.logSignalVarianceMean;
    if (fittedNoise) theta[d + 1] = prior.logNoiseVarianceMean;
    return theta;
  });
}

/**
 * Which observations the hyperparameters are fitted on, or undefined for all of them. Each fit step
 * costs O(n³), so past `limit` points the fit uses the best half of the limit (the region the search
 * cares about) plus an even spread of the rest (the global trend); the model is then conditioned on
 * every point. A deterministic choice, so a rebuilt study fits the same model.
 */
function fittingSubset(targets: Float64Array, limit: number): number[] | undefined {
  const n = targets.length;
  if (n <= limit) return undefined;
  const byValue = Array.from({ length: n }, (_, i) => i).sort((a, b) => (targets[a] as number) - (targets[b] as number));
  const best = byValue.slice(0, Math.floor(limit / 2));
  const rest = byValue.slice(best.length).sort((a, b) => a - b);
  const spreadCount = limit - best.length;
  const spread = Array.from({ length: spreadCount }, (_, k) => rest[Math.floor((k * rest.length) / spreadCount)] as number);
  return [...best, ...spread].sort((a, b) => a - b);
}

function pickRows(data: TrainingData, rows: readonly number[]): TrainingData {
  const d = data.dimension;
  const inputs = new Float64Array(rows.length * d);
  rows.forEach((row, i) => inputs.set(data.inputs.subarray(row * d, (row + 1) * d), i * d));
  return {
    inputs,
    targets: Float64Array.from(rows, (row) => data.targets[row] as number),
    count: rows.length,
    dimension: d,
    categorical: data.categorical,
  };
}

/**
 * One model of the targets after the power transform (if any), the warp and standardisation, and
 * its log evidence: the fitted log posterior of the transformed targets plus the log Jacobian of
 * the transforms, over the observations the fit used.
 */
export function fitTransformed(
  data: TrainingData,
  options: FitOptions,
  power: BoxCoxTransform | undefined,
): { model: GaussianProcess; logEvidence: number } {
  const fittedNoise = options.noise === 'fitted';
  const prior = options.prior ?? defaultPrior(data.dimension);
  const powered = power === undefined ? data.targets : data.targets.map((y) => power.forward(y));
  // A known spread is in objective units: it goes to whichever transform meets the values first.
  const knownSpread = power === undefined ? options.unmeasuredSpread : undefined;
  const warp = options.warpTargets === false ? undefined : new OutputWarp(powered, knownSpread);
  const { standardised, mean, scale } = standardise(warp === undefined ? powered : powered.map((y) => warp.forward(y)), warp === undefined ? knownSpread : undefined);
  const subset = fittingSubset(standardised, options.fitLimit ?? DEFAULT_FIT_LIMIT);
  const objective =
    subset === undefined
      ? new FitObjective(data, standardised, prior, fittedNoise, options.fixedNoiseVariance ?? DEFAULT_FIXED_NOISE)
      : new FitObjective(pickRows(data, subset), Float64Array.from(subset, (i) => standardised[i] as number), prior, fittedNoise, options.fixedNoiseVariance ?? DEFAULT_FIXED_NOISE);
  const d = data.dimension;
  const size = d + (fittedNoise ? 2 : 1);
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  lower.fill(LENGTH_SCALE_BOUNDS[0], 0, d);
  upper.fill(LENGTH_SCALE_BOUNDS[1], 0, d);
  lower[d] = SIGNAL_BOUNDS[0];
  upper[d] = SIGNAL_BOUNDS[1];
  if (fittedNoise) {
    lower[d + 1] = NOISE_BOUNDS[0];
    upper[d + 1] = NOISE_BOUNDS[1];
  }

  // Rank the cheap starts by value, then polish the best with gradients.
  const starts = startingPoints(d, prior, fittedNoise);
  let best = starts[0] as Float64Array;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const start of starts) {
    const value = objective.value(start);
    if (value < bestValue) {
      bestValue = value;
      best = start;
    }
  }
  const result = minimizeInBox(objective.valueAndGradient, best, {
    lower,
    upper,
    maxIterations: options.maxIterations ?? 40,
    gradientTolerance: 1e-3,
    relativeTolerance: 1e-7,
  });
  const fitted = Number.isFinite(result.value);
  const theta = fitted ? result.x : best;
  let logEvidence = -(fitted ? result.value : bestValue);
  for (const i of subset ?? data.targets.keys()) {
    logEvidence -= Math.log(scale);
    if (warp !== undefined) logEvidence += warp.logSlope(powered[i] as number);
    if (power !== undefined) logEvidence += power.logSlope(data.targets[i] as number);
  }
  return { model: new GaussianProcess(data, objective.decode(theta), { mean, scale, standardised, warp, power }), logEvidence };
}
