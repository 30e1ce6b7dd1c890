/**
 * The reveal's pictures for each game, as message files with alt text: bake gets its chart and the
 * Bayesian optimiser's belief bake by bake (GIF); lock the combinations still possible; tune and train
 * the best-so-far race, and train also the best model's learning curve.
 */
import type { FileView } from '../../src/command-layer/types.js';
import { BAKE_MAX_MINUTES, BAKE_MIN_MINUTES, TASTE_SCALE } from '../../src/games/bake.js';
import { bakeObjective } from '../../src/games/bake.js';
import type { BakeReveal, LockReveal, Reveal, RevealRun, TrainReveal, TuneReveal } from '../../src/games/reveal.js';
import { ALT_TEXT_LIMIT, bakeAnimation, bakeChart, bestSoFarChart, learningCurveChart, remainingChart } from '../../src/pictures/index.js';
import type { ScoreSeries } from '../../src/pictures/index.js';
import { beliefAfter, beliefFrames, type BeliefAxis } from './reveal-belief.js';
import { racerNames } from './reveal-words.js';
import { TPE_STARTUP_TRIALS } from '../../src/search/strategies/tpe.js';

export interface RevealPictures {
  readonly files: FileView[];
  /** The PNG the embed shows. */
  readonly imageFile: string;
}

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const REVEAL_FILE_NAMES = {
  bakeChart: 'bake-reveal.png',
  bakeBelief: 'bake-belief.gif',
  lockChart: 'lock-reveal.png',
  tuneChart: 'tune-reveal.png',
  trainChart: 'train-reveal.png',
  trainCurve: 'train-curve.png',
} as const;

/** Belief samples every quarter minute: smooth enough to draw, cheap to predict. */
const BELIEF_STEP_MINUTES = 0.25;

function bakeAxis(reveal: BakeReveal): BeliefAxis {
  const count = Math.round((BAKE_MAX_MINUTES - BAKE_MIN_MINUTES) / BELIEF_STEP_MINUTES) + 1;
  return {
    space: bakeObjective(reveal.seed, reveal.difficulty).space,
    direction: reveal.direction,
    parameter: 'bakeTime',
    xs: Array.from({ length: count }, (_, i) => BAKE_MIN_MINUTES + i * BELIEF_STEP_MINUTES),
    // After one bake the model cannot measure how tastes spread; the game knows they span 0–100, and
    // half of that as one standard deviation lets a lone bake say "anything is possible far from here".
    valueSpread: (TASTE_SCALE.high - TASTE_SCALE.low) / 2,
  };
}

function runPoints(run: RevealRun): { x: number; y: number }[] {
  return run.trials.flatMap((trial) => (trial.value === null ? [] : [{ x: Number(trial.params.bakeTime), y: trial.value }]));
}

/** The bake chart: true curve, your bakes, the belief after them, and every strategy's bakes. */
export function bakeChartFile(reveal: BakeReveal): FileView {
  const chart = bakeChart({
    trueCurve: reveal.trueCurve,
    playerBakes: reveal.playerBakes,
    belief: beliefAfter(bakeAxis(reveal), reveal.player.trials),
    strategies: reveal.strategies.map((run) => ({ name: racerNames(run).series, label: racerNames(run).long, points: runPoints(run) })),
    notes: alikeOpenings(reveal),
  });
  return { name: REVEAL_FILE_NAMES.bakeChart, data: chart.png, description: chart.altText };
}

/** Bakes two runs share from the first on, read from the runs themselves. */
function sameOpening(a: RevealRun | undefined, b: RevealRun | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let shared = 0;
  while (shared < a.trials.length && a.trials[shared]?.params.bakeTime === b.trials[shared]?.params.bakeTime) shared++;
  return shared;
}

/**
 * One sentence for each pair of strategies whose first bakes coincide, so identical panels do not look
 * like a mistake: TPE opens with random draws from the same seed as random search, and Bayesian search
 * opens with the same spread-out design as quasi-random search.
 */
export function alikeOpenings(reveal: BakeReveal): string[] {
  const run = (name: string) => reveal.strategies.find((r) => r.name === name);
  const notes: string[] = [];
  const tpe = sameOpening(run('random'), run('tpe'));
  if (tpe > 0) {
    const all = tpe === run('tpe')?.trials.length;
    notes.push(
      `TPE baked ${all ? 'exactly the same times as' : `the same first ${tpe} times as`} random search: it starts with random draws from the same seed and only uses its model after ${TPE_STARTUP_TRIALS} bakes${all ? ', more than this game had' : ''}.`,
    );
  }
  const bayes = sameOpening(run('quasi-random'), run('bayes'));
  if (bayes > 0) {
    notes.push(`Bayesian search baked the same first ${bayes} times as quasi-random search: both open with the same spread-out design.`);
  }
  return notes;
}

