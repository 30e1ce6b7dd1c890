/**
 * The quiz question bank: every file in `content/quizzes/` (one per topic, format in content/README.md)
 * loaded and checked once at start-up, then answered from memory for /quiz, /review and "Test yourself".
 * Pure: no Discord, no storage. A question's id is permanent (review cards and buttons point at it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Level } from './levels.js';

export const DEFAULT_QUIZZES_DIR = join(PACKAGE_ROOT, 'content/quizzes/');

/** Lowercase letters, digits and hyphens, at most 32, with at least one letter (an id is a name, not a number). */
export const QUESTION_ID_PATTERN = /^(?=[a-z0-9-]*[a-z])[a-z0-9-]{1,32}$/;
export const QUESTION_LIMITS = { question: 300, answer: 120, why: 400 } as const;
export const QUIZ_GAMES = ['bake', 'lock', 'tune', 'train'] as const;
export const SEARCH_DOTS_STRATEGIES = ['grid', 'random', 'quasi-random', 'bayes'] as const;
export const SEARCH_DOTS_GAMES = ['bake', 'tune', 'train'] as const;
export const CURVE_SHAPES = ['too-high', 'too-low', 'just-right', 'overfitting'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const searchDotsSchema = z.strictObject({
  kind: z.literal('search-dots'),
  strategy: z.enum(SEARCH_DOTS_STRATEGIES),
  game: z.enum(SEARCH_DOTS_GAMES),
  budget: z.number().int().min(3).max(30),
});

const learningCurveSchema = z.strictObject({
  kind: z.literal('learning-curve'),
  shape: z.enum(CURVE_SHAPES),
});

export const pictureSchema = z.discriminatedUnion('kind', [searchDotsSchema, learningCurveSchema]);
export type QuestionPicture = z.infer<typeof pictureSchema>;

const wrongAnswerSchema = z.strictObject({ answer: text(QUESTION_LIMITS.answer), why: text(QUESTION_LIMITS.why) });

export const questionSchema = z
  .strictObject({
    id: z.string().regex(QUESTION_ID_PATTERN, 'id must be lowercase a-z, 0-9 and -, at most 32 characters, with a letter'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    game: z.enum(QUIZ_GAMES).optional(),
    picture: pictureSchema.optional(),
    question: text(QUESTION_LIMITS.question),
    answer: text(QUESTION_LIMITS.answer),
    why: text(QUESTION_LIMITS.why),
    wrong: z.array(wrongAnswerSchema).length(3, 'exactly three wrong answers'),
  })
  .superRefine((q, ctx) => {
    const all = [q.answer, ...q.wrong.map((w) => w.answer)].map((a) => a.toLowerCase());
    if (new Set(all).size !== all.length) ctx.addIssue({ code: 'custom', message: 'the four answers must all be different' });
    if (all.some((a) => /\b(all|none) of the above\b/.test(a))) ctx.addIssue({ code: 'custom', message: 'no "all of the above" or "none of the above"' });
  });

export const quizFileSchema = z.strictObject({
  topic: z.string().min(1),
  questions: z.array(questionSchema).min(1),
});

/** One of a question's four answers; `right` marks the one right answer. */
export interface QuizOption {
  readonly text: string;
  readonly why: string;
  readonly right: boolean;
}

export interface QuizQuestion {
  readonly id: string;
  readonly topic: string;
  readonly level: Level;
  readonly game?: (typeof QUIZ_GAMES)[number];
  readonly picture?: QuestionPicture;
  readonly question: string;
  /** The right answer first, then the three wrong ones, as written; shown shuffled per person. */
  readonly options: readonly QuizOption[];
}

export class QuizLoadError extends Error {
  override readonly name = 'QuizLoadError';
  constructor(
    readonly dir: string,
    readonly problems: readonly string[],
  ) {
    super(`The quizzes in ${dir} have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

export interface QuestionBank {
  all(): readonly QuizQuestion[];
  get(id: string): QuizQuestion | undefined;
  /** Questions of one topic, optionally at one level, in file order. */
  forTopic(topic: string, level?: Level): readonly QuizQuestion[];
  /** Topics that have at least one question. */
  topics(): readonly string[];
}

function toQuestion(topic: string, q: z.infer<typeof questionSchema>): QuizQuestion {
  return {
    id: q.id,
    topic,
    level: q.level,
    ...(q.game && { game: q.game }),
    ...(q.picture && { picture: q.picture }),
    question: q.question,
    options: [{ text: q.answer, why: q.why, right: true }, ...q.wrong.map((w) => ({ text: w.answer, why: w.why, right: false }))],
  };
}

/**
 * A bank read from its files on first use. The console's prompt need not wait for hundreds of questions
 * to be parsed and checked; `load()` reads them when the caller chooses (a bad file throws QuizLoadError then).
 */
export function lazyQuestionBank(read: () => QuestionBank): QuestionBank & { load(): QuestionBank } {
  let bank: QuestionBank | undefined;
  const load = () => (bank ??= read());
  return {
    load,
    all: () => load().all(),
    get: (id) => load().get(id),
    forTopic: (topic, level) => load().forTopic(topic, level),
    topics: () => load().topics(),
  };
}

/** Checks one file's text; `slug` is the file name without `.yaml`. Problems are returned, not thrown. */
export function parseQuizFile(slug: string, source: string, topicSlugs: ReadonlySet<string>): { questions: QuizQuestion[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    return { questions: [], problems: [`not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = quizFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { questions: [], problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
  }
  const problems: string[] = [];
  if (parsed.data.topic !== slug) problems.push(`topic is "${parsed.data.topic}" but the file is named ${slug}.yaml`);
  if (!topicSlugs.has(slug)) problems.push(`there is no topic content/topics/${slug}.md`);
  return { questions: parsed.data.questions.map((q) => toQuestion(slug, q)), problems };
}

export function createQuestionBank(questions: readonly QuizQuestion[]): QuestionBank {
  const byId = new Map(questions.map((q) => [q.id, q] as const));
  const topics = [...new Set(questions.map((q) => q.topic))];
  return {
    all: () => questions,
    get: (id) => byId.get(id),
    forTopic: (topic, level) => questions.filter((q) => q.topic === topic && (level === undefined || q.level === level)),
    topics: () => topics,
  };
}

/**
 * Reads and checks every `*.yaml` in `dir` against the topics; throws QuizLoadError listing every problem.
 * A missing folder is an empty bank: the bot still runs before any question is written.
 */
export function loadQuestionBank(topicSlugs: ReadonlySet<string>, dir: string = DEFAULT_QUIZZES_DIR): QuestionBank {
  if (!existsSync(dir)) return createQuestionBank([]);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const problems: string[] = [];
  const questions: QuizQuestion[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = parseQuizFile(file.slice(0, -'.yaml'.length), readFileSync(join(dir, file), 'utf8'), topicSlugs);
    problems.push(...result.problems.map((p) => `${file}: ${p}`));
    for (const q of result.questions) {
      const first = seen.get(q.id);
      if (first) problems.push(`${file}: question id "${q.id}" is also used in ${first}`);
      else seen.set(q.id, file);
      questions.push(q);
    }
  }
  if (problems.length > 0) throw new QuizLoadError(dir, problems);
  return createQuestionBank(questions);
}
