import { describe, expect, it } from 'vitest';
import { expectedImprovement, logExpectedImprovement, logExpectedImprovementWithSlopes, normalCdf } from '../../src/search/gp/acquisition.js';
import { minimizeInBox } from '../../src/search/gp/lbfgs.js';
import { choleskySolve, choleskyWithJitter, inverseFromCholesky, NotPositiveDefiniteError } from '../../src/search/gp/linalg.js';
import { fitGaussianProcess, type TrainingData } from '../../src/search/gp/model.js';
import { OutputWarp } from '../../src/search/gp/output-warp.js';
import { fitBoxCox } from '../../src/search/gp/power-transform.js';
import { goldsteinPrice } from '../../src/search/objectives/benchmarks.js';
import { createRng } from '../../src/search/random.js';

/** Training data from a function on the unit cube at seeded random points. */
function sample(count: number, dimension: number, f: (x: number[]) => number, seed: string): TrainingData {
  const rng = createRng(seed);
  const inputs = new Float64Array(count * dimension);
  const targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const x = Array.from({ length: dimension }, () => rng());
    inputs.set(x, i * dimension);
    targets[i] = f(x);
  }
  return { inputs, targets, count, dimension, categorical: new Uint8Array(dimension) };
}

const bumpy = (x: number[]): number => Math.sin(6 * (x[0] as number)) + 0.5 * (x[1] ?? 0) ** 2 + 3;

describe('Cholesky with jitter', () => {
  it('solves a well-conditioned system exactly', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const factor = choleskyWithJitter(a, 3);
    expect(factor.jitter).toBe(0);
    const x = choleskySolve(factor, [1, 2, 3]);
    for (let i = 0; i < 3; i++) {
      const row = (a[i * 3] as number) * (x[0] as number) + (a[i * 3 + 1] as number) * (x[1] as number) + (a[i * 3 + 2] as number) * (x[2] as number);
      expect(row).toBeCloseTo(i + 1, 12);
    }
    const inverse = inverseFromCholesky(factor);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let product = 0;
        for (let k = 0; k < 3; k++) product += (a[i * 3 + k] as number) * (inverse[k * 3 + j] as number);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('adds growing jitter to a singular matrix (two identical rows) and still factorises it', () => {
    const a = Float64Array.from([1, 1, 0.5, 1, 1, 0.5, 0.5, 0.5, 1]);
    const factor = choleskyWithJitter(a, 3);
    expect(factor.jitter).toBeGreaterThan(0);
    expect(factor.jitter).toBeLessThan(1e-3);
    expect(Array.from(factor.lower).every(Number.isFinite)).toBe(true);
  });

  it('gives up on a matrix that is not positive definite at all', () => {
    expect(() => choleskyWithJitter(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(NotPositiveDefiniteError);
  });
});

describe('log expected improvement', () => {
  it('agrees with log(EI) wherever EI is representable', () => {
    for (const z of [-30, -12, -5, -3.01, -3, -2.99, -1, 0, 0.5, 2, 8]) {
      const ei = expectedImprovement(0, 1, z);
      expect(ei).toBeGreaterThan(0);
      expect(logExpectedImprovement(0, 1, z)).toBeCloseTo(Math.log(ei), 9);
    }
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
  });

  it('stays finite and keeps decreasing where EI underflows to 0', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let mean = 40; mean <= 1e4; mean *= 1.5) {
      expect(expectedImprovement(mean, 1, 0)).toBe(0);
      const value = logExpectedImprovement(mean, 1, 0);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeLessThan(previous);
      // Leading asymptotics: log EI ≈ −z²/2 − log √(2π) − 2·log|z|.
      expect(value).toBeCloseTo(-0.5 * mean * mean - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(mean), 1);
      previous = value;
    }
  });

  it('reports slopes that match finite differences, including the underflow region', () => {
    for (const [mean, variance] of [[0.3, 0.5], [5, 0.2], [40, 0.7], [-1, 2]] as const) {
      const h = 1e-6;
      const at = (m: number, v: number): number => logExpectedImprovementWithSlopes(m, v, 0).value;
      const slopes = logExpectedImprovementWithSlopes(mean, variance, 0);
      const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));
      expect(relative(slopes.slopeInMean, (at(mean + h, variance) - at(mean - h, variance)) / (2 * h))).toBeLessThan(1e-5);
      expect(relative(slopes.slopeInVariance, (at(mean, variance + h) - at(mean, variance - h)) / (2 * h))).toBeLessThan(1e-5);
    }
  });
});

