/**
 * Bake: guess grandma's best bake time. Each bake is tasted (0–100) and described in one word.
 *
 * The taste curve is gentler on the underbaked side than on the burnt side, as real baking is: a minute
 * short is soft, a minute long is crisp. On top sits a little oven noise.
 *
 * What purity means for this noisy objective: the noise is drawn from (puzzle seed, bake time, which bake
 * at that time this is). The first bake at a time tastes the same for everyone, so `evaluate` — which
 * the strategies call — is a pure function of the bake time and a replay is exact, while a player who
 * bakes the same time again gets a second, slightly different taste, as a real oven gives. Winning depends
 * on the true time, never on the noise.
 */
import { z } from 'zod';
import { createRng, deriveSeed, normal, randomInt } from '../search/random.js';
import type { Objective, Params } from '../search/types.js';
import { giveUpGame, outcomeOfReadings, recordTurn, requireDifficulty, requirePlaying, requireSeed, turnAt } from './turns.js';
import type { Point, Reveal } from './reveal-types.js';
import type { Difficulty, GameRules, GameState, MoveInput, Outcome } from './types.js';
import { MoveError } from './types.js';

export const BAKE_MIN_MINUTES = 5;
export const BAKE_MAX_MINUTES = 25;
export const BAKE_STEP_MINUTES = 0.5;
export const BAKE_BUDGET = 8;
/** Every taste is a whole number on this scale. */
export const TASTE_SCALE = { low: 0, high: 100 } as const;

/** Spread of the taste curve in minutes: wide below the best time (forgiving), narrow above (burns fast). */
export const UNDERBAKED_SPREAD = 4;
export const OVERBAKED_SPREAD = 1.8;

type BakeDifficulty = 'easy' | 'normal' | 'hard';
const DIFFICULTY_IDS: readonly BakeDifficulty[] = ['easy', 'normal', 'hard'];

interface BakeSettings {
  /** A bake this close to the best time (minutes) is "perfect" and wins. */
  readonly perfectWithin: number;
  /** Standard deviation of the oven noise, in taste points. */
  readonly noise: number;
}

const SETTINGS: Record<BakeDifficulty, BakeSettings> = {
  easy: { perfectWithin: 1, noise: 1.5 },
  normal: { perfectWithin: 0.5, noise: 3 },
  hard: { perfectWithin: 0, noise: 5 },
};

const DIFFICULTIES: readonly Difficulty[] = [
  { id: 'easy', label: 'Easy', description: 'Perfect within a minute of the best time; a steady oven.' },
  { id: 'normal', label: 'Normal', description: 'Perfect within half a minute; the oven wobbles a little.' },
  { id: 'hard', label: 'Hard', description: 'Only the exact best time is perfect; a moody oven.' },
];

export type BakeWord = 'raw' | 'doughy' | 'soft' | 'golden' | 'perfect' | 'crisp' | 'burnt';

export interface BakeMove {
  readonly minutes: number;
}

export interface BakeFeedback {
  /** 0–100, whole numbers, oven noise included. */
  readonly taste: number;
  readonly word: BakeWord;
}

export type BakeState = GameState<BakeMove, BakeFeedback>;

/** Every allowed bake time, shortest first. */
export const BAKE_TIMES: readonly number[] = Array.from(
  { length: (BAKE_MAX_MINUTES - BAKE_MIN_MINUTES) / BAKE_STEP_MINUTES + 1 },
  (_, i) => BAKE_MIN_MINUTES + i * BAKE_STEP_MINUTES,
);

/**
 * The hidden best time: a half-minute step between 9 and 21 minutes, so both sides of the curve fit in
 * the oven's range.
 */
export function bestBakeTime(seed: string): number {
  const rng = createRng(deriveSeed(seed, 'bake', 'best-time'));
  return 9 + randomInt(rng, (21 - 9) / BAKE_STEP_MINUTES + 1) * BAKE_STEP_MINUTES;
}

/** The smooth, noise-free taste of a bake `offset` minutes from the best time (negative = underbaked). */
export function trueTaste(offset: number): number {
  const spread = offset < 0 ? UNDERBAKED_SPREAD : OVERBAKED_SPREAD;
  return 100 * Math.exp(-0.5 * (offset / spread) ** 2);
}

/** Oven noise is clipped to this many standard deviations, so the largest wobble is known. */
const NOISE_CLIP = 2.5;

