/**
 * Measures the lock budgets: how many tries the click-listening reasoner needs to open the lock, how
 * often blind guessing opens it within the budget, and how long one reasoner decision takes.
 * Run: npx tsx test/bench/games-lock-budget.ts [--quick]
 *   --quick  50 seeds instead of 200 (the budget percentages are then coarse)
 */
import { performance } from 'node:perf_hooks';
import { createRng, deriveSeed, randomInt } from '../../src/search/random.js';
import type { LockClue } from '../../src/games/lock.js';
import { bestSplittingTry, countClicks, lockBudget, secretCombination } from '../../src/games/lock.js';

const SEEDS = Array.from({ length: process.argv.includes('--quick') ? 50 : 200 }, (_, i) => `bench-${i}`);

function triesToOpen(seed: string, dials: number, cap: number, decisionTimes: number[]): number {
  const secret = secretCombination(seed, dials);
  const clues: LockClue[] = [];
  for (let attempt = 1; attempt <= cap; attempt++) {
    const started = performance.now();
    const combination = bestSplittingTry(clues, dials, createRng(deriveSeed(seed, 'reasoner', attempt)));
    decisionTimes.push(performance.now() - started);
    const clicks = countClicks(secret, combination);
    if (clicks === dials) return attempt;
    clues.push({ combination, clicks });
  }
  return Infinity;
}

/** Blind guessing: distinct random combinations, never listening. */
function blindOpens(seed: string, dials: number, budget: number): boolean {
  const secret = secretCombination(seed, dials);
  const rng = createRng(deriveSeed(seed, 'blind'));
  const tried = new Set<number>();
  while (tried.size < budget) tried.add(randomInt(rng, 10 ** dials));
  const secretIndex = secret.reduce((n, digit) => n * 10 + digit, 0);
  return tried.has(secretIndex);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

for (const difficulty of ['normal', 'hard'] as const) {
  const dials = difficulty === 'hard' ? 4 : 3;
  const budget = lockBudget(difficulty);
  const times: number[] = [];
  const tries = SEEDS.map((seed) => triesToOpen(seed, dials, 20, times));
  const histogram = new Map<number, number>();
  for (const t of tries) histogram.set(t, (histogram.get(t) ?? 0) + 1);
  const within = tries.filter((t) => t <= budget).length / SEEDS.length;
  const blind = SEEDS.filter((seed) => blindOpens(seed, dials, budget)).length / SEEDS.length;
  console.log(
    `${dials} dials, budget ${budget}: reasoner opens within budget ${(within * 100).toFixed(1)}% ` +
      `(median ${median(tries)} tries, worst ${Math.max(...tries)}; tries→seeds ${JSON.stringify([...histogram].sort((a, b) => a[0] - b[0]))}), ` +
      `blind guessing ${(blind * 100).toFixed(1)}% (expected ${((budget / 10 ** dials) * 100).toFixed(2)}%); ` +
      `decision median ${median(times).toFixed(2)} ms, worst ${Math.max(...times).toFixed(1)} ms`,
  );
}
