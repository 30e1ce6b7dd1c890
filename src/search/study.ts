/**
 * Ask-and-tell: the study hands out trials and records results, but never runs the objective itself.
 * That lets a game evaluate one trial per Discord turn, and lets a study be rebuilt from stored trials.
 */
import { createRng, deriveSeed } from './random.js';
import { Space } from './space.js';
import { compareValues, type Strategy } from './strategy.js';
import type { Direction, Params, SpaceSpec, Trial } from './types.js';

export interface StudyTrial extends Trial {
  /** Why a failed trial failed, when a reason was given. */
  readonly reason?: string;
}

export interface StudyOptions {
  readonly space: Space | SpaceSpec;
  readonly direction: Direction;
  readonly strategy: Strategy;
  readonly seed: string;
  readonly budget?: number;
  readonly maxFidelity?: number;
  /** Trials of an earlier run of this study, in index order, to carry on from. */
  readonly trials?: readonly Trial[];
}

export class StudyError extends Error {
  override readonly name = 'StudyError';
}

/**
 * The best completed trial. With several fidelities in play, low-fidelity values are not comparable
 * with full ones, so trials at full fidelity win whenever there are any.
 */
export function bestTrial(
  trials: readonly Trial[],
  direction: Direction,
  maxFidelity?: number,
): (Trial & { value: number }) | undefined {
  let best: (Trial & { value: number }) | undefined;
  let bestIsFull = false;
  for (const trial of trials) {
    if (trial.state !== 'complete' || typeof trial.value !== 'number' || !Number.isFinite(trial.value)) continue;
    const isFull = trial.fidelity === undefined || maxFidelity === undefined || trial.fidelity >= maxFidelity;
    const better =
      best === undefined ||
      (isFull && !bestIsFull) ||
      (isFull === bestIsFull && compareValues(direction, trial.value, best.value) < 0);
    if (better) {
      best = trial as Trial & { value: number };
      bestIsFull = isFull;
    }
  }
  return best;
}

export class Study {
  readonly space: Space;
  readonly direction: Direction;
  readonly strategy: Strategy;
  readonly seed: string;
  readonly budget: number | undefined;
  readonly maxFidelity: number | undefined;
  readonly #trials: StudyTrial[] = [];

  constructor(options: StudyOptions) {
    this.space = Space.from(options.space);
    this.direction = options.direction;
    this.strategy = options.strategy;
    this.seed = options.seed;
    this.budget = options.budget;
    this.maxFidelity = options.maxFidelity;
    if (this.budget !== undefined && (!Number.isInteger(this.budget) || this.budget < 1)) {
      throw new StudyError(`budget must be a positive whole number, got ${this.budget}`);
    }
    for (const [position, trial] of (options.trials ?? []).entries()) {
      if (trial.index !== position) {
        throw new StudyError(`Stored trials must be in index order from 0: position ${position} holds trial ${trial.index}`);
      }
      this.space.validate(trial.params);
      if (trial.state === 'complete' && !Number.isFinite(trial.value)) {
        throw new StudyError(`Stored trial ${trial.index} is complete but has no finite value`);
      }
      this.#trials.push({ ...trial });
    }
  }

  /** Rebuilds a study from its stored trials; it then asks the same next point the original would. */
  static restore(options: Omit<StudyOptions, 'trials'>, trials: readonly Trial[]): Study {
    return new Study({ ...options, trials });
  }

  get trials(): readonly StudyTrial[] {
    return this.#trials;
  }

  get best(): StudyTrial | undefined {
    return bestTrial(this.#trials, this.direction, this.maxFidelity);
  }

  /** Trials asked but neither told nor failed yet. */
  get running(): readonly StudyTrial[] {
    return this.#trials.filter((trial) => trial.state === 'running');
  }

  ask(): StudyTrial {
    const index = this.#trials.length;
    const proposal = this.strategy.propose({
      space: this.space,
      direction: this.direction,
      history: this.#trials,
      rng: createRng(deriveSeed(this.seed, 'trial', index)),
      seed: this.seed,
      ...(this.budget === undefined ? {} : { budget: this.budget }),
      ...(this.maxFidelity === undefined ? {} : { maxFidelity: this.maxFidelity }),
    });
    this.space.validate(proposal.params);
    const trial: StudyTrial = {
      index,
      params: { ...proposal.params } as Params,
      state: 'running',
      ...(proposal.fidelity === undefined ? {} : { fidelity: proposal.fidelity }),
    };
    this.#trials.push(trial);
    return trial;
  }

  tell(index: number, value: number): StudyTrial {
    const trial = this.#running(index);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new StudyError(`Trial ${index} was told ${value}; record a failed evaluation with fail() instead`);
    }
    const told: StudyTrial = { ...trial, state: 'complete', value };
    this.#trials[index] = told;
    return told;
  }

  fail(index: number, reason?: string): StudyTrial {
    const trial = this.#running(index);
    const failed: StudyTrial = { ...trial, state: 'failed', ...(reason === undefined ? {} : { reason }) };
    this.#trials[index] = failed;
    return failed;
  }

  #running(index: number): StudyTrial {
    const trial = Number.isInteger(index) ? this.#trials[index] : undefined;
    if (trial === undefined) {
      throw new StudyError(`No trial ${index}: this study has asked ${this.#trials.length} trial(s)`);
    }
    if (trial.state !== 'running') throw new StudyError(`Trial ${index} is already ${trial.state}`);
    return trial;
  }
}
