import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/search/random.js';
import { Space, SpaceError } from '../../src/search/space.js';
import type { SpaceSpec } from '../../src/search/types.js';

const mixed: SpaceSpec = {
  learningRate: { kind: 'float', low: 1e-5, high: 1e-1, log: true },
  dropout: { kind: 'float', low: 0, high: 0.5, step: 0.1 },
  layers: { kind: 'int', low: 1, high: 8 },
  width: { kind: 'int', low: 16, high: 1024, log: true },
  optimizer: { kind: 'categorical', choices: ['sgd', 'adam', 'rmsprop'] },
  temperature: { kind: 'float', low: -3, high: 7 },
};

describe('Space', () => {
  const space = new Space(mixed);

  it('keeps the spec key order as the dimension order', () => {
    expect(space.names).toEqual(['learningRate', 'dropout', 'layers', 'width', 'optimizer', 'temperature']);
    expect(space.dimension).toBe(6);
    expect(space.specs[4]).toEqual(mixed.optimizer);
  });

  it('maps unit points to valid params and back to the same params', () => {
    const rng = createRng('round-trip');
    for (let n = 0; n < 500; n++) {
      const unit = Array.from({ length: space.dimension }, () => rng());
      const params = space.fromUnit(unit);
      expect(space.contains(params)).toBe(true);
      const again = space.fromUnit(space.toUnit(params));
      expect(again.dropout).toBe(params.dropout);
      expect(again.layers).toBe(params.layers);
      expect(again.width).toBe(params.width);
      expect(again.optimizer).toBe(params.optimizer);
      expect(again.learningRate as number).toBeCloseTo(params.learningRate as number, 12);
      expect(again.temperature as number).toBeCloseTo(params.temperature as number, 12);
      // Once snapped, another round trip changes nothing in unit coordinates either.
      const unitAgain = space.toUnit(again);
      expect(space.toUnit(space.fromUnit(unitAgain))).toEqual(unitAgain.map((u) => expect.closeTo(u, 12)));
    }
  });

  it('places categories at cell centres and integers in equal cells', () => {
    const unit = space.toUnit({ learningRate: 1e-3, dropout: 0.2, layers: 1, width: 16, optimizer: 'rmsprop', temperature: 2 });
    expect(unit[4]).toBeCloseTo(2.5 / 3, 12);
    expect(unit[2]).toBeCloseTo(0.5 / 8, 12);
    expect(unit[1]).toBeCloseTo(2.5 / 6, 12);
    expect(unit[0]).toBeCloseTo(0.5, 12); // 1e-3 is the middle of 1e-5..1e-1 on a log scale
    expect(unit[5]).toBeCloseTo(0.5, 12);
  });

  it('gives every integer the same share of a uniform draw', () => {
    const small = new Space({ n: { kind: 'int', low: 1, high: 4 } });
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) {
      const value = small.fromUnit([(i + 0.5) / 400]).n as number;
      counts[value - 1] = (counts[value - 1] as number) + 1;
    }
    expect(counts).toEqual([100, 100, 100, 100]);
  });

  it('clamps, snaps steps and tidies binary noise', () => {
    expect(space.fromUnit([-1, 2, -0.5, 9, 1, 1.5])).toEqual({
      learningRate: 1e-5,
      dropout: 0.5,
      layers: 1,
      width: 1024,
      optimizer: 'rmsprop',
      temperature: 7,
    });
    const steps = new Space({ x: { kind: 'float', low: 0.1, high: 0.7, step: 0.1 } });
    expect(Array.from({ length: 7 }, (_, i) => steps.fromUnit([(i + 0.5) / 7]).x)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('validates params with messages that name the parameter and its range', () => {
    const good = { learningRate: 1e-3, dropout: 0.2, layers: 3, width: 64, optimizer: 'adam', temperature: 0 };
    expect(space.contains(good)).toBe(true);
    expect(() => space.validate({ ...good, layers: 9 })).toThrow(/"layers" must be a whole number from 1 to 8 \(got 9\)/);
    expect(() => space.validate({ ...good, layers: 2.5 })).toThrow(/"layers"/);
    expect(() => space.validate({ ...good, dropout: 0.25 })).toThrow(/"dropout" must be a number from 0 to 0.5 in steps of 0.1/);
    expect(() => space.validate({ ...good, optimizer: 'adagrad' })).toThrow(/"optimizer" must be one of "sgd", "adam", "rmsprop"/);
    expect(() => space.validate({ ...good, temperature: Number.NaN })).toThrow(/"temperature"/);
    const { width: _width, ...missing } = good;
    expect(() => space.validate(missing)).toThrow(/"width" is missing/);
    expect(() => space.validate({ ...good, colour: 'red' })).toThrow(/"colour" is not a parameter/);
    expect(space.contains({ ...good, learningRate: 0.5 })).toBe(false);
    expect(() => space.toUnit({ ...good, learningRate: 0.5 })).toThrow(SpaceError);
  });

  it.each<[string, SpaceSpec, RegExp]>([
    ['no parameters', {}, /at least one parameter/],
    ['low equal to high', { x: { kind: 'float', low: 1, high: 1 } }, /"x": low \(1\) must be below high \(1\)/],
    ['low above high', { n: { kind: 'int', low: 5, high: 2 } }, /"n": low \(5\) must be below high \(2\)/],
    ['log with low 0', { lr: { kind: 'float', low: 0, high: 1, log: true } }, /"lr": a log scale needs low > 0/],
    ['log int with negative low', { n: { kind: 'int', low: -2, high: 8, log: true } }, /"n": a log scale needs low > 0/],
    ['a step that does not divide the range', { x: { kind: 'float', low: 0, high: 1, step: 0.3 } }, /"x": step 0.3 does not divide the range 0..1/],
    ['a negative step', { x: { kind: 'float', low: 0, high: 1, step: -0.5 } }, /"x": step must be positive/],
    ['empty choices', { c: { kind: 'categorical', choices: [] } }, /"c": a categorical parameter needs at least one choice/],
    ['duplicate choices', { c: { kind: 'categorical', choices: ['a', 'b', 'a'] } }, /"c": choice "a" is listed twice/],
    ['an infinite bound', { x: { kind: 'float', low: 0, high: Number.POSITIVE_INFINITY } }, /"x": high must be a finite number/],
    ['a NaN bound', { x: { kind: 'float', low: Number.NaN, high: 1 } }, /"x": low must be a finite number/],
    ['fractional int bounds', { n: { kind: 'int', low: 0.5, high: 3 } }, /"n": an int parameter needs whole-number bounds/],
  ])('rejects %s', (_label, spec, message) => {
    expect(() => new Space(spec)).toThrow(SpaceError);
    expect(() => new Space(spec)).toThrow(message);
  });

  it('counts grid points: floats at the asked resolution, discrete values as far as they go, all choices', () => {
    // learningRate 5, dropout min(6, 5) = 5, layers min(8, 5) = 5, width 5, optimizer 3, temperature 5.
    expect(space.gridSize(5)).toBe(5 * 5 * 5 * 5 * 3 * 5);
    expect(space.gridSize(1)).toBe(3);
    expect(new Space({ n: { kind: 'int', low: 1, high: 3 } }).gridSize(10)).toBe(3);
    expect(() => space.gridSize(0)).toThrow(RangeError);
  });
});
