import { describe, expect, it } from 'vitest';
import { heldOutSplit, irisDataset, spiralDataset } from '../../src/games/datasets.js';
import type { TrainMove } from '../../src/games/train.js';
import { TRAIN_BUDGET, train, trainObjective, trainRun } from '../../src/games/train.js';
import { MoveError } from '../../src/games/types.js';
import { reveal } from '../../src/games/reveal.js';

const GOOD: TrainMove = { learningRate: 0.1, epochs: 60, hiddenUnits: 16, batchSize: 16, weightDecay: 1e-4 };
const BARELY_TRAINED: TrainMove = { learningRate: 1e-4, epochs: 1, hiddenUnits: 4, batchSize: 128, weightDecay: 1e-4 };

describe('train data', () => {
  it('splits each class the same way, deterministically from the seed, without overlap', () => {
    const a = heldOutSplit(irisDataset(), 'x');
    expect(a.train.labels).toHaveLength(75);
    expect(a.heldOut.labels).toHaveLength(75);
    for (const label of [0, 1, 2]) expect(a.heldOut.labels.filter((l) => l === label)).toHaveLength(25);
    expect(heldOutSplit(irisDataset(), 'x')).toEqual(a);
    expect(heldOutSplit(irisDataset(), 'y').heldOut.features).not.toEqual(a.heldOut.features);
    // Iris repeats a few flowers exactly, so the only rows allowed in both parts are those repeats.
    const trainRows = new Set(a.train.features.map((row) => row.join()));
    const shared = a.heldOut.features.filter((row) => trainRows.has(row.join())).length;
    const raw = irisDataset().features.map((row) => row.join());
    expect(shared).toBeLessThanOrEqual(raw.length - new Set(raw).size);
  });

  it('generates a seeded three-armed spiral', () => {
    const spiral = spiralDataset('s');
    expect(spiral.features).toHaveLength(300);
    expect(new Set(spiral.labels)).toEqual(new Set([0, 1, 2]));
    expect(spiralDataset('s')).toEqual(spiral);
    expect(spiralDataset('t').features).not.toEqual(spiral.features);
  });
});

describe('train really learns', () => {
  it('classifies iris from its sepals well above chance with good settings', () => {
    for (const seed of ['iris-1', 'iris-2', 'iris-3']) {
      expect(trainRun(seed, 'iris', GOOD).heldOutAccuracy).toBeGreaterThan(0.7);
    }
  });

  it('makes tuning matter on iris: strategies do not all tie and none reaches the ceiling', () => {
    // With all four measurements nearly any settings scored 93–100 % and every strategy tied.
    for (const seed of ['a', 'b', 'c']) {
      const bests = reveal(train.start({ seed, difficulty: 'iris' })).strategies.map((run) => run.best as number);
      expect(Math.max(...bests)).toBeLessThan(100);
      expect(Math.max(...bests) - Math.min(...bests)).toBeGreaterThanOrEqual(2.5);
    }
  });

  it('stays near chance (one in three) with a tiny learning rate and a single epoch', () => {
    const seeds = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const mean = seeds.reduce((sum, seed) => sum + trainRun(seed, 'iris', BARELY_TRAINED).heldOutAccuracy, 0) / seeds.length;
    expect(mean).toBeGreaterThan(0.15);
    expect(mean).toBeLessThan(0.5);
  });

  it('unwinds the spiral only when tuned: a good learning rate beats too small and too large ones', () => {
    const spiral = { ...GOOD, epochs: 100, hiddenUnits: 32 };
    const good = trainRun('spiral-1', 'spiral', spiral).heldOutAccuracy;
    expect(good).toBeGreaterThan(0.9);
    expect(trainRun('spiral-1', 'spiral', { ...spiral, learningRate: 0.001 }).heldOutAccuracy).toBeLessThan(good - 0.2);
    expect(trainRun('spiral-1', 'spiral', { ...spiral, learningRate: 3 }).heldOutAccuracy).toBeLessThan(good - 0.2);
  });

  it('returns a learning curve per epoch whose loss falls with good settings', () => {
    const { curve, diverged } = trainRun('curve', 'iris', GOOD);
    expect(diverged).toBe(false);
    expect(curve.trainLoss).toHaveLength(GOOD.epochs);
    expect(curve.heldOutAccuracy).toHaveLength(GOOD.epochs);
    expect(curve.trainLoss.at(-1)!).toBeLessThan(curve.trainLoss[0]! / 2);
  });

  it('is deterministic under the seed and differs between seeds', () => {
    const spiral = { ...GOOD, epochs: 20 };
    expect(trainRun('same', 'spiral', spiral)).toEqual(trainRun('same', 'spiral', spiral));
    expect(trainRun('other', 'spiral', spiral).curve).not.toEqual(trainRun('same', 'spiral', spiral).curve);
  });
});

