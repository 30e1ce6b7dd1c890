/**
 * A search space: typed parameters and the map between their values and the unit cube.
 * Strategies think in unit coordinates (every parameter becomes one number in [0, 1]);
 * objectives and learners see real values (a bake time in minutes, an oven type).
 */
import type { CategoricalValue, ParamSpec, ParamValue, Params, SpaceSpec } from './types.js';

export class SpaceError extends Error {
  override readonly name = 'SpaceError';
}

/** One parameter's view of the unit interval. */
interface Axis {
  readonly name: string;
  readonly spec: ParamSpec;
  /** How many distinct values the parameter can take (Infinity for a continuous float). */
  readonly naturalCount: number;
  toUnit(value: ParamValue): number;
  fromUnit(u: number): ParamValue;
  /** Why the value is not allowed, or undefined when it is. */
  problem(value: ParamValue): string | undefined;
  /** Evenly spread values for a grid with `count` points along this axis. */
  gridValues(count: number): ParamValue[];
}

const clamp01 = (u: number): number => Math.min(1, Math.max(0, u));
/** Removes binary noise such as 0.30000000000000004 from values built by adding steps. */
const tidy = (x: number): number => Number(x.toPrecision(12));

function describeRange(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'categorical':
      return `one of ${spec.choices.map((c) => JSON.stringify(c)).join(', ')}`;
    case 'int':
      return `a whole number from ${spec.low} to ${spec.high}`;
    case 'float':
      return spec.step === undefined
        ? `a number from ${spec.low} to ${spec.high}`
        : `a number from ${spec.low} to ${spec.high} in steps of ${spec.step}`;
  }
}

/** Picks `count` of `n` indices spread evenly, ends included (the middle one when count is 1). */
function spreadIndices(n: number, count: number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  if (count <= 1) return [Math.floor((n - 1) / 2)];
  return Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / (count - 1)));
}

function checkNumbers(name: string, values: Record<string, number | undefined>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new SpaceError(`Parameter "${name}": ${field} must be a finite number (got ${value})`);
    }
  }
}

function makeAxis(name: string, spec: ParamSpec): Axis {
  if (spec.kind === 'categorical') return categoricalAxis(name, spec.choices);
  checkNumbers(name, { low: spec.low, high: spec.high, step: spec.kind === 'float' ? spec.step : undefined });
  if (spec.low >= spec.high) {
    throw new SpaceError(`Parameter "${name}": low (${spec.low}) must be below high (${spec.high})`);
  }
  if (spec.log === true && spec.low <= 0) {
    throw new SpaceError(`Parameter "${name}": a log scale needs low > 0 (got ${spec.low})`);
  }
  if (spec.kind === 'int') {
    if (!Number.isInteger(spec.low) || !Number.isInteger(spec.high)) {
      throw new SpaceError(`Parameter "${name}": an int parameter needs whole-number bounds (got ${spec.low}..${spec.high})`);
    }
    return integerAxis(name, spec, spec.low, spec.high, 1, spec.log === true);
  }
  if (spec.step !== undefined) {
    if (spec.step <= 0) throw new SpaceError(`Parameter "${name}": step must be positive (got ${spec.step})`);
    if (spec.log === true) throw new SpaceError(`Parameter "${name}": step cannot be combined with a log scale`);
    const intervals = (spec.high - spec.low) / spec.step;
    if (Math.abs(intervals - Math.round(intervals)) > 1e-9 * Math.max(1, intervals)) {
      throw new SpaceError(
        `Parameter "${name}": step ${spec.step} does not divide the range ${spec.low}..${spec.high}`,
      );
    }
    // A stepped float is an integer count of steps above low.
    return integerAxis(name, spec, 0, Math.round(intervals), spec.step, false);
  }
  return continuousAxis(name, spec, spec.log === true);
}

