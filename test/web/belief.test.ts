/**
 * The playground's belief slice keeps its Gaussian process while the trials stay the same (a slider being
 * dragged) and refits as soon as a new trials array arrives (a probe). Both must read exactly what a fresh
 * fit reads: the cache may save time, never change the picture.
 */
import { describe, expect, it } from 'vitest';
import { bake } from '../../src/games/bake.js';
import { fitSurrogate, surrogateBeliefs } from '../../src/search/insight.js';
import type { Trial } from '../../src/search/types.js';
import { beliefSlice } from '../../web/src/belief.js';

const objective = bake.objective('maple-42', 'normal');
const SPREAD = bake.readingScale.spread;
const tried = (minutes: readonly number[]): Trial[] =>
  minutes.map((bakeTime, index) => ({ index, params: { bakeTime }, state: 'complete', value: objective.evaluate({ bakeTime }) }));

describe('the belief slice', () => {
  it('reads the same model for the same trials, whether it was fitted now or kept from the last slice', () => {
    const trials = tried([8, 14, 21, 17]);
    const first = beliefSlice(objective, trials, 'bakeTime', { bakeTime: 14 }, SPREAD);
    const kept = beliefSlice(objective, trials, 'bakeTime', { bakeTime: 20 }, SPREAD);
    const fresh = beliefSlice(objective, [...trials], 'bakeTime', { bakeTime: 20 }, SPREAD);
    expect(kept).toEqual(first);
    expect(kept).toEqual(fresh);
  });

  it('refits when a probe adds a trial, reading what a fresh fit reads', () => {
    const trials = tried([8, 14, 21]);
    const before = beliefSlice(objective, trials, 'bakeTime', { bakeTime: 14 }, SPREAD)!;
    const after = beliefSlice(objective, [...trials, ...tried([17]).map((t) => ({ ...t, index: 3 }))], 'bakeTime', { bakeTime: 14 }, SPREAD)!;
    expect(after.mean).not.toEqual(before.mean);
    const direct = surrogateBeliefs({ space: objective.space, direction: objective.direction, trials: tried([8, 14, 21, 17]), points: after.units.map((u) => [u]), valueSpread: 100 })!;
    expect(after.mean).toEqual(direct.points.map((p) => p.mean));
    expect(after.expectedImprovement).toEqual(direct.points.map((p) => p.expectedImprovement));
  });
});

describe('a fitted surrogate', () => {
  it('reads any points without refitting, as surrogateBeliefs reads them', () => {
    const trials = tried([6, 11, 15, 19, 24]);
    const options = { space: objective.space, direction: objective.direction, trials, valueSpread: 100 };
    const surrogate = fitSurrogate(options)!;
    for (const points of [[[0.1], [0.5]], [[0.9]], [{ bakeTime: 12.5 }]]) expect(surrogate.beliefsAt(points)).toEqual(surrogateBeliefs({ ...options, points }));
    expect(fitSurrogate({ ...options, trials: [] })).toBeUndefined();
  });
});
