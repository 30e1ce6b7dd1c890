/**
 * The reveal's vocabulary in the learner's words: what a move is called in each game, how a reading is
 * written in the game's unit, and what each racer is called (short for the table, longer for sentences).
 */
import type { Reveal, RevealRun } from '../../src/games/reveal.js';
import type { GameId } from '../../src/games/types.js';

/** A move's name in each game, singular and plural: "by bake 4", "in 12 tries". */
export const MOVE_NOUNS: Readonly<Record<GameId, { one: string; many: string }>> = {
  bake: { one: 'bake', many: 'bakes' },
  lock: { one: 'try', many: 'tries' },
  tune: { one: 'strum', many: 'strums' },
  train: { one: 'run', many: 'runs' },
};

export function moves(game: GameId, n: number): string {
  const noun = MOVE_NOUNS[game];
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

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

/** A reading in the game's own unit: taste 0–100, clicks n/3, chord score, accuracy %. */
export function formatReading(reveal: Reveal, value: number): string {
  return formatReadingFor(reveal.game, value, reveal.game === 'lock' ? reveal.combination.length : 0);
}

/** The same without a reveal at hand; `dials` matters for the lock only. */
export function formatReadingFor(game: GameId, value: number, dials: number): string {
  switch (game) {
    case 'bake':
      return String(Math.round(value));
    case 'lock':
      return `${value}/${dials}`;
    case 'tune':
      return value.toFixed(1);
    case 'train':
      return `${value.toFixed(1)}%`;
  }
}

/** The unit said in words after a reading, for sentences ("a taste of 97", "2 of 3 clicks"). */
export function readingInWords(reveal: Reveal, value: number): string {
  switch (reveal.game) {
    case 'bake':
      return `a taste of ${Math.round(value)}`;
    case 'lock':
      return `${value} of ${reveal.combination.length} clicks`;
    case 'tune':
      return `a chord score of ${value.toFixed(1)}`;
    case 'train':
      return `${value.toFixed(1)}% accuracy`;
  }
}

/** "+16", "−32", "0": signed cents as a musician writes them. */
export function signedCents(cents: number): string {
  if (cents === 0) return '0';
  return cents > 0 ? `+${cents}` : `-${Math.abs(cents)}`;
}

