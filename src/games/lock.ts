/**
 * Lock: crack the combination. Three dials 0–9 (four on hard); each try tells how many dials click,
 * that is, are set to the right digit. Listening to the clicks narrows 1000 combinations to one within the
 * budget; trying combinations without listening almost never gets there (see test/bench/games-lock-budget.ts).
 */
import { z } from 'zod';
import type { Rng } from '../search/random.js';
import { createRng, deriveSeed, randomInt } from '../search/random.js';
import type { Proposal, ProposalContext, Strategy } from '../search/strategy.js';
import { completedTrials } from '../search/strategy.js';
import type { Objective, Params } from '../search/types.js';
import type { Reveal } from './reveal-types.js';
import { giveUpGame, leaderboardScore, recordTurn, requireDifficulty, requirePlaying, requireSeed, turnAt } from './turns.js';
import type { Difficulty, GameRules, GameState, MoveField, MoveInput, Outcome } from './types.js';
import { MoveError } from './types.js';

type LockDifficulty = 'easy' | 'normal' | 'hard';
const DIFFICULTY_IDS: readonly LockDifficulty[] = ['easy', 'normal', 'hard'];

/**
 * Budgets measured with test/bench/games-lock-budget.ts over 200 seeds: the click-listening reasoner opens
 * 3 dials in a median of 10 tries (99 % within 12) and 4 dials in a median of 11 (all within 14), because
 * most tries hear zero clicks and teach only about one bit. Blind guessing opens 3 dials within 12 tries
 * about 1 time in 100.
 */
const SETTINGS: Record<LockDifficulty, { dials: number; budget: number }> = {
  easy: { dials: 3, budget: 15 },
  normal: { dials: 3, budget: 12 },
  hard: { dials: 4, budget: 14 },
};

const DIFFICULTIES: readonly Difficulty[] = [
  { id: 'easy', label: 'Easy', description: `3 dials, ${SETTINGS.easy.budget} tries.` },
  { id: 'normal', label: 'Normal', description: `3 dials, ${SETTINGS.normal.budget} tries.` },
  { id: 'hard', label: 'Hard', description: `4 dials, ${SETTINGS.hard.budget} tries.` },
];

/** A combination, one digit 0–9 per dial, left to right. */
export type Combination = readonly number[];

export interface LockMove {
  readonly combination: Combination;
}

export interface LockFeedback {
  /** How many dials are set to the right digit. */
  readonly clicks: number;
  readonly opened: boolean;
}

export type LockState = GameState<LockMove, LockFeedback>;

/** One try and what it told: the shape the reasoning below needs, whoever made the try. */
export interface LockClue {
  readonly combination: Combination;
  readonly clicks: number;
}

