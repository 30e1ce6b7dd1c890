/**
 * A replay can carry on a study from trials already evaluated (a race played turn by turn): kept as they
 * were, then continued exactly as the uninterrupted study would have gone on.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/search/replay.js';
import { braninObjective as objective } from '../../src/search/objectives/benchmarks.js';
import type { Trial } from '../../src/search/types.js';

describe('replay from earlier trials', () => {
  it('continues a study exactly as it would have gone on uninterrupted', () => {
    const whole = replay({ objective, strategy: 'bayes', budget: 12, seed: 'carry-on' });
    const earlier: Trial[] = whole.trials.slice(0, 7).map((t) => ({ index: t.index, params: t.params, state: 'complete', value: t.value! }));
    const carried = replay({ objective, strategy: 'bayes', budget: 12, seed: 'carry-on', trials: earlier });
    expect(carried.trials).toEqual(whole.trials);
    expect(carried.best).toEqual(whole.best);
  });

  it('keeps earlier trials as they were, failed ones too, with the best so far over them', () => {
    const earlier: Trial[] = [
      { index: 0, params: { x1: 0, x2: 0 }, state: 'complete', value: 55.6 },
      { index: 1, params: { x1: 1, x2: 1 }, state: 'failed' },
      { index: 2, params: { x1: 2, x2: 2 }, state: 'complete', value: 20 },
    ];
    const carried = replay({ objective, strategy: 'random', budget: 5, seed: 'kept', trials: earlier });
    expect(carried.trials.slice(0, 3).map((t) => [t.params, t.value, t.best])).toEqual([
      [{ x1: 0, x2: 0 }, 55.6, 55.6],
      [{ x1: 1, x2: 1 }, null, 55.6],
      [{ x1: 2, x2: 2 }, 20, 20],
    ]);
    expect(carried.trials).toHaveLength(5);
  });
});
