/**
 * A Gaussian process conditioned on its observations: the posterior mean and variance at new points
 * (in bulk for candidate sets, or at one point with gradients for the acquisition optimiser), and the
 * way back from the model's standardised units to the objective's.
 */
import { MaternKernel, matern52SlopeInSquaredDistance } from './kernel.js';
import { type CholeskyFactor, choleskySolve, choleskyWithJitter, whitenedSquaredNorms } from './linalg.js';
import type { OutputWarp } from './output-warp.js';
import type { BoxCoxTransform } from './power-transform.js';
import type { Hyperparameters, TrainingData } from './training-data.js';

export class GaussianProcess {
  readonly data: TrainingData;
  readonly hyperparameters: Hyperparameters;
  readonly kernel: MaternKernel;
  /** Warped targets are modelled as mean + scale·(standardised value). */
  readonly targetMean: number;
  readonly targetScale: number;
  readonly warp: OutputWarp | undefined;
  /** Applied to the targets before the warp, when it was chosen; see fitGaussianProcess. */
  readonly power: BoxCoxTransform | undefined;
  /** Objective units per standardised unit at the best target (see improvementScale). */
  readonly #improvementScale: number;
  /** Standardised targets. */
  readonly standardisedTargets: Float64Array;
  readonly #factor: CholeskyFactor;
  /** K⁻¹·y (standardised). */
  readonly #alpha: Float64Array;
  readonly #cross: Float64Array;
  readonly #scaledInputs: Float64Array;

  constructor(
    data: TrainingData,
    hyperparameters: Hyperparameters,
    targets: {
      mean: number;
      scale: number;
      standardised: Float64Array;
      warp: OutputWarp | undefined;
      power?: BoxCoxTransform | undefined;
    },
  ) {
    const { mean: targetMean, scale: targetScale, standardised } = targets;
    this.warp = targets.warp;
    this.power = targets.power;
    let bestTarget = Number.POSITIVE_INFINITY;
    for (let i = 0; i < data.count; i++) bestTarget = Math.min(bestTarget, data.targets[i] as number);
    // dy/dz = y^(1−λ) for the power transform, taken at the best target.
    const powerScale = this.power === undefined ? 1 : Math.exp(-this.power.logSlope(bestTarget));
    this.#improvementScale = targetScale * (this.warp?.scale ?? 1) * powerScale;
    this.data = data;
    this.hyperparameters = hyperparameters;
    this.targetMean = targetMean;
    this.targetScale = targetScale;
    this.standardisedTargets = standardised;
    this.kernel = new MaternKernel(hyperparameters.lengthScales, hyperparameters.signalVariance, data.categorical);
    const n = data.count;
    const covariance = this.kernel.gram(data.inputs, n);
    for (let i = 0; i < n; i++) covariance[i * n + i] = (covariance[i * n + i] as number) + hyperparameters.noiseVariance;
    this.#factor = choleskyWithJitter(covariance, n);
    this.#alpha = choleskySolve(this.#factor, standardised);
    this.#cross = new Float64Array(n);
    this.#scaledInputs = this.kernel.scaleRows(data.inputs, n);
  }

  /** A value in the model's standardised units, in objective units (the median of the prediction). */
  toObjectiveUnits(standardised: number): number {
    const warped = this.targetMean + this.targetScale * standardised;
    const powered = this.warp === undefined ? warped : this.warp.inverse(warped);
    return this.power === undefined ? powered : this.power.inverse(powered);
  }

  /**
   * Objective units per standardised unit where improvements happen, so expected improvements
   * convert by one factor. The warp is linear there; a power transform is not, so its slope is taken
   * at the best target, where the improvements start.
   */
  get improvementScale(): number {
    return this.#improvementScale;
  }

  /**
   * Posterior mean and variance of the latent function (standardised units) at each row of `points`
   * (row-major, width = dimension). Variance excludes observation noise.
   */
  predictStandardised(points: Float64Array, count: number, mean: Float64Array, variance: Float64Array): void {
    const n = this.data.count;
    const alpha = this.#alpha;
    const signal = this.kernel.signalVariance;
    // Blocks bound the memory of the cross-covariance matrix for large candidate sets.
    const block = 256;
    const cross = new Float64Array(Math.min(block, count) * n);
    const scaledPoints = this.kernel.scaleRows(points, count);
    const explained = new Float64Array(Math.min(block, count));
    for (let start = 0; start < count; start += block) {
      const size = Math.min(block, count - start);
      for (let p = 0; p < size; p++) {
        const row = cross.subarray(p * n, (p + 1) * n);
        this.kernel.crossCovarianceScaled(scaledPoints, start + p, this.#scaledInputs, n, row);
        let m = 0;
        for (let j = 0; j < n; j++) m += (row[j] as number) * (alpha[j] as number);
        mean[start + p] = m;
      }
      whitenedSquaredNorms(this.#factor, cross, size, explained);
      for (let p = 0; p < size; p++) variance[start + p] = Math.max(signal - (explained[p] as number), 1e-12 * signal);
    }
  }

  /**
   * Mean and variance at one point with their gradients in the numeric coordinates (categorical
   * coordinates get gradient 0: they are not moved continuously).
   */
  predictWithGradient(
    point: Float64Array,
    meanGradient: Float64Array,
    varianceGradient: Float64Array,
  ): { mean: number; variance: number } {
    const { inputs, count: n, dimension: d, categorical } = this.data;
    const cross = this.kernel.crossCovariance(point, 0, inputs, n, this.#cross);
    const solved = choleskySolve(this.#factor, cross);
    let mean = 0;
    let explained = 0;
    for (let j = 0; j < n; j++) {
      mean += (cross[j] as number) * (this.#alpha[j] as number);
      explained += (cross[j] as number) * (solved[j] as number);
    }
    meanGradient.fill(0);
    varianceGradient.fill(0);
    const inv = this.kernel.inverseSquaredLengthScales;
    const signal = this.kernel.signalVariance;
    for (let j = 0; j < n; j++) {
      const r2 = this.kernel.squaredDistance(point, 0, inputs, j);
      // ∂k/∂x_k = σ²·k'(r²)·2Δ_k/ℓ_k².
      const slope = signal * matern52SlopeInSquaredDistance(r2) * 2;
      const a = this.#alpha[j] as number;
      const s = solved[j] as number;
      const row = j * d;
      for (let k = 0; k < d; k++) {
        if (categorical[k] === 1) continue;
        const dk = slope * ((point[k] as number) - (inputs[row + k] as number)) * (inv[k] as number);
        meanGradient[k] = (meanGradient[k] as number) + a * dk;
        varianceGradient[k] = (varianceGradient[k] as number) - 2 * s * dk;
      }
    }
    return { mean, variance: Math.max(signal - explained, 1e-12 * signal) };
  }
}
