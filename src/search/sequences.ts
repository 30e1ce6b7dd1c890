/**
 * Low-discrepancy sequences: points that fill the unit cube more evenly than independent random draws.
 * Halton uses a different prime base per dimension; plain Halton shows stripes between dimensions with
 * nearby large primes, so every digit of every dimension is passed through a seeded permutation.
 */
import { createRng, deriveSeed, shuffle } from './random.js';

const primeCache: number[] = [];

/** The first `count` primes. */
export function firstPrimes(count: number): number[] {
  let candidate = primeCache.length === 0 ? 2 : (primeCache[primeCache.length - 1] as number) + 1;
  while (primeCache.length < count) {
    if (primeCache.every((p) => p * p > candidate || candidate % p !== 0)) primeCache.push(candidate);
    candidate++;
  }
  return primeCache.slice(0, count);
}

/** Digits needed for base `base` to reach double precision. */
const digitsFor = (base: number): number => Math.ceil(53 / Math.log2(base));

/** Per seed, per dimension, per digit position: a permutation of 0..base-1. Bounded so long runs do not leak. */
const permutationCache = new Map<string, number[][][]>();
const MAX_CACHED_SEEDS = 64;

function permutations(seed: string, dimension: number, primes: readonly number[]): number[][][] {
  let bySeed = permutationCache.get(seed);
  if (bySeed === undefined) {
    if (permutationCache.size >= MAX_CACHED_SEEDS) permutationCache.clear();
    bySeed = [];
    permutationCache.set(seed, bySeed);
  }
  for (let d = bySeed.length; d < dimension; d++) {
    const base = primes[d] as number;
    const digits = Array.from({ length: base }, (_, i) => i);
    bySeed.push(
      Array.from({ length: digitsFor(base) }, (_, position) =>
        shuffle(createRng(deriveSeed(seed, 'halton', d, position)), digits),
      ),
    );
  }
  return bySeed;
}

/**
 * Point `index` (0-based) of a Halton sequence in [0,1)^dimension, scrambled by random digit
 * permutations drawn from `seed`. A pure function of its three arguments.
 */
export function scrambledHalton(index: number, dimension: number, seed: string): number[] {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, got ${index}`);
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
  const primes = firstPrimes(dimension);
  const perms = permutations(seed, dimension, primes);
  return primes.map((base, d) => {
    const digitPerms = perms[d] as number[][];
    let remaining = index;
    let scale = 1 / base;
    let value = 0;
    // Every position is permuted, including the zero digits beyond the index's length; that is what
    // moves point 0 away from the origin.
    for (const perm of digitPerms) {
      value += (perm[remaining % base] as number) * scale;
      remaining = Math.floor(remaining / base);
      scale /= base;
    }
    return Math.min(value, 1 - Number.EPSILON);
  });
}
