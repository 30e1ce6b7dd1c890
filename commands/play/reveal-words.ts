/**
 * What each racer in a reveal is called, short for the table and longer for sentences, whatever the game.
 * A game's own words (its moves, its readings) are its presenter's (games/).
 */
import type { RevealRun } from '../../src/games/reveal-types.js';

interface RacerNames {
  /** At most 12 characters, for the monospace table on a phone. */
  readonly short: string;
  /** For sentences and chart legends. */
  readonly long: string;
  /** The picture module's series name, which fixes colour and marker. */
  readonly series: string;
}

const RACERS: Readonly<Record<string, RacerNames>> = {
  player: { short: 'You', long: 'You', series: 'player' },
  grid: { short: 'Grid', long: 'Grid search', series: 'grid' },
  random: { short: 'Random', long: 'Random search', series: 'random' },
  'quasi-random': { short: 'Quasi-random', long: 'Quasi-random search', series: 'quasi-random' },
  bayes: { short: 'Bayesian', long: 'Bayesian search', series: 'bayes' },
  tpe: { short: 'TPE', long: 'TPE', series: 'tpe' },
  hyperband: { short: 'Hyperband', long: 'Hyperband', series: 'hyperband' },
  'lock-reasoner': { short: 'Reasoner', long: 'Lock reasoner', series: 'reasoner' },
};

export const SHORT_LABEL_WIDTH = 12;

/** Names for a run; a strategy added later still gets readable names from its own label. */
export function racerNames(run: Pick<RevealRun, 'name' | 'label'>): RacerNames {
  const known = RACERS[run.name];
  if (known !== undefined) return known;
  return { short: run.name.slice(0, SHORT_LABEL_WIDTH), long: run.label, series: run.name };
}
