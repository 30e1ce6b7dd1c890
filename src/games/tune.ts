/**
 * Tune: tune the guitar by ear. Every peg starts detuned by a hidden number of cents (hundredths of a
 * semitone). A move turns one peg by a chosen step and strums; the player hears only how good the whole
 * chord sounds against the tuning fork, as one score 0–100, never which string is off.
 *
 * Each string's share of the score falls off like 1 / (1 + (cents / 20)²): smooth and never quite flat, so
 * even a badly detuned string sounds a little better when turned the right way — listening always helps.
 */
import { z } from 'zod';
import { createRng, deriveSeed, randomInt } from '../search/random.js';
import type { Objective, Params } from '../search/types.js';
import { giveUpGame, outcomeOfReadings, recordTurn, requireDifficulty, requirePlaying, requireSeed, turnAt } from './turns.js';
import type { Reveal } from './reveal-types.js';
import type { Difficulty, GameRules, GameState, MoveInput, Outcome } from './types.js';
import { MoveError } from './types.js';

/** Standard tuning, low to high, at concert pitch (A4 = 440 Hz). */
export const GUITAR_STRINGS = [
  { name: 'E2', hz: 82.41 },
  { name: 'A2', hz: 110.0 },
  { name: 'D3', hz: 146.83 },
  { name: 'G3', hz: 196.0 },
  { name: 'B3', hz: 246.94 },
  { name: 'E4', hz: 329.63 },
] as const;

export type StringName = (typeof GUITAR_STRINGS)[number]['name'];
const STRING_NAMES: readonly StringName[] = GUITAR_STRINGS.map((s) => s.name);

export const PEG_STEPS = [-20, -5, -1, 1, 5, 20] as const;
export type PegStep = (typeof PEG_STEPS)[number];

export const TUNE_BUDGET = 30;
/** A peg turns at most this many cents either way from where it started (a semitone). */
export const PEG_RANGE_CENTS = 100;
/** Every string this close to true (cents) and the guitar is in tune: the game is won. */
export const IN_TUNE_CENTS = 2;
/** Detune at which one string's share of the score halves. */
const HALF_SCORE_CENTS = 20;

type TuneDifficulty = 'easy' | 'normal' | 'hard';
const DIFFICULTY_IDS: readonly TuneDifficulty[] = ['easy', 'normal', 'hard'];
const MAX_DETUNE: Record<TuneDifficulty, number> = { easy: 25, normal: 50, hard: 80 };

const DIFFICULTIES: readonly Difficulty[] = [
  { id: 'easy', label: 'Easy', description: `Pegs start up to ${MAX_DETUNE.easy} cents out.` },
  { id: 'normal', label: 'Normal', description: `Pegs start up to ${MAX_DETUNE.normal} cents out.` },
  { id: 'hard', label: 'Hard', description: `Pegs start up to ${MAX_DETUNE.hard} cents out.` },
];

export interface TuneMove {
  readonly string: StringName;
  readonly cents: PegStep;
}

export interface TuneFeedback {
  /** How good the chord sounds now, 0–100 to one decimal. */
  readonly score: number;
  /** Score change since the strum before (or since the start). */
  readonly change: number;
  readonly inTune: boolean;
}

export type TuneState = GameState<TuneMove, TuneFeedback>;

/** Hidden detuning of each string in whole cents, low E first; never starts already in tune. */
export function hiddenDetuning(seed: string, difficulty: string): number[] {
  const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
  const range = MAX_DETUNE[level];
  const rng = createRng(deriveSeed(seed, 'tune', 'detuning', level));
  for (;;) {
    const cents = GUITAR_STRINGS.map(() => randomInt(rng, 2 * range + 1) - range);
    if (cents.some((c) => Math.abs(c) > IN_TUNE_CENTS)) return cents;
  }
}

