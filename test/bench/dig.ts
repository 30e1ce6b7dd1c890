/**
 * Dig for Gold's costs on this machine: one move (the rules' step plus the board's small map as PNG),
 * the reveal's still pictures (replays, belief and PNGs) and the belief animation (frames and GIF).
 * Targets from issue 10: a move's p99 under 50 ms; the reveal PNG under 1 s; the animation under 3 s.
 * Run: npx tsx test/bench/dig.ts [--quick]
 *   --quick  fewer moves and reveals
 */
import { performance } from 'node:perf_hooks';
import { dig, type DigState } from '../../src/games/dig.js';
import { digBeliefFrames, digPlayerRun, digRevealData, type DigRun } from '../../src/games/dig-reveal.js';
import { mapAnimation } from '../../src/pictures/dig-animation.js';
import { digBeliefMaps, digBoardMap, digRevealMap, type MapDig } from '../../src/pictures/dig-map.js';
import { formatMs, machineLoadNote, markdownTable, median, summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const MOVES = quick ? 60 : 240;
const REVEALS = quick ? 2 : 4;

const mapDigs = (run: DigRun): MapDig[] => run.digs.map((d) => ({ x: d.x, y: d.y, reading: d.grams }));

/** A fixed walk over the map, so every run digs the same spots. */
function spot(k: number): { x: number; y: number } {
  return { x: (k * 37 + 11) % 101, y: (k * 59 + 23) % 101 };
}

function moveLatencies(): number[] {
  const times: number[] = [];
  let state: DigState = dig.start({ seed: 'bench-move-0' });
  let games = 0;
  for (let k = -12; k < MOVES; k++) {
    if (state.status !== 'playing') state = dig.start({ seed: `bench-move-${++games}` });
    const started = performance.now();
    state = dig.play(state, spot(k + 12)).state;
    digBoardMap({ digs: mapDigs(digPlayerRun(state)) });
    // The first game warms up the JIT and the font loading.
    if (k >= 0) times.push(performance.now() - started);
  }
  return times;
}

function finishedGame(seed: string): DigState {
  let state = dig.start({ seed });
  for (let k = 0; state.status === 'playing'; k++) state = dig.play(state, spot(k * 5 + 3)).state;
  return state;
}

function revealTimes(): { still: number[]; animation: number[] } {
  const still: number[] = [];
  const animation: number[] = [];
  for (let i = -1; i < REVEALS; i++) {
    const state = finishedGame(`bench-reveal-${i}`);
    let started = performance.now();
    const data = digRevealData(state);
    const range = { low: 0, high: data.peak.grams };
    digRevealMap({ field: data.field, range, peak: { ...data.peak, reading: data.peak.grams }, searchers: data.runs.map((run) => ({ name: run.name, digs: mapDigs(run) })) });
    if (data.belief !== undefined) {
      const { mean, uncertainty, acquisition, next } = data.belief;
      digBeliefMaps({ mean, uncertainty, acquisition, next, digs: mapDigs(digPlayerRun(state)), meanRange: range });
    }
    if (i >= 0) still.push(performance.now() - started);

    started = performance.now();
    const bayes = data.runs.find((run) => run.name === 'bayes');
    if (bayes === undefined) throw new Error('the reveal has no Bayesian run');
    const frames = digBeliefFrames(bayes, { bayesOpening: true }).map((frame) => ({
      mean: frame.belief.mean,
      acquisition: frame.belief.acquisition,
      digs: mapDigs({ name: 'bayes', digs: frame.digs }),
      ...(frame.next === undefined ? {} : { next: frame.next }),
    }));
    mapAnimation(frames, { meanRange: range });
    if (i >= 0) animation.push(performance.now() - started);
  }
  return { still, animation };
}

const moves = summarize(moveLatencies());
const { still, animation } = revealTimes();
console.log(
  markdownTable(
    ['what', 'n', 'p50', 'p99 / worst', 'target'],
    [
      ['dig move: rules + board map PNG', String(moves.n), `${formatMs(moves.p50)} ms`, `${formatMs(moves.p99)} ms`, 'p99 < 50 ms'],
      ['reveal: replays, belief, 2 PNGs', String(still.length), `${formatMs(median(still))} ms`, `${formatMs(Math.max(...still))} ms`, '< 1000 ms'],
      ['belief animation: 12 frames, GIF', String(animation.length), `${formatMs(median(animation))} ms`, `${formatMs(Math.max(...animation))} ms`, '< 3000 ms'],
    ],
  ),
);
console.log(machineLoadNote());
