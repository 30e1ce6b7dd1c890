import { describe, expect, it } from 'vitest';
import { Space } from '../../src/search/space.js';
import { createStrategy, STRATEGY_NAMES } from '../../src/search/strategies/index.js';
import { Study, StudyError } from '../../src/search/study.js';
import { braninObjective, braninTrainingObjective } from '../../src/search/objectives/benchmarks.js';
import type { Objective, Trial } from '../../src/search/types.js';

function runStudy(strategy: string, objective: Objective, asks: number, seed: string): Study {
  const study = new Study({
    space: objective.space,
    direction: objective.direction,
    strategy: createStrategy(strategy),
    seed,
    budget: 30,
    ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }),
  });
  for (let i = 0; i < asks; i++) {
    const trial = study.ask();
    study.tell(trial.index, objective.evaluate(trial.params, trial.fidelity));
  }
  return study;
}

describe('Study', () => {
  it('hands out running trials and records told values', () => {
    const study = new Study({ space: braninObjective.space, direction: 'minimize', strategy: createStrategy('random'), seed: 's' });
    const trial = study.ask();
    expect(trial).toMatchObject({ index: 0, state: 'running' });
    expect(study.best).toBeUndefined();
    study.tell(0, 4.5);
    expect(study.trials[0]).toMatchObject({ index: 0, state: 'complete', value: 4.5 });
    expect(study.best?.value).toBe(4.5);
  });

  it('accepts results in any order and picks the best by direction', () => {
    for (const direction of ['minimize', 'maximize'] as const) {
      const study = new Study({ space: braninObjective.space, direction, strategy: createStrategy('random'), seed: 'order' });
      const trials = Array.from({ length: 5 }, () => study.ask());
      for (const trial of [...trials].reverse()) study.tell(trial.index, trial.index * 10);
      expect(study.trials.map((t) => t.value)).toEqual([0, 10, 20, 30, 40]);
      expect(study.best?.index).toBe(direction === 'minimize' ? 0 : 4);
    }
  });

  it('refuses to tell twice, to tell unknown trials or to tell a non-finite value', () => {
    const study = new Study({ space: braninObjective.space, direction: 'minimize', strategy: createStrategy('random'), seed: 's' });
    const trial = study.ask();
    expect(() => study.tell(trial.index, Number.NaN)).toThrow(/fail\(\)/);
    study.tell(trial.index, 1);
    expect(() => study.tell(trial.index, 2)).toThrow(StudyError);
    expect(() => study.tell(trial.index, 2)).toThrow(/already complete/);
    expect(() => study.fail(trial.index)).toThrow(/already complete/);
    expect(() => study.tell(7, 1)).toThrow(/No trial 7/);
    expect(() => study.tell(-1, 1)).toThrow(/No trial -1/);
  });

  it('records failed trials, leaves them out of best, and strategies skip them', () => {
    const study = new Study({ space: braninObjective.space, direction: 'minimize', strategy: createStrategy('tpe'), seed: 'fail' });
    for (let i = 0; i < 14; i++) {
      const trial = study.ask();
      if (i % 2 === 0) study.fail(trial.index, 'diverged');
      else study.tell(trial.index, braninObjective.evaluate(trial.params));
    }
    expect(study.trials.filter((t) => t.state === 'failed')).toHaveLength(7);
    expect(study.trials[0]).toMatchObject({ state: 'failed', reason: 'diverged' });
    expect(study.best?.index ?? 0).toBeGreaterThan(0);
    expect((study.best?.index ?? 0) % 2).toBe(1);

    // TPE still needs 10 completed trials, so failures must not count towards its start-up phase; with
    // only 7 completed, its next point is a plain random draw, the same one random search would make.
    const next = study.ask();
    const twin = new Study({ space: braninObjective.space, direction: 'minimize', strategy: createStrategy('random'), seed: 'fail', trials: study.trials.slice(0, 14) });
    expect(next.params).toEqual(twin.ask().params);
  });

  it.each(STRATEGY_NAMES)('%s: a study rebuilt from its told trials asks the same next point', (name) => {
    const objective = name === 'hyperband' ? braninTrainingObjective : braninObjective;
    const original = runStudy(name, objective, 14, `restore-${name}`);
    const stored: Trial[] = JSON.parse(JSON.stringify(original.trials)) as Trial[];
    const rebuilt = Study.restore(
      { space: objective.space, direction: objective.direction, strategy: createStrategy(name), seed: `restore-${name}`, budget: 30, ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }) },
      stored,
    );
    const a = original.ask();
    const b = rebuilt.ask();
    expect(b.index).toBe(14);
    expect(b.params).toEqual(a.params);
    expect(b.fidelity).toEqual(a.fidelity);
  });

  it('rejects stored trials that are out of order or outside the space', () => {
    const base = { space: new Space(braninObjective.space), direction: 'minimize' as const, strategy: createStrategy('random'), seed: 's' };
    expect(() => new Study({ ...base, trials: [{ index: 1, params: { x1: 0, x2: 0 }, state: 'complete', value: 1 }] })).toThrow(/index order/);
    expect(() => new Study({ ...base, trials: [{ index: 0, params: { x1: 99, x2: 0 }, state: 'complete', value: 1 }] })).toThrow(/"x1"/);
  });

  it('prefers full-fidelity trials when choosing the best', () => {
    const study = new Study({
      space: braninObjective.space,
      direction: 'minimize',
      strategy: createStrategy('random'),
      seed: 's',
      maxFidelity: 27,
      trials: [
        { index: 0, params: { x1: 0, x2: 0 }, state: 'complete', value: 0.1, fidelity: 1 },
        { index: 1, params: { x1: 1, x2: 1 }, state: 'complete', value: 5, fidelity: 27 },
      ],
    });
    expect(study.best?.index).toBe(1);
  });
});
