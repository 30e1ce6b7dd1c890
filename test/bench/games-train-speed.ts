/**
 * How long one real training run of the train game takes, over settings drawn at random from the whole
 * knob space (what a player or a strategy might pick), on both data sets. Target: median under 300 ms.
 * Run: npx tsx test/bench/games-train-speed.ts
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../../src/search/random.js';
import { Space } from '../../src/search/space.js';
import { trainObjective } from '../../src/games/train.js';

const RUNS = 40;
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] as number;

for (const dataset of ['iris', 'spiral']) {
  const objective = trainObjective('bench', dataset);
  const space = new Space(objective.space);
  const rng = createRng(`train-speed/${dataset}`);
  objective.evaluate(space.fromUnit(space.names.map(() => 0.5))); // warm up the JIT once
  const times: number[] = [];
  const accuracies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const params = space.fromUnit(space.names.map(() => rng()));
    const started = performance.now();
    accuracies.push(objective.evaluate(params));
    times.push(performance.now() - started);
  }
  // The slowest corner of the space: most epochs, most hidden units, smallest batches.
  const slowest = { learningRate: 0.05, epochs: 100, hiddenUnits: 64, batchSize: 4, weightDecay: 1e-4 };
  const slowStart = performance.now();
  objective.evaluate(slowest);
  const slowMs = performance.now() - slowStart;
  console.log(
    `${dataset}: ${RUNS} random settings — median ${quantile(times, 0.5).toFixed(0)} ms, 90th percentile ${quantile(times, 0.9).toFixed(0)} ms, ` +
      `slowest corner ${slowMs.toFixed(0)} ms; accuracy median ${quantile(accuracies, 0.5).toFixed(1)} %`,
  );
}