function continuousAxis(name: string, spec: ParamSpec & { kind: 'float' }, log: boolean): Axis {
  const lo = log ? Math.log(spec.low) : spec.low;
  const hi = log ? Math.log(spec.high) : spec.high;
  const axis: Axis = {
    name,
    spec,
    naturalCount: Number.POSITIVE_INFINITY,
    toUnit: (value) => clamp01(((log ? Math.log(value as number) : (value as number)) - lo) / (hi - lo)),
    fromUnit: (u) => {
      const x = lo + clamp01(u) * (hi - lo);
      return Math.min(spec.high, Math.max(spec.low, log ? Math.exp(x) : x));
    },
    problem: (value) =>
      typeof value === 'number' && Number.isFinite(value) && value >= spec.low && value <= spec.high
        ? undefined
        : describeRange(spec),
    gridValues: (count) =>
      count <= 1 ? [axis.fromUnit(0.5)] : Array.from({ length: count }, (_, i) => axis.fromUnit(i / (count - 1))),
  };
  return axis;
}

/**
 * Integers (and stepped floats, as step counts) own equal-width cells of the unit interval, so a
 * uniform draw picks every value equally often; a value maps to the centre of its cell.
 */
function integerAxis(
  name: string,
  spec: ParamSpec & { kind: 'int' | 'float' },
  firstCount: number,
  lastCount: number,
  step: number,
  log: boolean,
): Axis {
  const toValue = (count: number): number => (step === 1 && spec.kind === 'int' ? count : tidy(spec.low + count * step));
  const toCount = (value: number): number => (spec.kind === 'int' ? value : (value - spec.low) / step);
  const warp = (x: number): number => (log ? Math.log(x) : x);
  const lo = warp(firstCount - 0.5);
  const hi = warp(lastCount + 0.5);
  const axis: Axis = {
    name,
    spec,
    naturalCount: lastCount - firstCount + 1,
    toUnit: (value) => clamp01((warp(toCount(value as number)) - lo) / (hi - lo)),
    fromUnit: (u) => {
      const x = lo + clamp01(u) * (hi - lo);
      const count = Math.round(log ? Math.exp(x) : x);
      return toValue(Math.min(lastCount, Math.max(firstCount, count)));
    },
    problem: (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return describeRange(spec);
      const count = toCount(value);
      const onGrid = Math.abs(count - Math.round(count)) <= 1e-9 * Math.max(1, Math.abs(count));
      return onGrid && value >= spec.low && value <= spec.high ? undefined : describeRange(spec);
    },
    gridValues: (count) => spreadIndices(lastCount - firstCount + 1, count).map((i) => toValue(firstCount + i)),
  };
  return axis;
}

function categoricalAxis(name: string, choices: readonly CategoricalValue[]): Axis {
  if (choices.length === 0) throw new SpaceError(`Parameter "${name}": a categorical parameter needs at least one choice`);
  for (const [i, choice] of choices.entries()) {
    if (typeof choice === 'number' && !Number.isFinite(choice)) {
      throw new SpaceError(`Parameter "${name}": choice ${choice} is not a finite number`);
    }
    if (choices.indexOf(choice) !== i) {
      throw new SpaceError(`Parameter "${name}": choice ${JSON.stringify(choice)} is listed twice`);
    }
  }
  const spec: ParamSpec = { kind: 'categorical', choices };
  const k = choices.length;
  return {
    name,
    spec,
    naturalCount: k,
    toUnit: (value) => (choices.indexOf(value) + 0.5) / k,
    fromUnit: (u) => choices[Math.min(k - 1, Math.floor(clamp01(u) * k))] as CategoricalValue,
    problem: (value) => (choices.includes(value) ? undefined : describeRange(spec)),
    gridValues: (count) => spreadIndices(k, count).map((i) => choices[i] as CategoricalValue),
  };
}

export class Space {
  readonly names: readonly string[];
  readonly specs: readonly ParamSpec[];
  readonly dimension: number;
  readonly #axes: readonly Axis[];

