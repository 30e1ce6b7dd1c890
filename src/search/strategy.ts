/**
 * What every search strategy implements. A strategy is stateless: it reads the study's history and
 * proposes the next point, so a study can be saved, rebuilt from its trials and carry on unchanged.
 */
import type { Rng } from './random.js';
import type { Space } from './space.js';
import type { Direction, Params, Trial } from './types.js';

export interface ProposalContext {
  readonly space: Space;
  readonly direction: Direction;
  /** Every trial asked so far, in index order: running, complete and failed. */
  readonly history: readonly Trial[];
  /** Fresh per ask, derived from (study seed, trial index), so a rebuilt study asks the same point. */
  readonly rng: Rng;
  /** The study seed, for deterministic sequences. */
  readonly seed: string;
  /** Total evaluations planned, when known. */
  readonly budget?: number;
  /** Largest fidelity the objective accepts, for multi-fidelity strategies. */
  readonly maxFidelity?: number;
}

export interface Proposal {
  readonly params: Params;
  /** How much to spend on this evaluation (epochs, say); absent means full fidelity. */
  readonly fidelity?: number;
}

export interface Strategy {
  /** Registry name, as typed on the command line: `tpe`. */
  readonly name: string;
  /** What a learner reads: `Tree-structured Parzen estimator`. */
  readonly label: string;
  propose(ctx: ProposalContext): Proposal;
}

/** Completed trials with a finite value: the only ones a strategy learns from. */
export function completedTrials(history: readonly Trial[]): (Trial & { value: number })[] {
  return history.filter(
    (trial): trial is Trial & { value: number } =>
      trial.state === 'complete' && typeof trial.value === 'number' && Number.isFinite(trial.value),
  );
}

/** Negative when `a` is better than `b` under the direction: a sort comparator, best first. */
export function compareValues(direction: Direction, a: number, b: number): number {
  return direction === 'minimize' ? a - b : b - a;
}
