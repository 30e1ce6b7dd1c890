/**
 * A Box-Cox power transform of positive targets, z = (y^λ − 1)/λ (log y at λ = 0), with λ fitted
 * by maximum likelihood: the value that makes the transformed targets look most like one normal
 * sample (Box & Cox, 1964), the usual estimator and the one HEBO (Cowen-Rivers et al., 2022) uses
 * to warp targets for its GP. Objectives such as Goldstein–Price, whose values are a product of
 * polynomials spanning six orders of magnitude, are smooth and nearly normal after a log, and
 * nearly flat on the good side without one. The model decides per fit whether the transform earns
 * its place (see fitGaussianProcess in transform-selection.ts).
 */

const LAMBDA_RANGE = [-2, 2] as const;
const GRID_STEPS = 40;
const GOLDEN_STEPS = 30;

function boxCox(y: number, lambda: number): number {
  return Math.abs(lambda) < 1e-9 ? Math.log(y) : (y ** lambda - 1) / lambda;
}

/**
 * log-likelihood of the targets under "the transformed targets are one normal sample", with the
 * mean and variance profiled out: −n/2·log σ̂²(λ) + (λ − 1)·Σ log y (the second term is the log
 * Jacobian, which keeps values of λ comparable).
 */
function profileLikelihood(targets: ArrayLike<number>, sumLog: number, lambda: number): number {
  const n = targets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += boxCox(targets[i] as number, lambda);
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (boxCox(targets[i] as number, lambda) - mean) ** 2;
  variance /= n;
  if (!(variance > 1e-300) || !Number.isFinite(variance)) return Number.NEGATIVE_INFINITY;
  return -0.5 * n * Math.log(variance) + (lambda - 1) * sumLog;
}

export class BoxCoxTransform {
  constructor(readonly lambda: number) {}

  forward(y: number): number {
    return boxCox(y, this.lambda);
  }

  /** Values beyond the transform's range (1 + λz ≤ 0) map to the nearest end: 0, or +∞ for λ < 0. */
  inverse(z: number): number {
    if (Math.abs(this.lambda) < 1e-9) return Math.exp(z);
    const base = 1 + this.lambda * z;
    if (base <= 0) return this.lambda > 0 ? 0 : Number.POSITIVE_INFINITY;
    return base ** (1 / this.lambda);
  }

  /** log dz/dy = (λ − 1)·log y. */
  logSlope(y: number): number {
    return (this.lambda - 1) * Math.log(y);
  }
}

/**
 * The maximum-likelihood Box-Cox transform of the targets (a grid over λ ∈ [−2, 2] polished by
 * golden-section search, deterministic), or undefined when a transform does not apply: fewer than
 * three targets, a target that is not positive, or all targets equal.
 */
export function fitBoxCox(targets: ArrayLike<number>): BoxCoxTransform | undefined {
  const n = targets.length;
  if (n < 3) return undefined;
  let sumLog = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const y = targets[i] as number;
    if (!(y > 0) || !Number.isFinite(y)) return undefined;
    sumLog += Math.log(y);
    min = Math.min(min, y);
    max = Math.max(max, y);
  }
  if (!(max > min)) return undefined;
  const likelihood = (lambda: number): number => profileLikelihood(targets, sumLog, lambda);
  const [low, high] = LAMBDA_RANGE;
  const step = (high - low) / GRID_STEPS;
  let best = 1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= GRID_STEPS; k++) {
    const lambda = low + k * step;
    const value = likelihood(lambda);
    if (value > bestValue) {
      bestValue = value;
      best = lambda;
    }
  }
  if (bestValue === Number.NEGATIVE_INFINITY) return undefined;
  let a = Math.max(low, best - step);
  let b = Math.min(high, best + step);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < GOLDEN_STEPS; k++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (likelihood(c) > likelihood(d)) b = d;
    else a = c;
  }
  const lambda = (a + b) / 2;
  const transform = new BoxCoxTransform(likelihood(lambda) >= bestValue ? lambda : best);
  for (let i = 0; i < n; i++) if (!Number.isFinite(transform.forward(targets[i] as number))) return undefined;
  return transform;
}
