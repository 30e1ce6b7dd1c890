import { describe, expect, it } from 'vitest';
import { firstPrimes, scrambledHalton } from '../../src/search/sequences.js';

describe('scrambledHalton', () => {
  it('is a pure function of index, dimension and seed', () => {
    const a = Array.from({ length: 20 }, (_, i) => scrambledHalton(i, 5, 'seed-a'));
    const b = Array.from({ length: 20 }, (_, i) => scrambledHalton(19 - i, 5, 'seed-a')).reverse();
    expect(a).toEqual(b);
    expect(scrambledHalton(3, 5, 'seed-b')).not.toEqual(scrambledHalton(3, 5, 'seed-a'));
    // A lower dimension is a prefix of a higher one for the same seed.
    expect(scrambledHalton(7, 2, 'seed-a')).toEqual(scrambledHalton(7, 5, 'seed-a').slice(0, 2));
  });

  it('stays in [0, 1) and does not start at the origin', () => {
    for (let i = 0; i < 300; i++) {
      for (const x of scrambledHalton(i, 8, 'bounds')) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    }
    expect(scrambledHalton(0, 3, 'bounds').every((x) => x > 0)).toBe(true);
  });

  it('keeps Halton stratification: b^k consecutive points fill all b^k cells of each axis', () => {
    for (const [d, base] of firstPrimes(4).entries()) {
      const cells = base ** 2;
      const seen = new Set(Array.from({ length: cells }, (_, i) => Math.floor((scrambledHalton(i, 4, 'strata')[d] as number) * cells)));
      expect(seen.size).toBe(cells);
    }
  });

  it('covers the square more evenly than chance: every one of 16 cells is hit by 64 points', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 64; i++) {
      const [x, y] = scrambledHalton(i, 2, 'even') as [number, number];
      const cell = Math.floor(x * 4) * 4 + Math.floor(y * 4);
      counts[cell] = (counts[cell] as number) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
  });

  it('lists primes', () => {
    expect(firstPrimes(10)).toEqual([2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
  });

  it('rejects a bad index or dimension', () => {
    expect(() => scrambledHalton(-1, 2, 's')).toThrow(RangeError);
    expect(() => scrambledHalton(0, 0, 's')).toThrow(RangeError);
  });
});
