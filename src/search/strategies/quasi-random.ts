import { scrambledHalton } from '../sequences.js';
import type { Proposal, ProposalContext, Strategy } from '../strategy.js';

/**
 * Scrambled Halton points: as blind as random search, but spread so that no region is left empty by
 * bad luck. Trial n takes point n of the sequence, so the history length is all the state it needs.
 */
export function quasiRandomStrategy(): Strategy {
  return {
    name: 'quasi-random',
    label: 'Quasi-random search (scrambled Halton)',
    propose(ctx: ProposalContext): Proposal {
      return { params: ctx.space.fromUnit(scrambledHalton(ctx.history.length, ctx.space.dimension, ctx.seed)) };
    },
  };
}