/** How good a chord sounds, 0–100 to one decimal, from each string's error in cents. */
export function chordScore(errorsInCents: readonly number[]): number {
  const shares = errorsInCents.map((cents) => 1 / (1 + (cents / HALF_SCORE_CENTS) ** 2));
  const mean = shares.reduce((sum, share) => sum + share, 0) / shares.length;
  return Math.round(1000 * mean) / 10;
}

/** Every string within IN_TUNE_CENTS of true: the guitar is in tune and the game is won. */
function allInTune(errorsInCents: readonly number[]): boolean {
  return errorsInCents.every((cents) => Math.abs(cents) <= IN_TUNE_CENTS);
}

/** How far each peg has been turned in total, in cents, low E first. */
export function pegTurns(state: TuneState): number[] {
  const turns = GUITAR_STRINGS.map(() => 0);
  for (const { move } of state.history) turns[STRING_NAMES.indexOf(move.string)]! += move.cents;
  return turns;
}

/** Each string's error (hidden detuning plus total turns), in cents. */
function errorsAfter(state: TuneState, turns: readonly number[]): number[] {
  return hiddenDetuning(state.seed, state.difficulty).map((cents, i) => cents + (turns[i] as number));
}

/** The chord score before any move (what the first strum is compared with). */
export function startingScore(state: TuneState): number {
  return chordScore(hiddenDetuning(state.seed, state.difficulty));
}

/** The pitch of each string now, in Hz, low E first: what the audio engineer synthesises for a strum. */
export function stringFrequencies(state: TuneState): number[] {
  return errorsAfter(state, pegTurns(state)).map((cents, i) => (GUITAR_STRINGS[i]?.hz as number) * 2 ** (cents / 1200));
}

function stepMessage(got: unknown): string {
  return `A peg turns by one of ${PEG_STEPS.map((s) => (s > 0 ? `+${s}` : String(s))).join(', ')} cents (got ${JSON.stringify(got ?? '')}).`;
}

function stringMessage(got: unknown): string {
  return `Choose a string: ${STRING_NAMES.join(', ')} (got ${JSON.stringify(got ?? '')}).`;
}

const stepInput = z.union([z.number(), z.string().trim().regex(/^[+-]?\d+$/).transform(Number)]);

function checkMove(stringName: unknown, cents: unknown): TuneMove {
  const name = STRING_NAMES.find((n) => n.toLowerCase() === String(stringName ?? '').trim().toLowerCase());
  if (name === undefined) throw new MoveError(stringMessage(stringName));
  const step = stepInput.safeParse(cents);
  const found = step.success ? PEG_STEPS.find((s) => s === step.data) : undefined;
  if (found === undefined) throw new MoveError(stepMessage(cents));
  return { string: name, cents: found };
}

function peggedTooFar(state: TuneState, move: TuneMove): void {
  const turned = pegTurns(state)[STRING_NAMES.indexOf(move.string)] as number;
  const after = turned + move.cents;
  if (Math.abs(after) > PEG_RANGE_CENTS) {
    throw new MoveError(
      `The ${move.string} peg turns at most ${PEG_RANGE_CENTS} cents either way from where it started; it is at ${turned > 0 ? '+' : ''}${turned}, so it can go from ${-PEG_RANGE_CENTS - turned} to +${PEG_RANGE_CENTS - turned} more.`,
    );
  }
}

export function tuneObjective(seed: string, difficulty: string): Objective {
  const detuning = hiddenDetuning(seed, difficulty);
  const space = Object.fromEntries(
    GUITAR_STRINGS.map((s) => [`peg${s.name}`, { kind: 'int' as const, low: -PEG_RANGE_CENTS, high: PEG_RANGE_CENTS }]),
  );
  return {
    name: 'tune',
    description: `Guitar by ear (puzzle "${seed}", ${difficulty}): how far each of six pegs is turned, in cents → chord score 0–100.`,
    space,
    direction: 'maximize',
    evaluate: (params: Params) =>
      chordScore(detuning.map((cents, i) => cents + Number(params[`peg${GUITAR_STRINGS[i]?.name}`]))),
    optimum: 100,
  };
}

