/**
 * Finds the point of the unit cube with the highest log expected improvement: score a few thousand
 * quasi-random candidates plus perturbations of the best points seen so far, then polish the most
 * promising ones with box-constrained L-BFGS on the numeric coordinates. Discrete coordinates are
 * snapped (rounded integers, chosen categories) before a point is scored, so the winner is a point
 * the objective can actually be evaluated at.
 */
import { scrambledHalton } from '../sequences.js';
import { normal, type Rng } from '../random.js';
import { logExpectedImprovement, logExpectedImprovementWithSlopes } from './acquisition.js';
import { minimizeInBox } from './lbfgs.js';
import type { GaussianProcess } from './model.js';

export interface AcquisitionOptions {
  /** Quasi-random candidates scored per ask. */
  readonly candidates: number;
  /** Candidates drawn around each of the best observed points (local exploitation). */
  readonly localCandidatesPerIncumbent: number;
  /** How many of the best observed points to search around. */
  readonly incumbents: number;
  /** How many top candidates are polished by gradient steps. */
  readonly refinements: number;
  readonly refinementIterations: number;
}

export interface AcquisitionProblem {
  readonly model: GaussianProcess;
  /** Best observed target, standardised (minimisation). */
  readonly best: number;
  readonly rng: Rng;
  /** Moves a unit point (in place) onto the nearest point the search space allows. */
  readonly snap: (point: Float64Array) => void;
  /** Whether a snapped point was already evaluated; those are skipped when another choice exists. */
  readonly isObserved: (point: Float64Array) => boolean;
}

export interface AcquisitionChoice {
  readonly point: Float64Array;
  /** log EI at the point in standardised units. */
  readonly logExpectedImprovement: number;
}

const HALTON_SEED = 'tuning-fork/bayes/candidates';
const haltonCache = new Map<string, Float64Array>();

/** The first `count` scrambled Halton points in `dimension` dimensions, computed once and reused. */
function haltonPoints(count: number, dimension: number): Float64Array {
  const key = `${dimension}:${count}`;
  let points = haltonCache.get(key);
  if (points === undefined) {
    points = new Float64Array(count * dimension);
    for (let i = 0; i < count; i++) points.set(scrambledHalton(i, dimension, HALTON_SEED), i * dimension);
    if (haltonCache.size > 32) haltonCache.clear();
    haltonCache.set(key, points);
  }
  return points;
}

function scoreAll(model: GaussianProcess, points: Float64Array, count: number, best: number): Float64Array {
  const mean = new Float64Array(count);
  const variance = new Float64Array(count);
  model.predictStandardised(points, count, mean, variance);
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = logExpectedImprovement(mean[i] as number, Math.sqrt(variance[i] as number), best);
  return scores;
}

/** Polishes one start by L-BFGS on −log EI; categorical coordinates stay where they are. */
function refine(problem: AcquisitionProblem, start: Float64Array, iterations: number): Float64Array {
  const { model, best } = problem;
  const d = start.length;
  const categorical = model.data.categorical;
  const lower = new Float64Array(d);
  const upper = new Float64Array(d).fill(1);
  for (let k = 0; k < d; k++) {
    if (categorical[k] === 1) lower[k] = upper[k] = start[k] as number;
  }
  const meanGradient = new Float64Array(d);
  const varianceGradient = new Float64Array(d);
  const negativeLogEi = (x: Float64Array, gradient: Float64Array): number => {
    const { mean, variance } = model.predictWithGradient(x, meanGradient, varianceGradient);
    const acquisition = logExpectedImprovementWithSlopes(mean, variance, best);
    for (let k = 0; k < d; k++) {
      gradient[k] = -(acquisition.slopeInMean * (meanGradient[k] as number) + acquisition.slopeInVariance * (varianceGradient[k] as number));
    }
    return -acquisition.value;
  };
  return minimizeInBox(negativeLogEi, start, { lower, upper, maxIterations: iterations, gradientTolerance: 1e-6 }).x;
}

export function maximizeAcquisition(problem: AcquisitionProblem, options: AcquisitionOptions): AcquisitionChoice {
  const { model, best, rng } = problem;
  const { inputs, count: observed, dimension: d, targets } = model.data;

  // Global candidates: a shared Halton design moved by a random shift (mod 1), so each ask sees a
  // fresh but still evenly spread set.
  const base = haltonPoints(options.candidates, d);
  const shift = Array.from({ length: d }, () => rng());
  const incumbents = Array.from({ length: observed }, (_, i) => i)
    .sort((a, b) => (targets[a] as number) - (targets[b] as number))
    .slice(0, options.incumbents);
  const local = incumbents.length * options.localCandidatesPerIncumbent;
  const total = options.candidates + local;
  const points = new Float64Array(total * d);
  for (let i = 0; i < options.candidates; i++) {
    for (let k = 0; k < d; k++) {
      const u = (base[i * d + k] as number) + (shift[k] as number);
      points[i * d + k] = u >= 1 ? u - 1 : u;
    }
  }
  // Local candidates: Gaussian steps around the best points, sized by the fitted length scales so
  // the step is "a small move" in the model's own sense of distance.
  const lengthScales = model.hyperparameters.lengthScales;
  let offset = options.candidates * d;
  for (const incumbent of incumbents) {
    for (let c = 0; c < options.localCandidatesPerIncumbent; c++) {
      // Spread radii over an order of magnitude: some candidates probe very close, some further.
      const radius = 0.02 * Math.pow(15, c / Math.max(1, options.localCandidatesPerIncumbent - 1));
      for (let k = 0; k < d; k++) {
        const centre = inputs[incumbent * d + k] as number;
        const step = Math.min(1, lengthScales[k] as number) * radius * normal(rng);
        points[offset + k] = model.data.categorical[k] === 1 && rng() < 0.8 ? centre : Math.min(1, Math.max(0, centre + step));
      }
      offset += d;
    }
  }
  const point = new Float64Array(d);
  for (let i = 0; i < total; i++) {
    point.set(points.subarray(i * d, (i + 1) * d));
    problem.snap(point);
    points.set(point, i * d);
  }

  const scores = scoreAll(model, points, total, best);
  const usable = (i: number): boolean => !problem.isObserved(points.subarray(i * d, (i + 1) * d));
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));

  let bestPoint: Float64Array | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  let refined = 0;
  for (const index of order) {
    if (refined >= options.refinements) break;
    if (!usable(index)) continue;
    refined++;
    const start = points.slice(index * d, (index + 1) * d);
    const startScore = scores[index] as number;
    if (startScore > bestScore) {
      bestScore = startScore;
      bestPoint = start;
    }
    const polished = refine(problem, start, options.refinementIterations);
    problem.snap(polished);
    if (problem.isObserved(polished)) continue;
    const polishedScore = (scoreAll(model, polished, 1, best)[0] as number);
    if (polishedScore > bestScore) {
      bestScore = polishedScore;
      bestPoint = polished;
    }
  }
  // Every candidate coincided with an observed point (a tiny discrete space): take the top score anyway.
  if (bestPoint === undefined) {
    const top = order[0] as number;
    bestPoint = points.slice(top * d, (top + 1) * d);
    bestScore = scores[top] as number;
  }
  return { point: bestPoint, logExpectedImprovement: bestScore };
}
