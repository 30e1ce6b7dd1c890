/**
 * Bayesian optimisation: fit a Gaussian process to every completed trial, then propose the point
 * with the highest (log) expected improvement. A short quasi-random design comes first, because a
 * model of two points predicts nothing worth trusting. Once the search has converged it restarts
 * with a fresh design and a model of the new run's trials only (see gp/restarts.ts).
 */
import { maximizeAcquisition, type AcquisitionOptions } from '../gp/acquisition-optimizer.js';
import { type FailurePolicy, modelTrials, trainingData, unitKey, unitSnapper } from '../gp/encoding.js';
import { fitGaussianProcess, type NoiseModel } from '../gp/model.js';
import { currentRun } from '../gp/restarts.js';
import { scrambledHalton } from '../sequences.js';
import type { Proposal, ProposalContext, Strategy } from '../strategy.js';

export interface BayesOptions {
  /** Quasi-random trials before the model takes over; default two per dimension, between 4 and 20. */
  readonly initialPoints?: number;
  /** Quasi-random candidates scored per ask; default 2048, fewer past 50 trials (see defaultCandidates). */
  readonly candidates?: number;
  /** Top candidates polished by gradient steps; default 5. */
  readonly refinements?: number;
  /** 'fixed' (default) for deterministic objectives, 'fitted' when repeated evaluations differ. */
  readonly noise?: NoiseModel;
  /** Failed trials: 'ignore' (default, the model never sees them) or 'penalise' (count as the worst value). */
  readonly failures?: FailurePolicy;
  /** Start a fresh run once the search has converged (default true); false refines one optimum to the end. */
  readonly restarts?: boolean;
}

/**
 * Two quasi-random points per dimension (4 to 20). Fewer and the first fits chase noise in the
 * design; more and the budget goes to blind search. Measured on Branin and Hartmann-6 (test/bench/search.ts).
 */
export function defaultInitialPoints(dimension: number): number {
  return Math.min(20, Math.max(4, 2 * dimension));
}

/**
 * Scoring a candidate costs O(n²) once n trials are known, so past 50 trials the candidate count
 * shrinks to keep an ask's work about constant (never below 512). By then the local candidates and
 * gradient polishing near the best points do most of the finding.
 */
export function defaultCandidates(trialCount: number): number {
  return Math.round(Math.min(2048, Math.max(512, 2048 * (50 / Math.max(1, trialCount)) ** 2)));
}

type OpeningContext = Pick<ProposalContext, 'space' | 'direction' | 'history' | 'budget' | 'maxFidelity'>;

/** The trials the model learns from now, and whether the next point still comes from the opening design. */
function currentModelTrials(ctx: OpeningContext, options: BayesOptions) {
  const { space } = ctx;
  const initialPoints = options.initialPoints ?? defaultInitialPoints(space.dimension);
  const restarts = options.restarts ?? true;
  const run = restarts ? currentRun(space, ctx.direction, ctx.history, initialPoints, { maxFidelity: ctx.maxFidelity, budget: ctx.budget }).trials : ctx.history;
  const { completed, training } = modelTrials(space, ctx.direction, run, options.failures ?? 'ignore', ctx.maxFidelity);
  return { training, opening: completed.length < initialPoints };
}

/**
 * Whether Bayesian search (with these options) places its next point by its opening design rather than
 * by its model: the very test its proposal makes, for anyone who must say truthfully what it does next.
 */
export function inOpeningDesign(ctx: OpeningContext, options: BayesOptions = {}): boolean {
  return currentModelTrials(ctx, options).opening;
}

export function bayesStrategy(options: BayesOptions = {}): Strategy {
  const acquisition: Omit<AcquisitionOptions, 'candidates'> = {
    incumbents: 3,
    localCandidatesPerIncumbent: 64,
    refinements: options.refinements ?? 5,
    refinementIterations: 25,
  };
  const noise = options.noise ?? 'fixed';
  return {
    name: 'bayes',
    label: 'Bayesian optimisation',
    propose(ctx: ProposalContext): Proposal {
      const { space } = ctx;
      const { training, opening } = currentModelTrials(ctx, options);
      if (opening) {
        // Same sequence as the quasi-random strategy, so a race between the two starts level. A
        // restarted run's design continues the sequence, so it never repeats an earlier design point.
        return { params: space.fromUnit(scrambledHalton(ctx.history.length, space.dimension, ctx.seed)) };
      }
      const data = trainingData(space, ctx.direction, training);
      const model = fitGaussianProcess(data, { noise });
      let best = Number.POSITIVE_INFINITY;
      for (const value of model.standardisedTargets) best = Math.min(best, value);
      const observed = new Set<string>();
      // Failed points count as observed too: asking again would fail again.
      for (const trial of ctx.history) {
        if (space.contains(trial.params)) observed.add(unitKey(space.toUnit(trial.params)));
      }
      const choice = maximizeAcquisition(
        {
          model,
          best,
          rng: ctx.rng,
          snap: unitSnapper(space),
          isObserved: (point) => observed.has(unitKey(point)),
        },
        { ...acquisition, candidates: options.candidates ?? defaultCandidates(data.count) },
      );
      return { params: space.fromUnit(Array.from(choice.point)) };
    },
  };
}
