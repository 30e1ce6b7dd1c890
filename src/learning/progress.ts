/**
 * Progress per topic, from what a person read, answered and recalled: read is the deepest level read out
 * of five, quizzed the share of the topic's questions answered at least once, recalled the share whose
 * review card has graduated (answered right and not forgotten since). Pure; the next step is the first gap.
 */
import type { Level } from '../content/levels.js';
import type { QuestionBank } from '../content/quizzes.js';
import { isRecalled } from './review.js';

export interface TopicProgress {
  readonly topic: string;
  readonly deepestRead: Level | null;
  readonly questions: number;
  readonly answered: number;
  readonly recalled: number;
}

export interface ProgressInput {
  /** Topic slugs in the order a learner should meet them. */
  readonly topics: readonly string[];
  readonly reads: readonly { readonly topic: string; readonly deepestLevel: Level }[];
  readonly answeredIds: ReadonlySet<string>;
  readonly cards: readonly { readonly questionId: string; readonly card: unknown }[];
  readonly bank: QuestionBank;
}

export function progressByTopic(input: ProgressInput): TopicProgress[] {
  const deepest = new Map(input.reads.map((r) => [r.topic, r.deepestLevel] as const));
  const recalledIds = new Set(input.cards.filter((c) => isRecalled(c.card)).map((c) => c.questionId));
  return input.topics.map((topic) => {
    const questions = input.bank.forTopic(topic);
    return {
      topic,
      deepestRead: deepest.get(topic) ?? null,
      questions: questions.length,
      answered: questions.filter((q) => input.answeredIds.has(q.id)).length,
      recalled: questions.filter((q) => recalledIds.has(q.id)).length,
    };
  });
}

export type NextStep =
  | { readonly kind: 'review'; readonly due: number }
  | { readonly kind: 'quiz'; readonly topic: string }
  | { readonly kind: 'read'; readonly topic: string }
  | { readonly kind: 'done' };

/**
 * Reviews due come first (they fade otherwise); then a topic read but never quizzed; then the first topic
 * not read yet.
 */
export function nextStep(progress: readonly TopicProgress[], due: number): NextStep {
  if (due > 0) return { kind: 'review', due };
  const readNotQuizzed = progress.find((p) => p.deepestRead !== null && p.questions > 0 && p.answered === 0);
  if (readNotQuizzed) return { kind: 'quiz', topic: readNotQuizzed.topic };
  const unread = progress.find((p) => p.deepestRead === null);
  if (unread) return { kind: 'read', topic: unread.topic };
  const unquizzed = progress.find((p) => p.questions > 0 && p.answered < p.questions);
  return unquizzed ? { kind: 'quiz', topic: unquizzed.topic } : { kind: 'done' };
}
