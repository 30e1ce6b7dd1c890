import { describe, expect, it } from 'vitest';
import { questionIntent } from '../../src/content/question-intent.js';
import { editDistanceAtMostOne } from '../../src/content/spelling.js';

describe('editDistanceAtMostOne', () => {
  it.each([
    ['dropout', 'dropout', true],
    ['dropuot', 'dropout', true],
    ['dropot', 'dropout', true],
    ['droppout', 'dropout', true],
    ['dropoux', 'dropout', true],
    ['explode', 'explore', true],
    ['dorpuot', 'dropout', false],
    ['drop', 'dropout', false],
    ['abcd', 'badc', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(editDistanceAtMostOne(a, b)).toBe(expected);
    expect(editDistanceAtMostOne(b, a)).toBe(expected);
  });
});

describe('questionIntent', () => {
  it.each([
    ['grid search vs random search which is better', ['grid search', 'random search']],
    ['what is the difference between grid and random search', ['grid', 'random search']],
    ['adam or sgd?', ['adam', 'sgd']],
    ['is adamw better than adam', ['adamw', 'adam']],
    ['Optuna versus Ray Tune', ['optuna', 'ray tune']],
  ])('%j compares %j', (question, sides) => {
    expect(questionIntent(question)).toEqual({ kind: 'compare', sides });
  });

  it.each(['why does random search beat grid search', 'what is a learning rate', 'or'])('%j asks about one thing', (question) => {
    expect(questionIntent(question)).toEqual({ kind: 'single' });
  });
});
