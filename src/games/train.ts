/**
 * Train: tune a real model. Each run trains a small neural network from scratch on real data with the
 * player's settings and scores it by accuracy on held-out examples it never trained on. Everything —
 * the spiral's points, the split, the starting weights, the batch order — comes from the puzzle seed, so
 * the same settings on the same puzzle always give the same accuracy.
 *
 * There is no target to hit: the score is the best held-out accuracy in the budget, because how high a
 * split allows is itself part of the puzzle.
 */
import { z } from 'zod';
import { createRng, deriveSeed } from '../search/random.js';
import type { Objective, Params } from '../search/types.js';
import type { DatasetName, Split } from './datasets.js';
import { heldOutSplit, loadDataset } from './datasets.js';
import type { LearningCurve, TrainingResult, TrainingSettings } from './neural-network.js';
import { trainClassifier } from './neural-network.js';
import { bestReading, giveUpGame, recordTurn, requireDifficulty, requirePlaying, requireSeed, turnAt } from './turns.js';
import type { Reveal, RevealRun, RevealTrial } from './reveal-types.js';
import type { Difficulty, GameRules, GameState, MoveField, MoveInput, Outcome } from './types.js';
import { MoveError } from './types.js';

export const TRAIN_BUDGET = 10;

export const KNOBS = {
  learningRate: { low: 1e-4, high: 3 },
  epochs: { low: 1, high: 100 },
  hiddenUnits: { low: 2, high: 64 },
  batchSize: { choices: [4, 8, 16, 32, 64, 128] },
  weightDecay: { low: 1e-5, high: 0.1 },
} as const;

const DIFFICULTY_IDS: readonly DatasetName[] = ['iris', 'spiral'];

const DIFFICULTIES: readonly Difficulty[] = [
  { id: 'iris', label: 'Iris flowers', description: 'Tell three kinds of iris apart from two sepal measurements; two kinds overlap, so settings matter.' },
  { id: 'spiral', label: 'Spiral', description: 'Tell three spiral arms apart from a point’s position. Only well-tuned settings unwind it.' },
];

export type TrainMove = TrainingSettings;

export interface TrainFeedback {
  /** Held-out accuracy in percent, one decimal. */
  readonly accuracy: number;
  readonly diverged: boolean;
  /** Per-epoch training loss and held-out accuracy (0–1), rounded to 4 decimals to keep stored games small. */
  readonly curve: LearningCurve;
}

export type TrainState = GameState<TrainMove, TrainFeedback>;

const splits = new Map<string, Split>();

/** The puzzle's data split, cached because every run of a game (and of a replay) reuses it. */
export function puzzleSplit(seed: string, difficulty: string): Split {
  const dataset = requireDifficulty(DIFFICULTY_IDS, difficulty, 'iris');
  const key = `${dataset}\u0000${seed}`;
  let split = splits.get(key);
  if (split === undefined) {
    split = heldOutSplit(loadDataset(dataset, seed), seed);
    if (splits.size > 64) splits.clear();
    splits.set(key, split);
  }
  return split;
}

