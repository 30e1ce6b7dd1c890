/**
 * Dig for Gold: prospect a 100 m × 100 m map in 12 digs. Each dig reports the grams of gold found there.
 *
 * The hidden gold lies in a smooth field: a few Gaussian-shaped deposits of different sizes and widths on
 * top of one broad, faint drift, all drawn from the puzzle seed. A dig finds the field's gold plus a
 * little deterministic noise (seeded by the puzzle, the spot and how many digs were already made there),
 * so a replay finds exactly the same grams, and the strategies' `evaluate` is a pure function of the spot.
 *
 * Winning depends on the true field, never on the noise: a dig wins when the field there is within a few
 * grams of its true maximum (the "mother lode"), found numerically on a fine grid then refined.
 *
 * It teaches what one dimension cannot: a grid spends its digs on a lattice, random search scatters them,
 * and Bayesian optimisation's belief is a map.
 */
import { z } from 'zod';
import { createRng, deriveSeed, normal } from '../search/random.js';
import type { Objective, Params, SpaceSpec } from '../search/types.js';
import { bestReading, giveUpGame, leaderboardScore, recordTurn, requireDifficulty, requirePlaying, requireSeed, turnAt } from './turns.js';
import type { Difficulty, GameRules, GameState, MoveInput, Outcome, Turn } from './types.js';
import { MoveError } from './types.js';

export const DIG_MIN_METRES = 0;
export const DIG_MAX_METRES = 100;
/** Digs are at whole metres: easy to type, and a spot is named the same way by player and optimiser. */
export const DIG_STEP_METRES = 1;
export const DIG_BUDGET = 12;
/** How widely grams spread on a typical map, for a belief after a single dig (the model cannot measure it). */
export const DIG_GRAMS_SPREAD = 20;
/** Who the reveal replays beside the player, in the order the small maps show them. */
export const DIG_REVEAL_STRATEGIES = ['grid', 'random', 'quasi-random', 'bayes'] as const;

type DigDifficulty = 'easy' | 'normal' | 'hard';
const DIFFICULTY_IDS: readonly DigDifficulty[] = ['easy', 'normal', 'hard'];

interface DigSettings {
  /** Deposits besides the broad drift. */
  readonly deposits: number;
  /** Width (standard deviation, metres) each deposit is drawn from. */
  readonly width: readonly [number, number];
  /** Standard deviation of the noise per dig, in grams. */
  readonly noise: number;
  /** A dig where the true field is within this many grams of its maximum finds the mother lode and wins. */
  readonly winWithin: number;
}

const SETTINGS: Record<DigDifficulty, DigSettings> = {
  easy: { deposits: 2, width: [16, 24], noise: 0.3, winWithin: 4 },
  normal: { deposits: 3, width: [11, 17], noise: 0.6, winWithin: 3 },
  hard: { deposits: 4, width: [7, 12], noise: 1.2, winWithin: 2 },
};

const DIFFICULTIES: readonly Difficulty[] = [
  { id: 'easy', label: 'Easy', description: `${SETTINGS.easy.deposits} wide deposits; within ${SETTINGS.easy.winWithin} g of the richest spot wins.` },
  { id: 'normal', label: 'Normal', description: `${SETTINGS.normal.deposits} deposits; within ${SETTINGS.normal.winWithin} g of the richest spot wins.` },
  { id: 'hard', label: 'Hard', description: `${SETTINGS.hard.deposits} narrow deposits, noisier digs; within ${SETTINGS.hard.winWithin} g of the richest spot wins.` },
];

/** Noise is clipped to this many standard deviations, so the largest wobble is known. */
const NOISE_CLIP = 2.5;
/** Deposits lie this far inside the map, so each one's top can be found. */
const DEPOSIT_MARGIN = 10;
/** Deposit centres at least this far apart, so they read as separate peaks. */
const DEPOSIT_SEPARATION = 25;

export interface DigMove {
  /** Metres east of the map's west edge. */
  readonly x: number;
  /** Metres north of the map's south edge. */
  readonly y: number;
}

export interface DigFeedback {
  /** Grams found, to one decimal, noise included; never negative. */
  readonly grams: number;
  /** The true field here is within the difficulty's margin of its maximum: the game is won. */
  readonly motherLode: boolean;
}

export type DigState = GameState<DigMove, DigFeedback>;