/**
 * The words every screen uses, defined once:
 * - the *best time* is grandma's hidden time, the top of the true (noise-free) taste curve;
 * - a bake is *perfect* when it is within `perfectWithin` minutes of the best time; the first perfect
 *   bake wins. Closeness to the best time decides it, never the taste, which is noisy;
 * - a bake's *taste* is the true taste plus the oven's wobble, up to `maxWobble` points either way, so a
 *   bake near the best time can taste as much as, or more than, a bake at the best time itself;
 * - the player's *best* (board, race table, chart) is their highest taste.
 */
export interface BakeRules {
  readonly perfectWithin: number;
  /** Standard deviation of the oven's wobble, in taste points. */
  readonly noise: number;
  /** The largest wobble, in whole taste points. */
  readonly maxWobble: number;
}

export function bakeRules(difficulty: string): BakeRules {
  const { perfectWithin, noise } = SETTINGS[requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal')];
  return { perfectWithin, noise, maxWobble: Math.round(NOISE_CLIP * noise) };
}

function minutesText(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The rules in two short sentences, as the board and the reveal state them. */
export function bakeRulesText(difficulty: string): string {
  const rules = bakeRules(difficulty);
  const perfect =
    rules.perfectWithin === 0 ? 'Only a bake at exactly the best time is perfect' : `A bake within ${minutesText(rules.perfectWithin)} of the best time is perfect`;
  return `${perfect} and wins. The oven wobbles: a taste can be up to ${rules.maxWobble} points above or below the cake's true taste.`;
}

/** The oven's fixed wobble at this time for this puzzle, in taste points (clipped to ±2.5 standard deviations). */
function ovenNoise(seed: string, difficulty: BakeDifficulty, minutes: number, repeat: number): number {
  // The first bake keeps the original derivation, so puzzles and replays stay as they were.
  const parts = repeat === 0 ? [seed, 'bake', 'oven', minutes.toFixed(1)] : [seed, 'bake', 'oven', minutes.toFixed(1), String(repeat)];
  const rng = createRng(deriveSeed(...parts));
  const draw = Math.max(-NOISE_CLIP, Math.min(NOISE_CLIP, normal(rng)));
  return SETTINGS[difficulty].noise * draw;
}

function wordFor(offset: number, perfectWithin: number): BakeWord {
  if (Math.abs(offset) <= perfectWithin + 1e-9) return 'perfect';
  const taste = trueTaste(offset);
  if (taste >= 85) return 'golden';
  if (offset < 0) return taste >= 65 ? 'soft' : taste >= 30 ? 'doughy' : 'raw';
  return taste >= 40 ? 'crisp' : 'burnt';
}

/**
 * Tastes one bake: pure in (seed, difficulty, minutes, repeat), where `repeat` counts earlier bakes at
 * the same time in this game.
 */
export function tasteBake(seed: string, difficulty: string, minutes: number, repeat = 0): BakeFeedback {
  const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
  checkMinutes(minutes);
  const offset = minutes - bestBakeTime(seed);
  const noisy = trueTaste(offset) + ovenNoise(seed, level, minutes, repeat);
  return {
    taste: Math.round(Math.min(TASTE_SCALE.high, Math.max(TASTE_SCALE.low, noisy))),
    word: wordFor(offset, SETTINGS[level].perfectWithin),
  };
}

function rangeMessage(got: unknown): string {
  const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
  return `Bake time must be from ${BAKE_MIN_MINUTES} to ${BAKE_MAX_MINUTES} minutes in half-minute steps (got ${shown}).`;
}

function checkMinutes(minutes: number): void {
  const steps = (minutes - BAKE_MIN_MINUTES) / BAKE_STEP_MINUTES;
  const onStep = Math.abs(steps - Math.round(steps)) < 1e-9;
  if (!Number.isFinite(minutes) || minutes < BAKE_MIN_MINUTES || minutes > BAKE_MAX_MINUTES || !onStep) {
    throw new MoveError(rangeMessage(minutes), 'minutes');
  }
}

const minutesInput = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]);

function parseBakeMove(input: MoveInput): BakeMove {
  const parsed = minutesInput.safeParse(input.minutes);
  if (!parsed.success) throw new MoveError(rangeMessage(input.minutes ?? ''), 'minutes');
  checkMinutes(parsed.data);
  return { minutes: parsed.data };
}