/** One real training run on the puzzle's data: pure in (seed, difficulty, settings). */
export function trainRun(seed: string, difficulty: string, settings: TrainingSettings): TrainingResult {
  const checked = checkSettings(settings);
  return trainClassifier(puzzleSplit(seed, difficulty), checked, createRng(deriveSeed(seed, 'train', 'weights')));
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function toFeedback(result: TrainingResult): TrainFeedback {
  return {
    accuracy: Math.round(result.heldOutAccuracy * 1000) / 10,
    diverged: result.diverged,
    curve: {
      trainLoss: result.curve.trainLoss.map((loss) => (loss === null ? null : round4(loss))),
      heldOutAccuracy: result.curve.heldOutAccuracy.map(round4),
    },
  };
}

// ---- Checking settings ------------------------------------------------------------------------------------

const numberText = z.union([z.number(), z.string().trim().regex(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i).transform(Number)]);

function readNumber(value: unknown, what: string, range: string, field: keyof TrainingSettings): number {
  const parsed = numberText.safeParse(value);
  if (!parsed.success || !Number.isFinite(parsed.data)) throw new MoveError(`${what} must be ${range} (got ${JSON.stringify(value ?? '')}).`, field);
  return parsed.data;
}

function checkSettings(raw: Partial<Record<keyof TrainingSettings, unknown>>): TrainingSettings {
  const lrRange = `from ${KNOBS.learningRate.low} to ${KNOBS.learningRate.high}`;
  const learningRate = readNumber(raw.learningRate, 'Learning rate', lrRange, 'learningRate');
  if (learningRate < KNOBS.learningRate.low || learningRate > KNOBS.learningRate.high) {
    throw new MoveError(`Learning rate must be ${lrRange} (got ${learningRate}).`, 'learningRate');
  }
  const whole = (value: unknown, what: string, low: number, high: number, field: keyof TrainingSettings): number => {
    const range = `a whole number from ${low} to ${high}`;
    const n = readNumber(value, what, range, field);
    if (!Number.isInteger(n) || n < low || n > high) throw new MoveError(`${what} must be ${range} (got ${n}).`, field);
    return n;
  };
  const epochs = whole(raw.epochs, 'Epochs', KNOBS.epochs.low, KNOBS.epochs.high, 'epochs');
  const hiddenUnits = whole(raw.hiddenUnits, 'Hidden units', KNOBS.hiddenUnits.low, KNOBS.hiddenUnits.high, 'hiddenUnits');
  const batchRange = `one of ${KNOBS.batchSize.choices.join(', ')}`;
  const batchSize = readNumber(raw.batchSize, 'Batch size', batchRange, 'batchSize');
  if (!(KNOBS.batchSize.choices as readonly number[]).includes(batchSize)) {
    throw new MoveError(`Batch size must be ${batchRange} (got ${batchSize}).`, 'batchSize');
  }
  const wdRange = `from ${KNOBS.weightDecay.low} to ${KNOBS.weightDecay.high}`;
  const weightDecay = readNumber(raw.weightDecay, 'Weight decay', wdRange, 'weightDecay');
  if (weightDecay < KNOBS.weightDecay.low || weightDecay > KNOBS.weightDecay.high) {
    throw new MoveError(`Weight decay must be ${wdRange} (got ${weightDecay}).`, 'weightDecay');
  }
  return { learningRate, epochs, hiddenUnits, batchSize, weightDecay };
}

// ---- Objective ----------------------------------------------------------------------------------------------

/**
 * The puzzle as an objective: the five knobs → held-out accuracy in percent. A fidelity, when given, is
 * the number of epochs and replaces the epochs knob, so Hyperband can train briefly first and longer later.
 */
export function trainObjective(seed: string, difficulty: string): Objective {
  const dataset = requireDifficulty(DIFFICULTY_IDS, difficulty, 'iris');
  return {
    name: 'train',
    description: `Train a neural network (puzzle "${seed}", ${dataset}): learning rate, epochs, hidden units, batch size, weight decay → held-out accuracy %.`,
    space: {
      learningRate: { kind: 'float', ...KNOBS.learningRate, log: true },
      epochs: { kind: 'int', ...KNOBS.epochs },
      hiddenUnits: { kind: 'int', ...KNOBS.hiddenUnits, log: true },
      batchSize: { kind: 'categorical', choices: KNOBS.batchSize.choices },
      weightDecay: { kind: 'float', ...KNOBS.weightDecay, log: true },
    },
    direction: 'maximize',
    evaluate: (params: Params, fidelity?: number) => trainAtFidelity(seed, dataset, params, fidelity).feedback.accuracy,
    optimum: 100,
    maxFidelity: KNOBS.epochs.high,
  };
}

/** Trains with the objective's parameters; a fidelity (epochs) replaces the epochs knob, rounded to a whole epoch. */
export function trainAtFidelity(
  seed: string,
  difficulty: string,
  params: Params,
  fidelity?: number,
): { settings: TrainingSettings; feedback: TrainFeedback } {
  const knobs = paramsToSettings(params);
  const epochs =
    fidelity === undefined ? knobs.epochs : Math.min(KNOBS.epochs.high, Math.max(KNOBS.epochs.low, Math.round(fidelity)));
  const settings = { ...knobs, epochs };
  return { settings, feedback: toFeedback(trainRun(seed, difficulty, settings)) };
}

export function paramsToSettings(params: Params): TrainingSettings {
  return checkSettings(params);
}

export function settingsToParams(settings: TrainingSettings): Params {
  return { ...settings };
}

// ---- The game -----------------------------------------------------------------------------------------------

const FIELDS: readonly MoveField[] = [
  { name: 'learningRate', label: 'Learning rate', kind: 'number', min: KNOBS.learningRate.low, max: KNOBS.learningRate.high, logScale: true },
  { name: 'epochs', label: 'Epochs', kind: 'number', min: KNOBS.epochs.low, max: KNOBS.epochs.high, step: 1 },
  { name: 'hiddenUnits', label: 'Hidden units', kind: 'number', min: KNOBS.hiddenUnits.low, max: KNOBS.hiddenUnits.high, step: 1 },
  {
    name: 'batchSize',
    label: 'Batch size',
    kind: 'choice',
    choices: KNOBS.batchSize.choices.map((size) => ({ value: String(size), label: String(size) })),
  },
  { name: 'weightDecay', label: 'Weight decay', kind: 'number', min: KNOBS.weightDecay.low, max: KNOBS.weightDecay.high, logScale: true },
];

export interface TrainedModel {
  /** Run name that trained it ('player' or a strategy). */
  readonly by: string;
  readonly settings: TrainingSettings;
  /** Held-out accuracy in percent. */
  readonly accuracy: number;
  readonly curve: LearningCurve;
}

/** What the train's reveal adds for its answer and learning-curve chart. */
export interface TrainRevealExtras {
  /** The player's best model and its learning curve, or null before any run. */
  readonly playerBestModel: TrainedModel | null;
  /** The best model anyone (player or strategy) trained, retrained to draw its learning curve. */
  readonly bestModel: TrainedModel | null;
}

export type TrainReveal = Reveal<TrainRevealExtras>;

/** The try that gave a run its best (at `foundAt`), or undefined when nothing counted. */
function countedBestTrial(run: RevealRun): RevealTrial | undefined {
  if (run.best === null || run.foundAt === null) return undefined;
  const atFound = run.trials[run.foundAt - 1];
  return atFound?.value === run.best ? atFound : run.trials.find((trial) => trial.value === run.best);
}

function trainRevealExtras(state: TrainState, strategies: readonly RevealRun[]): TrainRevealExtras {
  let playerBestModel: TrainedModel | null = null;
  for (const turn of state.history) {
    if (playerBestModel === null || turn.feedback.accuracy > playerBestModel.accuracy) {
      playerBestModel = { by: 'player', settings: turn.move, accuracy: turn.feedback.accuracy, curve: turn.feedback.curve };
    }
  }
  // The best any strategy counted (its table row), retrained once for its curve. A shortened Hyperband
  // try that scored higher does not count, as it does not in the table or the chart.
  let bestModel = playerBestModel;
  let bestTrial: { by: string; trial: RevealTrial; value: number } | null = null;
  for (const run of strategies) {
    const trial = countedBestTrial(run);
    const bar = bestTrial?.value ?? playerBestModel?.accuracy ?? -Infinity;
    if (trial?.value != null && trial.value > bar) bestTrial = { by: run.name, trial, value: trial.value };
  }
  if (bestTrial !== null) {
    const { settings, feedback } = trainAtFidelity(state.seed, state.difficulty, bestTrial.trial.params, bestTrial.trial.fidelity);
    bestModel = { by: bestTrial.by, settings, accuracy: feedback.accuracy, curve: feedback.curve };
  }
  return { playerBestModel, bestModel };
}

export const train: GameRules<TrainState, TrainMove, TrainFeedback, TrainRevealExtras> = {
  id: 'train',
  title: 'Train a Model',
  blurb: `Pick the settings, train a real neural network, and get the best held-out accuracy you can in ${TRAIN_BUDGET} runs.`,
  topic: 'learning-rate',
  difficulties: DIFFICULTIES,
  defaultDifficulty: 'iris',

  moveFields: () => FIELDS,

  parseMove: (input: MoveInput) => checkSettings(input),

  start({ seed, difficulty }) {
    const dataset = requireDifficulty(DIFFICULTY_IDS, difficulty, 'iris');
    return { game: 'train', seed: requireSeed(seed), difficulty: dataset, budget: TRAIN_BUDGET, status: 'playing', history: [] };
  },

  play(state, move) {
    requirePlaying(state);
    const settings = checkSettings((move ?? {}) as Partial<Record<keyof TrainingSettings, unknown>>);
    const feedback = toFeedback(trainRun(state.seed, state.difficulty, settings));
    return { state: recordTurn(state, settings, feedback, false), feedback };
  },

  giveUp: (state) => giveUpGame(state),

  outcome(state): Outcome {
    const best = bestReading(state.history.map((turn) => turn.feedback.accuracy));
    return {
      status: state.status,
      // Accuracy is the score; giving up keeps nothing, so quitting never beats finishing.
      score: state.status === 'gave-up' ? 0 : Math.round(best ?? 0),
      best,
      movesUsed: state.history.length,
      budget: state.budget,
    };
  },

  objective: (seed, difficulty) => trainObjective(seed, difficulty),

  moveToParams(state, moveIndex) {
    return settingsToParams(turnAt(state, moveIndex, 'Run').move);
  },

  // Training has no finish line: nobody wins by reaching a target, only by the better best accuracy.
  winsAt: () => false,

  reading: (turn) => turn.feedback.accuracy,
  readingScale: { name: 'held-out accuracy', unit: '%', range: [0, 100], spread: 100 },

  hiddenAnswer: () => 'the data split was fixed by the seed; the best settings are whatever reached the highest held-out accuracy',

  revealStrategies: ['grid', 'random', 'quasi-random', 'bayes', 'tpe', 'hyperband'],

  revealExtras: (state, runs) => trainRevealExtras(state, runs.strategies),
};