/** One Gaussian-shaped deposit: `grams` at its centre, falling off with `width` metres. */
export interface GoldDeposit {
  readonly x: number;
  readonly y: number;
  readonly grams: number;
  readonly width: number;
}

/** The hidden field of one puzzle: the sum of its deposits. */
export interface GoldField {
  readonly deposits: readonly GoldDeposit[];
}

export interface GoldPeak {
  readonly x: number;
  readonly y: number;
  /** The true (noise-free) grams at the field's maximum. */
  readonly grams: number;
}

function level(difficulty: string | undefined): DigDifficulty {
  return requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
}

const between = (rng: () => number, low: number, high: number): number => low + (high - low) * rng();

/** The puzzle's hidden field: deposits of different sizes and widths plus one broad, faint drift. */
export function goldField(seed: string, difficulty: string): GoldField {
  const chosen = level(difficulty);
  const settings = SETTINGS[chosen];
  const rng = createRng(deriveSeed(seed, 'dig', 'field', chosen));
  const richest = between(rng, 40, 60);
  const deposits: GoldDeposit[] = [];
  for (let i = 0; i < settings.deposits; i++) {
    // A bounded number of tries keeps this total; the last try is kept even if it sits close.
    let centre = { x: 0, y: 0 };
    for (let attempt = 0; attempt < 50; attempt++) {
      centre = { x: between(rng, DEPOSIT_MARGIN, DIG_MAX_METRES - DEPOSIT_MARGIN), y: between(rng, DEPOSIT_MARGIN, DIG_MAX_METRES - DEPOSIT_MARGIN) };
      if (deposits.every((d) => Math.hypot(d.x - centre.x, d.y - centre.y) >= DEPOSIT_SEPARATION)) break;
    }
    const grams = i === 0 ? richest : richest * between(rng, 0.35, 0.75);
    deposits.push({ ...centre, grams, width: between(rng, settings.width[0], settings.width[1]) });
  }
  // The drift gives far-off digs a little gold, so every dig says something about the map.
  deposits.push({
    x: between(rng, DIG_MIN_METRES, DIG_MAX_METRES),
    y: between(rng, DIG_MIN_METRES, DIG_MAX_METRES),
    grams: richest * between(rng, 0.12, 0.22),
    width: between(rng, 35, 45),
  });
  return { deposits };
}

/** The field's true (noise-free) grams at a spot; any real coordinates, not only whole metres. */
export function trueGold(field: GoldField, x: number, y: number): number {
  let sum = 0;
  for (const d of field.deposits) sum += d.grams * Math.exp(-((x - d.x) ** 2 + (y - d.y) ** 2) / (2 * d.width ** 2));
  return sum;
}

const clampToMap = (v: number): number => Math.min(DIG_MAX_METRES, Math.max(DIG_MIN_METRES, v));

/** Compass search from a start: try a step each way, move when it gains, halve the step when nothing does. */
function refine(field: GoldField, start: GoldPeak): GoldPeak {
  let best = start;
  for (let step = 0.5; step > 1e-5; ) {
    let moved = false;
    for (const [dx, dy] of [[step, 0], [-step, 0], [0, step], [0, -step]] as const) {
      const x = clampToMap(best.x + dx);
      const y = clampToMap(best.y + dy);
      const grams = trueGold(field, x, y);
      if (grams > best.grams) {
        best = { x, y, grams };
        moved = true;
      }
    }
    if (!moved) step /= 2;
  }
  return best;
}

const peakCache = new Map<string, GoldPeak>();
const MAX_CACHED_PEAKS = 256;

/**
 * Where the field is richest and how rich: every whole metre is scanned, then the few best local maxima
 * of that scan are refined between the metres. Deterministic, so every screen names the same mother lode.
 */
