/** The search engine's public face. Pure TypeScript: it knows nothing of Discord, games or the console. */
export type * from './types.js';
export { createRng, deriveSeed, normal, randomInt, shuffle, type Rng } from './random.js';
export { Space, SpaceError } from './space.js';
export { scrambledHalton, firstPrimes } from './sequences.js';
export { completedTrials, compareValues, type Proposal, type ProposalContext, type Strategy } from './strategy.js';
export { bestTrial, Study, StudyError, type StudyOptions, type StudyTrial } from './study.js';
export {
  createStrategy,
  isStrategyName,
  STRATEGY_NAMES,
  type StrategyName,
  bayesStrategy,
  gridPlan,
  gridStrategy,
  DEFAULT_GRID_BUDGET,
  type GridPlan,
  hyperbandSchedule,
  hyperbandStrategy,
  type HyperbandOptions,
  type HyperbandSchedule,
  type Bracket,
  type Rung,
  quasiRandomStrategy,
  randomStrategy,
  tpeStrategy,
  type TpeOptions,
} from './strategies/index.js';
export { compareStrategies, replay, type Replay, type ReplayOptions, type ReplayTrial } from './replay.js';
export {
  benchmarkObjectives,
  braninObjective,
  braninTrainingObjective,
  goldsteinPriceObjective,
  hartmann6Objective,
  rosenbrockObjective,
} from './objectives/benchmarks.js';