describe('box-constrained L-BFGS', () => {
  it('finds the minimum of a shifted quadratic, stopping at a bound when the minimum lies outside', () => {
    const f = (x: Float64Array, g: Float64Array): number => {
      const a = (x[0] as number) - 0.3;
      const b = (x[1] as number) - 2;
      g[0] = 2 * a + b;
      g[1] = 8 * b + a;
      return a * a + 4 * b * b + a * b;
    };
    const result = minimizeInBox(f, [0.9, 0.1], { lower: [0, 0], upper: [1, 1], gradientTolerance: 1e-9 });
    // With x₂ pinned at 1, the best x₁ solves 2(x₁ − 0.3) + (1 − 2) = 0.
    expect(result.x[1]).toBeCloseTo(1, 9);
    expect(result.x[0]).toBeCloseTo(0.8, 6);
  });
});

describe('Gaussian process', () => {
  it('interpolates noise-free data and is most certain where it has observed', () => {
    const data = sample(15, 2, bumpy, 'interpolate');
    const model = fitGaussianProcess(data);
    const mean = new Float64Array(data.count);
    const variance = new Float64Array(data.count);
    model.predictStandardised(data.inputs, data.count, mean, variance);
    for (let i = 0; i < data.count; i++) {
      expect(model.toObjectiveUnits(mean[i] as number)).toBeCloseTo(data.targets[i] as number, 3);
      expect(variance[i] as number).toBeLessThan(1e-3 * model.hyperparameters.signalVariance);
    }
    // Far from every observation the variance returns towards the prior's.
    const far = Float64Array.from([1.8, -0.8]);
    const farMean = new Float64Array(1);
    const farVariance = new Float64Array(1);
    model.predictStandardised(far, 1, farMean, farVariance);
    expect(farVariance[0] as number).toBeGreaterThan(0.3 * model.hyperparameters.signalVariance);
  });

  it('predicts held-out points of a smooth function better than the mean does', () => {
    const model = fitGaussianProcess(sample(30, 2, bumpy, 'train'));
    const test = sample(50, 2, bumpy, 'test');
    const mean = new Float64Array(test.count);
    const variance = new Float64Array(test.count);
    model.predictStandardised(test.inputs, test.count, mean, variance);
    let modelError = 0;
    let baselineError = 0;
    for (let i = 0; i < test.count; i++) {
      modelError += (model.toObjectiveUnits(mean[i] as number) - (test.targets[i] as number)) ** 2;
      baselineError += (model.toObjectiveUnits(0) - (test.targets[i] as number)) ** 2;
    }
    expect(modelError).toBeLessThan(0.05 * baselineError);
  });

  it('learns that an ignored input is irrelevant (longer length scale)', () => {
    const model = fitGaussianProcess(sample(30, 2, (x) => Math.sin(5 * (x[0] as number)), 'relevance'));
    const [first, second] = model.hyperparameters.lengthScales as unknown as [number, number];
    expect(second).toBeGreaterThan(3 * first);
  });

  it('fits a noise variance when asked, and it is larger for noisy data', () => {
    const rng = createRng('noise');
    const noisy = sample(40, 1, (x) => Math.sin(4 * (x[0] as number)) + 0.3 * (rng() - 0.5), 'noisy');
    const clean = sample(40, 1, (x) => Math.sin(4 * (x[0] as number)), 'noisy');
    const noisyFit = fitGaussianProcess(noisy, { noise: 'fitted' }).hyperparameters.noiseVariance;
    const cleanFit = fitGaussianProcess(clean, { noise: 'fitted' }).hyperparameters.noiseVariance;
    expect(noisyFit).toBeGreaterThan(10 * cleanFit);
  });

  it('gives gradients of mean and variance that match finite differences', () => {
    const model = fitGaussianProcess(sample(12, 3, (x) => bumpy(x) + (x[2] as number), 'gradients'));
    const point = Float64Array.from([0.31, 0.62, 0.45]);
    const meanGradient = new Float64Array(3);
    const varianceGradient = new Float64Array(3);
    model.predictWithGradient(point, meanGradient, varianceGradient);
    const h = 1e-6;
    for (let k = 0; k < 3; k++) {
      const up = Float64Array.from(point);
      const down = Float64Array.from(point);
      up[k] = (up[k] as number) + h;
      down[k] = (down[k] as number) - h;
      const scratch = new Float64Array(3);
      const a = model.predictWithGradient(up, scratch, scratch);
      const b = model.predictWithGradient(down, scratch, scratch);
      expect(meanGradient[k]).toBeCloseTo((a.mean - b.mean) / (2 * h), 5);
      expect(varianceGradient[k]).toBeCloseTo((a.variance - b.variance) / (2 * h), 5);
    }
  });
});

