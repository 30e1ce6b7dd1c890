import { describe, expect, it } from 'vitest';
import type { BakeState } from '../../src/games/bake.js';
import { BAKE_BUDGET, BAKE_TIMES, bake, bakeObjective, bestBakeTime, tasteBake, trueTaste } from '../../src/games/bake.js';
import { MoveError } from '../../src/games/types.js';

const SEED = 'grandma';

function playAll(state: BakeState, minutes: readonly number[]): BakeState {
  return minutes.reduce((s, m) => bake.play(s, { minutes: m }).state, state);
}

/** Bake times that are not perfect for this puzzle, farthest from the best time first. */
function imperfectTimes(seed: string, difficulty = 'normal'): number[] {
  return BAKE_TIMES.filter((m) => tasteBake(seed, difficulty, m).word !== 'perfect');
}

describe('bake rules', () => {
  it('starts deterministically from the seed with the documented budget, as plain JSON', () => {
    const state = bake.start({ seed: SEED });
    expect(state).toEqual({ game: 'bake', seed: SEED, difficulty: 'normal', budget: BAKE_BUDGET, status: 'playing', history: [] });
    const played = playAll(state, [10, 15]);
    expect(JSON.parse(JSON.stringify(played))).toEqual(played);
    expect(playAll(bake.start({ seed: SEED }), [10, 15])).toEqual(played);
  });

  it('rejects out-of-range and off-step bake times, naming the range', () => {
    const state = bake.start({ seed: SEED });
    for (const minutes of [4.5, 25.5, 12.25, Number.NaN, -1]) {
      expect(() => bake.play(state, { minutes })).toThrow(MoveError);
      expect(() => bake.play(state, { minutes })).toThrow(/from 5 to 25 minutes in half-minute steps/);
    }
  });

  it('parses typed text and rejects malformed text with the range', () => {
    const state = bake.start({ seed: SEED });
    expect(bake.parseMove({ minutes: ' 12.5 ' }, state)).toEqual({ minutes: 12.5 });
    expect(bake.parseMove({ minutes: 18 }, state)).toEqual({ minutes: 18 });
    for (const minutes of ['abc', '', '12,5', undefined, '1e1']) {
      expect(() => bake.parseMove({ minutes }, state)).toThrow(/from 5 to 25/);
    }
  });

  it('wins on a perfect bake and then refuses further bakes', () => {
    const best = bestBakeTime(SEED);
    const { state, feedback } = bake.play(bake.start({ seed: SEED }), { minutes: best });
    expect(feedback.word).toBe('perfect');
    expect(state.status).toBe('won');
    expect(bake.outcome(state)).toMatchObject({ status: 'won', score: 100, movesUsed: 1, budget: BAKE_BUDGET });
    expect(() => bake.play(state, { minutes: best })).toThrow(/over \(you already won\)/);
    expect(() => bake.giveUp(state)).toThrow(MoveError);
  });

  it('ends when the budget is spent, scoring by best taste', () => {
    const misses = imperfectTimes(SEED).slice(0, BAKE_BUDGET);
    const state = playAll(bake.start({ seed: SEED }), misses);
    expect(state.status).toBe('spent');
    const outcome = bake.outcome(state);
    const best = Math.max(...state.history.map((t) => t.feedback.taste));
    expect(outcome).toMatchObject({ status: 'spent', best, movesUsed: BAKE_BUDGET });
    expect(outcome.score).toBe(Math.round(best / 2));
    expect(() => bake.play(state, { minutes: 10 })).toThrow(/all 8 moves are used/);
  });

  it('lets the player give up, which scores zero', () => {
    const state = bake.giveUp(playAll(bake.start({ seed: SEED }), [10]));
    expect(state.status).toBe('gave-up');
    expect(bake.outcome(state).score).toBe(0);
    expect(() => bake.play(state, { minutes: 12 })).toThrow(/you gave up/);
  });

  it('refuses an unknown difficulty, listing the allowed ones', () => {
    expect(() => bake.start({ seed: SEED, difficulty: 'extreme' })).toThrow(/easy, normal, hard/);
  });
});

describe('bake curve and noise', () => {
  it('is gentler on the underbaked side than on the burnt side', () => {
    for (const d of [0.5, 1, 2, 3, 4, 6]) expect(trueTaste(-d)).toBeGreaterThan(trueTaste(d) + 1);
    expect(trueTaste(0)).toBe(100);
    // Words follow the side: short bakes are raw/doughy/soft, long ones crisp/burnt.
    const best = bestBakeTime(SEED);
    expect(tasteBake(SEED, 'normal', best - 6).word).toMatch(/raw|doughy|soft/);
    expect(tasteBake(SEED, 'normal', best + 3).word).toMatch(/crisp|burnt/);
    expect(tasteBake(SEED, 'normal', 5).word).not.toBe('perfect');
  });

  it('adds a little oven noise that is frozen per puzzle and time', () => {
    const best = bestBakeTime(SEED);
    const deviations = BAKE_TIMES.map((m) => tasteBake(SEED, 'hard', m).taste - trueTaste(m - best));
    expect(deviations.some((d) => Math.abs(d) >= 1)).toBe(true);
    // Noise on hard is 5 points, clipped at 2.5 standard deviations, plus rounding and the 0–100 clamp.
    expect(Math.max(...deviations.map(Math.abs))).toBeLessThanOrEqual(13);
    expect(BAKE_TIMES.map((m) => tasteBake(SEED, 'hard', m))).toEqual(BAKE_TIMES.map((m) => tasteBake(SEED, 'hard', m)));
  });

  it('hides different best times behind different seeds', () => {
    const bests = new Set(Array.from({ length: 20 }, (_, i) => bestBakeTime(`seed-${i}`)));
    expect(bests.size).toBeGreaterThan(5);
    for (const b of bests) expect(b >= 9 && b <= 21).toBe(true);
  });

  it('poses the same puzzle as an objective: evaluate equals the taste of the bake', () => {
    const objective = bakeObjective(SEED, 'normal');
    expect(objective.direction).toBe('maximize');
    for (const minutes of BAKE_TIMES) {
      const { feedback } = bake.play(bake.start({ seed: SEED }), { minutes });
      expect(objective.evaluate({ bakeTime: minutes })).toBe(feedback.taste);
    }
    expect(objective.optimum).toBe(Math.max(...BAKE_TIMES.map((m) => tasteBake(SEED, 'normal', m).taste)));
  });
});

describe('the oven’s noise on a repeated bake', () => {
  it('gives a second bake at the same time a slightly different taste, while the first matches the objective', () => {
    const times = imperfectTimes(SEED, 'hard').slice(0, 6);
    const objective = bakeObjective(SEED, 'hard');
    let differs = 0;
    for (const minutes of times) {
      const twice = playAll(bake.start({ seed: SEED, difficulty: 'hard' }), [minutes, minutes]);
      const [first, second] = twice.history.map((turn) => turn.feedback.taste);
      expect(first).toBe(objective.evaluate({ bakeTime: minutes }));
      expect(Math.abs((second ?? 0) - trueTaste(minutes - bestBakeTime(SEED)))).toBeLessThanOrEqual(13);
      if (second !== first) differs++;
    }
    expect(differs).toBeGreaterThanOrEqual(3);
    const replayed = playAll(bake.start({ seed: SEED, difficulty: 'hard' }), [times[0]!, times[0]!]);
    expect(replayed).toEqual(playAll(bake.start({ seed: SEED, difficulty: 'hard' }), [times[0]!, times[0]!]));
  });
});
