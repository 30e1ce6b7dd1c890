/**
 * What each racer in a reveal is called, short for the table and longer for sentences, whatever the game.
 * A game's own words (its moves, its readings) are its presenter's (games/).
 */
import type { RevealRun } from '../../src/games/reveal-types.js';
import { seriesStyle } from '../../src/pictures/series-style.js';

interface RacerNames {
  /** At most 12 characters, for the monospace table on a phone. */
  readonly short: string;
  /** For sentences and chart legends. */
  readonly long: string;
  /** The picture module's series name, which fixes colour and marker. */
  readonly series: string;
}

/** Long names are the series' own labels (src/pictures), unless a racer needs more words than its series. */
const RACERS: Readonly<Record<string, Omit<RacerNames, 'long'> & { readonly long?: string }>> = {
  player: { short: 'You', series: 'player' },
  grid: { short: 'Grid', series: 'grid' },
  random: { short: 'Random', series: 'random' },
  'quasi-random': { short: 'Quasi-random', series: 'quasi-random' },
  bayes: { short: 'Bayesian', series: 'bayes' },
  tpe: { short: 'TPE', series: 'tpe' },
  hyperband: { short: 'Hyperband', series: 'hyperband' },
  'lock-reasoner': { short: 'Reasoner', long: 'Lock reasoner', series: 'reasoner' },
};

export const SHORT_LABEL_WIDTH = 12;

/** Names for a run; a strategy added later still gets readable names from its own label. */
export function racerNames(run: Pick<RevealRun, 'name' | 'label'>): RacerNames {
  const known = RACERS[run.name];
  if (known !== undefined) return { ...known, long: known.long ?? seriesStyle(known.series).label };
  return { short: run.name.slice(0, SHORT_LABEL_WIDTH), long: run.label, series: run.name };
}
