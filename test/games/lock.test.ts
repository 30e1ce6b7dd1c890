import { describe, expect, it } from 'vitest';
import type { LockClue, LockState } from '../../src/games/lock.js';
import {
  bestSplittingTry,
  consistentCombinations,
  consistentCount,
  consistentCountsAfterEachTry,
  countClicks,
  lock,
  lockBudget,
  lockObjective,
  secretCombination,
} from '../../src/games/lock.js';
import { lockReasoner } from '../../src/games/lock-reasoner.js';
import { MoveError } from '../../src/games/types.js';
import { createRng } from '../../src/search/random.js';
import { replay } from '../../src/search/replay.js';

const SEED = 'vault';

function playAll(state: LockState, tries: readonly (readonly number[])[]): LockState {
  return tries.reduce((s, combination) => lock.play(s, { combination }).state, state);
}

/** Tries that cannot open this lock: every digit shifted by one from the secret. */
function wrongTry(seed: string, dials: number, k: number): number[] {
  return secretCombination(seed, dials).map((digit, i) => (digit + 1 + ((k + i) % 9)) % 10);
}

describe('lock rules', () => {
  it('counts the dials that click', () => {
    expect(countClicks([1, 2, 3], [1, 2, 3])).toBe(3);
    expect(countClicks([1, 2, 3], [3, 2, 1])).toBe(1);
    expect(countClicks([1, 2, 3], [4, 5, 6])).toBe(0);
  });

  it('has three dials, four on hard, and answers clicks for a try', () => {
    expect(lock.moveFields('normal')).toHaveLength(3);
    expect(lock.moveFields('hard')).toHaveLength(4);
    const secret = secretCombination(SEED, 3);
    const state = lock.start({ seed: SEED });
    const attempt = [secret[0] as number, (secret[1] as number + 1) % 10, secret[2] as number];
    const { feedback, state: next } = lock.play(state, { combination: attempt });
    expect(feedback).toEqual({ clicks: 2, opened: false });
    expect(next.status).toBe('playing');
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  });

  it('parses typed combinations and dial fields, and rejects malformed ones naming the range', () => {
    const state = lock.start({ seed: SEED });
    expect(lock.parseMove({ combination: '372' }, state)).toEqual({ combination: [3, 7, 2] });
    expect(lock.parseMove({ combination: ' 3 7-2 ' }, state)).toEqual({ combination: [3, 7, 2] });
    expect(lock.parseMove({ dial1: '0', dial2: 9, dial3: '4' }, state)).toEqual({ combination: [0, 9, 4] });
    for (const combination of ['37', '3721', '3a2', '', '-12']) {
      expect(() => lock.parseMove({ combination }, state)).toThrow(/3 digits, one per dial, each 0–9/);
    }
    expect(() => lock.parseMove({ dial1: '10', dial2: '1', dial3: '1' }, state)).toThrow(/Dial 1 must be a digit 0–9/);
    expect(() => lock.play(state, { combination: [1, 2, 10] })).toThrow(MoveError);
    expect(() => lock.play(state, { combination: [1, 2] })).toThrow(/3 digits/);
    const hard = lock.start({ seed: SEED, difficulty: 'hard' });
    expect(() => lock.play(hard, { combination: [1, 2, 3] })).toThrow(/4 digits/);
  });

  it('opens on the right combination and then refuses tries', () => {
    const secret = secretCombination(SEED, 3);
    const state = playAll(lock.start({ seed: SEED }), [wrongTry(SEED, 3, 0), secret]);
    expect(state.status).toBe('won');
    expect(state.history.at(-1)?.feedback).toEqual({ clicks: 3, opened: true });
    expect(lock.outcome(state).score).toBeGreaterThan(90);
    expect(() => lock.play(state, { combination: secret })).toThrow(/over/);
  });

  it('ends when the budget is spent and lets the player give up', () => {
    const budget = lockBudget('normal');
    const tries = Array.from({ length: budget }, (_, k) => wrongTry(SEED, 3, k));
    const spent = playAll(lock.start({ seed: SEED }), tries);
    expect(spent.status).toBe('spent');
    expect(lock.outcome(spent).score).toBeLessThanOrEqual(50);
    expect(() => lock.play(spent, { combination: [0, 0, 0] })).toThrow(/all 12 moves are used/);
    const quit = lock.giveUp(lock.start({ seed: SEED }));
    expect(lock.outcome(quit)).toMatchObject({ status: 'gave-up', score: 0, best: null, movesUsed: 0 });
  });

  it('poses the same puzzle as an objective', () => {
    const objective = lockObjective(SEED, 'hard');
    const secret = secretCombination(SEED, 4);
    expect(Object.keys(objective.space)).toEqual(['dial1', 'dial2', 'dial3', 'dial4']);
    expect(objective.evaluate({ dial1: secret[0]!, dial2: secret[1]!, dial3: secret[2]!, dial4: secret[3]! })).toBe(4);
    expect(objective.optimum).toBe(4);
  });

  it('hides different combinations behind different seeds', () => {
    const secrets = new Set(Array.from({ length: 20 }, (_, i) => secretCombination(`s${i}`, 3).join('')));
    expect(secrets.size).toBeGreaterThan(15);
    expect(secretCombination(SEED, 3)).toEqual(secretCombination(SEED, 3));
  });
});

