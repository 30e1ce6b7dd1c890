/**
 * The runs on one puzzle: the person's probes, made through the game's own rules, and each strategy's,
 * stepped one trial at a time with the same study (seed = puzzle seed, budget = the game's) that the
 * reveal replays, so a strategy here makes exactly the moves its reveal row shows.
 */
import { GAMES } from '../../src/games/index.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import type { AnyGameRules, GameId, GameState, MoveInput } from '../../src/games/types.js';
import { bestTrial, Study } from '../../src/search/study.js';
import { createStrategy } from '../../src/search/strategies/index.js';
import type { Objective, Params, Trial } from '../../src/search/types.js';
import { readingText } from './reading-words.js';

export type RunName = 'you' | 'grid' | 'random' | 'bayes';
export const STRATEGY_RUNS: readonly Exclude<RunName, 'you'>[] = ['grid', 'random', 'bayes'];
/** The pictures' series labels (src/pictures), so the page names each run as Discord's pictures do. */
export const RUN_LABELS: Readonly<Record<RunName, string>> = {
  you: seriesStyle('player').label,
  grid: seriesStyle('grid').label,
  random: seriesStyle('random').label,
  bayes: seriesStyle('bayes').label,
};

export interface Probe {
  readonly params: Params;
  /** The reading in the game's unit (taste, accuracy %, grams); null when the try failed. */
  readonly value: number | null;
  /** What the person reads: "14.5 minutes: taste 82". */
  readonly text: string;
}

export interface Run {
  readonly name: RunName;
  readonly probes: readonly Probe[];
  /** The engine's trials, in index order, as a study would hold them. */
  readonly trials: readonly Trial[];
}

export interface Puzzle {
  readonly game: GameId;
  readonly rules: AnyGameRules;
  readonly seed: string;
  readonly difficulty: string;
  readonly objective: Objective;
  readonly budget: number;
  state: GameState<unknown, unknown>;
  readonly runs: Record<RunName, Run>;
}

export function startPuzzle(game: GameId, seed: string, difficulty?: string): Puzzle {
  const rules = GAMES[game];
  const state = rules.start({ seed, ...(difficulty === undefined ? {} : { difficulty }) });
  const empty = (name: RunName): Run => ({ name, probes: [], trials: [] });
  return {
    game,
    rules,
    seed: state.seed,
    difficulty: state.difficulty,
    objective: rules.objective(state.seed, state.difficulty),
    budget: state.budget,
    state,
    runs: { you: empty('you'), grid: empty('grid'), random: empty('random'), bayes: empty('bayes') },
  };
}

export function describeParams(rules: AnyGameRules, difficulty: string, params: Params): string {
  const fields = rules.moveFields(difficulty);
  return fields
    .map((field) => {
      const value = params[PARAM_OF_FIELD[rules.id]?.[field.name] ?? field.name];
      return fields.length === 1 && field.kind === 'number' ? `${String(value)} ${field.unit ?? ''}`.trim() : `${field.label} ${String(value)}`;
    })
    .join(', ');
}

/** Where a move field's name differs from the engine's parameter name. */
export const PARAM_OF_FIELD: Partial<Record<GameId, Readonly<Record<string, string>>>> = { bake: { minutes: 'bakeTime' } };

/**
 * The person's probe, made through the game's rules exactly as /play makes it. Throws the rules'
 * MoveError (with its message for the person) for a move they refuse, or once the game is over.
 */
export function probe(puzzle: Puzzle, input: MoveInput): Probe {
  const move = puzzle.rules.parseMove(input, puzzle.state);
  const { state, feedback } = puzzle.rules.play(puzzle.state, move);
  puzzle.state = state;
  const index = state.history.length - 1;
  const params = puzzle.rules.moveToParams(state, index);
  const value = puzzle.rules.reading({ move, feedback });
  const made: Probe = { params, value, text: `${describeParams(puzzle.rules, puzzle.difficulty, params)}: ${readingText(puzzle.rules, value)}` };
  const you = puzzle.runs.you;
  const trial: Trial = { index, params, state: 'complete', value };
  puzzle.runs.you = { ...you, probes: [...you.probes, made], trials: [...you.trials, trial] };
  return made;
}

/** One more trial of a strategy's run, or undefined when it has used the game's budget. */
export function stepStrategy(puzzle: Puzzle, name: Exclude<RunName, 'you'>): Probe | undefined {
  const run = puzzle.runs[name];
  if (run.trials.length >= puzzle.budget) return undefined;
  const { objective } = puzzle;
  const study = new Study({
    space: objective.space,
    direction: objective.direction,
    strategy: createStrategy(name),
    seed: puzzle.seed,
    budget: puzzle.budget,
    ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }),
    trials: run.trials,
  });
  const trial = study.ask();
  let value: number | null = null;
  try {
    const result = trial.fidelity === undefined ? objective.evaluate(trial.params) : objective.evaluate(trial.params, trial.fidelity);
    if (Number.isFinite(result)) value = result;
  } catch {
    value = null;
  }
  if (value === null) study.fail(trial.index);
  else study.tell(trial.index, value);
  const made: Probe = { params: trial.params, value, text: `${describeParams(puzzle.rules, puzzle.difficulty, trial.params)}: ${readingText(puzzle.rules, value)}` };
  puzzle.runs[name] = { ...run, probes: [...run.probes, made], trials: study.trials };
  return made;
}

/** Best reading after each trial (null before the first success). */
export function bestSoFar(puzzle: Puzzle, run: Run): (number | null)[] {
  return run.trials.map((_, i) => bestTrial(run.trials.slice(0, i + 1), puzzle.objective.direction, puzzle.objective.maxFidelity)?.value ?? null);
}
