/** The strategy registry: one name per strategy, as typed on the command line or picked in a game. */
import type { Strategy } from '../strategy.js';
import { bayesStrategy } from './bayes.js';
import { gridStrategy } from './grid.js';
import { hyperbandStrategy } from './hyperband.js';
import { quasiRandomStrategy } from './quasi-random.js';
import { randomStrategy } from './random.js';
import { tpeStrategy } from './tpe.js';

const FACTORIES = {
  grid: gridStrategy,
  random: randomStrategy,
  'quasi-random': quasiRandomStrategy,
  bayes: () => bayesStrategy(),
  tpe: () => tpeStrategy(),
  hyperband: () => hyperbandStrategy(),
} as const satisfies Record<string, () => Strategy>;

export type StrategyName = keyof typeof FACTORIES;
export const STRATEGY_NAMES = Object.keys(FACTORIES) as readonly StrategyName[];

export function isStrategyName(name: string): name is StrategyName {
  return Object.hasOwn(FACTORIES, name);
}

export function createStrategy(name: string): Strategy {
  if (!isStrategyName(name)) {
    throw new Error(`Unknown strategy "${name}". Choose one of: ${STRATEGY_NAMES.join(', ')}`);
  }
  return FACTORIES[name]();
}

export { gridPlan, gridStrategy, DEFAULT_GRID_BUDGET, type GridPlan } from './grid.js';
export { hyperbandSchedule, hyperbandStrategy, type HyperbandOptions, type HyperbandSchedule, type Bracket, type Rung } from './hyperband.js';
export { quasiRandomStrategy } from './quasi-random.js';
export { randomStrategy } from './random.js';
export { tpeStrategy, type TpeOptions } from './tpe.js';
export { bayesStrategy } from './bayes.js';