describe('consistent combinations', () => {
  it('matches the textbook counts for one try', () => {
    expect(consistentCount([], 3)).toBe(1000);
    expect(consistentCount([{ combination: [1, 2, 3], clicks: 0 }])).toBe(729); // 9³
    expect(consistentCount([{ combination: [1, 2, 3], clicks: 1 }])).toBe(243); // 3 · 9²
    expect(consistentCount([{ combination: [1, 2, 3], clicks: 2 }])).toBe(27); // 3 · 9
    expect(consistentCount([{ combination: [1, 2, 3], clicks: 3 }])).toBe(1);
  });

  it('agrees with a direct check of every combination, and always keeps the secret', () => {
    const rng = createRng('consistency');
    const secret = secretCombination(SEED, 3);
    const clues: LockClue[] = Array.from({ length: 4 }, () => {
      const combination = [0, 0, 0].map(() => Math.floor(rng() * 10));
      return { combination, clicks: countClicks(secret, combination) };
    });
    const direct: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const digits = [Math.floor(k / 100), Math.floor(k / 10) % 10, k % 10];
      if (clues.every((c) => countClicks(digits, c.combination) === c.clicks)) direct.push(k);
    }
    expect(consistentCombinations(clues)).toEqual(direct);
    expect(direct).toContain(secret[0]! * 100 + secret[1]! * 10 + secret[2]!);
    const counts = consistentCountsAfterEachTry(clues);
    expect(counts).toHaveLength(4);
    expect(counts.at(-1)).toBe(direct.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
  });

  it('picks a try that splits the possible set well', () => {
    // After hearing one click on 123, a good next try must tell the three positions apart.
    const clues: LockClue[] = [{ combination: [1, 2, 3], clicks: 1 }];
    const next = bestSplittingTry(clues, 3, createRng('split'));
    const after = (clicks: number): number => consistentCount([...clues, { combination: next, clicks }]);
    const sizes = [0, 1, 2, 3].map(after);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(243);
    expect(Math.max(...sizes)).toBeLessThan(243 * 0.75);
  });
});

describe('the lock reasoner against random guessing', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => `crack-${i}`);
  const budget = lockBudget('normal');

  it(`opens three dials within ${budget} tries for most seeds, while random search does not`, () => {
    let reasonerOpened = 0;
    let randomOpened = 0;
    for (const seed of seeds) {
      const objective = lockObjective(seed, 'normal');
      if (replay({ objective, strategy: lockReasoner, budget, seed }).best.value === 3) reasonerOpened++;
      if (replay({ objective, strategy: 'random', budget, seed }).best.value === 3) randomOpened++;
    }
    expect(reasonerOpened).toBeGreaterThanOrEqual(27);
    expect(randomOpened).toBeLessThanOrEqual(3);
  });

  it('is stateless: the same history gives the same proposal', () => {
    const objective = lockObjective('again', 'hard');
    const first = replay({ objective, strategy: lockReasoner, budget: 6, seed: 'again' });
    const second = replay({ objective, strategy: lockReasoner, budget: 6, seed: 'again' });
    expect(second.trials).toEqual(first.trials);
  });
});

describe('consistent counts from a game history', () => {
  it('accepts the stored history directly, the same as clues', () => {
    let state = lock.start({ seed: SEED });
    for (const combination of [[1, 2, 3], [4, 5, 6]]) state = lock.play(state, { combination }).state;
    const clues = state.history.map((t) => ({ combination: t.move.combination, clicks: t.feedback.clicks }));
    expect(consistentCountsAfterEachTry(state.history)).toEqual(consistentCountsAfterEachTry(clues));
    expect(consistentCount(state.history)).toBe(consistentCount(clues));
  });
});