/** The player's total peg turns after move `moveIndex` as the objective's parameters. */
function turnsToParams(turns: readonly number[]): Params {
  return Object.fromEntries(GUITAR_STRINGS.map((s, i) => [`peg${s.name}`, turns[i] as number]));
}

/** What the tune's reveal adds for its answer. */
export interface TuneRevealExtras {
  /** How far each string started out of tune, in cents, low E first. */
  readonly detuning: readonly number[];
  /** How far each string was still out when the player stopped. */
  readonly playerFinalErrors: readonly number[];
}

export type TuneReveal = Reveal<TuneRevealExtras>;

export const tune: GameRules<TuneState, TuneMove, TuneFeedback, TuneRevealExtras> = {
  id: 'tune',
  title: 'Tune the Guitar',
  blurb: `Bring all six strings in tune by ear within ${TUNE_BUDGET} strums. You hear only how good the whole chord sounds.`,
  topic: 'grid-search',
  difficulties: DIFFICULTIES,
  defaultDifficulty: 'normal',

  moveFields: () => [
    { name: 'string', label: 'String', kind: 'choice', choices: STRING_NAMES.map((n) => ({ value: n, label: n })) },
    {
      name: 'cents',
      label: 'Turn by',
      kind: 'choice',
      choices: PEG_STEPS.map((s) => ({ value: String(s), label: `${s > 0 ? '+' : ''}${s} cents` })),
    },
  ],

  parseMove: (input: MoveInput, state) => {
    const move = checkMove(input.string, input.cents);
    peggedTooFar(state, move);
    return move;
  },

  start({ seed, difficulty }) {
    const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
    return { game: 'tune', seed: requireSeed(seed), difficulty: level, budget: TUNE_BUDGET, status: 'playing', history: [] };
  },

  play(state, move) {
    requirePlaying(state);
    const raw = move as Partial<TuneMove> | undefined;
    const checked = checkMove(raw?.string, raw?.cents);
    peggedTooFar(state, checked);
    const before = state.history.at(-1)?.feedback.score ?? startingScore(state);
    const turns = pegTurns(state);
    turns[STRING_NAMES.indexOf(checked.string)]! += checked.cents;
    const errors = errorsAfter(state, turns);
    const score = chordScore(errors);
    const feedback: TuneFeedback = {
      score,
      change: Math.round(10 * (score - before)) / 10,
      inTune: allInTune(errors),
    };
    return { state: recordTurn(state, checked, feedback, feedback.inTune), feedback };
  },

  giveUp: (state) => giveUpGame(state),

  outcome: (state): Outcome => outcomeOfReadings(state, state.history.map((turn) => turn.feedback.score)),

  objective: (seed, difficulty) => tuneObjective(seed, difficulty),

  moveToParams(state, moveIndex) {
    turnAt(state, moveIndex, 'Strum');
    return turnsToParams(pegTurns({ ...state, history: state.history.slice(0, moveIndex + 1) }));
  },

  winsAt: (seed, difficulty, params) =>
    allInTune(hiddenDetuning(seed, difficulty).map((cents, i) => cents + Number(params[`peg${GUITAR_STRINGS[i]?.name}`]))),

  reading: (turn) => turn.feedback.score,
  readingScale: { name: 'chord score', range: [0, 100], spread: 100 },

  hiddenAnswer(seed, difficulty) {
    const off = hiddenDetuning(seed, difficulty).map((cents, i) => `${GUITAR_STRINGS[i]?.name} ${cents > 0 ? '+' : ''}${cents}¢`);
    return `the strings started out of tune by ${off.join(', ')}`;
  },

  revealStrategies: ['grid', 'random', 'quasi-random', 'bayes', 'tpe'],

  revealExtras(state) {
    const detuning = hiddenDetuning(state.seed, state.difficulty);
    const turns = pegTurns(state);
    return { detuning, playerFinalErrors: detuning.map((c, i) => c + (turns[i] as number)) };
  },
};
