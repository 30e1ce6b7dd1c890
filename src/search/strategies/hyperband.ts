/**
 * Hyperband (Li et al., JMLR 2018; ICLR 2017 version): run many configurations cheaply, keep the best 1/η at each rung and give
 * the survivors η times more fidelity (epochs, say). Brackets trade breadth for depth: the first starts
 * many configurations at the lowest fidelity, the last starts a few at full fidelity.
 *
 * Stateless: the schedule is a fixed sequence of slots, and trial n fills slot n; a promotion slot reads
 * the previous rung's results from the history. Objectives without a maxFidelity get plain random search
 * at full fidelity (there is nothing to stop early).
 */
import type { Rng } from '../random.js';
import type { Space } from '../space.js';
import { completedTrials, compareValues, type Proposal, type ProposalContext, type Strategy } from '../strategy.js';
import type { Params, Trial } from '../types.js';

export interface HyperbandOptions {
  /** Keep 1/η of each rung, and give survivors η times the fidelity. */
  readonly eta?: number;
  /** The smallest fidelity worth running. */
  readonly minFidelity?: number;
}

export interface Rung {
  /** Configurations evaluated at this rung. */
  readonly configs: number;
  readonly fidelity: number;
}

export interface Bracket {
  /** Rungs from cheapest to full fidelity. */
  readonly rungs: readonly Rung[];
}

export interface HyperbandSchedule {
  readonly eta: number;
  readonly brackets: readonly Bracket[];
  /** Evaluations in one pass over every bracket; later passes repeat the brackets. */
  readonly evaluationsPerPass: number;
  /** Total fidelity spent by one pass. */
  readonly fidelityPerPass: number;
}

function bracketsFor(maxFidelity: number, eta: number, minFidelity: number, deepest: number): Bracket[] {
  const whole = Number.isInteger(maxFidelity) && Number.isInteger(minFidelity);
  const brackets: Bracket[] = [];
  for (let s = deepest; s >= 0; s--) {
    const starts = Math.ceil(((deepest + 1) / (s + 1)) * eta ** s);
    const rungs: Rung[] = [];
    for (let i = 0; i <= s; i++) {
      const exact = maxFidelity * eta ** (i - s);
      const fidelity = i === s ? maxFidelity : Math.max(minFidelity, whole ? Math.round(exact) : exact);
      rungs.push({ configs: Math.floor(starts * eta ** -i), fidelity });
    }
    brackets.push({ rungs });
  }
  return brackets;
}

const evaluations = (brackets: readonly Bracket[]): number =>
  brackets.reduce((sum, b) => sum + b.rungs.reduce((s, r) => s + r.configs, 0), 0);

/**
 * The brackets Hyperband runs. With a budget, the deepest bracket is dropped until one pass fits, so a
 * short study still finishes at least one pass and reaches full fidelity.
 */
export function hyperbandSchedule(maxFidelity: number, options: HyperbandOptions & { budget?: number } = {}): HyperbandSchedule {
  const eta = options.eta ?? 3;
  const minFidelity = options.minFidelity ?? 1;
  if (!(Number.isFinite(maxFidelity) && maxFidelity > 0)) throw new RangeError(`maxFidelity must be positive, got ${maxFidelity}`);
  if (!(eta >= 2)) throw new RangeError(`Hyperband's eta must be at least 2, got ${eta}`);
  if (!(minFidelity > 0 && minFidelity <= maxFidelity)) {
    throw new RangeError(`minFidelity must be in (0, ${maxFidelity}], got ${minFidelity}`);
  }
  let deepest = Math.max(0, Math.floor(Math.log(maxFidelity / minFidelity) / Math.log(eta) + 1e-9));
  let brackets = bracketsFor(maxFidelity, eta, minFidelity, deepest);
  while (deepest > 0 && options.budget !== undefined && evaluations(brackets) > options.budget) {
    deepest--;
    brackets = bracketsFor(maxFidelity, eta, minFidelity, deepest);
  }
  return {
    eta,
    brackets,
    evaluationsPerPass: evaluations(brackets),
    fidelityPerPass: brackets.reduce((sum, b) => sum + b.rungs.reduce((s, r) => s + r.configs * r.fidelity, 0), 0),
  };
}

/** Where trial `index` sits in the schedule, and the trial indices its rung and the rung before span. */
interface Slot {
  readonly rung: Rung;
  readonly rungNumber: number;
  readonly rungStart: number;
  readonly previousRungStart: number;
  readonly previousRungConfigs: number;
}

export function slotOf(schedule: HyperbandSchedule, index: number): Slot {
  const passStart = index - (index % schedule.evaluationsPerPass);
  let start = passStart;
  for (const bracket of schedule.brackets) {
    let previousStart = start;
    let previousConfigs = 0;
    for (const [rungNumber, rung] of bracket.rungs.entries()) {
      if (index < start + rung.configs) {
        return { rung, rungNumber, rungStart: start, previousRungStart: previousStart, previousRungConfigs: previousConfigs };
      }
      previousStart = start;
      previousConfigs = rung.configs;
      start += rung.configs;
    }
  }
  throw new Error(`Hyperband schedule has no slot for trial ${index}`); // unreachable: the pass covers every index
}

const paramsKey = (space: Space, params: Params): string => JSON.stringify(space.names.map((name) => params[name]));
const randomParams = (space: Space, rng: Rng): Params => space.fromUnit(Array.from({ length: space.dimension }, () => rng()));

export function hyperbandStrategy(options: HyperbandOptions = {}): Strategy {
  return {
    name: 'hyperband',
    label: 'Hyperband (successive halving)',
    propose(ctx: ProposalContext): Proposal {
      if (ctx.maxFidelity === undefined) return { params: randomParams(ctx.space, ctx.rng) };
      const schedule = hyperbandSchedule(ctx.maxFidelity, { ...options, ...(ctx.budget === undefined ? {} : { budget: ctx.budget }) });
      const index = ctx.history.length;
      const slot = slotOf(schedule, index);
      const fidelity = slot.rung.fidelity;
      if (slot.rungNumber === 0) return { params: randomParams(ctx.space, ctx.rng), fidelity };

      const between = (trial: Trial, from: number, count: number): boolean => trial.index >= from && trial.index < from + count;
      const promoted = new Set(
        ctx.history.filter((t) => between(t, slot.rungStart, index - slot.rungStart)).map((t) => paramsKey(ctx.space, t.params)),
      );
      const contenders = completedTrials(ctx.history)
        .filter((t) => between(t, slot.previousRungStart, slot.previousRungConfigs) && !promoted.has(paramsKey(ctx.space, t.params)))
        .sort((a, b) => compareValues(ctx.direction, a.value, b.value) || a.index - b.index);
      const winner = contenders[0];
      // Every survivor of the previous rung failed or is still running: start a fresh configuration instead.
      return { params: winner === undefined ? randomParams(ctx.space, ctx.rng) : winner.params, fidelity };
    },
  };
}
