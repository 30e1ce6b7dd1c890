import { describe, expect, it } from 'vitest';
import { beliefMap, cellCentres, drawableSpread } from '../../src/search/belief-map.js';
import type { SpaceSpec, Trial } from '../../src/search/types.js';

const SPACE: SpaceSpec = { x: { kind: 'float', low: 0, high: 100, step: 1 }, y: { kind: 'float', low: 0, high: 100, step: 1 } };

function trials(points: readonly (readonly [number, number, number])[]): Trial[] {
  return points.map(([x, y, value], index) => ({ index, params: { x, y }, state: 'complete', value }));
}

/** Index of the cell whose centre is nearest (x, y). */
function cellAt(map: { xs: readonly number[]; ys: readonly number[] }, x: number, y: number): number {
  const nearest = (values: readonly number[], v: number) => values.reduce((best, c, i) => (Math.abs(c - v) < Math.abs((values[best] as number) - v) ? i : best), 0);
  return nearest(map.ys, y) * map.xs.length + nearest(map.xs, x);
}

describe('beliefMap', () => {
  const seen = trials([
    [10, 10, 5],
    [90, 10, 12],
    [50, 50, 30],
    [10, 90, 8],
    [90, 90, 2],
    [60, 60, 26],
  ]);

  it('reads the belief at every cell centre, row by row from the lowest y', () => {
    const map = beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 20 })!;
    expect(map.xs).toEqual(cellCentres(0, 100, 20));
    expect(map.xs[0]).toBe(2.5);
    expect(map.ys.at(-1)).toBe(97.5);
    for (const values of [map.mean, map.sd, map.expectedImprovement]) expect(values).toHaveLength(400);
    expect(map.best).toBeCloseTo(30, 6);
  });

  it('believes what it saw where it dug and is least sure far from every trial', () => {
    const map = beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 50 })!;
    // Cell centres at 51, 49 … sit a metre from the trial at (50, 50).
    const near = cellAt(map, 50, 50);
    expect(map.mean[near]).toBeGreaterThan(24);
    const far = cellAt(map, 50, 0);
    expect(map.sd[far]).toBeGreaterThan(3 * (map.sd[near] as number));
    for (const ei of map.expectedImprovement) expect(ei).toBeGreaterThanOrEqual(0);
  });

  it('names the cell where expected improvement peaks as the next probe, and draws an unbounded spread as the widest finite one', () => {
    const map = beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 20 })!;
    const peak = map.expectedImprovement.indexOf(Math.max(...map.expectedImprovement));
    expect(cellAt(map, map.next.x, map.next.y)).toBe(peak);
    const widest = Math.max(...map.sd);
    const unbounded = { ...map, sd: map.sd.map((sd, i) => (i === 0 ? Infinity : sd)) };
    const drawn = drawableSpread(unbounded);
    expect(drawn[0]).toBe(Math.max(...unbounded.sd.filter(Number.isFinite)));
    expect(drawn[0]).toBeLessThanOrEqual(widest);
    expect([...drawn].slice(1)).toEqual([...map.sd].slice(1));
  });

  it('is undefined before any trial, and refuses a space that is not two numbers', () => {
    expect(beliefMap({ space: SPACE, direction: 'maximize', trials: [], cells: 10 })).toBeUndefined();
    expect(() => beliefMap({ space: { x: SPACE.x! }, direction: 'maximize', trials: [], cells: 10 })).toThrow(/exactly two parameters/);
    expect(() => beliefMap({ space: { x: SPACE.x!, c: { kind: 'categorical', choices: ['a', 'b'] } }, direction: 'maximize', trials: [], cells: 10 })).toThrow(/two numeric/);
    expect(() => beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 1 })).toThrow(/at least 2/);
  });

  it('is deterministic', () => {
    const a = beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 12 })!;
    const b = beliefMap({ space: SPACE, direction: 'maximize', trials: seen, cells: 12 })!;
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.sd)).toEqual(Array.from(a.sd));
  });
});
