/**
 * The vocabulary of the search engine, shared by every strategy, objective and game.
 * Inside the engine we speak the optimiser's words: parameter, objective, trial, study.
 */

/** One tunable knob and the values it may take. */
export type ParamSpec =
  | { kind: 'float'; low: number; high: number; log?: boolean; step?: number }
  | { kind: 'int'; low: number; high: number; log?: boolean }
  | { kind: 'categorical'; choices: readonly CategoricalValue[] };

export type CategoricalValue = string | number | boolean;
export type ParamValue = number | string | boolean;

/** Parameter name → spec. Key order is the dimension order everywhere (unit cube, tables, charts). */
export type SpaceSpec = Readonly<Record<string, ParamSpec>>;
export type Params = Readonly<Record<string, ParamValue>>;

export type Direction = 'minimize' | 'maximize';

export type TrialState = 'running' | 'complete' | 'failed';

export interface Trial {
  /** 0-based position in the order trials were asked. */
  readonly index: number;
  readonly params: Params;
  readonly state: TrialState;
  /** Set when state is 'complete'. */
  readonly value?: number;
  /** Budget the trial was evaluated at (epochs, say) for multi-fidelity strategies; absent means full. */
  readonly fidelity?: number;
}

/** A function to optimise. Games register theirs next to the textbook benchmarks. */
export interface Objective {
  readonly name: string;
  readonly description: string;
  readonly space: SpaceSpec;
  readonly direction: Direction;
  /** Pure given params (and fidelity): any randomness must be derived from the objective's own seed. */
  evaluate(params: Params, fidelity?: number): number;
  /** Best achievable value, when known, so replays can report regret. */
  readonly optimum?: number;
  /** Largest fidelity the objective accepts (e.g. epochs); absent means it has no fidelity. */
  readonly maxFidelity?: number;
}

/** A named family of objectives: fixed benchmarks ignore the options, games pick a puzzle with them. */
export interface ObjectiveFactory {
  readonly name: string;
  readonly description: string;
  create(options?: { puzzleSeed?: string; difficulty?: string }): Objective;
}
