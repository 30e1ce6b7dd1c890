import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/search/random.js';
import { braninObjective } from '../../src/search/objectives/benchmarks.js';
import { replay } from '../../src/search/replay.js';
import { Study } from '../../src/search/study.js';
import { tpeInternals, tpeStrategy } from '../../src/search/strategies/tpe.js';
import type { Objective } from '../../src/search/types.js';

const bowl: Objective = {
  name: 'bowl',
  description: 'a round valley off centre',
  space: { x: { kind: 'float', low: 0, high: 1 }, y: { kind: 'float', low: 0, high: 1 } },
  direction: 'minimize',
  optimum: 0,
  evaluate: (p) => ((p.x as number) - 0.3) ** 2 + ((p.y as number) - 0.7) ** 2,
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return ((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2;
};

describe('TPE', () => {
  it('beats random search on a 2-D bowl and on Branin over several seeds', () => {
    for (const objective of [bowl, braninObjective]) {
      const seeds = Array.from({ length: 12 }, (_, i) => `tpe-vs-random-${i}`);
      const tpe = seeds.map((seed) => replay({ objective, strategy: 'tpe', budget: 40, seed }).best.value);
      const random = seeds.map((seed) => replay({ objective, strategy: 'random', budget: 40, seed }).best.value);
      const wins = seeds.filter((_, i) => (tpe[i] as number) < (random[i] as number)).length;
      expect(wins).toBeGreaterThanOrEqual(9);
      expect(median(tpe)).toBeLessThan(median(random) / 2);
    }
  });

  it('starts with random draws until it has enough completed trials', () => {
    const a = replay({ objective: bowl, strategy: tpeStrategy({ startupTrials: 10 }), budget: 10, seed: 'start' });
    const b = replay({ objective: bowl, strategy: 'random', budget: 10, seed: 'start' });
    expect(a.trials.map((t) => t.params)).toEqual(b.trials.map((t) => t.params));
  });

  it('concentrates proposals near the good trials once the model takes over', () => {
    const study = new Study({ space: bowl.space, direction: 'minimize', strategy: tpeStrategy(), seed: 'focus' });
    for (let i = 0; i < 60; i++) {
      const trial = study.ask();
      study.tell(trial.index, bowl.evaluate(trial.params));
    }
    const late = study.trials.slice(40).map((t) => bowl.evaluate(t.params));
    const early = study.trials.slice(0, 10).map((t) => bowl.evaluate(t.params));
    expect(median(late)).toBeLessThan(median(early) / 10);
  });

  it('learns which category is good', () => {
    const objective: Objective = {
      name: 'flavour',
      description: 'one flavour wins',
      space: { flavour: { kind: 'categorical', choices: ['vanilla', 'lemon', 'cocoa', 'mint'] }, x: { kind: 'float', low: 0, high: 1 } },
      direction: 'maximize',
      evaluate: (p) => (p.flavour === 'cocoa' ? 1 : 0) + 0.1 * (p.x as number),
    };
    const result = replay({ objective, strategy: 'tpe', budget: 40, seed: 'flavour' });
    const cocoaLate = result.trials.slice(20).filter((t) => t.params.flavour === 'cocoa').length;
    expect(cocoaLate).toBeGreaterThan(10);
  });

  it('uses a normal CDF accurate to 1e-6', () => {
    const { normalCdf } = tpeInternals;
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841344746, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895, 6);
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 6);
  });

  it('builds Parzen densities that integrate to 1 on [0, 1] and sample inside it', () => {
    const density = tpeInternals.parzen([0.02, 0.3, 0.31, 0.9], 1);
    const steps = 20000;
    let integral = 0;
    for (let i = 0; i < steps; i++) integral += density.pdf((i + 0.5) / steps) / steps;
    expect(integral).toBeCloseTo(1, 3);
    const rng = createRng('parzen');
    for (let i = 0; i < 1000; i++) {
      const x = density.sample(rng);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(density.pdf(0.3)).toBeGreaterThan(density.pdf(0.6));
  });

  it('smooths categorical counts so unseen categories keep some weight', () => {
    const density = tpeInternals.categorical([0.1, 0.1, 0.1], 4, 1);
    expect(density.pdf(0.1)).toBeCloseTo(3.25 / 4, 12);
    expect(density.pdf(0.9)).toBeCloseTo(0.25 / 4, 12);
  });

  it('rejects nonsense options', () => {
    expect(() => tpeStrategy({ gamma: 1.5 })).toThrow(/gamma/);
    expect(() => tpeStrategy({ candidates: 0 })).toThrow(/candidate/);
  });
});
