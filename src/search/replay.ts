/**
 * A replay runs a whole study against an objective in one go, keeping every step, so a reveal can show
 * how a strategy's best-so-far improved and several strategies can be raced on the same puzzle.
 */
import { createStrategy } from './strategies/index.js';
import type { Strategy } from './strategy.js';
import { bestTrial, Study } from './study.js';
import type { Direction, Objective, Params, Trial } from './types.js';

export interface ReplayTrial {
  readonly index: number;
  readonly params: Params;
  /** The objective's value, or null when the evaluation failed (threw or was not a finite number). */
  readonly value: number | null;
  /** Best value so far, counting this trial (null until a trial succeeds). */
  readonly best: number | null;
  readonly fidelity?: number;
  /** Why the evaluation failed. */
  readonly failure?: string;
}

export interface Replay {
  /** Objective name. */
  readonly objective: string;
  /** Strategy name. */
  readonly strategy: string;
  readonly seed: string;
  readonly budget: number;
  readonly direction: Direction;
  readonly trials: readonly ReplayTrial[];
  readonly best: { readonly params: Params; readonly value: number };
  /** How far the best value is from the objective's known optimum (never negative), when it is known. */
  readonly regret?: number;
}

export interface ReplayOptions {
  readonly objective: Objective;
  readonly strategy: string | Strategy;
  readonly budget: number;
  readonly seed: string;
  /**
   * Trials already evaluated in an earlier part of this same study (a race played turn by turn, say),
   * in index order: the replay keeps them as they were and carries on from there to the budget.
   */
  readonly trials?: readonly Trial[];
}

export function replay(options: ReplayOptions): Replay {
  const { objective, budget, seed } = options;
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`budget must be a positive whole number, got ${budget}`);
  const strategy = typeof options.strategy === 'string' ? createStrategy(options.strategy) : options.strategy;
  const earlier = (options.trials ?? []).slice(0, budget);
  const study = new Study({
    space: objective.space,
    direction: objective.direction,
    strategy,
    seed,
    budget,
    ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }),
    trials: earlier,
  });

  const trials: ReplayTrial[] = earlier.map((trial, step) => {
    const value = trial.state === 'complete' && trial.value !== undefined ? trial.value : null;
    const bestSoFar = bestTrial(earlier.slice(0, step + 1), objective.direction, objective.maxFidelity);
    return {
      index: trial.index,
      params: trial.params,
      value,
      best: bestSoFar?.value ?? null,
      ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
    };
  });
  for (let step = earlier.length; step < budget; step++) {
    const trial = study.ask();
    let value: number | null = null;
    let failure: string | undefined;
    try {
      const result = trial.fidelity === undefined ? objective.evaluate(trial.params) : objective.evaluate(trial.params, trial.fidelity);
      if (Number.isFinite(result)) value = result;
      else failure = `the objective returned ${result}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (value === null) study.fail(trial.index, failure);
    else study.tell(trial.index, value);
    const bestSoFar = bestTrial(study.trials, objective.direction, objective.maxFidelity);
    trials.push({
      index: trial.index,
      params: trial.params,
      value,
      best: bestSoFar?.value ?? null,
      ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
      ...(failure === undefined ? {} : { failure }),
    });
  }

  const best = study.best;
  if (best?.value === undefined) {
    throw new Error(`Every one of the ${budget} evaluations of ${objective.name} failed; first failure: ${trials[0]?.failure ?? 'unknown'}`);
  }
  const regret =
    objective.optimum === undefined
      ? undefined
      : Math.max(0, objective.direction === 'minimize' ? best.value - objective.optimum : objective.optimum - best.value);
  return {
    objective: objective.name,
    strategy: strategy.name,
    seed,
    budget,
    direction: objective.direction,
    trials,
    best: { params: best.params, value: best.value },
    ...(regret === undefined ? {} : { regret }),
  };
}

/** Runs each strategy on the same objective, budget and seed, so differences come from the strategy alone. */
export function compareStrategies(
  objective: Objective,
  strategies: readonly (string | Strategy)[],
  budget: number,
  seed: string,
): Replay[] {
  return strategies.map((strategy) => replay({ objective, strategy, budget, seed }));
}