describe('train rules', () => {
  it('plays runs, keeps the curve in the stored state, and ends after the budget', () => {
    let state = train.start({ seed: 'rules' });
    expect(state).toMatchObject({ difficulty: 'iris', budget: TRAIN_BUDGET, status: 'playing' });
    const first = train.play(state, GOOD);
    expect(first.feedback.accuracy).toBeGreaterThan(70);
    expect(first.feedback.curve.heldOutAccuracy).toHaveLength(GOOD.epochs);
    expect(JSON.parse(JSON.stringify(first.state))).toEqual(first.state);
    state = first.state;
    for (let i = 1; i < TRAIN_BUDGET; i++) state = train.play(state, BARELY_TRAINED).state;
    expect(state.status).toBe('spent');
    expect(train.outcome(state)).toMatchObject({ status: 'spent', best: first.feedback.accuracy, score: Math.round(first.feedback.accuracy) });
    expect(() => train.play(state, GOOD)).toThrow(/all 10 moves are used/);
    expect(train.outcome(train.giveUp(train.start({ seed: 'rules' }))).score).toBe(0);
  });

  it('parses typed settings and rejects out-of-range or malformed ones, naming the range', () => {
    const state = train.start({ seed: 'rules', difficulty: 'spiral' });
    expect(
      train.parseMove({ learningRate: '1e-2', epochs: '30', hiddenUnits: '8', batchSize: '32', weightDecay: '0.001' }, state),
    ).toEqual({ learningRate: 0.01, epochs: 30, hiddenUnits: 8, batchSize: 32, weightDecay: 0.001 });
    const cases: [Partial<Record<keyof TrainMove, unknown>>, RegExp][] = [
      [{ learningRate: 10 }, /Learning rate must be from 0.0001 to 3/],
      [{ learningRate: 'fast' }, /Learning rate must be from 0.0001 to 3/],
      [{ epochs: 2.5 }, /Epochs must be a whole number from 1 to 100/],
      [{ epochs: 0 }, /Epochs must be a whole number from 1 to 100/],
      [{ hiddenUnits: 65 }, /Hidden units must be a whole number from 2 to 64/],
      [{ batchSize: 7 }, /Batch size must be one of 4, 8, 16, 32, 64, 128/],
      [{ weightDecay: 0 }, /Weight decay must be from 0.00001 to 0.1/],
    ];
    for (const [change, message] of cases) {
      expect(() => train.play(state, { ...GOOD, ...change } as TrainMove)).toThrow(MoveError);
      expect(() => train.play(state, { ...GOOD, ...change } as TrainMove)).toThrow(message);
    }
    expect(() => train.start({ seed: 'x', difficulty: 'mnist' })).toThrow(/iris, spiral/);
  });

  it('poses the same puzzle as an objective, with epochs as the fidelity', () => {
    const objective = trainObjective('obj', 'iris');
    const { feedback } = train.play(train.start({ seed: 'obj' }), GOOD);
    expect(objective.evaluate({ ...GOOD })).toBe(feedback.accuracy);
    expect(objective.maxFidelity).toBe(100);
    expect(objective.evaluate({ ...GOOD }, 5)).toBe(objective.evaluate({ ...GOOD, epochs: 5 }));
  });
});
