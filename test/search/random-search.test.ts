import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../src/search/strategies/index.js';
import { Study } from '../../src/search/study.js';
import type { Params, SpaceSpec } from '../../src/search/types.js';

/**
 * The classic argument for random search: if the top 5 % of a space is a region of probability 0.05,
 * then 60 independent draws miss it with probability 0.95^60, so they land in it with ≈ 95.4 % chance.
 * The region here is defined on a log-scaled and a plain linear parameter, so the test also
 * checks that random search samples a log scale log-uniformly.
 */
const space: SpaceSpec = {
  learningRate: { kind: 'float', low: 1e-5, high: 1e-1, log: true },
  dropout: { kind: 'float', low: 0, high: 0.5 },
};
// Half of the log range (1e-5..1e-3) times a tenth of the dropout range: probability 0.5 × 0.1 = 0.05.
const inTopRegion = (params: Params): boolean => (params.learningRate as number) < 1e-3 && (params.dropout as number) < 0.05;

describe('random search', () => {
  it('lands in the top 5 % within 60 draws as often as 1 − 0.95^60 predicts', () => {
    const draws = 60;
    const repetitions = 1500;
    const expected = 1 - 0.95 ** draws;
    let successes = 0;
    let regionHits = 0;
    for (let r = 0; r < repetitions; r++) {
      const study = new Study({ space, direction: 'minimize', strategy: createStrategy('random'), seed: `top-5-percent-${r}` });
      let hit = false;
      for (let i = 0; i < draws; i++) {
        const trial = study.ask();
        study.tell(trial.index, 0);
        if (inTopRegion(trial.params)) {
          hit = true;
          regionHits++;
        }
      }
      if (hit) successes++;
    }
    // Four binomial standard errors: a false alarm has probability below 1e-4 with a fair sampler.
    const successRate = successes / repetitions;
    const successError = Math.sqrt((expected * (1 - expected)) / repetitions);
    expect(Math.abs(successRate - expected)).toBeLessThan(4 * successError);

    const hitRate = regionHits / (repetitions * draws);
    const hitError = Math.sqrt((0.05 * 0.95) / (repetitions * draws));
    expect(Math.abs(hitRate - 0.05)).toBeLessThan(4 * hitError);
  });
});