export function goldPeak(seed: string, difficulty: string): GoldPeak {
  const chosen = level(difficulty);
  const key = JSON.stringify([seed, chosen]);
  const cached = peakCache.get(key);
  if (cached !== undefined) return cached;
  const field = goldField(seed, chosen);
  const size = DIG_MAX_METRES - DIG_MIN_METRES + 1;
  const values = new Float64Array(size * size);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) values[j * size + i] = trueGold(field, DIG_MIN_METRES + i, DIG_MIN_METRES + j);
  const localMaxima: GoldPeak[] = [];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const v = values[j * size + i] as number;
      let highest = true;
      for (let dj = -1; dj <= 1 && highest; dj++) {
        for (let di = -1; di <= 1; di++) {
          const ni = i + di;
          const nj = j + dj;
          if ((di === 0 && dj === 0) || ni < 0 || nj < 0 || ni >= size || nj >= size) continue;
          if ((values[nj * size + ni] as number) > v) {
            highest = false;
            break;
          }
        }
      }
      if (highest) localMaxima.push({ x: DIG_MIN_METRES + i, y: DIG_MIN_METRES + j, grams: v });
    }
  }
  localMaxima.sort((a, b) => b.grams - a.grams || a.x - b.x || a.y - b.y);
  const peak = localMaxima
    .slice(0, 5)
    .map((start) => refine(field, start))
    .reduce((a, b) => (b.grams > a.grams ? b : a));
  if (peakCache.size >= MAX_CACHED_PEAKS) peakCache.clear();
  peakCache.set(key, peak);
  return peak;
}

/**
 * The words every screen uses, defined once: the *mother lode* is the field's true maximum; a dig whose
 * true gold is within `winWithin` grams of it wins. A dig's *grams* are the true gold plus noise, up to
 * `maxWobble` grams either way, so a reading alone can mislead by that much.
 */
export interface DigRules {
  readonly winWithin: number;
  readonly noise: number;
  readonly maxWobble: number;
}

export function digRules(difficulty: string): DigRules {
  const { winWithin, noise } = SETTINGS[level(difficulty)];
  return { winWithin, noise, maxWobble: Math.round(10 * NOISE_CLIP * noise) / 10 };
}

/** The rules in two short sentences, as the board and the reveal state them. */
export function digRulesText(difficulty: string): string {
  const rules = digRules(difficulty);
  return `A dig within ${rules.winWithin} g of the richest spot's gold strikes the mother lode and wins. Each reading can be up to ${rules.maxWobble} g above or below the true gold there.`;
}

function digNoise(seed: string, difficulty: DigDifficulty, x: number, y: number, repeat: number): number {
  const parts = repeat === 0 ? [seed, 'dig', 'noise', x, y] : [seed, 'dig', 'noise', x, y, repeat];
  const draw = Math.max(-NOISE_CLIP, Math.min(NOISE_CLIP, normal(createRng(deriveSeed(...parts)))));
  return SETTINGS[difficulty].noise * draw;
}

/** Whether the true gold at a spot is close enough to the maximum to win. */
function strikesLode(seed: string, difficulty: DigDifficulty, x: number, y: number): boolean {
  return trueGold(goldField(seed, difficulty), x, y) >= goldPeak(seed, difficulty).grams - SETTINGS[difficulty].winWithin;
}

/**
 * One dig: pure in (seed, difficulty, spot, repeat), where `repeat` counts earlier digs at the same spot
 * in this game (a second dig there finds a slightly different amount, as real ground would give).
 */
export function digAt(seed: string, difficulty: string, x: number, y: number, repeat = 0): DigFeedback {
  const chosen = level(difficulty);
  checkMetres(x, 'x');
  checkMetres(y, 'y');
  const noisy = trueGold(goldField(seed, chosen), x, y) + digNoise(seed, chosen, x, y, repeat);
  return { grams: Math.round(10 * Math.max(0, noisy)) / 10, motherLode: strikesLode(seed, chosen, x, y) };
}

/** The one reading of a dig turn, the number every screen shows: grams found. */
export function digReading(turn: Turn<DigMove, DigFeedback>): number {
  return turn.feedback.grams;
}

const AXIS_NAMES = { x: 'x (metres east)', y: 'y (metres north)' } as const;

function rangeMessage(axis: 'x' | 'y', got: unknown): string {
  const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
  return `${AXIS_NAMES[axis]} must be a whole number of metres from ${DIG_MIN_METRES} to ${DIG_MAX_METRES} (got ${shown}).`;
}

function checkMetres(value: number, axis: 'x' | 'y'): void {
  if (!Number.isInteger(value) || value < DIG_MIN_METRES || value > DIG_MAX_METRES) throw new MoveError(rangeMessage(axis, value), axis);
}

const metresInput = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]);

function parseAxis(input: MoveInput, axis: 'x' | 'y'): number {
  const parsed = metresInput.safeParse(input[axis]);
  if (!parsed.success) throw new MoveError(rangeMessage(axis, input[axis] ?? ''), axis);
  checkMetres(parsed.data, axis);
  return parsed.data;
}

