import { describe, expect, it } from 'vitest';
import type { PegStep, StringName, TuneMove, TuneState } from '../../src/games/tune.js';
import {
  GUITAR_STRINGS,
  TUNE_BUDGET,
  chordScore,
  hiddenDetuning,
  pegTurns,
  startingScore,
  stringFrequencies,
  tune,
  tuneObjective,
} from '../../src/games/tune.js';
import { MoveError } from '../../src/games/types.js';

const SEED = 'campfire';

function playAll(state: TuneState, moves: readonly TuneMove[]): TuneState {
  return moves.reduce((s, move) => tune.play(s, move).state, state);
}

/** The moves that undo each string's detuning exactly, big steps first. */
function correctingMoves(seed: string, difficulty: string): TuneMove[] {
  const moves: TuneMove[] = [];
  hiddenDetuning(seed, difficulty).forEach((cents, i) => {
    let rest = -cents;
    for (const size of [20, 5, 1]) {
      while (Math.abs(rest) >= size) {
        const step = (Math.sign(rest) * size) as PegStep;
        moves.push({ string: GUITAR_STRINGS[i]!.name, cents: step });
        rest -= step;
      }
    }
  });
  return moves;
}

describe('chord score', () => {
  it('is 100 in tune, symmetric, and falls smoothly as strings drift', () => {
    expect(chordScore([0, 0, 0, 0, 0, 0])).toBe(100);
    expect(chordScore([10, 0, 0, 0, 0, 0])).toBe(chordScore([-10, 0, 0, 0, 0, 0]));
    const drift = [0, 2, 5, 20, 50, 100].map((c) => chordScore([c, 0, 0, 0, 0, 0]));
    for (let i = 1; i < drift.length; i++) expect(drift[i]).toBeLessThan(drift[i - 1]!);
    // Even far out of tune, a step the right way is audible at one decimal.
    expect(chordScore([80, 80, 80, 80, 80, 60])).toBeGreaterThan(chordScore([80, 80, 80, 80, 80, 80]));
  });
});

describe('tune rules', () => {
  it('starts detuned, deterministically from the seed, and reports string pitches', () => {
    const state = tune.start({ seed: SEED });
    expect(state.budget).toBe(TUNE_BUDGET);
    const detuning = hiddenDetuning(SEED, 'normal');
    expect(hiddenDetuning(SEED, 'normal')).toEqual(detuning);
    expect(detuning.every((c) => Math.abs(c) <= 50)).toBe(true);
    expect(hiddenDetuning('other', 'normal')).not.toEqual(detuning);
    const hz = stringFrequencies(state);
    hz.forEach((f, i) => expect(f).toBeCloseTo(GUITAR_STRINGS[i]!.hz * 2 ** (detuning[i]! / 1200), 6));
    const turned = tune.play(state, { string: 'G3', cents: 20 }).state;
    expect(stringFrequencies(turned)[3]).toBeCloseTo(GUITAR_STRINGS[3]!.hz * 2 ** ((detuning[3]! + 20) / 1200), 6);
    expect(pegTurns(turned)).toEqual([0, 0, 0, 20, 0, 0]);
  });

  it('tells the player whether a turn made the chord sound better', () => {
    const state = tune.start({ seed: SEED });
    const detuning = hiddenDetuning(SEED, 'normal');
    const i = detuning.findIndex((c) => Math.abs(c) >= 5);
    const name = GUITAR_STRINGS[i]!.name;
    const right = tune.play(state, { string: name, cents: (detuning[i]! > 0 ? -5 : 5) as PegStep }).feedback;
    const wrong = tune.play(state, { string: name, cents: (detuning[i]! > 0 ? 5 : -5) as PegStep }).feedback;
    expect(right.change).toBeGreaterThan(0);
    expect(wrong.change).toBeLessThan(0);
    expect(right.score).toBeCloseTo(startingScore(state) + right.change, 5);
  });

  it('is won when every string is in tune, and refuses strums afterwards', () => {
    const moves = correctingMoves('easy-seed', 'easy');
    expect(moves.length).toBeLessThanOrEqual(TUNE_BUDGET);
    const state = playAll(tune.start({ seed: 'easy-seed', difficulty: 'easy' }), moves);
    expect(state.status).toBe('won');
    expect(state.history.at(-1)?.feedback).toMatchObject({ score: 100, inTune: true });
    expect(tune.outcome(state).score).toBeGreaterThanOrEqual(50);
    expect(() => tune.play(state, { string: 'E2', cents: 1 })).toThrow(/over \(you already won\)/);
  });

  it('ends when the strums run out, and lets the player give up', () => {
    const wobble = Array.from({ length: TUNE_BUDGET }, (_, k): TuneMove => ({ string: 'B3', cents: k % 2 === 0 ? 20 : -20 }));
    const spent = playAll(tune.start({ seed: SEED }), wobble);
    expect(spent.status).toBe('spent');
    expect(() => tune.play(spent, { string: 'B3', cents: 1 })).toThrow(/all 30 moves are used/);
    expect(tune.outcome(tune.giveUp(tune.start({ seed: SEED })))).toMatchObject({ status: 'gave-up', score: 0 });
  });

  it('rejects unknown strings, odd steps and turning a peg past its range, naming what is allowed', () => {
    const state = tune.start({ seed: SEED });
    expect(tune.parseMove({ string: 'g3', cents: '+5' }, state)).toEqual({ string: 'G3', cents: 5 });
    expect(() => tune.parseMove({ string: 'C4', cents: '5' }, state)).toThrow(/E2, A2, D3, G3, B3, E4/);
    for (const cents of ['7', 'five', '', 2.5]) {
      expect(() => tune.parseMove({ string: 'E2', cents }, state)).toThrow(/-20, -5, -1, \+1, \+5, \+20 cents/);
    }
    expect(() => tune.play(state, { string: 'E5' as StringName, cents: 5 })).toThrow(MoveError);
    const far = playAll(state, Array.from({ length: 5 }, (): TuneMove => ({ string: 'D3', cents: 20 })));
    expect(() => tune.play(far, { string: 'D3', cents: 1 })).toThrow(/at most 100 cents either way/);
    expect(tune.play(far, { string: 'D3', cents: -20 }).state.history).toHaveLength(6);
  });

  it('poses the same puzzle as an objective: peg turns to chord score', () => {
    const objective = tuneObjective(SEED, 'normal');
    const state = playAll(tune.start({ seed: SEED }), [
      { string: 'E2', cents: 20 },
      { string: 'E4', cents: -5 },
      { string: 'E2', cents: -1 },
    ]);
    state.history.forEach((turn, i) => {
      expect(objective.evaluate(tune.moveToParams(state, i))).toBe(turn.feedback.score);
    });
    expect(tune.moveToParams(state, 2)).toEqual({ pegE2: 19, pegA2: 0, pegD3: 0, pegG3: 0, pegB3: 0, pegE4: -5 });
    const perfect = Object.fromEntries(hiddenDetuning(SEED, 'normal').map((c, i) => [`peg${GUITAR_STRINGS[i]!.name}`, -c]));
    expect(objective.evaluate(perfect)).toBe(100);
  });
});
