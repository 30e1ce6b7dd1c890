/**
 * A quiz set: up to five questions asked one at a time, as a pure state machine. Which questions, in which
 * order, and how each question's answers are shuffled for a person all come from seedrandom, so the same
 * seed gives the same set and the same person always sees a question's answers in the same order.
 */
import seedrandom from 'seedrandom';
import { z } from 'zod';
import type { Level } from '../content/levels.js';
import { QUESTION_ID_PATTERN, type QuestionBank, type QuizQuestion } from '../content/quizzes.js';

export const SET_SIZE = 5;
export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;

export type SetKind = 'quiz' | 'review';

const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

/** A set as stored (versioned JSON). `results[i]` is the answer to `questionIds[i]`. */
export const quizSetStateSchema = z.object({
  v: z.literal(1),
  kind: z.enum(['quiz', 'review']),
  topic: z.string().nullable(),
  level: levelSchema,
  questionIds: z.array(z.string().regex(QUESTION_ID_PATTERN)).min(1).max(SET_SIZE),
  /** The question on screen; equal to the number of questions once the score shows. */
  position: z.number().int().min(0).max(SET_SIZE),
  results: z.array(z.object({ chosen: z.number().int().min(0).max(3), right: z.boolean() })).max(SET_SIZE),
});
export type QuizSetState = z.infer<typeof quizSetStateSchema>;

export type SetStage =
  /** The question at `index` waits for an answer. */
  | { readonly kind: 'asking'; readonly index: number }
  /** The question at `index` was answered; its feedback shows with "Next". */
  | { readonly kind: 'answered'; readonly index: number }
  | { readonly kind: 'finished' };

/** Where the set is: the question on screen waits for its answer or shows its feedback, or the score shows. */
export function stageOf(state: QuizSetState): SetStage {
  const index = state.position;
  if (index >= state.questionIds.length) return { kind: 'finished' };
  return state.results.length > index ? { kind: 'answered', index } : { kind: 'asking', index };
}

/** The person's order of a question's four answers: positions on screen → indexes as written (0 is right). */
export function optionOrder(userId: string, questionId: string): number[] {
  const random = seedrandom(`quiz-options:${userId}:${questionId}`);
  const order = [0, 1, 2, 3];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface PickOptions {
  readonly seed: string;
  readonly level: Level;
  /** One topic's questions; when absent, questions from every topic, `preferredTopics` first. */
  readonly topic?: string;
  /** Topics the person has read about or played the game of, tried first when no topic is given. */
  readonly preferredTopics?: readonly string[];
  /** Questions the person answered before: asked after the ones they have not met. */
  readonly answered?: ReadonlySet<string>;
}

/**
 * Five questions: at the level first, then (if the topic runs short) the nearest levels; unseen questions
 * before ones answered before; the person's topics before others. Seeded, so the same seed picks the same set.
 */
export function pickQuestions(bank: QuestionBank, options: PickOptions): QuizQuestion[] {
  const random = seedrandom(`quiz-set:${options.seed}`);
  const pool = options.topic ? bank.all().filter((q) => q.topic === options.topic) : bank.all();
  const preferred = new Set(options.preferredTopics ?? []);
  const rank = (q: QuizQuestion) =>
    Math.abs(q.level - options.level) * 4 + (options.answered?.has(q.id) ? 2 : 0) + (options.topic || preferred.has(q.topic) ? 0 : 1);
  // A stable sort keeps the seeded shuffle's order among equals.
  return shuffled(pool, random)
    .map((q, order) => ({ q, order, rank: rank(q) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, SET_SIZE)
    .map(({ q }) => q);
}

export function newQuizSet(kind: SetKind, questions: readonly QuizQuestion[], level: Level, topic: string | null): QuizSetState {
  return { v: 1, kind, topic, level, questionIds: questions.map((q) => q.id), position: 0, results: [] };
}

/** Moves on from an answered question to the next one, or to the score after the last. */
export function nextQuestion(state: QuizSetState): QuizSetState {
  if (stageOf(state).kind !== 'answered') throw new RangeError('only an answered question moves on');
  return { ...state, position: state.position + 1 };
}

/** Records the answer to question `index`; the position on screen is turned back into the answer as written. */
export function answerQuestion(state: QuizSetState, userId: string, index: number, position: number): { state: QuizSetState; chosen: number; right: boolean } {
  const questionId = state.questionIds[index];
  if (questionId === undefined || state.position !== index || state.results.length !== index) throw new RangeError(`question ${index} is not waiting for an answer`);
  const chosen = optionOrder(userId, questionId)[position];
  if (chosen === undefined) throw new RangeError(`no answer at position ${position}`);
  const right = chosen === 0;
  return { state: { ...state, results: [...state.results, { chosen, right }] }, chosen, right };
}

export function scoreOf(state: QuizSetState): { right: number; asked: number } {
  return { right: state.results.filter((r) => r.right).length, asked: state.questionIds.length };
}
