/**
 * The games' puzzles as objective factories, so the CLI and the reveal can replay any puzzle:
 * `npm run search -- --objective bake --puzzle-seed X` hides exactly what a bake game started with seed X does.
 */
import type { ObjectiveFactory } from '../search/types.js';
import { GAMES } from './index.js';
import type { AnyGameRules } from './types.js';
import { GAME_IDS } from './types.js';

/** The seed used when none is given, so a bare `--objective lock` is still one fixed puzzle. */
export const DEFAULT_PUZZLE_SEED = 'tuning-fork';

function gameObjectiveFactory(game: AnyGameRules): ObjectiveFactory {
  return {
    name: game.id,
    description: `${game.title}: ${game.blurb} Difficulties: ${game.difficulties.map((d) => d.id).join(', ')} (default ${game.defaultDifficulty}).`,
    create: (options) => game.objective(options?.puzzleSeed ?? DEFAULT_PUZZLE_SEED, options?.difficulty ?? game.defaultDifficulty),
  };
}

export const gameObjectives: ObjectiveFactory[] = GAME_IDS.map((id) => gameObjectiveFactory(GAMES[id]));
