import { describe, expect, it } from 'vitest';
import type { DigMove, DigState } from '../../src/games/dig.js';
import { DIG_BUDGET, dig, digAt, digObjective, digReading, digRules, goldField, goldPeak, trueGold } from '../../src/games/dig.js';
import { MoveError } from '../../src/games/types.js';

const SEED = 'klondike';

function playAll(state: DigState, moves: readonly DigMove[]): DigState {
  return moves.reduce((s, move) => dig.play(s, move).state, state);
}

/** Whole-metre spots that do not win this puzzle, poorest first. */
function losingSpots(seed: string, difficulty = 'normal'): DigMove[] {
  const spots: DigMove[] = [];
  for (let x = 0; x <= 100; x += 10) for (let y = 0; y <= 100; y += 10) if (!digAt(seed, difficulty, x, y).motherLode) spots.push({ x, y });
  return spots;
}

/** The whole-metre spot nearest the true maximum. */
function lodeSpot(seed: string, difficulty = 'normal'): DigMove {
  const peak = goldPeak(seed, difficulty);
  return { x: Math.round(peak.x), y: Math.round(peak.y) };
}

describe('dig rules', () => {
  it('starts deterministically from the seed with 12 digs, as plain JSON', () => {
    const state = dig.start({ seed: SEED });
    expect(state).toEqual({ game: 'dig', seed: SEED, difficulty: 'normal', budget: DIG_BUDGET, status: 'playing', history: [] });
    expect(DIG_BUDGET).toBe(12);
    const played = playAll(state, [{ x: 10, y: 20 }, { x: 70, y: 40 }]);
    expect(JSON.parse(JSON.stringify(played))).toEqual(played);
    expect(playAll(dig.start({ seed: SEED }), [{ x: 10, y: 20 }, { x: 70, y: 40 }])).toEqual(played);
  });

  it('offers two number fields in whole metres from 0 to 100', () => {
    const fields = dig.moveFields('normal');
    expect(fields.map((f) => f.name)).toEqual(['x', 'y']);
    for (const field of fields) expect(field).toMatchObject({ kind: 'number', min: 0, max: 100, step: 1, unit: 'm' });
  });

  it('parses typed text and refuses bad spots naming the axis and the range', () => {
    const state = dig.start({ seed: SEED });
    expect(dig.parseMove({ x: ' 37 ', y: '62' }, state)).toEqual({ x: 37, y: 62 });
    expect(dig.parseMove({ x: 0, y: 100 }, state)).toEqual({ x: 0, y: 100 });
    for (const [x, y, axis] of [['abc', '5', 'x'], ['5', '', 'y'], ['101', '5', 'x'], ['5', '-1', 'y'], ['12.5', '3', 'x'], [undefined, '3', 'x']] as const) {
      const attempt = () => dig.parseMove({ x, y }, state);
      expect(attempt).toThrow(MoveError);
      expect(attempt).toThrow(new RegExp(`^${axis} \\(metres (east|north)\\) must be a whole number of metres from 0 to 100`));
      try {
        attempt();
      } catch (error) {
        expect((error as MoveError).field).toBe(axis);
      }
    }
    for (const move of [{ x: 100.5, y: 3 }, { x: Number.NaN, y: 3 }, { x: 3, y: -2 }]) {
      expect(() => dig.play(state, move)).toThrow(MoveError);
    }
  });

  it('hides a field of several deposits of different sizes, different per seed and per difficulty', () => {
    const normal = goldField(SEED, 'normal');
    expect(normal.deposits).toHaveLength(4); // three deposits and the drift
    expect(new Set(normal.deposits.map((d) => d.grams.toFixed(3))).size).toBe(4);
    expect(goldField(SEED, 'easy').deposits).toHaveLength(3);
    expect(goldField(SEED, 'hard').deposits).toHaveLength(5);
    expect(goldField('another', 'normal')).not.toEqual(normal);
    expect(goldField(SEED, 'normal')).toEqual(normal);
  });

  it('finds the true maximum: no whole metre and no random spot is richer', () => {
    for (const seed of ['a', 'b', 'c', SEED]) {
      for (const difficulty of ['easy', 'normal', 'hard']) {
        const field = goldField(seed, difficulty);
        const peak = goldPeak(seed, difficulty);
        expect(trueGold(field, peak.x, peak.y)).toBeCloseTo(peak.grams, 10);
        let richest = 0;
        for (let x = 0; x <= 100; x++) for (let y = 0; y <= 100; y++) richest = Math.max(richest, trueGold(field, x, y));
        for (let k = 0; k < 2000; k++) richest = Math.max(richest, trueGold(field, (k * 37.31) % 100, (k * 71.77) % 100));
        expect(richest).toBeLessThanOrEqual(peak.grams + 1e-9);
        // And it is a maximum, not a bound: the best whole metre is within a metre's worth of it.
        expect(richest).toBeGreaterThan(peak.grams - 0.5);
      }
    }
  });

  it('reports grams near the true gold, with noise fixed per spot and per repeat', () => {
    const field = goldField(SEED, 'normal');
    const { maxWobble } = digRules('normal');
    for (let x = 0; x <= 100; x += 25) {
      for (let y = 0; y <= 100; y += 25) {
        const found = digAt(SEED, 'normal', x, y);
        expect(found).toEqual(digAt(SEED, 'normal', x, y));
        expect(Math.abs(found.grams - Math.max(0, trueGold(field, x, y)))).toBeLessThanOrEqual(maxWobble + 0.05);
        expect(found.grams).toBeGreaterThanOrEqual(0);
        expect(Math.round(found.grams * 10)).toBeCloseTo(found.grams * 10, 9);
      }
    }
    const repeats = [0, 1, 2, 3].map((repeat) => digAt(SEED, 'normal', 40, 40, repeat).grams);
    expect(new Set(repeats).size).toBeGreaterThan(1);
  });

  it('wins at the mother lode, then refuses further digs', () => {
    const spot = lodeSpot(SEED);
    const { state, feedback } = dig.play(dig.start({ seed: SEED }), spot);
    expect(feedback.motherLode).toBe(true);
    expect(state.status).toBe('won');
    expect(dig.outcome(state)).toMatchObject({ status: 'won', score: 100, movesUsed: 1, best: feedback.grams });
    expect(() => dig.play(state, spot)).toThrow(/over \(you already won\)/);
    expect(() => dig.giveUp(state)).toThrow(MoveError);
  });

  it('ends when the 12 digs are spent, scoring by the best grams against the true maximum', () => {
    const state = playAll(dig.start({ seed: SEED }), losingSpots(SEED).slice(0, DIG_BUDGET));
    expect(state.status).toBe('spent');
    const best = Math.max(...state.history.map(digReading));
    const outcome = dig.outcome(state);
    expect(outcome).toMatchObject({ status: 'spent', best, movesUsed: DIG_BUDGET, budget: DIG_BUDGET });
    expect(outcome.score).toBe(Math.round((50 * best) / goldPeak(SEED, 'normal').grams));
    expect(outcome.score).toBeLessThan(50);
  });

  it('gives up to a score of 0', () => {
    const state = dig.giveUp(playAll(dig.start({ seed: SEED }), [{ x: 1, y: 1 }]));
    expect(dig.outcome(state)).toMatchObject({ status: 'gave-up', score: 0 });
  });

  it('refuses unknown difficulties and empty seeds', () => {
    expect(() => dig.start({ seed: SEED, difficulty: 'brutal' })).toThrow(/Choose one of: easy, normal, hard/);
    expect(() => dig.start({ seed: '' })).toThrow(MoveError);
  });

  it('reads each turn as its grams, and replays a move as the engine parameters x, y', () => {
    const state = playAll(dig.start({ seed: SEED }), [{ x: 12, y: 80 }, { x: 55, y: 5 }]);
    expect(state.history.map(digReading)).toEqual(state.history.map((turn) => turn.feedback.grams));
    expect(dig.moveToParams(state, 1)).toEqual({ x: 55, y: 5 });
    expect(() => dig.moveToParams(state, 2)).toThrow(/Dig 3 has not happened yet/);
  });

  it('poses the same puzzle to the engine: first digs read the same, wins agree, the optimum is the true maximum', () => {
    const objective = digObjective(SEED, 'normal');
    expect(objective).toMatchObject({ name: 'dig', direction: 'maximize', optimum: goldPeak(SEED, 'normal').grams });
    expect(Object.keys(objective.space)).toEqual(['x', 'y']);
    for (const { x, y } of [{ x: 0, y: 0 }, { x: 33, y: 66 }, lodeSpot(SEED)]) {
      const spot = { x, y };
      expect(objective.evaluate(spot)).toBe(digAt(SEED, 'normal', spot.x, spot.y).grams);
      expect(dig.winsAt(SEED, 'normal', spot)).toBe(dig.play(dig.start({ seed: SEED }), spot).feedback.motherLode);
    }
    expect(dig.winsAt(SEED, 'normal', { ...lodeSpot(SEED) })).toBe(true);
    expect(dig.winsAt(SEED, 'normal', { x: Number.NaN, y: 3 })).toBe(false);
  });

  it('makes harder puzzles narrower, noisier and stricter', () => {
    const widths = (difficulty: string) => Math.max(...goldField(SEED, difficulty).deposits.slice(0, -1).map((d) => d.width));
    expect(widths('hard')).toBeLessThan(widths('easy'));
    expect(digRules('hard').noise).toBeGreaterThan(digRules('easy').noise);
    expect(digRules('hard').winWithin).toBeLessThan(digRules('easy').winWithin);
  });
});
