/**
 * Hand-derived gradients of the GP fit checked against central finite differences, as
 * scikit-optimize checks its kernels': the Matérn 5/2 slope in the squared distance, the prior's
 * log density, and the fit objective (negative log marginal likelihood plus negative log prior)
 * with respect to every hyperparameter — each length scale, numeric and categorical, the signal
 * variance and, when fitted, the noise variance.
 */
import { describe, expect, it } from 'vitest';
import { matern52, matern52SlopeInSquaredDistance } from '../../src/search/gp/kernel.js';
import { FitObjective } from '../../src/search/gp/likelihood.js';
import { defaultPrior, logNormalDensity } from '../../src/search/gp/prior.js';
import type { TrainingData } from '../../src/search/gp/training-data.js';
import { createRng } from '../../src/search/random.js';

const STEP = 1e-5;

function centralDifference(f: (x: number) => number, x: number): number {
  return (f(x + STEP) - f(x - STEP)) / (2 * STEP);
}

/** Seeded observations with numeric coordinates in [0, 1] and categorical ones among three choices. */
function observations(count: number, categorical: readonly number[], seed: string): { data: TrainingData; y: Float64Array } {
  const rng = createRng(seed);
  const dimension = categorical.length;
  const inputs = new Float64Array(count * dimension);
  const targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < dimension; k++) inputs[i * dimension + k] = categorical[k] === 1 ? Math.floor(3 * rng()) / 2 : rng();
    targets[i] = Math.sin(5 * (inputs[i * dimension] as number)) + (inputs[i * dimension + 1] as number) ** 2 + 0.1 * rng();
  }
  let mean = 0;
  for (const target of targets) mean += target / count;
  const y = targets.map((target) => target - mean);
  return { data: { inputs, targets, count, dimension, categorical: Uint8Array.from(categorical) }, y };
}

describe('Matérn 5/2 kernel', () => {
  it('has the slope in the squared distance that finite differences give', () => {
    for (const r2 of [1e-3, 0.05, 0.3, 1, 2.5, 7]) {
      expect(matern52SlopeInSquaredDistance(r2)).toBeCloseTo(centralDifference(matern52, r2), 7);
    }
  });

  it('tends to the slope at zero distance, where the difference quotient is one-sided', () => {
    const h = 1e-9;
    expect(matern52SlopeInSquaredDistance(0)).toBeCloseTo((matern52(h) - matern52(0)) / h, 4);
    expect(matern52SlopeInSquaredDistance(0)).toBeCloseTo(-5 / 6, 12);
  });
});

describe('hyperparameter prior', () => {
  it('has the slope of its log density that finite differences give', () => {
    for (const x of [-3, -0.7, 0, 0.4, 2]) {
      const density = (at: number) => logNormalDensity(at, -0.2, 1.5).value;
      expect(logNormalDensity(x, -0.2, 1.5).slope).toBeCloseTo(centralDifference(density, x), 7);
    }
  });
});

describe('fit objective (negative log marginal likelihood + negative log prior)', () => {
  const cases = [
    { name: 'numeric dimensions, fixed noise', categorical: [0, 0, 0], fitted: false, theta: [-1.1, -0.4, 0.3, 0.2] },
    { name: 'numeric dimensions, fitted noise', categorical: [0, 0], fitted: true, theta: [-0.9, 0.1, -0.3, -3] },
    { name: 'a categorical dimension, fitted noise', categorical: [0, 0, 1], fitted: true, theta: [-0.6, -1.2, 0.5, 0.4, -2.5] },
    { name: 'far from the prior centre', categorical: [0, 1], fitted: true, theta: [1.8, -2.9, -1.5, -0.8] },
  ];

  for (const { name, categorical, fitted, theta } of cases) {
    it(`has the gradient finite differences give for every hyperparameter: ${name}`, () => {
      const { data, y } = observations(14, categorical, name);
      const objective = new FitObjective(data, y, defaultPrior(data.dimension), fitted, 1e-4);
      const point = Float64Array.from(theta);
      const gradient = new Float64Array(point.length);
      const value = objective.valueAndGradient(point, gradient);
      expect(value).toBeCloseTo(objective.value(point), 9);
      expect(gradient.length).toBe(data.dimension + (fitted ? 2 : 1));
      for (let k = 0; k < point.length; k++) {
        const along = (x: number) => {
          const moved = Float64Array.from(point);
          moved[k] = x;
          return objective.value(moved);
        };
        const expected = centralDifference(along, point[k] as number);
        // Relative to the size of the slope, with a floor for slopes near zero.
        expect(Math.abs((gradient[k] as number) - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
      }
    });
  }

  it('ignores the noise coordinate when the noise is fixed', () => {
    const { data, y } = observations(10, [0, 0], 'fixed noise');
    const objective = new FitObjective(data, y, defaultPrior(2), false, 1e-4);
    expect(objective.decode([-1, -1, 0]).noiseVariance).toBe(1e-4);
  });
});
