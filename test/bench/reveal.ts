/**
 * How long the end-of-game reveal view takes: the bake reveal with every replay and its PNG (target
 * < 400 ms), the bake belief GIF (target < 2 s), and the whole view for each game. Medians over a few
 * puzzles after one warm-up, all in one run; prints a Markdown table.
 * Run: npx tsx test/bench/reveal.ts
 */
import { performance } from 'node:perf_hooks';
import { bakeBeliefFile, bakeChartFile } from '../../commands/play/games/bake-pictures.js';
import type { BakeReveal } from '../../src/games/bake.js';
import { revealFields, revealSummary } from '../../commands/play/reveal-table.js';
import { revealView } from '../../commands/play/reveal-view.js';
import { GAMES } from '../../src/games/index.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameId, GameState } from '../../src/games/types.js';

const PUZZLES = 5;

/** A few ordinary moves per game, then the player stops: the reveal replays the full budget regardless. */
const MOVES: Record<GameId, readonly unknown[]> = {
  bake: [{ minutes: 8 }, { minutes: 15 }, { minutes: 22 }],
  lock: [{ combination: [1, 2, 3] }, { combination: [4, 5, 6] }, { combination: [7, 8, 9] }],
  tune: [{ string: 'E2', cents: 5 }, { string: 'A2', cents: -5 }, { string: 'D3', cents: 20 }],
  train: [{ learningRate: 0.05, epochs: 50, hiddenUnits: 16, batchSize: 16, weightDecay: 1e-4 }],
  dig: [{ x: 20, y: 30 }, { x: 70, y: 60 }, { x: 45, y: 85 }],
};

function endedGame(game: GameId, seed: string): GameState<unknown, unknown> {
  const rules = GAMES[game];
  let state = rules.start({ seed });
  for (const move of MOVES[game]) if (state.status === 'playing') state = rules.play(state, move).state;
  return state.status === 'playing' ? rules.giveUp(state) : state;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Median milliseconds of `work` over PUZZLES seeds, after one warm-up seed. */
function measure<T>(prepare: (seed: string) => T, work: (input: T) => unknown): { median: number; worst: number } {
  const times: number[] = [];
  for (let i = -1; i < PUZZLES; i++) {
    const input = prepare(`bench-reveal-${i}`);
    const started = performance.now();
    work(input);
    if (i >= 0) times.push(performance.now() - started);
  }
  return { median: median(times), worst: Math.max(...times) };
}

const rows: [string, { median: number; worst: number }, string][] = [];

rows.push([
  'bake: replays + fields + chart PNG',
  measure(
    (seed) => endedGame('bake', seed),
    (state) => {
      const numbers = reveal(state) as BakeReveal;
      if (numbers.game !== 'bake') throw new Error('not a bake reveal');
      return [revealFields(numbers), revealSummary(numbers), bakeChartFile(numbers)];
    },
  ),
  '< 400 ms',
]);

rows.push([
  'bake: belief GIF only',
  measure(
    (seed) => {
      const numbers = reveal(endedGame('bake', seed)) as BakeReveal;
      if (numbers.game !== 'bake') throw new Error('not a bake reveal');
      return numbers;
    },
    (numbers) => bakeBeliefFile(numbers),
  ),
  '< 2 s',
]);

const sizes: string[] = [];
for (const game of ['bake', 'lock', 'tune', 'train'] as const) {
  let bytes = 0;
  rows.push([
    `${game}: whole view`,
    measure(
      (seed) => endedGame(game, seed),
      (state) => {
        bytes = revealView(state).files.reduce((sum, f) => sum + f.data.length, 0);
      },
    ),
    '',
  ]);
  sizes.push(`${game} ${(bytes / 1024).toFixed(0)} KB`);
}

console.log(`| reveal step | median | worst | target |\n|---|---:|---:|---|`);
for (const [step, time, target] of rows) console.log(`| ${step} | ${time.median.toFixed(0)} ms | ${time.worst.toFixed(0)} ms | ${target} |`);
console.log(`\nAttachments (last puzzle): ${sizes.join(', ')} (${PUZZLES} puzzles each, after one warm-up)`);
