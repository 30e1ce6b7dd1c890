/**
 * The objective of the hyperparameter fit: the negative log marginal likelihood of the standardised
 * targets under the Matérn 5/2 kernel plus the negative log prior, as a function of the log
 * hyperparameters, with its hand-derived gradient (checked against finite differences in
 * test/search/gp-likelihood.test.ts).
 */
import { MaternKernel, matern52SlopeInSquaredDistance } from './kernel.js';
import {
  type CholeskyFactor,
  NotPositiveDefiniteError,
  choleskySolve,
  choleskyWithJitter,
  inverseFromCholesky,
  logDeterminant,
  solveLower,
} from './linalg.js';
import { type HyperparameterPrior, logNormalDensity } from './prior.js';
import type { Hyperparameters, TrainingData } from './training-data.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Negative log marginal likelihood plus negative log prior, as a function of
 * θ = [log ℓ₁…log ℓ_d, log σ², (log σₙ²)], with its gradient.
 */
export class FitObjective {
  constructor(
    private readonly data: TrainingData,
    private readonly y: Float64Array,
    private readonly prior: HyperparameterPrior,
    private readonly fittedNoise: boolean,
    private readonly fixedNoiseVariance: number,
  ) {}

  decode(theta: ArrayLike<number>): Hyperparameters {
    const d = this.data.dimension;
    const lengthScales = new Float64Array(d);
    for (let k = 0; k < d; k++) lengthScales[k] = Math.exp(theta[k] as number);
    return {
      lengthScales,
      signalVariance: Math.exp(theta[d] as number),
      noiseVariance: this.fittedNoise ? Math.exp(theta[d + 1] as number) : this.fixedNoiseVariance,
    };
  }

  #negativeLogPrior(theta: ArrayLike<number>, gradient: Float64Array | undefined): number {
    const d = this.data.dimension;
    const p = this.prior;
    let value = 0;
    const add = (k: number, mean: number, spread: number): void => {
      const term = logNormalDensity(theta[k] as number, mean, spread);
      value -= term.value;
      if (gradient !== undefined) gradient[k] = (gradient[k] as number) - term.slope;
    };
    for (let k = 0; k < d; k++) add(k, p.logLengthScaleMean, p.logLengthScaleSpread);
    add(d, p.logSignalVarianceMean, p.logSignalVarianceSpread);
    if (this.fittedNoise) add(d + 1, p.logNoiseVarianceMean, p.logNoiseVarianceSpread);
    return value;
  }

  #factor(hyper: Hyperparameters): { kernel: MaternKernel; gram: Float64Array; factor: CholeskyFactor } | undefined {
    const { inputs, count, categorical } = this.data;
    const kernel = new MaternKernel(hyper.lengthScales, hyper.signalVariance, categorical);
    const gram = kernel.gram(inputs, count);
    const covariance = Float64Array.from(gram);
    for (let i = 0; i < count; i++) covariance[i * count + i] = (covariance[i * count + i] as number) + hyper.noiseVariance;
    try {
      return { kernel, gram, factor: choleskyWithJitter(covariance, count) };
    } catch (error) {
      if (error instanceof NotPositiveDefiniteError) return undefined;
      throw error;
    }
  }

  /** The value alone: one Cholesky, no inverse. Used to rank starting points. */
  value(theta: ArrayLike<number>): number {
    const built = this.#factor(this.decode(theta));
    if (built === undefined) return Number.POSITIVE_INFINITY;
    const whitened = solveLower(built.factor, this.y);
    let quadratic = 0;
    for (let i = 0; i < whitened.length; i++) quadratic += (whitened[i] as number) ** 2;
    const n = this.data.count;
    return 0.5 * quadratic + 0.5 * logDeterminant(built.factor) + 0.5 * n * LOG_2PI + this.#negativeLogPrior(theta, undefined);
  }

  valueAndGradient = (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    const hyper = this.decode(theta);
    const built = this.#factor(hyper);
    if (built === undefined) return Number.POSITIVE_INFINITY;
    const { kernel, gram, factor } = built;
    const { inputs, count: n, dimension: d, categorical } = this.data;
    const alpha = choleskySolve(factor, this.y);
    let quadratic = 0;
    for (let i = 0; i < n; i++) quadratic += (alpha[i] as number) * (this.y[i] as number);
    const value = 0.5 * quadratic + 0.5 * logDeterminant(factor) + 0.5 * n * LOG_2PI;

    // ∂(−log p)/∂θ = −½·tr(W·∂K/∂θ) with W = ααᵀ − K⁻¹.
    const inverse = inverseFromCholesky(factor);
    const inv = kernel.inverseSquaredLengthScales;
    const variance = kernel.signalVariance;
    let signalTrace = 0;
    let noiseTrace = 0;
    for (let i = 0; i < n; i++) {
      const ai = alpha[i] as number;
      const wii = ai * ai - (inverse[i * n + i] as number);
      noiseTrace += wii;
      signalTrace += wii * (gram[i * n + i] as number);
      const rowI = i * d;
      for (let j = 0; j < i; j++) {
        const w = ai * (alpha[j] as number) - (inverse[i * n + j] as number);
        signalTrace += 2 * w * (gram[i * n + j] as number);
        // ∂Kᵢⱼ/∂log ℓ_k = σ²·k'(r²)·(−2Δ²/ℓ²); both (i,j) and (j,i) contribute.
        const r2 = kernel.squaredDistance(inputs, i, inputs, j);
        const common = 2 * w * variance * matern52SlopeInSquaredDistance(r2) * -2;
        const rowJ = j * d;
        for (let k = 0; k < d; k++) {
          const delta = (inputs[rowI + k] as number) - (inputs[rowJ + k] as number);
          const squared = categorical[k] === 1 ? (delta === 0 ? 0 : 1) : delta * delta;
          gradient[k] = (gradient[k] as number) + common * squared * (inv[k] as number);
        }
      }
    }
    for (let k = 0; k < d; k++) gradient[k] = -0.5 * (gradient[k] as number);
    gradient[d] = -0.5 * signalTrace;
    if (this.fittedNoise) gradient[d + 1] = -0.5 * noiseTrace * hyper.noiseVariance;
    return value + this.#negativeLogPrior(theta, gradient);
  };
}
