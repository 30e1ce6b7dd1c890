/**
 * Each puzzle's hidden answer in the learner's words, without replaying anything: what the daily post
 * tells everyone the morning after.
 */
import { bestBakeTime } from './bake.js';
import { dialsFor, secretCombination } from './lock.js';
import { hiddenDetuning, GUITAR_STRINGS } from './tune.js';
import type { GameId } from './types.js';

export function hiddenAnswer(game: GameId, seed: string, difficulty: string): string {
  switch (game) {
    case 'bake':
      return `the best bake time was ${bestBakeTime(seed)} minutes`;
    case 'lock':
      return `the combination was ${secretCombination(seed, dialsFor(difficulty)).join(' ')}`;
    case 'tune': {
      const off = hiddenDetuning(seed, difficulty).map((cents, i) => `${GUITAR_STRINGS[i]?.name} ${cents > 0 ? '+' : ''}${cents}¢`);
      return `the strings started out of tune by ${off.join(', ')}`;
    }
    case 'train':
      return 'the data split was fixed by the seed; the best settings are whatever reached the highest held-out accuracy';
  }
}
