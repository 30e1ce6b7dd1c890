/**
 * What "Score X/100" means, said where the score is shown (the board's result line and "Why?"). The
 * numbers come from the games' own outcome (src/games/turns.ts leaderboardScore, train's accuracy);
 * this only puts the rule that produced them into words, the game's part by its presenter.
 */
import type { GameId, Outcome } from '../../src/games/types.js';
import { presenterOf } from './games/index.js';

/** "Score 64/100: solved on bake 6 of 8; a win scores 100 on the first bake, down to 50 on the last." */
export function scoreExplanation(game: GameId, outcome: Outcome, difficulty: string): string {
  const presenter = presenterOf(game);
  const noun = presenter.nouns.one;
  const score = `Score ${outcome.score}/100`;
  if (outcome.status === 'gave-up') return `${score}: giving up scores 0.`;
  if (outcome.status === 'won') {
    return `${score}: solved on ${noun} ${outcome.movesUsed} of ${outcome.budget}; a win scores 100 on the first ${noun}, down to 50 on the last.`;
  }
  return `${score}: ${presenter.unsolvedScore(outcome, difficulty)}`;
}
