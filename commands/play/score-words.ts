/**
 * What "Score X/100" means, said where the score is shown (the board's result line and "Why?"). The
 * numbers come from the games' own outcome (src/games/turns.ts leaderboardScore, train's accuracy);
 * this only puts the rule that produced them into words.
 */
import type { GameId, Outcome } from '../../src/games/types.js';
import { formatReadingFor, MOVE_NOUNS } from './reveal-words.js';

/** "Score 64/100: solved on bake 6 of 8; a win scores 100 on the first bake, down to 50 on the last." */
export function scoreExplanation(game: GameId, outcome: Outcome, dials = 0): string {
  const noun = MOVE_NOUNS[game].one;
  const score = `Score ${outcome.score}/100`;
  if (outcome.status === 'gave-up') return `${score}: giving up scores 0.`;
  if (game === 'train') return `${score}: your best held-out accuracy, rounded.`;
  if (outcome.status === 'won') {
    return `${score}: solved on ${noun} ${outcome.movesUsed} of ${outcome.budget}; a win scores 100 on the first ${noun}, down to 50 on the last.`;
  }
  if (game === 'lock') return `${score}: not opened, so up to 50 for how much of the lock your clues ruled out.`;
  const best = outcome.best === null ? 'nothing yet' : formatReadingFor(game, outcome.best, dials);
  return `${score}: not solved, so half your best ${game === 'bake' ? 'taste' : 'chord score'} (${best}); a win scores 50 to 100.`;
}

