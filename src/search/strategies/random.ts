import type { Proposal, ProposalContext, Strategy } from '../strategy.js';

/** Uniform draws in the unit cube, mapped to the space: the baseline every other strategy must beat. */
export function randomStrategy(): Strategy {
  return {
    name: 'random',
    label: 'Random search',
    propose(ctx: ProposalContext): Proposal {
      const unit = Array.from({ length: ctx.space.dimension }, () => ctx.rng());
      return { params: ctx.space.fromUnit(unit) };
    },
  };
}
