/**
 * Grid search, sized to the budget: as many evenly spaced values per parameter as the budget allows,
 * discrete parameters at their own values when they fit.
 */
import type { Space } from '../space.js';
import type { Proposal, ProposalContext, Strategy } from '../strategy.js';
import type { ParamValue, Params } from '../types.js';

/** Used when the study does not say how many evaluations it plans. */
export const DEFAULT_GRID_BUDGET = 64;

export interface GridPlan {
  readonly budget: number;
  /** Values per parameter in the grid the strategy walks, in dimension order. */
  readonly pointsPerParam: readonly number[];
  /** Points in that grid: at most the budget. */
  readonly size: number;
  /** Values per continuous parameter that the full grid below aims for. */
  readonly intendedPointsPerFloat: number;
  /**
   * Points a grid needs to try `intendedPointsPerFloat` values of every continuous parameter and every
   * value of each discrete one. By default that is as many values as the budget has trials, which is
   * what random search tries of each parameter: the reveal's "grid would need N tries".
   */
  readonly fullSize: number;
}

/** Grows the coarsest axis first, so resolution stays balanced while the grid still fits the budget. */
function pointsPerParam(space: Space, budget: number): number[] {
  const caps = space.naturalCounts();
  const counts = caps.map(() => 1);
  let size = 1;
  for (;;) {
    const order = counts.map((count, i) => ({ count, i })).sort((a, b) => a.count - b.count || a.i - b.i);
    const grow = order.find(({ count, i }) => count < (caps[i] as number) && (size / count) * (count + 1) <= budget);
    if (grow === undefined) return counts;
    size = (size / grow.count) * (grow.count + 1);
    counts[grow.i] = grow.count + 1;
  }
}

export function gridPlan(space: Space, budget: number, intendedPointsPerFloat: number = budget): GridPlan {
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`grid budget must be a positive whole number, got ${budget}`);
  const counts = pointsPerParam(space, budget);
  return {
    budget,
    pointsPerParam: counts,
    size: counts.reduce((a, b) => a * b, 1),
    intendedPointsPerFloat,
    fullSize: space.gridSize(intendedPointsPerFloat),
  };
}

/** Every point of the grid, in row-major order. */
function gridPoints(space: Space, counts: readonly number[]): Params[] {
  const axes = space.gridAxes(counts);
  let points: Record<string, ParamValue>[] = [{}];
  for (const [i, values] of axes.entries()) {
    const name = space.names[i] as string;
    points = points.flatMap((point) => values.map((value) => ({ ...point, [name]: value })));
  }
  return points;
}

/**
 * Farthest-point order: start nearest the centre, then always visit the grid point farthest from all
 * visited ones. A study stopped early has then covered the whole box coarsely instead of one corner.
 */
function coverageOrder(space: Space, points: readonly Params[]): Params[] {
  const units = points.map((point) => space.toUnit(point));
  const distance = (a: readonly number[], b: readonly number[]): number =>
    a.reduce((sum, x, d) => sum + (x - (b[d] as number)) ** 2, 0);
  const centre = Array.from({ length: space.dimension }, () => 0.5);
  const nearest = units.map((u) => distance(u, centre));
  const visited = new Array<boolean>(points.length).fill(false);
  const order: Params[] = [];
  let next = argBest(nearest, visited, (a, b) => a < b);
  while (next >= 0) {
    visited[next] = true;
    order.push(points[next] as Params);
    const chosen = units[next] as number[];
    for (const [i, u] of units.entries()) {
      const fromChosen = distance(u, chosen);
      // After the first point, `nearest` holds distance to the closest visited point.
      nearest[i] = order.length === 1 ? fromChosen : Math.min(nearest[i] as number, fromChosen);
    }
    next = argBest(nearest, visited, (a, b) => a > b);
  }
  return order;
}

/** Index of the best unvisited score; near-ties go to the lower index so the order is fixed. */
function argBest(scores: readonly number[], visited: readonly boolean[], better: (a: number, b: number) => boolean): number {
  let best = -1;
  for (const [i, score] of scores.entries()) {
    if (visited[i] === true) continue;
    if (best < 0 || (better(score, scores[best] as number) && Math.abs(score - (scores[best] as number)) > 1e-12)) best = i;
  }
  return best;
}

const sequenceCache = new WeakMap<Space, Map<number, Params[]>>();
const MAX_REFINEMENTS = 8;

/**
 * The grid's visit order for a budget. Asked beyond the budget, it refines: grids for twice, four
 * times ... the budget, skipping points already visited; a fully enumerated discrete space starts over.
 */
function gridSequence(space: Space, budget: number, needed: number): Params[] {
  let bySpace = sequenceCache.get(space);
  if (bySpace === undefined) {
    bySpace = new Map();
    sequenceCache.set(space, bySpace);
  }
  let sequence = bySpace.get(budget);
  if (sequence !== undefined && sequence.length > needed) return sequence;
  sequence = [];
  const caps = space.naturalCounts();
  const seen = new Set<string>();
  for (let level = 0; level <= MAX_REFINEMENTS && sequence.length <= needed; level++) {
    const plan = gridPlan(space, budget * 2 ** level);
    for (const point of coverageOrder(space, gridPoints(space, plan.pointsPerParam))) {
      const key = JSON.stringify(space.names.map((name) => point[name]));
      if (seen.has(key)) continue;
      seen.add(key);
      sequence.push(point);
    }
    // Every parameter at all of its values: a finer grid would add nothing.
    if (plan.pointsPerParam.every((count, i) => count >= (caps[i] as number))) break;
  }
  bySpace.set(budget, sequence);
  return sequence;
}

export function gridStrategy(): Strategy {
  return {
    name: 'grid',
    label: 'Grid search',
    propose(ctx: ProposalContext): Proposal {
      const index = ctx.history.length;
      const sequence = gridSequence(ctx.space, ctx.budget ?? DEFAULT_GRID_BUDGET, index);
      return { params: sequence[index % sequence.length] as Params };
    },
  };
}
