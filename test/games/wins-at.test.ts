/**
 * `winsAt` is each game's own win check, read at a point in the engine's parameters: the finish line a
 * race holds the optimiser to must be exactly the one a player's move is held to.
 */
import { describe, expect, it } from 'vitest';
import { bake, BAKE_TIMES } from '../../src/games/bake.js';
import { combinationToParams, dialsFor, lock, secretCombination } from '../../src/games/lock.js';
import { train } from '../../src/games/train.js';
import { GUITAR_STRINGS, hiddenDetuning, tune } from '../../src/games/tune.js';

describe('winsAt agrees with the game’s own win', () => {
  it('bake: exactly the bakes a player would be told are perfect, at every difficulty', () => {
    for (const difficulty of ['easy', 'normal', 'hard']) {
      const start = bake.start({ seed: 'wins-at', difficulty });
      for (const minutes of BAKE_TIMES) {
        const won = bake.play(start, { minutes }).state.status === 'won';
        expect(bake.winsAt('wins-at', difficulty, { bakeTime: minutes }), `${difficulty} ${minutes}`).toBe(won);
      }
    }
  });

  it('lock: the secret combination opens it, one wrong dial does not', () => {
    const dials = dialsFor('normal');
    const secret = secretCombination('wins-at', dials);
    const wrong = secret.map((digit, i) => (i === 0 ? (digit + 1) % 10 : digit));
    const start = lock.start({ seed: 'wins-at' });
    for (const combination of [secret, wrong]) {
      const won = lock.play(start, { combination }).state.status === 'won';
      expect(lock.winsAt('wins-at', 'normal', combinationToParams(combination))).toBe(won);
    }
    expect(lock.winsAt('wins-at', 'normal', combinationToParams(secret))).toBe(true);
  });

  it('tune: every string within ±2 cents, as a player’s strums would leave it', () => {
    const detuning = hiddenDetuning('wins-at', 'normal');
    const pegs = (offsets: readonly number[]) => Object.fromEntries(GUITAR_STRINGS.map((s, i) => [`peg${s.name}`, offsets[i] as number]));
    expect(tune.winsAt('wins-at', 'normal', pegs(detuning.map((c) => -c + 2)))).toBe(true);
    expect(tune.winsAt('wins-at', 'normal', pegs(detuning.map((c, i) => -c + (i === 3 ? 3 : 0))))).toBe(false);
    // A player who turns every peg back by the same amounts, a cent at a time where needed, wins on the last strum.
    let state = tune.start({ seed: 'wins-at' });
    state = { ...state, budget: 1000 };
    for (const [i, s] of GUITAR_STRINGS.entries()) {
      let left = -(detuning[i] as number);
      while (left !== 0 && state.status === 'playing') {
        const step = ([20, 5, 1] as const).find((size) => Math.abs(left) >= size)!;
        const cents = (left > 0 ? step : -step) as 1 | 5 | 20 | -1 | -5 | -20;
        state = tune.play(state, { string: s.name, cents }).state;
        left -= cents;
      }
    }
    const params = tune.moveToParams(state, state.history.length - 1);
    expect(state.status).toBe('won');
    expect(tune.winsAt('wins-at', 'normal', params)).toBe(true);
  });

  it('train: there is no finish line', () => {
    expect(train.winsAt('wins-at', 'normal', {})).toBe(false);
  });
});
