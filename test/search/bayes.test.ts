import { describe, expect, it } from 'vitest';
import { surrogateBeliefs } from '../../src/search/insight.js';
import { currentRun } from '../../src/search/gp/restarts.js';
import { braninObjective, hartmann6Objective } from '../../src/search/objectives/benchmarks.js';
import { replay } from '../../src/search/replay.js';
import { Space } from '../../src/search/space.js';
import { bayesStrategy, defaultInitialPoints } from '../../src/search/strategies/bayes.js';
import { randomStrategy } from '../../src/search/strategies/random.js';
import { Study } from '../../src/search/study.js';
import type { Objective, Params, Trial } from '../../src/search/types.js';

/** A mixed space a learner might tune: a log-scale float, an int, a stepped float and a category. */
const mixedObjective: Objective = {
  name: 'mixed',
  description: 'a small network: learning rate, layers, dropout, activation',
  space: {
    learningRate: { kind: 'float', low: 1e-4, high: 1, log: true },
    layers: { kind: 'int', low: 1, high: 8 },
    dropout: { kind: 'float', low: 0, high: 0.5, step: 0.1 },
    activation: { kind: 'categorical', choices: ['relu', 'tanh', 'sigmoid'] },
  },
  direction: 'minimize',
  optimum: 0,
  evaluate(params) {
    const lr = Math.log10(params['learningRate'] as number) + 2;
    const layers = (params['layers'] as number) - 3;
    const dropout = (params['dropout'] as number) - 0.2;
    const activation = { relu: 0, tanh: 0.6, sigmoid: 1.5 }[params['activation'] as string] as number;
    return lr * lr + 0.2 * layers * layers + 4 * dropout * dropout + activation;
  },
};

function study(objective: Objective, seed: string, trials: readonly Trial[] = []): Study {
  return new Study({ space: objective.space, direction: objective.direction, strategy: bayesStrategy(), seed, budget: 40, trials });
}

describe('Bayesian optimisation strategy', () => {
  it('beats random search on Branin after 30 evaluations, seed for seed', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const bayes = replay({ objective: braninObjective, strategy: bayesStrategy(), budget: 30, seed });
      const random = replay({ objective: braninObjective, strategy: randomStrategy(), budget: 30, seed });
      expect(bayes.regret as number).toBeLessThan(random.regret as number);
      expect(bayes.regret as number).toBeLessThan(0.05);
    }
  });

  it('is reproducible per seed and differs between seeds', () => {
    const first = replay({ objective: braninObjective, strategy: bayesStrategy(), budget: 14, seed: 'same' });
    const second = replay({ objective: braninObjective, strategy: bayesStrategy(), budget: 14, seed: 'same' });
    const other = replay({ objective: braninObjective, strategy: bayesStrategy(), budget: 14, seed: 'other' });
    expect(second.trials.map((t) => t.params)).toEqual(first.trials.map((t) => t.params));
    expect(other.trials.map((t) => t.params)).not.toEqual(first.trials.map((t) => t.params));
  });

  it('asks the same next point from a study rebuilt from its told trials', () => {
    const original = study(braninObjective, 'rebuild');
    for (let i = 0; i < 9; i++) {
      const trial = original.ask();
      original.tell(trial.index, braninObjective.evaluate(trial.params));
    }
    const rebuilt = study(braninObjective, 'rebuild', original.trials);
    expect(rebuilt.ask().params).toEqual(original.ask().params);
  });

  it('starts with quasi-random points, then uses the model', () => {
    expect(defaultInitialPoints(2)).toBe(4);
    expect(defaultInitialPoints(6)).toBe(12);
    const run = replay({ objective: braninObjective, strategy: bayesStrategy({ initialPoints: 3 }), budget: 8, seed: 'start' });
    const quasi = replay({ objective: braninObjective, strategy: 'quasi-random', budget: 8, seed: 'start' });
    expect(run.trials.slice(0, 3).map((t) => t.params)).toEqual(quasi.trials.slice(0, 3).map((t) => t.params));
    expect(run.trials.slice(3).map((t) => t.params)).not.toEqual(quasi.trials.slice(3).map((t) => t.params));
  });

  it('handles int, stepped and categorical parameters: valid values, no repeats, finds the best choice', () => {
    const run = replay({ objective: mixedObjective, strategy: bayesStrategy(), budget: 30, seed: 'mixed' });
    const space = new Space(mixedObjective.space);
    for (const trial of run.trials) expect(space.contains(trial.params)).toBe(true);
    const keys = run.trials.map((t) => JSON.stringify(t.params));
    expect(new Set(keys).size).toBe(keys.length);
    expect(run.best.params['activation']).toBe('relu');
    expect(run.regret as number).toBeLessThan(0.3);
  });

  it('maximises when asked to', () => {
    const upsideDown: Objective = {
      ...braninObjective,
      direction: 'maximize',
      optimum: -braninObjective.optimum!,
      evaluate: (params) => -braninObjective.evaluate(params),
    };
    expect(replay({ objective: upsideDown, strategy: bayesStrategy(), budget: 30, seed: 'max' }).regret as number).toBeLessThan(0.05);
  });

  it('never asks a failed point again, and with failures penalised steers away from the crashing region', () => {
    const fragile: Objective = {
      ...braninObjective,
      evaluate(params) {
        if ((params['x1'] as number) > 5) throw new Error('diverged');
        return braninObjective.evaluate(params);
      },
    };
    const ignoring = replay({ objective: fragile, strategy: bayesStrategy(), budget: 30, seed: 'fragile' });
    const failedKeys = ignoring.trials.filter((t) => t.value === null).map((t) => JSON.stringify(t.params));
    expect(failedKeys.length).toBeGreaterThan(0);
    expect(new Set(failedKeys).size).toBe(failedKeys.length);

    const penalising = replay({ objective: fragile, strategy: bayesStrategy({ failures: 'penalise' }), budget: 30, seed: 'fragile' });
    const failures = penalising.trials.filter((t) => t.value === null).length;
    expect(failures).toBeLessThan(failedKeys.length);
    // The optimum at x1 = π (≤ 5) is still reachable.
    expect(penalising.regret as number).toBeLessThan(0.05);
  });
});

