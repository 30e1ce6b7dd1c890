/**
 * How long the pictures and the strum take to build: median of several runs each.
 * Run with `npx tsx test/bench/pictures.ts`.
 */
import { bakeAnimation } from '../../src/pictures/bake-animation.js';
import { bakeChart } from '../../src/pictures/bake-chart.js';
import { bestSoFarChart } from '../../src/pictures/best-so-far-chart.js';
import { strumWav } from '../../src/pictures/strum.js';
import { animationFrames, bakeInput, trueCurve } from '../pictures/fixtures.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function measure(name: string, runs: number, build: () => Buffer): void {
  build(); // warm-up: font loading and JIT
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = build().length;
    times.push(performance.now() - start);
  }
  console.log(`${name.padEnd(34)} median ${median(times).toFixed(1).padStart(7)} ms   ${(bytes / 1024).toFixed(0).padStart(5)} KiB   (${runs} runs)`);
}

const frames = animationFrames(8);
const scores = Array.from({ length: 20 }, (_, i) => 0.5 + 0.45 * (1 - Math.exp(-i / 5)));

measure('bake chart PNG (900×500)', 15, () => bakeChart(bakeInput).png);
measure('best-so-far chart PNG (900×500)', 15, () =>
  bestSoFarChart({ target: 0.97, series: ['player', 'random', 'bayes', 'tpe'].map((name) => ({ name, scores })) }).png,
);
measure('bake GIF, 8 frames (640×360)', 7, () => bakeAnimation(frames, { trueCurve }).gif);
measure('strum WAV, 6 strings, 2.5 s', 15, () => strumWav([82.41, 110, 146.83, 196, 246.94, 329.63], { seed: 'bench' }));
