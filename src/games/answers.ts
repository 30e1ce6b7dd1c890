/**
 * Each puzzle's hidden answer in the learner's words, without replaying anything: what the daily post
 * tells everyone the morning after. Each game's rules say their own.
 */
import { GAMES } from './index.js';
import type { GameId } from './types.js';

export function hiddenAnswer(game: GameId, seed: string, difficulty: string): string {
  return GAMES[game].hiddenAnswer(seed, difficulty);
}