function parseDigMove(input: MoveInput): DigMove {
  return { x: parseAxis(input, 'x'), y: parseAxis(input, 'y') };
}

const METRES_AXIS = { kind: 'float', low: DIG_MIN_METRES, high: DIG_MAX_METRES, step: DIG_STEP_METRES } as const;
/** The engine's view of a dig: x then y, whole metres. */
export const DIG_SPACE: SpaceSpec = { x: METRES_AXIS, y: METRES_AXIS };

export function digObjective(seed: string, difficulty: string): Objective {
  const chosen = level(difficulty);
  return {
    name: 'dig',
    description: `Dig for Gold (puzzle "${seed}", ${chosen}): where to dig, x and y in metres → grams of gold, with a little noise.`,
    space: DIG_SPACE,
    direction: 'maximize',
    evaluate: (params: Params) => digAt(seed, chosen, Number(params.x), Number(params.y)).grams,
    // The true maximum, noise-free: a lucky reading can pass it, so regret is measured against the ground itself.
    optimum: goldPeak(seed, chosen).grams,
  };
}

/**
 * What only Dig for Gold's reveal adds: where the mother lode was. The maps (true field, belief) are drawn
 * from the seed and the runs by the reveal's pictures (dig-reveal.ts), which import these rules, not the reverse.
 */
export interface DigRevealExtras {
  readonly peak: GoldPeak;
}

export const dig: GameRules<DigState, DigMove, DigFeedback, DigRevealExtras> = {
  id: 'dig',
  title: 'Dig for Gold',
  blurb: `Find the richest gold on a ${DIG_MAX_METRES} m × ${DIG_MAX_METRES} m map in ${DIG_BUDGET} digs. Each dig says how many grams it found.`,
  topic: 'bayesian-optimisation',
  difficulties: DIFFICULTIES,
  defaultDifficulty: 'normal',

  moveFields: () => [
    { name: 'x', label: 'x (metres east)', kind: 'number', min: DIG_MIN_METRES, max: DIG_MAX_METRES, step: DIG_STEP_METRES, unit: 'm' },
    { name: 'y', label: 'y (metres north)', kind: 'number', min: DIG_MIN_METRES, max: DIG_MAX_METRES, step: DIG_STEP_METRES, unit: 'm' },
  ],

  parseMove: (input) => parseDigMove(input),

  start({ seed, difficulty }) {
    return { game: 'dig', seed: requireSeed(seed), difficulty: level(difficulty), budget: DIG_BUDGET, status: 'playing', history: [] };
  },

  play(state, move) {
    requirePlaying(state);
    const raw = move as Partial<DigMove> | undefined;
    const checked = parseDigMove({ x: raw?.x, y: raw?.y });
    const repeat = state.history.filter((turn) => turn.move.x === checked.x && turn.move.y === checked.y).length;
    const feedback = digAt(state.seed, state.difficulty, checked.x, checked.y, repeat);
    return { state: recordTurn(state, checked, feedback, feedback.motherLode), feedback };
  },

  giveUp: (state) => giveUpGame(state),

  outcome(state): Outcome {
    const best = bestReading(state.history.map(digReading));
    const progress = (best ?? 0) / goldPeak(state.seed, state.difficulty).grams;
    return {
      status: state.status,
      score: leaderboardScore(state.status, progress, state.history.length, state.budget),
      best,
      movesUsed: state.history.length,
      budget: state.budget,
    };
  },

  objective: (seed, difficulty) => digObjective(seed, difficulty),

  moveToParams(state, moveIndex) {
    const { move } = turnAt(state, moveIndex, 'Dig');
    return { x: move.x, y: move.y };
  },

  // The true field decides, never the noise, as it does for a player's dig.
  winsAt: (seed, difficulty, params) => {
    const x = Number(params.x);
    const y = Number(params.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    return strikesLode(seed, level(difficulty), clampToMap(x), clampToMap(y));
  },

  reading: digReading,
  readingScale: { name: 'gold', unit: 'g', spread: DIG_GRAMS_SPREAD },

  hiddenAnswer(seed, difficulty) {
    const peak = goldPeak(seed, difficulty);
    return `the mother lode was at x ${Math.round(peak.x)} m, y ${Math.round(peak.y)} m, with ${peak.grams.toFixed(1)} g`;
  },

  revealStrategies: DIG_REVEAL_STRATEGIES,

  revealExtras: (state) => ({ peak: goldPeak(state.seed, state.difficulty) }),
};
