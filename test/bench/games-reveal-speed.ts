/**
 * How long a reveal takes per game (every strategy replayed with the game's full budget), so the front
 * end knows which reveals must be deferred. Median of a few puzzles, after one warm-up.
 * Run: npx tsx test/bench/games-reveal-speed.ts [--quick]
 *   --quick  2 puzzles per difficulty instead of 5
 */
import { performance } from 'node:perf_hooks';
import { GAMES } from '../../src/games/index.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameId } from '../../src/games/types.js';

const PUZZLES = process.argv.includes('--quick') ? 2 : 5;
const FIRST_MOVE: Record<GameId, (difficulty: string) => unknown> = {
  bake: () => ({ minutes: 15 }),
  lock: (difficulty) => ({ combination: difficulty === 'hard' ? [1, 2, 3, 4] : [1, 2, 3] }),
  tune: () => ({ string: 'E2', cents: 5 }),
  train: () => ({ learningRate: 0.05, epochs: 50, hiddenUnits: 16, batchSize: 16, weightDecay: 1e-4 }),
  dig: () => ({ x: 50, y: 50 }),
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

for (const game of Object.values(GAMES)) {
  for (const { id: difficulty } of game.difficulties) {
    const times: number[] = [];
    for (let i = -1; i < PUZZLES; i++) {
      const state = game.play(game.start({ seed: `reveal-speed-${i}`, difficulty }), FIRST_MOVE[game.id](difficulty)).state;
      const started = performance.now();
      reveal(state);
      if (i >= 0) times.push(performance.now() - started);
    }
    console.log(`${game.id} (${difficulty}): reveal median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms over ${PUZZLES} puzzles`);
  }
}
