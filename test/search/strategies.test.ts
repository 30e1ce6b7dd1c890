import { describe, expect, it } from 'vitest';
import { braninTrainingObjective } from '../../src/search/objectives/benchmarks.js';
import { replay } from '../../src/search/replay.js';
import { Space } from '../../src/search/space.js';
import { createStrategy, isStrategyName, STRATEGY_NAMES } from '../../src/search/strategies/index.js';
import type { Objective, Params, SpaceSpec } from '../../src/search/types.js';

/** A mixed space with a smooth score, so every strategy has something to model. */
const mixedSpace: SpaceSpec = {
  learningRate: { kind: 'float', low: 1e-4, high: 1, log: true },
  momentum: { kind: 'float', low: 0, high: 0.9, step: 0.1 },
  layers: { kind: 'int', low: 1, high: 6 },
  activation: { kind: 'categorical', choices: ['relu', 'tanh', 'sigmoid'] },
};
const mixedObjective: Objective = {
  name: 'mixed',
  description: 'a smooth score over a mixed space',
  space: mixedSpace,
  direction: 'maximize',
  maxFidelity: 9,
  evaluate(params: Params, fidelity = 9) {
    const lr = Math.log10(params.learningRate as number);
    const bonus = params.activation === 'relu' ? 0.3 : params.activation === 'tanh' ? 0.1 : 0;
    return -((lr + 2) ** 2) - ((params.momentum as number) - 0.6) ** 2 - 0.1 * ((params.layers as number) - 3) ** 2 + bonus - 1 / fidelity;
  },
};

describe('every registered strategy', () => {
  const space = new Space(mixedSpace);

  it.each(STRATEGY_NAMES)('%s stays in bounds and is reproducible per seed', (name) => {
    const run = (seed: string) => replay({ objective: mixedObjective, strategy: name, budget: 24, seed });
    const first = run('alpha');
    for (const trial of first.trials) {
      expect(space.contains(trial.params)).toBe(true);
      if (trial.fidelity !== undefined) {
        expect(trial.fidelity).toBeGreaterThan(0);
        expect(trial.fidelity).toBeLessThanOrEqual(9);
      }
    }
    expect(run('alpha').trials).toEqual(first.trials);
    if (name === 'grid') {
      // Grid search ignores the seed on purpose: the same grid every time.
      expect(run('beta').trials).toEqual(first.trials);
    } else {
      expect(run('beta').trials.map((t) => t.params)).not.toEqual(first.trials.map((t) => t.params));
    }
  });

  it('has a learner-facing label and the name it is registered under', () => {
    for (const name of STRATEGY_NAMES) {
      const strategy = createStrategy(name);
      expect(strategy.name).toBe(name);
      expect(strategy.label.length).toBeGreaterThan(3);
    }
  });

  it('rejects unknown names with the list of known ones', () => {
    expect(isStrategyName('tpe')).toBe(true);
    expect(isStrategyName('toString')).toBe(false);
    expect(() => createStrategy('annealing')).toThrow(/Unknown strategy "annealing". Choose one of: grid, random, quasi-random, bayes, tpe, hyperband/);
  });

  it('random and quasi-random never repeat a continuous point', () => {
    for (const name of ['random', 'quasi-random']) {
      const result = replay({ objective: braninTrainingObjective, strategy: name, budget: 50, seed: 'distinct' });
      expect(new Set(result.trials.map((t) => JSON.stringify(t.params))).size).toBe(50);
    }
  });
});
