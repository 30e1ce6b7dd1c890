/**
 * Tree-structured Parzen estimator (after Bergstra et al., 2011). Instead of modelling the score as a
 * function of the parameters, it models where good and bad trials lie: l(x) is a density fitted to the
 * best fraction γ of trials, g(x) to the rest. Points where l/g is large look like past winners and
 * unlike past losers, so it samples candidates from l and keeps the one with the highest ratio.
 * Parameters are modelled one at a time in unit coordinates (independent per dimension).
 */
import type { Rng } from '../random.js';
import { completedTrials, compareValues, type Proposal, type ProposalContext, type Strategy } from '../strategy.js';

export interface TpeOptions {
  /** Completed trials drawn at random before the model takes over. */
  readonly startupTrials?: number;
  /** Fraction of completed trials counted as good. */
  readonly gamma?: number;
  /** Candidates drawn from l(x) per proposal. */
  readonly candidates?: number;
  /** Weight of the wide prior component that keeps both densities positive everywhere. */
  readonly priorWeight?: number;
}

const PRIOR_MEAN = 0.5;
const PRIOR_SIGMA = 1;

/** Standard normal CDF via the complementary error function (Numerical Recipes' erfc fit, ~1e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** A one-dimensional density on [0, 1] that can be sampled and evaluated. */
interface Density {
  sample(rng: Rng): number;
  pdf(u: number): number;
}

function pick(rng: Rng, weights: readonly number[]): number {
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Mixture of Gaussians truncated to [0, 1]: one per observation, plus the wide prior. */
function parzen(observations: readonly number[], priorWeight: number): Density {
  const sorted = [...observations].sort((a, b) => a - b);
  // Bandwidth from neighbour spacing (the box edges count as neighbours), clipped so that a tight
  // cluster does not collapse to a spike and a lone point does not flatten out.
  const minSigma = 1 / Math.min(100, sorted.length + 1);
  const sigmas = sorted.map((x, i) => {
    const left = x - (i > 0 ? (sorted[i - 1] as number) : 0);
    const right = (i < sorted.length - 1 ? (sorted[i + 1] as number) : 1) - x;
    return Math.min(1, Math.max(minSigma, left, right));
  });
  const means = [...sorted, PRIOR_MEAN];
  const spreads = [...sigmas, PRIOR_SIGMA];
  const weights = [...sorted.map(() => 1), priorWeight];
  const total = weights.reduce((a, b) => a + b, 0);
  const mass = means.map((m, i) => normalCdf((1 - m) / (spreads[i] as number)) - normalCdf(-m / (spreads[i] as number)));
  return {
    sample(rng) {
      const i = pick(rng, weights);
      const mean = means[i] as number;
      const sigma = spreads[i] as number;
      for (let attempt = 0; attempt < 100; attempt++) {
        const radius = Math.sqrt(-2 * Math.log(1 - rng()));
        const x = mean + sigma * radius * Math.cos(2 * Math.PI * rng());
        if (x >= 0 && x <= 1) return x;
      }
      return rng(); // practically unreachable: every component keeps a third of its mass in [0, 1]
    },
    pdf(u) {
      let density = 0;
      for (const [i, mean] of means.entries()) {
        const sigma = spreads[i] as number;
        const z = (u - mean) / sigma;
        density += ((weights[i] as number) * Math.exp(-0.5 * z * z)) / (sigma * Math.sqrt(2 * Math.PI) * (mass[i] as number));
      }
      return density / total;
    },
  };
}

/** Smoothed category frequencies; unit coordinate (i + 0.5) / k stands for category i. */
function categorical(observations: readonly number[], k: number, priorWeight: number): Density {
  const weights = Array.from({ length: k }, () => priorWeight / k);
  for (const u of observations) {
    const i = Math.min(k - 1, Math.floor(u * k));
    weights[i] = (weights[i] as number) + 1;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    sample: (rng) => (pick(rng, weights) + 0.5) / k,
    pdf: (u) => (weights[Math.min(k - 1, Math.floor(u * k))] as number) / total,
  };
}

/** Completed trials TPE draws at random (with the study's seed) before its model takes over. */
export const TPE_STARTUP_TRIALS = 10;

export function tpeStrategy(options: TpeOptions = {}): Strategy {
  const startupTrials = options.startupTrials ?? TPE_STARTUP_TRIALS;
  const gamma = options.gamma ?? 0.25;
  const candidates = options.candidates ?? 24;
  const priorWeight = options.priorWeight ?? 1;
  if (!(gamma > 0 && gamma < 1)) throw new RangeError(`TPE gamma must be between 0 and 1, got ${gamma}`);
  if (!Number.isInteger(candidates) || candidates < 1) throw new RangeError(`TPE needs at least one candidate, got ${candidates}`);
  return {
    name: 'tpe',
    label: 'Tree-structured Parzen estimator (TPE)',
    propose(ctx: ProposalContext): Proposal {
      const { space, rng } = ctx;
      const done = completedTrials(ctx.history).sort((a, b) => compareValues(ctx.direction, a.value, b.value) || a.index - b.index);
      if (done.length < Math.max(2, startupTrials)) {
        return { params: space.fromUnit(Array.from({ length: space.dimension }, () => rng())) };
      }
      const goodCount = Math.min(done.length - 1, Math.max(1, Math.ceil(gamma * done.length)));
      const units = done.map((trial) => space.toUnit(trial.params));
      const column = (rows: readonly number[][], d: number): number[] => rows.map((row) => row[d] as number);
      const good = units.slice(0, goodCount);
      const bad = units.slice(goodCount);
      const model = space.specs.map((spec, d) => {
        const fit = (rows: number[][]): Density =>
          spec.kind === 'categorical'
            ? categorical(column(rows, d), spec.choices.length, priorWeight)
            : parzen(column(rows, d), priorWeight);
        return { l: fit(good), g: fit(bad) };
      });

      let best: number[] = [];
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < candidates; c++) {
        const candidate = model.map(({ l }) => l.sample(rng));
        const score = model.reduce((sum, { l, g }, d) => {
          const u = candidate[d] as number;
          return sum + Math.log(l.pdf(u)) - Math.log(g.pdf(u));
        }, 0);
        if (score > bestScore || best.length === 0) {
          best = candidate;
          bestScore = score;
        }
      }
      return { params: space.fromUnit(best) };
    },
  };
}

/** The sampler's building blocks, exposed so tests can check them against known values. */
export const tpeInternals = { normalCdf, parzen, categorical };