describe('output warp', () => {
  const values = [3, 5, 8, 12, 30, 80, 400, 9000, 250000, 1e6];
  const warp = new OutputWarp(values);

  it('keeps order, inverts exactly and leaves the good side linear', () => {
    const warped = values.map((y) => warp.forward(y));
    for (let i = 1; i < warped.length; i++) expect(warped[i] as number).toBeGreaterThan(warped[i - 1] as number);
    for (const y of values) expect(warp.inverse(warp.forward(y))).toBeCloseTo(y, 6);
    // Below the median, differences scale by one constant.
    expect(warp.forward(5) - warp.forward(3)).toBeCloseTo(2 / warp.scale, 12);
  });

  it('tames values spanning orders of magnitude', () => {
    expect(warp.forward(1e6)).toBeLessThan(20);
  });

  it('keeps other values apart when most points sit on one value', () => {
    const crowded = new OutputWarp([1.94, 1.94, 1.94, 1.94, 1.94, 1.94, 1.94, 5, 20, 200]);
    expect(crowded.forward(5) - crowded.forward(1.94)).toBeGreaterThan(0.5);
  });
});

describe('Box-Cox transform', () => {
  it('finds λ near 0 for log-normal values and inverts exactly', () => {
    const rng = createRng('box-cox');
    const values = Array.from({ length: 200 }, () => Math.exp(2 * (rng() + rng() + rng() - 1.5)));
    const transform = fitBoxCox(values);
    expect(transform).toBeDefined();
    expect(Math.abs(transform?.lambda ?? 1)).toBeLessThan(0.2);
    for (const y of values.slice(0, 10)) expect(transform?.inverse(transform.forward(y))).toBeCloseTo(y, 9);
  });

  it('does not apply to values that are not all positive, or all equal', () => {
    expect(fitBoxCox([3, 0, 5, 8])).toBeUndefined();
    expect(fitBoxCox([-1, 2, 5, 8])).toBeUndefined();
    expect(fitBoxCox([2, 2, 2, 2])).toBeUndefined();
  });

  it('is chosen for Goldstein–Price, whose values span orders of magnitude, and still interpolates', () => {
    const data = sample(20, 2, (x) => goldsteinPrice(4 * (x[0] as number) - 2, 4 * (x[1] as number) - 2), 'goldstein');
    const model = fitGaussianProcess(data);
    expect(model.power).toBeDefined();
    const mean = new Float64Array(data.count);
    const variance = new Float64Array(data.count);
    model.predictStandardised(data.inputs, data.count, mean, variance);
    for (let i = 0; i < data.count; i++) {
      const target = data.targets[i] as number;
      expect(Math.abs(model.toObjectiveUnits(mean[i] as number) - target)).toBeLessThan(1e-3 * target);
    }
  });

  it('is not chosen for a smooth function whose minimum value is 0', () => {
    const data = sample(20, 2, (x) => ((x[0] as number) - 0.3) ** 2 + ((x[1] as number) - 0.6) ** 2, 'bowl');
    expect(fitGaussianProcess(data).power).toBeUndefined();
  });
});
