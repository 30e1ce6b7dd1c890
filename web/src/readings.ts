/**
 * A move's feedback as one number and a line of text, per game. (Issue 10's presenters will give each
 * game a `reading(turn)`; this is the playground's until then.)
 */
import type { GameId } from '../../src/games/types.js';

export interface Reading {
  readonly value: number | null;
  readonly text: string;
}

interface BakeFeedbackShape {
  readonly taste: number;
  readonly word: string;
}
interface TrainFeedbackShape {
  readonly accuracy: number;
  readonly diverged: boolean;
}

export function readingOf(game: GameId, feedback: unknown): Reading {
  switch (game) {
    case 'bake': {
      const { taste, word } = feedback as BakeFeedbackShape;
      return { value: taste, text: `taste ${taste}, ${word}` };
    }
    case 'train': {
      const { accuracy, diverged } = feedback as TrainFeedbackShape;
      return { value: accuracy, text: `${accuracy}% held-out accuracy${diverged ? ' (the training diverged)' : ''}` };
    }
    default:
      throw new Error(`The playground has no reading for ${game} yet`);
  }
}

/** The reading's unit, for axes. */
export const READING_UNIT: Partial<Record<GameId, string>> = { bake: 'taste (0–100)', train: 'held-out accuracy (%)' };
