/**
 * Picture pieces the games' presenters share: every run of a reveal as a best-so-far series, for games
 * whose chart is a race of staircases (tune, train). Each presenter draws its own pictures.
 */
import type { Reveal, RevealRun } from '../../src/games/reveal-types.js';
import type { ScoreSeries } from '../../src/pictures/index.js';
import { racerNames } from './reveal-words.js';

/** Whether a run's best so far ever got worse: a multi-fidelity run's short tries stop counting. */
function stepsDown(run: RevealRun): boolean {
  return run.trials.some((trial, i) => {
    const before = run.trials[i - 1]?.best;
    return i > 0 && before != null && trial.best != null && trial.best !== before && trial.fidelity !== undefined && trial.best < before;
  });
}

/** The player's run and each strategy's, as the best-so-far chart draws them. */
export function scoreSeries(reveal: Reveal): ScoreSeries[] {
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
