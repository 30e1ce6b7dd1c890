/**
 * Dig for Gold's costs on this machine: one move (the rules' step plus the board's small map as PNG),
 * the reveal's still pictures (replays, belief and PNGs) and the belief animation (frames and GIF).
 * Targets from issue 10: a move's p99 under 50 ms; the reveal PNG under 1 s; the animation under 3 s.
 * On a shared machine wall-clock time mostly measures the neighbours, so each figure also comes as this
 * process's CPU time (everything here is synchronous, resvg included) and as a ratio to the bake chart
 * PNG drawn in the same run.
 * Run: npx tsx test/bench/dig.ts [--quick]
 *   --quick  fewer moves and reveals
 */
import { performance } from 'node:perf_hooks';
import { dig, type DigState } from '../../src/games/dig.js';
import { digBeliefFrames, digPlayerRun, digRevealData, type DigRun } from '../../src/games/dig-reveal.js';
import { mapAnimation } from '../../src/pictures/dig-animation.js';
import { bakeChart } from '../../src/pictures/bake-chart.js';
import { digBeliefMaps, digBoardMap, digRevealMap, type MapDig } from '../../src/pictures/dig-map.js';
import { bakeInput } from '../pictures/fixtures.js';
import { formatMs, machineLoadNote, markdownTable, median, summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const MOVES = quick ? 60 : 240;
const REVEALS = quick ? 2 : 4;

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall-clock and CPU milliseconds of one call. */
function timed(work: () => void): Sample {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const mapDigs = (run: DigRun): MapDig[] => run.digs.map((d) => ({ x: d.x, y: d.y, reading: d.grams }));

/** A fixed walk over the map, so every run digs the same spots. */
function spot(k: number): { x: number; y: number } {
  return { x: (k * 37 + 11) % 101, y: (k * 59 + 23) % 101 };
}

function moveLatencies(): Sample[] {
  const times: Sample[] = [];
  let state: DigState = dig.start({ seed: 'bench-move-0' });
  let games = 0;
  for (let k = -12; k < MOVES; k++) {
    if (state.status !== 'playing') state = dig.start({ seed: `bench-move-${++games}` });
    const sample = timed(() => {
      state = dig.play(state, spot(k + 12)).state;
      digBoardMap({ digs: mapDigs(digPlayerRun(state)) });
    });
    // The first game warms up the JIT and the font loading.
    if (k >= 0) times.push(sample);
  }
  return times;
}

function finishedGame(seed: string): DigState {
  let state = dig.start({ seed });
  for (let k = 0; state.status === 'playing'; k++) state = dig.play(state, spot(k * 5 + 3)).state;
  return state;
}

function revealTimes(): { still: Sample[]; animation: Sample[] } {
  const still: Sample[] = [];
  const animation: Sample[] = [];
  for (let i = -1; i < REVEALS; i++) {
    const state = finishedGame(`bench-reveal-${i}`);
    let data = digRevealData(state);
    const stillSample = timed(() => {
      data = digRevealData(state);
      const range = { low: 0, high: data.peak.grams };
      digRevealMap({ field: data.field, range, peak: { ...data.peak, reading: data.peak.grams }, searchers: data.runs.map((run) => ({ name: run.name, digs: mapDigs(run) })) });
      if (data.belief !== undefined) {
        const { mean, uncertainty, acquisition, next } = data.belief;
        digBeliefMaps({ mean, uncertainty, acquisition, next, digs: mapDigs(digPlayerRun(state)), meanRange: range });
      }
    });
    if (i >= 0) still.push(stillSample);

    const animationSample = timed(() => {
      const bayes = data.runs.find((run) => run.name === 'bayes');
      if (bayes === undefined) throw new Error('the reveal has no Bayesian run');
      const frames = digBeliefFrames(bayes, { bayesOpening: true }).map((frame) => ({
        mean: frame.belief.mean,
        acquisition: frame.belief.acquisition,
        digs: mapDigs({ name: 'bayes', digs: frame.digs }),
        ...(frame.next === undefined ? {} : { next: frame.next }),
      }));
      mapAnimation(frames, { meanRange: { low: 0, high: data.peak.grams } });
    });
    if (i >= 0) animation.push(animationSample);
  }
  return { still, animation };
}

/** The reference: the bake reveal chart's PNG, drawn the same way in the same run. */
function bakeChartTimes(): Sample[] {
  bakeChart(bakeInput);
  return Array.from({ length: quick ? 5 : 15 }, () => timed(() => bakeChart(bakeInput)));
}

const moves = moveLatencies();
const { still, animation } = revealTimes();
const reference = median(bakeChartTimes().map((s) => s.cpu));

function row(what: string, samples: readonly Sample[], target: string, tail: 'p99' | 'worst'): string[] {
  const wall = summarize(samples.map((s) => s.wall));
  const cpu = summarize(samples.map((s) => s.cpu));
  const last = (summary: typeof wall) => (tail === 'p99' ? summary.p99 : summary.max);
  return [
    what,
    String(samples.length),
    `${formatMs(wall.p50)} ms`,
    `${formatMs(last(wall))} ms`,
    `${formatMs(cpu.p50)} ms`,
    `${formatMs(last(cpu))} ms`,
    `${(cpu.p50 / reference).toFixed(1)}×`,
    target,
  ];
}

console.log(
  markdownTable(
    ['what', 'n', 'wall p50', 'wall p99 / worst', 'CPU p50', 'CPU p99 / worst', 'CPU ÷ bake chart', 'target'],
    [
      row('dig move: rules + board map PNG', moves, 'p99 < 50 ms', 'p99'),
      row('reveal: replays, belief, 2 PNGs', still, '< 1000 ms', 'worst'),
      row('belief animation: 12 frames, GIF', animation, '< 3000 ms', 'worst'),
    ],
  ),
);
console.log(`Bake chart PNG (900×500), the reference: CPU median ${formatMs(reference)} ms.`);
console.log(machineLoadNote());
