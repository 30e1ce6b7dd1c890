/**
 * The reveal's numbers are the engine's: each strategy's row equals what `npm run search` prints for
 * the game's objective, puzzle seed and budget (study seed = puzzle seed).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../src/games/index.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameId, GameState } from '../../src/games/types.js';
import { compiledEntry, REPO_ROOT } from '../e2e/harness.js';

function cli(args: string[]): { trials: { value: number | null; best: number | null }[]; best: { value: number } } {
  const run = spawnSync(process.execPath, compiledEntry('src/cli/search.ts', ...args, '--json'), { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** A short real game: the first two allowed moves, then give up. */
function playedGame(game: GameId, seed: string): GameState<unknown, unknown> {
  const rules = GAMES[game];
  let state = rules.start({ seed });
  const moves: Record<GameId, Record<string, string>[]> = {
    bake: [{ minutes: '12' }, { minutes: '16.5' }],
    lock: [{ dial1: '1', dial2: '2', dial3: '3' }, { dial1: '4', dial2: '5', dial3: '6' }],
    tune: [{ string: 'E2', cents: '5' }, { string: 'A2', cents: '-5' }],
    train: [{ learningRate: '0.05', epochs: '20', hiddenUnits: '8', batchSize: '16', weightDecay: '0.0001' }],
    dig: [{ x: '25', y: '75' }, { x: '60', y: '30' }],
  };
  for (const input of moves[game]) {
    if (state.status !== 'playing') break;
    state = rules.play(state, rules.parseMove(input, state)).state;
  }
  return state.status === 'playing' ? rules.giveUp(state) : state;
}

// Each strategy's replay is a fresh Node process running the CLI, one after another.
describe('reveal = npm run search', { timeout: 120_000 }, () => {
  for (const [game, strategies] of [
    ['bake', ['grid', 'random', 'bayes']],
    ['lock', ['random', 'quasi-random']],
    ['tune', ['tpe']],
    ['dig', ['grid', 'bayes']],
  ] as const) {
    it(`${game}: each strategy's row is the CLI's replay of the same puzzle`, () => {
      const state = playedGame(game, `cli-${game}`);
      const shown = reveal(state);
      for (const strategy of strategies) {
        const row = shown.strategies.find((run) => run.name === strategy);
        const replayed = cli([
          '--objective', game,
          '--puzzle-seed', state.seed,
          '--difficulty', state.difficulty,
          '--seed', state.seed,
          '--budget', String(state.budget),
          '--strategy', strategy,
        ]);
        expect(row?.trials.map((t) => t.value)).toEqual(replayed.trials.map((t) => t.value));
        expect(row?.best).toBe(replayed.best.value);
      }
    });
  }
});