export function dialsFor(difficulty: string): number {
  return SETTINGS[requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal')].dials;
}

export function lockBudget(difficulty: string): number {
  return SETTINGS[requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal')].budget;
}

export function secretCombination(seed: string, dials: number): Combination {
  const rng = createRng(deriveSeed(seed, 'lock', 'combination', dials));
  return Array.from({ length: dials }, () => randomInt(rng, 10));
}

export function countClicks(secret: Combination, attempt: Combination): number {
  let clicks = 0;
  for (let i = 0; i < secret.length; i++) if (secret[i] === attempt[i]) clicks++;
  return clicks;
}

// ---- Reasoning about which combinations are still possible -------------------------------------------

/** All combinations of `dials` dials as one flat digit table: combination k occupies digits[k*dials ..]. */
export interface CombinationTable {
  readonly dials: number;
  readonly count: number;
  readonly digits: Uint8Array;
}

const tables = new Map<number, CombinationTable>();

export function combinationTable(dials: number): CombinationTable {
  let table = tables.get(dials);
  if (table === undefined) {
    const count = 10 ** dials;
    const digits = new Uint8Array(count * dials);
    for (let k = 0; k < count; k++) {
      let rest = k;
      for (let d = dials - 1; d >= 0; d--) {
        digits[k * dials + d] = rest % 10;
        rest = Math.floor(rest / 10);
      }
    }
    table = { dials, count, digits };
    tables.set(dials, table);
  }
  return table;
}

export function combinationAt(table: CombinationTable, index: number): Combination {
  return Array.from(table.digits.subarray(index * table.dials, (index + 1) * table.dials));
}

/** Clicks between table entries a and b. */
function clicksBetween(table: CombinationTable, a: number, b: number): number {
  const { dials, digits } = table;
  let clicks = 0;
  for (let d = 0; d < dials; d++) if (digits[a * dials + d] === digits[b * dials + d]) clicks++;
  return clicks;
}

/** A clue, or a turn of the game's history: the reasoning functions accept either. */
export type LockEvidence = LockClue | { readonly move: LockMove; readonly feedback: LockFeedback };

function asClue(evidence: LockEvidence): LockClue {
  return 'move' in evidence ? { combination: evidence.move.combination, clicks: evidence.feedback.clicks } : evidence;
}

function dialsOf(clues: readonly LockClue[], dials?: number): number {
  const found = dials ?? clues[0]?.combination.length;
  if (found === undefined) throw new RangeError('Say how many dials when there are no tries yet.');
  return found;
}

/** Indices (in the combination table) of every combination that would have produced all these clicks. */
export function consistentCombinations(evidence: readonly LockEvidence[], dials?: number): number[] {
  const clues = evidence.map(asClue);
  const table = combinationTable(dialsOf(clues, dials));
  const tried = clues.map((clue) => ({ digits: clue.combination, clicks: clue.clicks }));
  const consistent: number[] = [];
  for (let k = 0; k < table.count; k++) {
    let fits = true;
    for (const clue of tried) {
      let clicks = 0;
      for (let d = 0; d < table.dials; d++) if (table.digits[k * table.dials + d] === clue.digits[d]) clicks++;
      if (clicks !== clue.clicks) {
        fits = false;
        break;
      }
    }
    if (fits) consistent.push(k);
  }
  return consistent;
}

/** How many combinations were still possible after all these tries (clues, or a game's `state.history`). */
export function consistentCount(evidence: readonly LockEvidence[], dials?: number): number {
  return consistentCombinations(evidence, dials).length;
}

/** How many combinations were still possible after each try in turn (element i: after try i+1). */
export function consistentCountsAfterEachTry(evidence: readonly LockEvidence[]): number[] {
  return evidence.map((_, i) => consistentCount(evidence.slice(0, i + 1)));
}

/** Largest set of possible combinations we score a candidate try against; beyond it we sample. */
const SCORING_SAMPLE = 1200;
/** How many candidate tries we weigh per decision when there are too many to weigh them all. */
const CANDIDATE_SAMPLE = 240;

/**
 * The try expected to leave the fewest combinations possible, given the clues so far.
 * For a try t, the possible set splits by how many dials t would click; a split of sizes n_c leaves
 * Σ n_c² / N combinations on average (a full open leaves none). Large sets are sampled so a decision
 * stays fast on four dials (`rng` picks the samples); ties go to a try that could itself be the answer.
 */
export function bestSplittingTry(clues: readonly LockClue[], dials: number, rng: Rng): Combination {
  const table = combinationTable(dials);
  const possible = consistentCombinations(clues, dials);
  if (possible.length === 0) throw new RangeError('No combination fits these clicks; the clues contradict each other.');
  if (possible.length <= 2) return combinationAt(table, possible[0] as number);

  const sample = (from: readonly number[], size: number): number[] =>
    from.length <= size ? [...from] : Array.from({ length: size }, () => from[randomInt(rng, from.length)] as number);

  const scoring = sample(possible, SCORING_SAMPLE);
  const possibleSet = new Set(possible);
  const candidates = [
    ...sample(possible, CANDIDATE_SAMPLE / 2),
    ...Array.from({ length: CANDIDATE_SAMPLE / 2 }, () => randomInt(rng, table.count)),
  ];

  const buckets = new Array<number>(dials + 1);
  let best = candidates[0] as number;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    buckets.fill(0);
    for (const answer of scoring) buckets[clicksBetween(table, candidate, answer)]! += 1;
    let expectedRemaining = 0;
    // The full-click bucket is the lock opening: nothing remains.
    for (let c = 0; c < dials; c++) expectedRemaining += (buckets[c] as number) ** 2;
    const couldOpen = possibleSet.has(candidate);
    const score = expectedRemaining - (couldOpen ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return combinationAt(table, best);
}

// ---- The game -------------------------------------------------------------------------------------------

function rangeMessage(dials: number, got: unknown): string {
  return `A try is ${dials} digits, one per dial, each 0–9 (for example ${'3719'.slice(0, dials)}); got ${JSON.stringify(got ?? '')}.`;
}

const digitsText = z.string().trim().regex(/^\d([\s,-]*\d)*$/);

function parseCombination(input: MoveInput, dials: number): Combination {
  const raw = input.combination;
  let combination: number[];
  if (raw !== undefined) {
    const parsed = digitsText.safeParse(String(raw));
    if (!parsed.success) throw new MoveError(rangeMessage(dials, raw));
    combination = [...parsed.data.replace(/[\s,-]/g, '')].map(Number);
  } else {
    combination = Array.from({ length: dials }, (_, i) => {
      const value = input[`dial${i + 1}`];
      const text = String(value ?? '').trim();
      if (!/^\d$/.test(text)) throw new MoveError(`Dial ${i + 1} must be a digit 0–9 (got ${JSON.stringify(value ?? '')}).`, `dial${i + 1}`);
      return Number(text);
    });
  }
  return checkCombination(combination, dials);
}

function checkCombination(combination: unknown, dials: number): Combination {
  const ok =
    Array.isArray(combination) &&
    combination.length === dials &&
    combination.every((digit) => Number.isInteger(digit) && digit >= 0 && digit <= 9);
  if (!ok) throw new MoveError(rangeMessage(dials, Array.isArray(combination) ? combination.join('') : combination));
  return [...(combination as number[])];
}

export function lockObjective(seed: string, difficulty: string): Objective {
  const dials = dialsFor(difficulty);
  const secret = secretCombination(seed, dials);
  const space = Object.fromEntries(
    Array.from({ length: dials }, (_, i) => [`dial${i + 1}`, { kind: 'int' as const, low: 0, high: 9 }]),
  );
  return {
    name: 'lock',
    description: `Combination lock (puzzle "${seed}", ${dials} dials): a try → how many dials click.`,
    space,
    direction: 'maximize',
    evaluate: (params: Params) => countClicks(secret, paramsToCombination(params, dials)),
    optimum: dials,
  };
}

export function paramsToCombination(params: Params, dials: number): Combination {
  return Array.from({ length: dials }, (_, i) => Number(params[`dial${i + 1}`]));
}

export function combinationToParams(combination: Combination): Params {
  return Object.fromEntries(combination.map((digit, i) => [`dial${i + 1}`, digit]));
}

function dialsOfSpace(ctx: ProposalContext): number {
  const dials = ctx.space.dimension;
  const isLock = ctx.space.names.every((name, i) => name === `dial${i + 1}`) &&
    ctx.space.specs.every((spec) => spec.kind === 'int' && spec.low === 0 && spec.high === 9);
  if (!isLock) throw new Error('The lock reasoner only plays combination locks: parameters dial1, dial2, … each a whole number 0–9.');
  return dials;
}

/**
 * The engine strategy that cracks a lock by reasoning exactly: it keeps every combination still
 * consistent with the clicks heard and tries the one expected to split them best. Stateless, like every
 * strategy: it rebuilds the consistent set from the study's history on each ask. It lives with the rules
 * because the lock's reveal replays it.
 */
export const lockReasoner: Strategy = {
  name: 'lock-reasoner',
  label: 'Lock reasoner (keeps every combination the clicks allow)',
  propose(ctx: ProposalContext): Proposal {
    const dials = dialsOfSpace(ctx);
    const clues: LockClue[] = completedTrials(ctx.history).map((trial) => ({
      combination: paramsToCombination(trial.params, dials),
      clicks: trial.value,
    }));
    return { params: combinationToParams(bestSplittingTry(clues, dials, ctx.rng)) };
  },
};

/** What the lock's reveal adds for its answer and chart. */
export interface LockRevealExtras {
  readonly combination: Combination;
  /** For the player and each strategy (by run name): how many combinations were still possible after each try. */
  readonly consistentCounts: Readonly<Record<string, readonly number[]>>;
}

export type LockReveal = Reveal<LockRevealExtras>;

export const lock: GameRules<LockState, LockMove, LockFeedback, LockRevealExtras> = {
  id: 'lock',
  title: 'Crack the Lock',
  blurb: 'Find the combination. Each try tells you how many dials click into place.',
  topic: 'bayesian-updating',
  difficulties: DIFFICULTIES,
  defaultDifficulty: 'normal',

  moveFields(difficulty): MoveField[] {
    return Array.from({ length: dialsFor(difficulty) }, (_, i) => ({
      name: `dial${i + 1}`,
      label: `Dial ${i + 1}`,
      kind: 'number' as const,
      min: 0,
      max: 9,
      step: 1,
    }));
  },

  parseMove: (input, state) => ({ combination: parseCombination(input, dialsFor(state.difficulty)) }),

  start({ seed, difficulty }) {
    const level = requireDifficulty(DIFFICULTY_IDS, difficulty, 'normal');
    return { game: 'lock', seed: requireSeed(seed), difficulty: level, budget: SETTINGS[level].budget, status: 'playing', history: [] };
  },

  play(state, move) {
    requirePlaying(state);
    const dials = dialsFor(state.difficulty);
    const combination = checkCombination((move as Partial<LockMove> | undefined)?.combination, dials);
    const clicks = countClicks(secretCombination(state.seed, dials), combination);
    const feedback: LockFeedback = { clicks, opened: clicks === dials };
    return { state: recordTurn(state, { combination }, feedback, feedback.opened), feedback };
  },

  giveUp: (state) => giveUpGame(state),

  outcome(state): Outcome {
    const dials = dialsFor(state.difficulty);
    const clicks = state.history.map((turn) => turn.feedback.clicks);
    const best = clicks.length === 0 ? null : Math.max(...clicks);
    // Progress is how much of the combination space the player's clues ruled out, in bits, not best clicks:
    // a try with zero clicks can teach as much as one with two.
    const total = 10 ** dials;
    const left = consistentCount(lockClues(state), dials);
    const progress = Math.log(total / left) / Math.log(total);
    return {
      status: state.status,
      score: leaderboardScore(state.status, progress, state.history.length, state.budget),
      best,
      movesUsed: state.history.length,
      budget: state.budget,
    };
  },

  objective: (seed, difficulty) => lockObjective(seed, difficulty),

  moveToParams(state, moveIndex) {
    return combinationToParams(turnAt(state, moveIndex, 'Try').move.combination);
  },

  winsAt(seed, difficulty, params) {
    const dials = dialsFor(difficulty);
    return countClicks(secretCombination(seed, dials), paramsToCombination(params, dials)) === dials;
  },

  reading: (turn) => turn.feedback.clicks,
  // Three or four dials by difficulty: the range is the puzzle's, so none is fixed here.
  readingScale: { name: 'clicks', spread: 3 },

  hiddenAnswer: (seed, difficulty) => `the combination was ${secretCombination(seed, dialsFor(difficulty)).join(' ')}`,

  revealStrategies: ['grid', 'random', 'quasi-random', 'bayes', 'tpe', lockReasoner],

  revealExtras(state, runs) {
    const dials = dialsFor(state.difficulty);
    const consistentCounts: Record<string, number[]> = { player: consistentCountsAfterEachTry(lockClues(state)) };
    for (const run of runs.strategies) {
      const clues: LockClue[] = run.trials.flatMap((t) =>
        t.value === null ? [] : [{ combination: paramsToCombination(t.params, dials), clicks: t.value }],
      );
      consistentCounts[run.name] = consistentCountsAfterEachTry(clues);
    }
    return { combination: secretCombination(state.seed, dials), consistentCounts };
  },
};

/** The player's tries as clues for the reasoning functions. */
export function lockClues(state: LockState): LockClue[] {
  return state.history.map((turn) => ({ combination: turn.move.combination, clicks: turn.feedback.clicks }));
}
