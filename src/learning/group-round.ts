/**
 * A quiz round for a study group, as pure rules: people join, the host starts, each question waits for
 * answers until its time is up or everyone who joined has answered, the group's split and the
 * explanation show, the host moves on, and the round ends with a scoreboard. Storage and Discord stay
 * outside: these functions take the round as stored and say what happens next.
 */
import seedrandom from 'seedrandom';
import { z } from 'zod';
import type { Level } from '../content/levels.js';
import { QUESTION_ID_PATTERN, type QuestionBank, type QuizQuestion } from '../content/quizzes.js';
import { optionOrder } from './quiz-set.js';

export const ROUND_QUESTIONS = { min: 1, max: 10, default: 5 } as const;
/** Long enough to read a question and four answers aloud; short enough to keep a room together. */
export const ANSWER_SECONDS = { min: 15, max: 300, default: 45 } as const;
export const MAX_ROUND_PLAYERS = 25;

const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const ROUND_PHASES = ['lobby', 'asking', 'closed', 'finished'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/** The round as stored (versioned JSON). Who joined and who answered what live beside it, one row each. */
export const groupRoundStateSchema = z.object({
  v: z.literal(1),
  hostId: z.string().min(1),
  topic: z.string().nullable(),
  level: levelSchema,
  questionIds: z.array(z.string().regex(QUESTION_ID_PATTERN)).min(ROUND_QUESTIONS.min).max(ROUND_QUESTIONS.max),
  seconds: z.number().int().min(ANSWER_SECONDS.min).max(ANSWER_SECONDS.max),
  /** The question on the board; the number of questions once finished. */
  position: z.number().int().min(0).max(ROUND_QUESTIONS.max),
  phase: z.enum(ROUND_PHASES),
  /** ISO time the question on the board stops taking answers; null outside `asking`. */
  closesAt: z.string().nullable(),
  /** Why the last question closed. */
  closedBy: z.enum(['time', 'everyone']).optional(),
});
export type GroupRoundState = z.infer<typeof groupRoundStateSchema>;

export interface RoundPlayer {
  readonly userId: string;
  /** Display name for the scoreboard: shown as text, never as a mention. */
  readonly name: string;
}

export interface RoundAnswer {
  readonly userId: string;
  readonly questionIndex: number;
  /** The answer as written in the question's file: 0 is the right one. */
  readonly chosen: number;
  readonly right: boolean;
}

/**
 * A round's questions: the level first, then the nearest levels if the topic runs short; seeded, so the
 * same seed picks the same round.
 */
export function pickRoundQuestions(bank: QuestionBank, options: { readonly seed: string; readonly level: Level; readonly topic?: string; readonly count: number }): QuizQuestion[] {
  const random = seedrandom(`quiz-round:${options.seed}`);
  const pool = options.topic ? bank.all().filter((q) => q.topic === options.topic) : [...bank.all()];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  // A stable sort keeps the seeded shuffle's order among questions of one level.
  return pool
    .map((q, order) => ({ q, order, distance: Math.abs(q.level - options.level) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, options.count)
    .map(({ q }) => q);
}

export function newGroupRound(hostId: string, questionIds: readonly string[], level: Level, topic: string | null, seconds: number): GroupRoundState {
  return { v: 1, hostId, topic, level, questionIds: [...questionIds], seconds, position: 0, phase: 'lobby', closesAt: null };
}

/** The board's order of a question's answers, the same for everyone in the round (positions → as written). */
export const roundOptionOrder = (roundId: string, questionId: string): number[] => optionOrder(`round:${roundId}`, questionId);

export type JoinDecision = 'joined' | 'already' | 'full' | 'finished';

export function joinDecision(state: GroupRoundState, players: readonly RoundPlayer[], userId: string): JoinDecision {
  if (players.some((p) => p.userId === userId)) return 'already';
  if (state.phase === 'finished') return 'finished';
  return players.length >= MAX_ROUND_PLAYERS ? 'full' : 'joined';
}

/** The host starts the round: the first question takes answers until `seconds` from now. */
export function startRound(state: GroupRoundState, now: Date): GroupRoundState {
  if (state.phase !== 'lobby') throw new RangeError('only a round in its lobby starts');
  return { ...state, phase: 'asking', position: 0, closesAt: new Date(now.getTime() + state.seconds * 1000).toISOString() };
}

export type AnswerDecision =
  | { readonly kind: 'accept'; readonly chosen: number; readonly right: boolean; readonly joins: boolean }
  /** A second click: the first answer stands. */
  | { readonly kind: 'already'; readonly chosen: number }
  /** The question is not the one taking answers (closed, time up, or another question on the board). */
  | { readonly kind: 'closed' }
  | { readonly kind: 'full' };

/**
 * Whether an answer at `position` (as shown on the board) to question `questionIndex` counts. Anyone may
 * answer; answering joins the round. A person's first answer to a question is the one that counts.
 */
export function answerDecision(
  roundId: string,
  state: GroupRoundState,
  players: readonly RoundPlayer[],
  answers: readonly RoundAnswer[],
  click: { readonly userId: string; readonly questionIndex: number; readonly position: number },
  now: Date,
): AnswerDecision {
  const first = answers.find((a) => a.userId === click.userId && a.questionIndex === click.questionIndex);
  if (first) return { kind: 'already', chosen: first.chosen };
  if (state.phase !== 'asking' || state.position !== click.questionIndex || timeIsUp(state, now)) return { kind: 'closed' };
  const joins = !players.some((p) => p.userId === click.userId);
  if (joins && players.length >= MAX_ROUND_PLAYERS) return { kind: 'full' };
  const questionId = state.questionIds[click.questionIndex]!;
  const chosen = roundOptionOrder(roundId, questionId)[click.position];
  if (chosen === undefined) throw new RangeError(`no answer at position ${click.position}`);
  return { kind: 'accept', chosen, right: chosen === 0, joins };
}

export function timeIsUp(state: GroupRoundState, now: Date): boolean {
  return state.phase === 'asking' && state.closesAt !== null && now.getTime() >= Date.parse(state.closesAt);
}

/** Why the question on the board should close now, if it should: its time is up, or everyone who joined answered. */
export function closeReason(state: GroupRoundState, players: readonly RoundPlayer[], answers: readonly RoundAnswer[], now: Date): 'time' | 'everyone' | undefined {
  if (state.phase !== 'asking') return undefined;
  if (timeIsUp(state, now)) return 'time';
  const answered = new Set(answers.filter((a) => a.questionIndex === state.position).map((a) => a.userId));
  return players.length > 0 && players.every((p) => answered.has(p.userId)) ? 'everyone' : undefined;
}

export function closeQuestion(state: GroupRoundState, by: 'time' | 'everyone'): GroupRoundState {
  if (state.phase !== 'asking') throw new RangeError('only a question taking answers closes');
  return { ...state, phase: 'closed', closesAt: null, closedBy: by };
}

/** After a closed question: the next one takes answers, or after the last the scoreboard shows. */
export function nextRoundQuestion(state: GroupRoundState, now: Date): GroupRoundState {
  if (state.phase !== 'closed') throw new RangeError('only a closed question moves on');
  const position = state.position + 1;
  if (position >= state.questionIds.length) return { ...state, position, phase: 'finished', closesAt: null };
  return { ...state, position, phase: 'asking', closesAt: new Date(now.getTime() + state.seconds * 1000).toISOString() };
}

/** How many chose each answer (as written: index 0 is the right one) of question `questionIndex`. */
export function answerSplit(answers: readonly RoundAnswer[], questionIndex: number): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const answer of answers) if (answer.questionIndex === questionIndex) counts[answer.chosen as 0 | 1 | 2 | 3]++;
  return counts;
}

export interface ScoreLine {
  readonly userId: string;
  readonly name: string;
  readonly right: number;
  readonly answered: number;
  /** 1 for the best; people with the same score share a rank. */
  readonly rank: number;
}

/** Most right answers first; equal scores share a rank and keep the order they joined in. */
export function scoreboard(players: readonly RoundPlayer[], answers: readonly RoundAnswer[]): ScoreLine[] {
  const lines = players.map((player, joined) => {
    const own = answers.filter((a) => a.userId === player.userId);
    return { userId: player.userId, name: player.name, right: own.filter((a) => a.right).length, answered: own.length, joined };
  });
  lines.sort((a, b) => b.right - a.right || a.joined - b.joined);
  const ranked: ScoreLine[] = [];
  for (const [i, { joined: _joined, ...line }] of lines.entries()) {
    const above = ranked[i - 1];
    ranked.push({ ...line, rank: above && above.right === line.right ? above.rank : i + 1 });
  }
  return ranked;
}
