/**
 * One line per move, in the learner's words: what they did and what they heard back.
 * The games keep moves and feedback as data; this is the one place that says them aloud.
 */
import type { BakeFeedback, BakeMove } from '../../src/games/bake.js';
import type { LockFeedback, LockMove } from '../../src/games/lock.js';
import type { TrainFeedback, TrainMove } from '../../src/games/train.js';
import type { TuneFeedback, TuneMove } from '../../src/games/tune.js';
import type { GameId, Turn } from '../../src/games/types.js';
import { MOVE_NOUNS } from './reveal-words.js';

/** A move's name, singular for a count of one: the reveal's own table of nouns. */
export function moveNoun(game: GameId, count = 1): string {
  return count === 1 ? MOVE_NOUNS[game].one : MOVE_NOUNS[game].many;
}

/**
 * Numbers as people write them, the same on the board and in the reveal: 0.003, 0.000152, 12.5, 250.
 * Whole numbers stay whole; others keep three significant digits, so settings copied from the reveal
 * train the same model.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

export function turnText(game: GameId, turn: Turn<unknown, unknown>): string {
  switch (game) {
    case 'bake': {
      const { move, feedback } = turn as Turn<BakeMove, BakeFeedback>;
      return `${move.minutes} min → tastes **${feedback.taste}** (${feedback.word})`;
    }
    case 'lock': {
      const { move, feedback } = turn as Turn<LockMove, LockFeedback>;
      const clicks = feedback.opened ? '**open!**' : `**${feedback.clicks}** click${feedback.clicks === 1 ? '' : 's'}`;
      return `\`${move.combination.join(' ')}\` → ${clicks}`;
    }
    case 'tune': {
      const { move, feedback } = turn as Turn<TuneMove, TuneFeedback>;
      const change = feedback.change > 0 ? `+${feedback.change}` : String(feedback.change);
      return `${move.string} ${move.cents > 0 ? '+' : ''}${move.cents}¢ → sounds **${feedback.score}** (${change})${feedback.inTune ? ' in tune!' : ''}`;
    }
    case 'train': {
      const { move, feedback } = turn as Turn<TrainMove, TrainFeedback>;
      const settings = `lr ${formatNumber(move.learningRate)} · ${move.epochs} ep · ${move.hiddenUnits} units · batch ${move.batchSize} · wd ${formatNumber(move.weightDecay)}`;
      return `${settings} → **${feedback.accuracy}%**${feedback.diverged ? ' (diverged)' : ''}`;
    }
  }
}

/** The number a move scored, in the game's own unit (taste, clicks, chord score, accuracy %). */
export function readingOf(game: GameId, turn: Turn<unknown, unknown>): number {
  switch (game) {
    case 'bake':
      return (turn.feedback as BakeFeedback).taste;
    case 'lock':
      return (turn.feedback as LockFeedback).clicks;
    case 'tune':
      return (turn.feedback as TuneFeedback).score;
    case 'train':
      return (turn.feedback as TrainFeedback).accuracy;
  }
}