describe('restarts after convergence', () => {
  const space = new Space({ x: { kind: 'float', low: 0, high: 1 } });
  const history = (values: readonly number[]): Trial[] =>
    values.map((value, index) => ({ index, params: { x: index / values.length }, state: 'complete', value }));
  const design = [5, 3, 8, 2];

  it('starts a new run once the search keeps re-sampling its best value', () => {
    const refining = history([...design, 1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 7]);
    // Design (4) + window (6) first; the run converges at the 13th trial, whose window only re-samples 0.4.
    expect(currentRun(space, 'minimize', refining.slice(0, 12), 4)).toEqual({ trials: refining.slice(0, 12), restarts: 0 });
    expect(currentRun(space, 'minimize', refining, 4)).toEqual({ trials: refining.slice(13), restarts: 1 });
  });

  it('does not restart a search that explores without improving, nor one still improving', () => {
    const exploring = history([...design, 1, 4, 6, 3, 9, 2.5, 7, 5, 4]);
    expect(currentRun(space, 'minimize', exploring, 4).restarts).toBe(0);
    const improving = history([...design, 1.5, 1.2, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2]);
    expect(currentRun(space, 'minimize', improving, 4).restarts).toBe(0);
    // Maximising reads the values the other way round.
    expect(currentRun(space, 'maximize', improving.map((t) => ({ ...t, value: -(t.value as number) })), 4).restarts).toBe(0);
  });

  it('does not restart a search stuck on a plateau it never improved on (whole-number scores)', () => {
    const plateau = history([1, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(currentRun(space, 'maximize', plateau, 4).restarts).toBe(0);
  });

  it('does not restart without room in the budget for a new design and a window', () => {
    const refining = history([...design, 1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 7]);
    // Converged at the 13th trial: a new run needs 4 + 6 more evaluations.
    expect(currentRun(space, 'minimize', refining, 4, { budget: 22 }).restarts).toBe(0);
    expect(currentRun(space, 'minimize', refining, 4, { budget: 23 }).restarts).toBe(1);
  });

  it("escapes Hartmann-6's local minimum where one long run stays stuck in it", () => {
    const options = { objective: hartmann6Objective, budget: 80, seed: 'x-1' };
    const oneRun = replay({ ...options, strategy: bayesStrategy({ restarts: false }) });
    const restarting = replay({ ...options, strategy: bayesStrategy() });
    expect(oneRun.regret as number).toBeGreaterThan(0.1);
    expect(restarting.regret as number).toBeLessThan(0.1);
  });
});

describe('surrogate beliefs (insight for pictures)', () => {
  const line: Objective = {
    name: 'line',
    description: 'one knob',
    space: { x: { kind: 'float', low: 0, high: 10 } },
    direction: 'maximize',
    evaluate: (params) => Math.sin(params['x'] as number),
  };
  const trials: Trial[] = [1, 4, 6, 8.5].map((x, index) => ({
    index,
    params: { x },
    state: 'complete',
    value: line.evaluate({ x }),
  }));

  it('is undefined before anything completed', () => {
    expect(surrogateBeliefs({ space: line.space, direction: 'maximize', trials: [], points: [{ x: 1 }] })).toBeUndefined();
  });

  it('believes the observed values at observed points, with almost no doubt and no improvement left', () => {
    const beliefs = surrogateBeliefs({ space: line.space, direction: 'maximize', trials, points: trials.map((t) => t.params) });
    expect(beliefs?.best).toBeCloseTo(Math.sin(1.0), 9);
    beliefs?.points.forEach((point, i) => {
      expect(point.mean).toBeCloseTo(trials[i]?.value as number, 3);
      expect(point.sd).toBeLessThan(0.01);
      expect(point.expectedImprovement).toBeLessThan(0.01);
    });
  });

  it('after one or two trials is wide far from them, on the scale of the values, not of 1', () => {
    // A taste scale: one bake tasting 97 must not make the model sure of every other bake time to ±2.
    const oven = { space: { minutes: { kind: 'float' as const, low: 5, high: 25 } }, direction: 'maximize' as const };
    const edges: Params[] = [{ minutes: 5 }, { minutes: 25 }];
    const tried = (values: [number, number][]): Trial[] =>
      values.map(([minutes, value], index) => ({ index, params: { minutes }, state: 'complete', value }));
    const one = surrogateBeliefs({ ...oven, trials: tried([[15, 97]]), points: [{ minutes: 15 }, ...edges] })!;
    expect(one.points[0]!.sd).toBeLessThan(1);
    for (const far of one.points.slice(1)) expect(far.sd).toBeGreaterThan(25);
    const two = surrogateBeliefs({ ...oven, trials: tried([[15, 97], [12, 80]]), points: [{ minutes: 14 }, ...edges] })!;
    for (const far of two.points.slice(1)) {
      expect(far.sd).toBeGreaterThan(10);
      expect(far.sd).toBeGreaterThan(3 * two.points[0]!.sd);
    }
  });

  it('is unsure between observations and reads points as parameters or unit coordinates alike', () => {
    const grid: Params[] = Array.from({ length: 201 }, (_, i) => ({ x: i / 20 }));
    const units = grid.map((p) => [(p['x'] as number) / 10]);
    const byParams = surrogateBeliefs({ space: line.space, direction: 'maximize', trials, points: grid });
    const byUnits = surrogateBeliefs({ space: line.space, direction: 'maximize', trials, points: units });
    expect(byUnits?.points).toEqual(byParams?.points);
    const between = byParams?.points[50]; // x = 2.5, between trials at 1 and 4
    const atTrial = byParams?.points[80]; // x = 4
    expect(between?.sd as number).toBeGreaterThan(10 * (atTrial?.sd as number));
    for (const point of byParams?.points ?? []) {
      expect(Number.isFinite(point.logExpectedImprovement)).toBe(true);
      // Below ~1e-300 EI is subnormal and its logarithm loses digits; log-EI is the accurate one there.
      if (point.expectedImprovement > 1e-300) expect(point.logExpectedImprovement).toBeCloseTo(Math.log(point.expectedImprovement), 6);
    }
  });
});
