/**
 * Every objective a learner or the CLI can name: the textbook benchmarks and the games' puzzles.
 * It lives outside src/search because the engine must not know about games.
 */
import { gameObjectives } from './games/objectives.js';
import { benchmarkObjectives } from './search/objectives/benchmarks.js';
import type { ObjectiveFactory } from './search/types.js';

export function objectiveCatalog(): ObjectiveFactory[] {
  return [...benchmarkObjectives, ...gameObjectives];
}

export function findObjective(name: string): ObjectiveFactory {
  const catalog = objectiveCatalog();
  const found = catalog.find((factory) => factory.name === name);
  if (found === undefined) {
    throw new Error(`Unknown objective "${name}". Choose one of: ${catalog.map((factory) => factory.name).join(', ')}`);
  }
  return found;
}
