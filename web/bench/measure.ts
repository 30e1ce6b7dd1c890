/**
 * The measurement page behind `npm run bench -- playground` (test/bench/playground.ts builds it with Vite
 * into a temporary folder; web/vite.config.mjs never ships it). The playground's budgets stop at 8 probes
 * (bake) and 20 (train), so the page itself can never hold 30 points; this page imports the very modules
 * the playground runs (runs.ts for the trials, belief.ts for the Gaussian process slice, charts.ts for
 * the pictures, style.css for the layout) and times what the playground's draw() does with N trials:
 *
 * - update: the Bayesian update alone, beliefSlice on a new trials array (fit, 121-point slice, EI);
 * - redraw: a probe's whole redraw, beliefSlice and the three charts put in the document and laid out;
 * - drag: one redraw while a slider moves: the same trials, the cursor line and base moving.
 *
 * The N trials are Bayesian search's own run on the puzzle with its budget raised to 50 (clustered
 * near the optimum, the harder case for the fit); each sample gets a fresh copy of the array, as a new
 * probe does in the page, so nothing fitted for an earlier sample is reused.
 */
import '../src/style.css';
import { beliefSlice, unitOf } from '../src/belief.js';
import { acquisitionChart, beliefChart, raceChart } from '../src/charts.js';
import { formatNumber } from '../src/format.js';
import { readingLabel, readingRange } from '../src/reading-words.js';
import { bestSoFar, RUN_LABELS, startPuzzle, stepStrategy, STRATEGY_RUNS, type Puzzle } from '../src/runs.js';
import type { GameId } from '../../src/games/types.js';
import type { Params, Trial } from '../../src/search/types.js';

export interface MeasureRequest {
  readonly game: GameId;
  readonly seeds: readonly string[];
  readonly counts: readonly number[];
  /** Timed samples per seed and count. */
  readonly repeats: number;
  /** The count whose drag redraw is timed. */
  readonly dragCount: number;
  readonly dragSteps: number;
}

export interface MeasureResult {
  readonly game: GameId;
  /** Milliseconds per sample, by trial count. */
  readonly update: Readonly<Record<number, number[]>>;
  readonly redraw: Readonly<Record<number, number[]>>;
  readonly drag: number[];
}

const AXIS: Partial<Record<GameId, string>> = { bake: 'bakeTime', train: 'learningRate' };

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function valueAlong(puzzle: Puzzle, axis: string): (unit: number) => number {
  const spec = puzzle.objective.space[axis];
  return (unit) => (!spec || spec.kind === 'categorical' ? unit : spec.log ? spec.low * (spec.high / spec.low) ** unit : spec.low + unit * (spec.high - spec.low));
}

/** What the playground's draw() does for the viewed run, the race included. */
function redraw(puzzle: Puzzle, trials: readonly Trial[], axis: string, base: Params, cursor?: number): void {
  const valueAt = valueAlong(puzzle, axis);
  const slice = beliefSlice(puzzle.objective, trials, axis, base, puzzle.rules.readingScale.spread);
  const probes = trials.map((t, i) => ({ unit: unitOf(puzzle.objective, axis, t.params), value: t.state === 'complete' ? (t.value ?? null) : null, run: 'bayes', label: String(i + 1) }));
  $('belief-chart').replaceChildren(
    beliefChart({ slice, probes, axisLabel: axis, formatValue: formatNumber, valueAt, yLabel: readingLabel(puzzle.rules), yRange: readingRange(puzzle.rules, probes.map((p) => p.value)), description: 'measurement', ...(cursor === undefined ? {} : { cursor }) }),
  );
  $('acquisition-chart').replaceChildren(acquisitionChart(slice, axis, formatNumber, valueAt));
  const run = { ...puzzle.runs.bayes, trials };
  const lines = (['you', ...STRATEGY_RUNS] as const).map((name) => ({ run: name, label: RUN_LABELS[name], best: name === 'bayes' ? bestSoFar(puzzle, run) : bestSoFar(puzzle, puzzle.runs[name]) }));
  $('race-chart').replaceChildren(raceChart(lines, Math.max(puzzle.budget, trials.length), readingLabel(puzzle.rules), readingRange(puzzle.rules, probes.map((p) => p.value))));
  // Style and layout, as the browser must do before it can paint the frame.
  void document.body.offsetHeight;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Lets the browser breathe between samples (garbage, paint), as it does between a person's probes. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function measure(request: MeasureRequest): Promise<MeasureResult> {
  const axis = AXIS[request.game];
  if (axis === undefined) throw new RangeError(`No measured axis for ${request.game}`);
  const most = Math.max(...request.counts, request.dragCount);
  const update: Record<number, number[]> = {};
  const redrawn: Record<number, number[]> = {};
  const drag: number[] = [];
  for (const seed of request.seeds) {
    const puzzle: Puzzle = { ...startPuzzle(request.game, seed), budget: most };
    while (stepStrategy(puzzle, 'bayes') !== undefined);
    const all = puzzle.runs.bayes.trials;
    // Warm the JIT on this puzzle before timing anything.
    redraw(puzzle, [...all.slice(0, 5)], axis, all[4]!.params);
    for (const count of request.counts) {
      const trials = all.slice(0, count);
      const base = trials.at(-1)!.params;
      for (let repeat = 0; repeat < request.repeats; repeat++) {
        await nextTask();
        (update[count] ??= []).push(timed(() => beliefSlice(puzzle.objective, [...trials], axis, base, puzzle.rules.readingScale.spread)));
        await nextTask();
        (redrawn[count] ??= []).push(timed(() => redraw(puzzle, [...trials], axis, base)));
      }
    }
    // Dragging: one trials array (no new probe), the cursor and the dragged knob moving every event.
    const trials = [...all.slice(0, request.dragCount)];
    const last = trials.at(-1)!.params;
    redraw(puzzle, trials, axis, last);
    const valueAt = valueAlong(puzzle, axis);
    for (let step = 0; step < request.dragSteps; step++) {
      const unit = (step % 40) / 40;
      const base = { ...last, [axis]: valueAt(unit) };
      drag.push(timed(() => redraw(puzzle, trials, axis, base, unit)));
      if (step % 10 === 9) await nextTask();
    }
  }
  return { game: request.game, update, redraw: redrawn, drag };
}

declare global {
  interface Window {
    measurePlayground?: (request: MeasureRequest) => Promise<MeasureResult>;
  }
}
window.measurePlayground = measure;
document.body.dataset.ready = 'true';
