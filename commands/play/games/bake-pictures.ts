/**
 * The bake reveal's pictures: the chart (true curve, your bakes, the belief after them, every strategy's
 * bakes) and Bayesian search's belief bake by bake as a GIF.
 */
import type { FileView } from '../../../src/command-layer/types.js';
import { BAKE_MAX_MINUTES, BAKE_MIN_MINUTES, bakeObjective, TASTE_SCALE, type BakeReveal } from '../../../src/games/bake.js';
import type { RevealRun } from '../../../src/games/reveal-types.js';
import { ALT_TEXT_LIMIT, bakeAnimation, bakeChart } from '../../../src/pictures/index.js';
import { TPE_STARTUP_TRIALS } from '../../../src/search/strategies/tpe.js';
import { beliefAfter, beliefFrames, type BeliefAxis } from '../reveal-belief.js';
import { racerNames } from '../reveal-words.js';
import type { RevealPictures } from './presenter.js';

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const BAKE_FILE_NAMES = { chart: 'bake-reveal.png', belief: 'bake-belief.gif' } as const;

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
    trueCurve: reveal.extras.trueCurve,
    playerBakes: reveal.extras.playerBakes,
    belief: beliefAfter(bakeAxis(reveal), reveal.player.trials),
    strategies: reveal.strategies.map((run) => ({ name: racerNames(run).series, label: racerNames(run).long, points: runPoints(run) })),
    notes: alikeOpenings(reveal),
  });
  return { name: BAKE_FILE_NAMES.chart, data: chart.png, description: chart.altText };
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
function alikeOpenings(reveal: BakeReveal): string[] {
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
  const animation = bakeAnimation(frames, { trueCurve: reveal.extras.trueCurve, searcherLabel: racerNames(bayes).long });
  const design =
    opening > 0 && opening < bayes.trials.length
      ? ` Its first ${opening} bakes follow a spread-out opening design; from bake ${opening + 1} on it bakes where expected improvement is highest.`
      : '';
  // The opening sentence is extra: it goes only if the alt text still fits.
  const description = `${animation.altText}${design}`.length <= ALT_TEXT_LIMIT ? `${animation.altText}${design}` : animation.altText;
  return { name: BAKE_FILE_NAMES.belief, data: animation.gif, description };
}

export function bakePictures(reveal: BakeReveal): RevealPictures {
  const belief = bakeBeliefFile(reveal);
  return { files: [bakeChartFile(reveal), ...(belief === undefined ? [] : [belief])], imageFile: BAKE_FILE_NAMES.chart };
}
