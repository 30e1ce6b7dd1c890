import { describe, expect, it } from 'vitest';
import {
  benchmarkObjectives,
  branin,
  BRANIN_OPTIMUM,
  braninObjective,
  braninTrainingObjective,
  goldsteinPrice,
  hartmann6,
  rosenbrock,
} from '../../src/search/objectives/benchmarks.js';
import { compareStrategies, replay } from '../../src/search/replay.js';
import { Space } from '../../src/search/space.js';
import { randomStrategy } from '../../src/search/strategies/random.js';
import type { Objective } from '../../src/search/types.js';

describe('benchmarks', () => {
  it('reach their published optima at the published minimisers', () => {
    for (const [x1, x2] of [[-Math.PI, 12.275], [Math.PI, 2.275], [9.42478, 2.475]] as const) {
      expect(branin(x1, x2)).toBeCloseTo(BRANIN_OPTIMUM, 5);
    }
    expect(hartmann6([0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573])).toBeCloseTo(-3.32237, 4);
    expect(goldsteinPrice(0, -1)).toBeCloseTo(3, 10);
    expect(rosenbrock([1, 1])).toBe(0);
    expect(rosenbrock([0, 0])).toBe(1);
  });

  it('are valid objectives: spaces build, random points evaluate to values no better than the optimum', () => {
    const names = benchmarkObjectives.map((f) => f.name);
    expect(names).toEqual(['branin', 'branin-training', 'hartmann6', 'goldstein-price', 'rosenbrock']);
    for (const factory of benchmarkObjectives) {
      const objective = factory.create();
      expect(objective.direction).toBe('minimize');
      expect(objective.optimum).toBeTypeOf('number');
      const result = replay({ objective, strategy: 'random', budget: 50, seed: factory.name });
      for (const trial of result.trials) expect(trial.value as number).toBeGreaterThanOrEqual((objective.optimum as number) - 1e-9);
      expect(new Space(objective.space).dimension).toBe(factory.name === 'hartmann6' ? 6 : 2);
    }
  });

  it('branin-training reaches plain Branin at full fidelity and ranks roughly at low fidelity', () => {
    const point = { x1: 2, x2: 4 };
    expect(braninTrainingObjective.evaluate(point, 27)).toBeCloseTo(braninObjective.evaluate(point), 12);
    expect(braninTrainingObjective.evaluate(point, 1)).toBeGreaterThan(braninTrainingObjective.evaluate(point, 27));
    expect(() => braninTrainingObjective.evaluate(point, 28)).toThrow(/1 to 27 epochs/);
  });
});

describe('replay', () => {
  it('records every trial with a running best and reports regret', () => {
    const result = replay({ objective: braninObjective, strategy: 'random', budget: 20, seed: 'r' });
    expect(result).toMatchObject({ objective: 'branin', strategy: 'random', seed: 'r', budget: 20, direction: 'minimize' });
    expect(result.trials.map((t) => t.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    let best = Number.POSITIVE_INFINITY;
    for (const trial of result.trials) {
      best = Math.min(best, trial.value as number);
      expect(trial.best).toBe(best);
      expect(trial.value).toBe(braninObjective.evaluate(trial.params));
    }
    expect(result.best.value).toBe(best);
    expect(result.regret).toBeCloseTo(best - BRANIN_OPTIMUM, 12);
  });

  it('accepts a strategy object as well as a name', () => {
    const byName = replay({ objective: braninObjective, strategy: 'random', budget: 5, seed: 'same' });
    const byObject = replay({ objective: braninObjective, strategy: randomStrategy(), budget: 5, seed: 'same' });
    expect(byObject).toEqual(byName);
  });

  it('records thrown and non-finite evaluations as failed and carries on', () => {
    let calls = 0;
    const flaky: Objective = {
      ...braninObjective,
      name: 'flaky',
      direction: 'maximize',
      optimum: 400,
      evaluate(params) {
        calls++;
        if (calls === 2) throw new Error('sensor unplugged');
        if (calls === 3) return Number.NaN;
        return braninObjective.evaluate(params);
      },
    };
    const result = replay({ objective: flaky, strategy: 'tpe', budget: 15, seed: 'f' });
    expect(result.trials[1]).toMatchObject({ value: null, failure: 'sensor unplugged' });
    expect(result.trials[2]).toMatchObject({ value: null, failure: 'the objective returned NaN' });
    expect(result.trials[1]?.best).toBe(result.trials[0]?.value);
    expect(result.best.value).toBe(Math.max(...result.trials.map((t) => t.value ?? Number.NEGATIVE_INFINITY)));
    expect(result.regret).toBeCloseTo(400 - result.best.value, 12);
  });

  it('says so when every evaluation fails', () => {
    const broken: Objective = { ...braninObjective, evaluate: () => Number.POSITIVE_INFINITY };
    expect(() => replay({ objective: broken, strategy: 'random', budget: 3, seed: 'x' })).toThrow(/Every one of the 3 evaluations/);
  });

  it('rejects a bad budget or strategy name', () => {
    expect(() => replay({ objective: braninObjective, strategy: 'random', budget: 0, seed: 'x' })).toThrow(/budget/);
    expect(() => replay({ objective: braninObjective, strategy: 'magic', budget: 3, seed: 'x' })).toThrow(/Unknown strategy "magic"/);
  });

  it('compares strategies side by side on the same objective, budget and seed', () => {
    const results = compareStrategies(braninObjective, ['grid', 'random', 'quasi-random', 'tpe'], 25, 'race');
    expect(results.map((r) => r.strategy)).toEqual(['grid', 'random', 'quasi-random', 'tpe']);
    for (const r of results) {
      expect(r).toMatchObject({ objective: 'branin', budget: 25, seed: 'race' });
      expect(r.trials).toHaveLength(25);
    }
    expect(results[1]).toEqual(replay({ objective: braninObjective, strategy: 'random', budget: 25, seed: 'race' }));
  });
});
