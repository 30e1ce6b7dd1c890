import { describe, expect, it } from 'vitest';
import { braninObjective } from '../../src/search/objectives/benchmarks.js';
import { replay } from '../../src/search/replay.js';
import { Space } from '../../src/search/space.js';
import { gridPlan } from '../../src/search/strategies/grid.js';
import { createStrategy } from '../../src/search/strategies/index.js';
import { Study } from '../../src/search/study.js';
import type { SpaceSpec } from '../../src/search/types.js';

const branin = new Space(braninObjective.space);
const mixed: SpaceSpec = {
  oven: { kind: 'categorical', choices: ['gas', 'electric', 'fan'] },
  racks: { kind: 'int', low: 1, high: 4 },
  minutes: { kind: 'float', low: 8, high: 20 },
};

describe('gridPlan', () => {
  it('fits the grid to the budget with balanced resolution', () => {
    expect(gridPlan(branin, 25)).toMatchObject({ pointsPerParam: [5, 5], size: 25, fullSize: 625 });
    // 30 does not make a square: one parameter gets a sixth value rather than wasting five trials.
    expect(gridPlan(branin, 30)).toMatchObject({ pointsPerParam: [6, 5], size: 30, fullSize: 900 });
    expect(gridPlan(branin, 30, 10)).toMatchObject({ intendedPointsPerFloat: 10, fullSize: 100 });
    expect(gridPlan(branin, 1)).toMatchObject({ pointsPerParam: [1, 1], size: 1 });
  });

  it('uses every value of discrete parameters when they fit', () => {
    expect(gridPlan(new Space(mixed), 24)).toMatchObject({ pointsPerParam: [3, 4, 2], size: 24 });
    expect(gridPlan(new Space(mixed), 60)).toMatchObject({ pointsPerParam: [3, 4, 5], size: 60, fullSize: 3 * 4 * 60 });
    // Too small a budget for every oven: two of three, spread to the ends of the list.
    expect(gridPlan(new Space(mixed), 2)).toMatchObject({ pointsPerParam: [2, 1, 1], size: 2 });
  });

  it('rejects a budget that is not a positive whole number', () => {
    expect(() => gridPlan(branin, 0)).toThrow(RangeError);
    expect(() => gridPlan(branin, 2.5)).toThrow(RangeError);
  });
});

describe('grid strategy', () => {
  it('visits every point of the planned grid exactly once within the budget', () => {
    const result = replay({ objective: braninObjective, strategy: 'grid', budget: 30, seed: 'g' });
    const x1 = new Set(result.trials.map((t) => t.params.x1));
    const x2 = new Set(result.trials.map((t) => t.params.x2));
    expect([x1.size, x2.size]).toEqual([6, 5]);
    expect(new Set(result.trials.map((t) => JSON.stringify(t.params))).size).toBe(30);
    expect([...x1].sort((a, b) => (a as number) - (b as number))).toEqual([-5, -2, 1, 4, 7, 10]);
  });

  it('starts at the centre, then covers the corners, so a study stopped early has seen the whole box', () => {
    const result = replay({ objective: braninObjective, strategy: 'grid', budget: 25, seed: 'g' });
    const points = result.trials.map((t) => [t.params.x1, t.params.x2]);
    expect(points[0]).toEqual([2.5, 7.5]);
    expect(points.slice(1, 5).sort()).toEqual([[-5, 0], [-5, 15], [10, 0], [10, 15]].sort());
  });

  it('goes on to a finer grid rather than repeating points when asked beyond its budget', () => {
    const study = new Study({ space: branin, direction: 'minimize', strategy: createStrategy('grid'), seed: 'g', budget: 4 });
    const keys = Array.from({ length: 12 }, () => JSON.stringify(study.ask().params));
    expect(new Set(keys).size).toBe(12);
    // The first four are the 2 × 2 grid the budget planned: the corners.
    const corners = [{ x1: -5, x2: 0 }, { x1: -5, x2: 15 }, { x1: 10, x2: 0 }, { x1: 10, x2: 15 }];
    expect(keys.slice(0, 4).sort()).toEqual(corners.map((c) => JSON.stringify(c)).sort());
  });

  it('walks a fully discrete space once, then starts over', () => {
    const objective = {
      ...braninObjective,
      space: { a: { kind: 'categorical', choices: ['x', 'y'] }, b: { kind: 'int', low: 1, high: 2 } } as SpaceSpec,
      evaluate: () => 1,
    };
    const result = replay({ objective, strategy: 'grid', budget: 6, seed: 'g' });
    const keys = result.trials.map((t) => JSON.stringify(t.params));
    expect(new Set(keys.slice(0, 4)).size).toBe(4);
    expect(keys.slice(4)).toEqual(keys.slice(0, 2));
  });
});
