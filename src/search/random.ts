/**
 * The one source of randomness in the engine. Everything random is drawn from a seeded generator,
 * so the same seed always replays the same search.
 */
import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

export function createRng(seed: string): Rng {
  const prng = seedrandom(seed);
  return () => prng();
}

/** Joins seed parts into a child seed, so independent streams (per trial, per dimension) never overlap. */
export function deriveSeed(...parts: readonly (string | number)[]): string {
  return parts.join('/');
}

/** A standard normal draw (Box–Muller; the second value is dropped to keep the generator stateless). */
export function normal(rng: Rng): number {
  // 1 - rng() is in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - rng()));
  return radius * Math.cos(2 * Math.PI * rng());
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`randomInt needs a positive integer, got ${n}`);
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
