import { describe, expect, it } from 'vitest';
import { bake, lock, train, tune } from '../../src/games/index.js';
import type { BakeState } from '../../src/games/bake.js';
import { bestBakeTime } from '../../src/games/bake.js';
import { lockClues, consistentCountsAfterEachTry } from '../../src/games/lock.js';
import { gameObjectives } from '../../src/games/objectives.js';
import type { Reveal, RevealRun } from '../../src/games/reveal.js';
import { reveal, revealCommand } from '../../src/games/reveal.js';
import { GAMES } from '../../src/games/index.js';
import type { BakeReveal } from '../../src/games/bake.js';
import type { LockReveal } from '../../src/games/lock.js';
import type { TrainReveal } from '../../src/games/train.js';
import type { TuneReveal } from '../../src/games/tune.js';
import type { GameId, GameState } from '../../src/games/types.js';
import { replay } from '../../src/search/replay.js';

function factory(game: GameId) {
  const found = gameObjectives.find((f) => f.name === game);
  if (found === undefined) throw new Error(`no objective ${game}`);
  return found;
}

/** Each strategy row must equal a direct replay of the puzzle with study seed = puzzle seed, as the CLI runs it. */
function expectRowsEqualDirectReplays(result: Reveal, state: GameState<unknown, unknown>): void {
  const strategies = GAMES[state.game].revealStrategies;
  expect(result.strategies).toHaveLength(strategies.length);
  strategies.forEach((strategy, i) => {
    const objective = factory(state.game).create({ puzzleSeed: state.seed, difficulty: state.difficulty });
    const direct = replay({ objective, strategy, budget: state.budget, seed: state.seed });
    const row = result.strategies[i] as RevealRun;
    expect(row.name).toBe(direct.strategy);
    expect(row.trials.map((t) => [t.params, t.value, t.best, t.fidelity])).toEqual(
      direct.trials.map((t) => [t.params, t.value, t.best, t.fidelity]),
    );
    expect(row.best).toBe(direct.best.value);
  });
}

function playBake(seed: string, minutes: readonly number[]): BakeState {
  return minutes.reduce((s, m) => (s.status === 'playing' ? bake.play(s, { minutes: m }).state : s), bake.start({ seed }));
}

describe('reveal', () => {
  it('bake: equals direct replays, summarises the player, and carries the curve for the pictures', () => {
    const state = playBake('reveal-bake', [8, 22, 15]);
    const result = reveal(state) as BakeReveal;
    if (result.game !== 'bake') throw new Error('wrong game');
    expectRowsEqualDirectReplays(result, state);
    expect(result.player.trials.map((t) => t.value)).toEqual(state.history.map((t) => t.feedback.taste));
    expect(result.player.best).toBe(Math.max(...state.history.map((t) => t.feedback.taste)));
    expect(result.player.triesToMatchPlayer).toBe(result.player.foundAt);
    expect(result.extras.bestTime).toBe(bestBakeTime('reveal-bake'));
    expect(result.extras.trueCurve).toHaveLength(201);
    expect(result.extras.ovenTastes).toHaveLength(41);
    expect(result.extras.playerBakes).toEqual(state.history.map((t) => ({ x: t.move.minutes, y: t.feedback.taste })));
    for (const run of result.strategies) {
      expect(run.trials).toHaveLength(state.budget);
      if (run.triesToMatchPlayer !== null) {
        expect(run.trials[run.triesToMatchPlayer - 1]!.best!).toBeGreaterThanOrEqual(result.player.best!);
        if (run.triesToMatchPlayer > 1) expect(run.trials[run.triesToMatchPlayer - 2]!.best!).toBeLessThan(result.player.best!);
      }
      if (run.foundAt !== null) expect(run.trials[run.foundAt - 1]!.value).toBe(run.best);
    }
    // Same seed, same reveal; another seed, another one.
    expect(reveal(playBake('reveal-bake', [8, 22, 15]))).toEqual(result);
    expect(reveal(playBake('reveal-other', [8, 22, 15]))).not.toEqual(result);
  });

  it('lock: includes the reasoner and the consistent-set sizes after each try', () => {
    let state = lock.start({ seed: 'reveal-lock' });
    for (const combination of [[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, 0, 0]]) state = lock.play(state, { combination }).state;
    const result = reveal(state) as LockReveal;
    if (result.game !== 'lock') throw new Error('wrong game');
    expectRowsEqualDirectReplays(result, state);
    expect(result.strategies.map((r) => r.name)).toContain('lock-reasoner');
    expect(result.extras.consistentCounts.player).toEqual(consistentCountsAfterEachTry(lockClues(state)));
    for (const run of result.strategies) expect(result.extras.consistentCounts[run.name]).toHaveLength(state.budget);
    expect(reveal(state)).toEqual(result);
  });

  it('tune: equals direct replays and shows where each string started and ended', () => {
    let state = tune.start({ seed: 'reveal-tune', difficulty: 'easy' });
    state = tune.play(state, { string: 'A2', cents: 5 }).state;
    state = tune.play(state, { string: 'E4', cents: -20 }).state;
    const result = reveal(state) as TuneReveal;
    if (result.game !== 'tune') throw new Error('wrong game');
    expectRowsEqualDirectReplays(result, state);
    expect(result.extras.playerFinalErrors[1]).toBe(result.extras.detuning[1]! + 5);
    expect(result.extras.playerFinalErrors[5]).toBe(result.extras.detuning[5]! - 20);
  });

  it('train: equals direct replays (Hyperband included) and gives the best model’s learning curve', () => {
    let state = train.start({ seed: 'reveal-train' });
    state = train.play(state, { learningRate: 0.001, epochs: 5, hiddenUnits: 4, batchSize: 64, weightDecay: 1e-4 }).state;
    const result = reveal(state) as TrainReveal;
    if (result.game !== 'train') throw new Error('wrong game');
    expectRowsEqualDirectReplays(result, state);
    expect(result.strategies.map((r) => r.name)).toContain('hyperband');
    expect(result.extras.playerBestModel?.curve.heldOutAccuracy).toHaveLength(5);
    const best = result.extras.bestModel!;
    const everyone = [result.player, ...result.strategies].map((r) => r.best ?? 0);
    expect(best.accuracy).toBe(Math.max(...everyone));
    expect(best.curve.heldOutAccuracy).toHaveLength(best.settings.epochs);
    expect(best.curve.heldOutAccuracy.at(-1)! * 100).toBeCloseTo(best.accuracy, 0);
  });

  it('spells out the equivalent command line', () => {
    expect(revealCommand('bake', 'abc', 'normal', 8, 'bayes')).toBe(
      'npm run search -- --objective bake --puzzle-seed abc --difficulty normal --seed abc --budget 8 --strategy bayes',
    );
    expect(revealCommand('lock', "it's mine", 'hard', 14, 'grid')).toContain(`--puzzle-seed 'it'\\''s mine'`);
  });
});
