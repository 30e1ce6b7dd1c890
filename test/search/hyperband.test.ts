import { describe, expect, it } from 'vitest';
import { braninObjective, braninTrainingObjective } from '../../src/search/objectives/benchmarks.js';
import { replay } from '../../src/search/replay.js';
import { hyperbandSchedule, hyperbandStrategy } from '../../src/search/strategies/hyperband.js';
import type { Objective, Params } from '../../src/search/types.js';

const shape = (schedule: ReturnType<typeof hyperbandSchedule>) =>
  schedule.brackets.map((b) => b.rungs.map((r) => `${r.configs}@${r.fidelity}`).join(' '));

/** Branin-training that writes down every fidelity it is actually asked to spend. */
function recording(): { objective: Objective; spent: number[] } {
  const spent: number[] = [];
  return {
    spent,
    objective: {
      ...braninTrainingObjective,
      evaluate(params: Params, fidelity?: number) {
        spent.push(fidelity ?? Number.NaN);
        return braninTrainingObjective.evaluate(params, fidelity);
      },
    },
  };
}

describe('hyperbandSchedule', () => {
  it('lays out the textbook brackets for 27 epochs and η = 3', () => {
    const schedule = hyperbandSchedule(27);
    expect(shape(schedule)).toEqual(['27@1 9@3 3@9 1@27', '12@3 4@9 1@27', '6@9 2@27', '4@27']);
    expect(schedule.evaluationsPerPass).toBe(69);
    expect(schedule.fidelityPerPass).toBe(27 + 27 + 27 + 27 + (36 + 36 + 27) + (54 + 54) + 108);
  });

  it('drops the deepest bracket until one pass fits the budget', () => {
    const schedule = hyperbandSchedule(27, { budget: 30 });
    expect(shape(schedule)).toEqual(['9@3 3@9 1@27', '5@9 1@27', '3@27']);
    expect(schedule.evaluationsPerPass).toBe(22);
    expect(shape(hyperbandSchedule(27, { budget: 2 }))).toEqual(['1@27']);
  });

  it('rounds fidelities to whole epochs when the maximum is whole', () => {
    expect(shape(hyperbandSchedule(100, { eta: 4 }))).toEqual(['64@2 16@6 4@25 1@100', '22@6 5@25 1@100', '8@25 2@100', '4@100']);
  });

  it('rejects impossible settings', () => {
    expect(() => hyperbandSchedule(0)).toThrow(/maxFidelity/);
    expect(() => hyperbandSchedule(27, { eta: 1 })).toThrow(/eta/);
    expect(() => hyperbandSchedule(27, { minFidelity: 30 })).toThrow(/minFidelity/);
  });
});

describe('hyperband strategy', () => {
  it('spends exactly the fidelities its schedule says, in order', () => {
    const { objective, spent } = recording();
    const result = replay({ objective, strategy: 'hyperband', budget: 30, seed: 'spend' });
    const schedule = hyperbandSchedule(27, { budget: 30 });
    const planned = schedule.brackets.flatMap((b) => b.rungs.flatMap((r) => Array.from({ length: r.configs }, () => r.fidelity)));
    expect(spent).toEqual(result.trials.map((t) => t.fidelity));
    expect(spent.slice(0, 22)).toEqual(planned);
    // A second pass starts over with the cheapest bracket.
    expect(spent.slice(22, 30)).toEqual(planned.slice(0, 8));
  });

  it('promotes the best 1/η of a rung to the next one', () => {
    const result = replay({ objective: braninTrainingObjective, strategy: 'hyperband', budget: 22, seed: 'promote' });
    const rung0 = result.trials.slice(0, 9);
    const rung1 = result.trials.slice(9, 12);
    const rung2 = result.trials.slice(12, 13);
    const topThree = [...rung0].sort((a, b) => (a.value as number) - (b.value as number)).slice(0, 3).map((t) => t.params);
    expect(rung1.map((t) => t.params)).toEqual(topThree);
    const winner = [...rung1].sort((a, b) => (a.value as number) - (b.value as number))[0];
    expect(rung2[0]?.params).toEqual(winner?.params);
    expect(new Set(rung0.map((t) => JSON.stringify(t.params))).size).toBe(9);
  });

  it('skips failed trials when promoting', () => {
    let calls = 0;
    const flaky: Objective = {
      ...braninTrainingObjective,
      evaluate(params, fidelity) {
        calls++;
        // The first three cheap runs crash; the survivors must come from the other six.
        if (calls <= 3) throw new Error('out of memory');
        return braninTrainingObjective.evaluate(params, fidelity);
      },
    };
    // Budget 22 runs 9 configs at 3 epochs, the best 3 at 9, the best 1 at 27, and so on.
    const result = replay({ objective: flaky, strategy: 'hyperband', budget: 22, seed: 'flaky' });
    expect(result.trials.slice(0, 3).every((t) => t.failure === 'out of memory')).toBe(true);
    const survivors = result.trials.slice(3, 9).map((t) => JSON.stringify(t.params));
    for (const promoted of result.trials.slice(9, 12)) expect(survivors).toContain(JSON.stringify(promoted.params));
  });

  it('behaves as random search at full fidelity when the objective has no fidelity', () => {
    const hyperband = replay({ objective: braninObjective, strategy: hyperbandStrategy(), budget: 15, seed: 'plain' });
    const random = replay({ objective: braninObjective, strategy: 'random', budget: 15, seed: 'plain' });
    expect(hyperband.trials.map((t) => t.params)).toEqual(random.trials.map((t) => t.params));
    expect(hyperband.trials.every((t) => t.fidelity === undefined)).toBe(true);
  });
});