  constructor(spec: SpaceSpec) {
    const entries = Object.entries(spec);
    if (entries.length === 0) throw new SpaceError('A search space needs at least one parameter');
    this.#axes = entries.map(([name, paramSpec]) => {
      if (name.trim() === '') throw new SpaceError('Parameter names must not be empty');
      return makeAxis(name, paramSpec);
    });
    this.names = Object.freeze(entries.map(([name]) => name));
    this.specs = Object.freeze(this.#axes.map((axis) => axis.spec));
    this.dimension = this.#axes.length;
  }

  /** Accepts a Space as is, so callers can pass either. */
  static from(space: Space | SpaceSpec): Space {
    return space instanceof Space ? space : new Space(space);
  }

  /** The spec the space was built from (key order kept). */
  toSpec(): SpaceSpec {
    return Object.fromEntries(this.#axes.map((axis) => [axis.name, axis.spec]));
  }

  /** Distinct values each parameter can take, in dimension order (Infinity for continuous floats). */
  naturalCounts(): number[] {
    return this.#axes.map((axis) => axis.naturalCount);
  }

  toUnit(params: Params): number[] {
    this.validate(params);
    return this.#axes.map((axis) => axis.toUnit(params[axis.name] as ParamValue));
  }

  /** Clamps each coordinate to [0, 1], then rounds integers, snaps steps and picks a category. */
  fromUnit(u: readonly number[]): Params {
    if (u.length !== this.dimension) {
      throw new RangeError(`Expected ${this.dimension} unit coordinates, got ${u.length}`);
    }
    const params: Record<string, ParamValue> = {};
    for (const [i, axis] of this.#axes.entries()) {
      const coordinate = u[i] as number;
      if (Number.isNaN(coordinate)) throw new RangeError(`Unit coordinate ${i} (${axis.name}) is NaN`);
      params[axis.name] = axis.fromUnit(coordinate);
    }
    return params;
  }

  contains(params: Params): boolean {
    return this.#problems(params).length === 0;
  }

  /** Throws a SpaceError naming every parameter that is missing, unknown or out of its range. */
  validate(params: Params): void {
    const problems = this.#problems(params);
    if (problems.length > 0) throw new SpaceError(problems.join('; '));
  }

  /** Points in a full grid with `pointsPerFloat` values per continuous float; discrete parameters use their own values up to that many, categoricals all choices. */
  gridSize(pointsPerFloat: number): number {
    if (!Number.isInteger(pointsPerFloat) || pointsPerFloat < 1) {
      throw new RangeError(`pointsPerFloat must be a positive integer, got ${pointsPerFloat}`);
    }
    return this.#axes.reduce(
      (size, axis) => size * (axis.spec.kind === 'categorical' ? axis.naturalCount : Math.min(axis.naturalCount, pointsPerFloat)),
      1,
    );
  }

  /** The values a grid with `counts[i]` points along parameter i visits, per parameter. */
  gridAxes(counts: readonly number[]): ParamValue[][] {
    if (counts.length !== this.dimension) throw new RangeError(`Expected ${this.dimension} counts, got ${counts.length}`);
    return this.#axes.map((axis, i) => axis.gridValues(Math.max(1, Math.floor(counts[i] as number))));
  }

  #problems(params: Params): string[] {
    const problems: string[] = [];
    for (const axis of this.#axes) {
      const value = params[axis.name];
      if (value === undefined) {
        problems.push(`"${axis.name}" is missing; it must be ${describeRange(axis.spec)}`);
        continue;
      }
      const allowed = axis.problem(value);
      if (allowed !== undefined) problems.push(`"${axis.name}" must be ${allowed} (got ${JSON.stringify(value)})`);
    }
    for (const name of Object.keys(params)) {
      if (!this.names.includes(name)) problems.push(`"${name}" is not a parameter of this space (${this.names.join(', ')})`);
    }
    return problems;
  }
}