export function bakeObjective(seed: string, difficulty: string): Objective {
  const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
  const evaluate = (params: Params): number => tasteBake(seed, level, Number(params.bakeTime)).taste;
  return {
    name: 'bake',
    description: `Grandma's bake (puzzle "${seed}", ${level}): bake time in minutes → taste 0–100, with oven noise.`,
    space: { bakeTime: { kind: 'float', low: BAKE_MIN_MINUTES, high: BAKE_MAX_MINUTES, step: BAKE_STEP_MINUTES } },
    direction: 'maximize',
    evaluate,
    // Exact because the noise is frozen per time: the best taste any allowed bake can give.
    optimum: Math.max(...BAKE_TIMES.map((minutes) => evaluate({ bakeTime: minutes }))),
  };
}

/** What the bake's reveal adds for its answer and chart. */
export interface BakeRevealExtras {
  readonly bestTime: number;
  /** The noise-free taste curve every 0.1 minute: the hidden truth. */
  readonly trueCurve: readonly Point[];
  /** What a bake at each allowed time actually tastes, oven noise included. */
  readonly ovenTastes: readonly Point[];
  /** The player's bakes in order (x minutes, y taste). */
  readonly playerBakes: readonly Point[];
}

export type BakeReveal = Reveal<BakeRevealExtras>;

export const bake: GameRules<BakeState, BakeMove, BakeFeedback, BakeRevealExtras> = {
  id: 'bake',
  title: "Grandma's Bake",
  blurb: `Find grandma's perfect bake time (${BAKE_MIN_MINUTES}–${BAKE_MAX_MINUTES} minutes) in ${BAKE_BUDGET} bakes. Each bake is tasted and described.`,
  topic: 'bayesian-optimisation',
  difficulties: DIFFICULTIES,
  defaultDifficulty: 'normal',

  moveFields: () => [
    { name: 'minutes', label: 'Bake time', kind: 'number', min: BAKE_MIN_MINUTES, max: BAKE_MAX_MINUTES, step: BAKE_STEP_MINUTES, unit: 'minutes' },
  ],

  parseMove: (input) => parseBakeMove(input),

  start({ seed, difficulty }) {
    const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
    return { game: 'bake', seed: requireSeed(seed), difficulty: level, budget: BAKE_BUDGET, status: 'playing', history: [] };
  },

  play(state, move) {
    requirePlaying(state);
    const checked = parseBakeMove({ minutes: (move as Partial<BakeMove> | undefined)?.minutes });
    const repeat = state.history.filter((turn) => turn.move.minutes === checked.minutes).length;
    const feedback = tasteBake(state.seed, state.difficulty, checked.minutes, repeat);
    return { state: recordTurn(state, checked, feedback, feedback.word === 'perfect'), feedback };
  },

  giveUp: (state) => giveUpGame(state),

  outcome: (state): Outcome => outcomeOfReadings(state, state.history.map((turn) => turn.feedback.taste)),

  objective: (seed, difficulty) => bakeObjective(seed, difficulty),

  moveToParams(state, moveIndex) {
    return { bakeTime: turnAt(state, moveIndex, 'Bake').move.minutes };
  },

  // A perfect bake wins, as it does for a player: the true time decides, never the oven's noise.
  winsAt: (seed, difficulty, params) => tasteBake(seed, difficulty, Number(params.bakeTime)).word === 'perfect',

  reading: (turn) => turn.feedback.taste,
  readingScale: { name: 'taste', range: [0, 100], spread: 100 },

  hiddenAnswer: (seed) => `the best bake time was ${bestBakeTime(seed)} minutes`,

  revealStrategies: ['grid', 'random', 'quasi-random', 'bayes', 'tpe'],

  revealExtras(state) {
    const bestTime = bestBakeTime(state.seed);
    const fine = Array.from({ length: (BAKE_MAX_MINUTES - BAKE_MIN_MINUTES) * 10 + 1 }, (_, i) => BAKE_MIN_MINUTES + i / 10);
    return {
      bestTime,
      trueCurve: fine.map((x) => ({ x, y: trueTaste(x - bestTime) })),
      ovenTastes: BAKE_TIMES.map((x) => ({ x, y: tasteBake(state.seed, state.difficulty, x).taste })),
      playerBakes: state.history.map((t) => ({ x: t.move.minutes, y: t.feedback.taste })),
    };
  },
};

/** How close to the best time (minutes) a bake must be to be perfect, at this difficulty. */
export function perfectWithinMinutes(difficulty: string): number {
  return SETTINGS[requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal')].perfectWithin;
}
