import { describe, expect, it } from 'vitest';
import { dig, digObjective, goldPeak, type DigState } from '../../src/games/dig.js';
import { DIG_REVEAL_STRATEGIES, digBelief, digBeliefFrames, digFieldGrid, digPlayerRun, digRevealData, digStrategyRuns } from '../../src/games/dig-reveal.js';
import { replay } from '../../src/search/replay.js';

function played(seed: string, spots: readonly (readonly [number, number])[]): DigState {
  return spots.reduce((state, [x, y]) => dig.play(state, { x, y }).state, dig.start({ seed }));
}

describe('Dig for Gold reveal data', () => {
  it('replays grid, random, quasi-random and Bayesian search as the CLI does (study seed = puzzle seed)', () => {
    const runs = digStrategyRuns('reveal', 'normal', 12);
    expect(runs.map((r) => r.name)).toEqual([...DIG_REVEAL_STRATEGIES]);
    runs.forEach((run) => {
      const direct = replay({ objective: digObjective('reveal', 'normal'), strategy: run.name, budget: 12, seed: 'reveal' });
      expect(run.digs).toEqual(direct.trials.map((t) => ({ x: t.params.x, y: t.params.y, grams: t.value })));
    });
  });

  it('samples the true field on cells, peaking just under the true maximum', () => {
    const grid = digFieldGrid('reveal', 'normal', 40);
    expect(grid.xs).toHaveLength(40);
    expect(grid.values).toHaveLength(1600);
    const highest = Math.max(...grid.values);
    const peak = goldPeak('reveal', 'normal');
    expect(highest).toBeLessThanOrEqual(peak.grams + 1e-9);
    expect(highest).toBeGreaterThan(peak.grams - 3);
  });

  it("ends with the player's own digs and their grams", () => {
    const state = played('reveal', [[10, 10], [70, 30], [40, 90]]);
    const data = digRevealData(state, 20);
    expect(data.runs.map((r) => r.name)).toEqual([...DIG_REVEAL_STRATEGIES, 'player']);
    expect(data.runs.at(-1)).toEqual(digPlayerRun(state));
    expect(digPlayerRun(state).digs.map((d) => d.grams)).toEqual(state.history.map((t) => t.feedback.grams));
    expect(data.belief?.mean.values).toHaveLength(400);
  });

  it('has no belief before a dig, and names the acquisition peak as the next dig', () => {
    expect(digBelief([])).toBeUndefined();
    const belief = digBelief([{ x: 20, y: 20, grams: 3 }, { x: 80, y: 80, grams: 30 }, { x: 50, y: 50, grams: 12 }], { cells: 25 })!;
    const peakEi = Math.max(...belief.acquisition.values);
    const at = belief.acquisition.values.indexOf(peakEi);
    expect(belief.next).toEqual({ x: belief.acquisition.xs[at % 25], y: belief.acquisition.ys[Math.floor(at / 25)] });
    for (const sd of belief.uncertainty.values) expect(Number.isFinite(sd)).toBe(true);
  });

  it('gives one belief frame per dig', () => {
    const state = played('frames', [[5, 5], [50, 50], [95, 5], [5, 95], [60, 70]]);
    const frames = digBeliefFrames(digPlayerRun(state), { cells: 12 });
    expect(frames).toHaveLength(5);
    frames.forEach((frame, k) => {
      expect(frame.digs).toHaveLength(k + 1);
      expect(frame.next).toEqual(k < 4 ? digPlayerRun(state).digs[k + 1] : undefined);
    });
  });
});
