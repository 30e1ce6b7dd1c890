/**
 * The engine strategy that cracks a lock by reasoning exactly: it keeps every combination still
 * consistent with the clicks heard and tries the one expected to split them best. Stateless, like every
 * strategy: it rebuilds the consistent set from the study's history on each ask.
 */
import type { ProposalContext, Proposal, Strategy } from '../search/strategy.js';
import { completedTrials } from '../search/strategy.js';
import type { LockClue } from './lock.js';
import { bestSplittingTry, combinationToParams, paramsToCombination } from './lock.js';

function dialsOfSpace(ctx: ProposalContext): number {
  const dials = ctx.space.dimension;
  const isLock = ctx.space.names.every((name, i) => name === `dial${i + 1}`) &&
    ctx.space.specs.every((spec) => spec.kind === 'int' && spec.low === 0 && spec.high === 9);
  if (!isLock) throw new Error('The lock reasoner only plays combination locks: parameters dial1, dial2, … each a whole number 0–9.');
  return dials;
}

export const lockReasoner: Strategy = {
  name: 'lock-reasoner',
  label: 'Lock reasoner (keeps every combination the clicks allow)',
  propose(ctx: ProposalContext): Proposal {
    const dials = dialsOfSpace(ctx);
    const clues: LockClue[] = completedTrials(ctx.history).map((trial) => ({
      combination: paramsToCombination(trial.params, dials),
      clicks: trial.value,
    }));
    return { params: combinationToParams(bestSplittingTry(clues, dials, ctx.rng)) };
  },
};