/** Bayesian search's belief bake by bake, as a GIF; undefined when the reveal has no Bayesian run. */
export function bakeBeliefFile(reveal: BakeReveal): FileView | undefined {
  const bayes = reveal.strategies.find((run) => run.name === 'bayes');
  if (bayes === undefined || bayes.trials.length === 0) return undefined;
  // Bayesian search opens with the same spread-out sequence as quasi-random search before its model takes
  // over; reading the overlap from the runs keeps the picture true to whatever the opening length is.
  const opening = sameOpening(bayes, reveal.strategies.find((run) => run.name === 'quasi-random'));
  const frames = beliefFrames(bakeAxis(reveal), bayes.trials, opening);
  const animation = bakeAnimation(frames, { trueCurve: reveal.trueCurve, searcherLabel: racerNames(bayes).long });
  const design =
    opening > 0 && opening < bayes.trials.length
      ? ` Its first ${opening} bakes follow a spread-out opening design; from bake ${opening + 1} on it bakes where expected improvement is highest.`
      : '';
  // The opening sentence is extra: it goes only if the alt text still fits.
  const description = `${animation.altText}${design}`.length <= ALT_TEXT_LIMIT ? `${animation.altText}${design}` : animation.altText;
  return { name: REVEAL_FILE_NAMES.bakeBelief, data: animation.gif, description };
}

function bakePictures(reveal: BakeReveal): RevealPictures {
  const belief = bakeBeliefFile(reveal);
  return { files: [bakeChartFile(reveal), ...(belief === undefined ? [] : [belief])], imageFile: REVEAL_FILE_NAMES.bakeChart };
}

function lockPictures(reveal: LockReveal): RevealPictures {
  const chart = remainingChart({
    total: 10 ** reveal.combination.length,
    series: [reveal.player, ...reveal.strategies].map((run) => ({
      name: racerNames(run).series,
      label: racerNames(run).long,
      remaining: reveal.consistentCounts[run.name] ?? [],
    })),
  });
  return { files: [{ name: REVEAL_FILE_NAMES.lockChart, data: chart.png, description: chart.altText }], imageFile: REVEAL_FILE_NAMES.lockChart };
}

/** Whether a run's best so far ever got worse: a multi-fidelity run's short tries stop counting. */
function stepsDown(run: RevealRun): boolean {
  return run.trials.some((trial, i) => {
    const before = run.trials[i - 1]?.best;
    return i > 0 && before != null && trial.best != null && trial.best !== before && trial.fidelity !== undefined && trial.best < before;
  });
}

function scoreSeries(reveal: Reveal): ScoreSeries[] {
  return [reveal.player, ...reveal.strategies].map((run) => ({
    name: racerNames(run).series,
    label: racerNames(run).long,
    // A failed try has no reading; the chart keeps the best before it.
    scores: run.trials.map((trial) => trial.value ?? Number.NaN),
    // The run's own best so far, the numbers the table reads: Hyperband's shortened runs do not count.
    bests: run.trials.map((trial) => trial.best ?? Number.NaN),
    ...(stepsDown(run) ? { note: `${racerNames(run).long}'s shortened tries count only until a fully trained try exists, so its line can step down.` } : {}),
  }));
}

function tunePictures(reveal: TuneReveal): RevealPictures {
  const chart = bestSoFarChart({
    series: scoreSeries(reveal),
    direction: reveal.direction,
    target: 100,
    targetLabel: 'In tune (100)',
    title: 'Best chord score so far after each strum',
    xLabel: 'Strum',
    yLabel: 'Chord score',
  });
  return { files: [{ name: REVEAL_FILE_NAMES.tuneChart, data: chart.png, description: chart.altText }], imageFile: REVEAL_FILE_NAMES.tuneChart };
}

function trainPictures(reveal: TrainReveal): RevealPictures {
  const race = bestSoFarChart({
    series: scoreSeries(reveal),
    direction: reveal.direction,
    title: 'Best held-out accuracy so far after each run',
    xLabel: 'Run',
    yLabel: 'Accuracy (%)',
  });
  const files: FileView[] = [{ name: REVEAL_FILE_NAMES.trainChart, data: race.png, description: race.altText }];
  const model = reveal.bestModel;
  if (model !== null) {
    const who = model.by === 'player' ? 'yours' : racerNames({ name: model.by, label: model.by }).long;
    const curve = learningCurveChart({
      title: `Learning curve of the best model (${who}, ${model.accuracy.toFixed(1)}%)`,
      // A blown-up epoch has no loss to draw.
      trainLoss: model.curve.trainLoss.map((loss) => loss ?? Number.NaN),
      heldOutAccuracy: model.curve.heldOutAccuracy,
    });
    files.push({ name: REVEAL_FILE_NAMES.trainCurve, data: curve.png, description: curve.altText });
  }
  return { files, imageFile: REVEAL_FILE_NAMES.trainChart };
}

export function revealPictures(reveal: Reveal): RevealPictures {
  switch (reveal.game) {
    case 'bake':
      return bakePictures(reveal);
    case 'lock':
      return lockPictures(reveal);
    case 'tune':
      return tunePictures(reveal);
    case 'train':
      return trainPictures(reveal);
  }
}
