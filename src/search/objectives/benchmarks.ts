/**
 * Textbook test functions for optimisers, all minimised, with their known optimum values so replays
 * can report regret. Formulas as published (e.g. Surjanovic & Bingham's Virtual Library of Simulation
 * Experiments); parameter names x1, x2, ... follow that convention.
 */
import type { Objective, ObjectiveFactory, Params, SpaceSpec } from '../types.js';

const num = (params: Params, name: string): number => {
  const value = params[name];
  if (typeof value !== 'number') throw new TypeError(`Parameter ${name} must be a number, got ${JSON.stringify(value)}`);
  return value;
};

function fixed(objective: Objective): ObjectiveFactory {
  return { name: objective.name, description: objective.description, create: () => objective };
}

const BRANIN_SPACE: SpaceSpec = {
  x1: { kind: 'float', low: -5, high: 10 },
  x2: { kind: 'float', low: 0, high: 15 },
};

export function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2];
const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((p) => p * 1e-4));

export function hartmann6(x: readonly number[]): number {
  let sum = 0;
  for (const [i, alpha] of HARTMANN_ALPHA.entries()) {
    const a = HARTMANN_A[i] as number[];
    const p = HARTMANN_P[i] as number[];
    const exponent = x.reduce((s, xj, j) => s + (a[j] as number) * (xj - (p[j] as number)) ** 2, 0);
    sum += alpha * Math.exp(-exponent);
  }
  return -sum;
}

export function goldsteinPrice(x1: number, x2: number): number {
  const first = 1 + (x1 + x2 + 1) ** 2 * (19 - 14 * x1 + 3 * x1 ** 2 - 14 * x2 + 6 * x1 * x2 + 3 * x2 ** 2);
  const second = 30 + (2 * x1 - 3 * x2) ** 2 * (18 - 32 * x1 + 12 * x1 ** 2 + 48 * x2 - 36 * x1 * x2 + 27 * x2 ** 2);
  return first * second;
}

export function rosenbrock(x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const xi = x[i] as number;
    sum += 100 * ((x[i + 1] as number) - xi ** 2) ** 2 + (1 - xi) ** 2;
  }
  return sum;
}

export const BRANIN_OPTIMUM = 0.397887357729739;
/** Largest fidelity ("epochs") of the multi-fidelity Branin variant. */
export const BRANIN_TRAINING_EPOCHS = 27;

export const braninObjective: Objective = {
  name: 'branin',
  description: 'Branin: 2 parameters, three equally good valleys; minimum 0.398',
  space: BRANIN_SPACE,
  direction: 'minimize',
  optimum: BRANIN_OPTIMUM,
  evaluate: (params) => branin(num(params, 'x1'), num(params, 'x2')),
};

/**
 * Branin as if each evaluation were a training run: after e epochs the score is the full score plus a
 * gap that shrinks like 1/e and depends on the point, so cheap evaluations rank points roughly but not
 * exactly right. This is the shape Hyperband relies on.
 */
export const braninTrainingObjective: Objective = {
  name: 'branin-training',
  description: `Branin scored after 1–${BRANIN_TRAINING_EPOCHS} training epochs: cheap short runs rank points roughly; minimum 0.398 at full training`,
  space: BRANIN_SPACE,
  direction: 'minimize',
  optimum: BRANIN_OPTIMUM,
  maxFidelity: BRANIN_TRAINING_EPOCHS,
  evaluate(params, fidelity = BRANIN_TRAINING_EPOCHS) {
    if (!(fidelity > 0 && fidelity <= BRANIN_TRAINING_EPOCHS)) {
      throw new RangeError(`branin-training takes 1 to ${BRANIN_TRAINING_EPOCHS} epochs, got ${fidelity}`);
    }
    const x1 = num(params, 'x1');
    const x2 = num(params, 'x2');
    const unfinished = (BRANIN_TRAINING_EPOCHS / fidelity - 1) / (BRANIN_TRAINING_EPOCHS - 1);
    return branin(x1, x2) + unfinished * 30 * (1.2 + Math.sin(0.7 * x1) * Math.cos(0.5 * x2));
  },
};

export const hartmann6Objective: Objective = {
  name: 'hartmann6',
  description: 'Hartmann-6: 6 parameters in [0, 1], one deep narrow minimum of -3.322 among several local ones',
  space: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`x${i + 1}`, { kind: 'float', low: 0, high: 1 }])),
  direction: 'minimize',
  optimum: -3.32236801141551,
  evaluate: (params) => hartmann6(Array.from({ length: 6 }, (_, i) => num(params, `x${i + 1}`))),
};

export const goldsteinPriceObjective: Objective = {
  name: 'goldstein-price',
  description: 'Goldstein–Price: 2 parameters in [-2, 2], values spanning six orders of magnitude; minimum 3',
  space: { x1: { kind: 'float', low: -2, high: 2 }, x2: { kind: 'float', low: -2, high: 2 } },
  direction: 'minimize',
  optimum: 3,
  evaluate: (params) => goldsteinPrice(num(params, 'x1'), num(params, 'x2')),
};

export const rosenbrockObjective: Objective = {
  name: 'rosenbrock',
  description: 'Rosenbrock: 2 parameters, a long curved banana valley that is easy to find and slow to follow; minimum 0',
  space: { x1: { kind: 'float', low: -2, high: 2 }, x2: { kind: 'float', low: -1, high: 3 } },
  direction: 'minimize',
  optimum: 0,
  evaluate: (params) => rosenbrock([num(params, 'x1'), num(params, 'x2')]),
};

export const benchmarkObjectives: readonly ObjectiveFactory[] = [
  fixed(braninObjective),
  fixed(braninTrainingObjective),
  fixed(hartmann6Objective),
  fixed(goldsteinPriceObjective),
  fixed(rosenbrockObjective),
];
