/**
 * Quiz sets between the command layer and storage: starting one (/quiz, /review, "Test yourself"),
 * loading one and checking a click belongs on it now, and recording an answer with its review card.
 * Group quiz rounds can reuse `recordQuizAnswer` for each person's answer (with a null set).
 */
import { UserError } from '../../src/command-layer/errors.js';
import type { AppServices, CommandResponse, Invocation, Person } from '../../src/command-layer/types.js';
import type { Level } from '../../src/content/levels.js';
import type { QuizQuestion } from '../../src/content/quizzes.js';
import { answerQuestion, newQuizSet, nextQuestion, pickQuestions, quizSetStateSchema, SET_SIZE, stageOf, type SetKind } from '../../src/learning/quiz-set.js';
import { endOfReviewDay, gradeFor, schedule } from '../../src/learning/review.js';
import type { QuizSetRecord } from '../../src/storage/index.js';
import { pictureToDraw, quizSetMessage, type QuizSetView } from '../views/quiz.js';

/** A set id as the store makes them: ten base-62 characters. */
export const SET_ID_PATTERN = /^[A-Za-z0-9]{10}$/;

/** How many past answers count when preferring questions the person has not met. */
const ANSWER_HISTORY = 500;

function toView(record: QuizSetRecord): QuizSetView {
  const parsed = quizSetStateSchema.safeParse(record.state);
  if (!parsed.success) throw new UserError('That quiz was saved in a form I can no longer read. Start a new one with /quiz.');
  return { id: record.id, ownerId: record.ownerId, version: record.version, state: parsed.data };
}

/**
 * The set's screen as an answer. A picture not drawn yet (a search's dots can take seconds) is left out
 * of the first answer, which goes out at once, and added by editing it when drawn. `shownQuestionId` is
 * the question on the message an update edits, when the click says which: its picture stays as it is.
 */
function respond(kind: 'reply' | 'update', app: AppServices, set: QuizSetView, shownQuestionId?: string): CommandResponse {
  const message = quizSetMessage(app.topics, app.quizzes, set, { draw: false, ...(kind === 'update' && shownQuestionId !== undefined && { shownQuestionId }) });
  if (!pictureToDraw(app.quizzes, set.state)) return { kind, message };
  return { kind, message, later: () => Promise.resolve(quizSetMessage(app.topics, app.quizzes, set, { draw: true })) };
}

/** Topics the person has met: those they read with /explain, and those of the games they played. */
async function metTopics(app: AppServices, userId: string): Promise<string[]> {
  const [reads, games] = await Promise.all([app.storage.quizzes.reads(userId), app.storage.games.listByOwner(userId, { limit: 50 })]);
  const played = new Set(games.map((g) => g.game));
  const ofGames = app.topics
    .all()
    .filter((topic) => topic.game !== undefined && played.has(topic.game))
    .map((topic) => topic.slug);
  return [...new Set([...reads.map((read) => read.topic), ...ofGames])];
}

export interface QuizStart {
  readonly topic?: string;
  readonly level: Level;
}

/** Who starts a set, and through which Discord interaction: a second bot process handling it gets the same set. */
export type SetStarter = Pick<Invocation, 'user' | 'interactionId'>;

/** A new /quiz set for the person: on one topic, or picked from what they read and played, at their level. */
export async function startQuiz(app: AppServices, starter: SetStarter, start: QuizStart): Promise<CommandResponse> {
  const { user } = starter;
  const now = app.now();
  if (start.topic !== undefined && app.quizzes.forTopic(start.topic).length === 0) {
    const title = app.topics.get(start.topic)?.title ?? start.topic;
    throw new UserError(`I have no questions on ${title} yet. Try \`/quiz\` without a topic, or read it with \`/explain topic:${start.topic}\`.`);
  }
  if (app.quizzes.all().length === 0) throw new UserError('There are no quiz questions here yet.');
  const [preferredTopics, answers] = await Promise.all([
    start.topic ? Promise.resolve([]) : metTopics(app, user.id),
    app.storage.quizzes.answers(user.id, ANSWER_HISTORY),
  ]);
  const questions = pickQuestions(app.quizzes, {
    seed: `${user.id}:${now.toISOString()}`,
    level: start.level,
    ...(start.topic && { topic: start.topic }),
    preferredTopics,
    answered: new Set(answers.map((a) => a.questionId)),
  });
  return openSet(app, starter, 'quiz', questions, start.level, start.topic ?? null);
}

/** A /review set: the person's questions due today, soonest first. */
export async function startReview(app: AppServices, starter: SetStarter, level: Level): Promise<CommandResponse> {
  const { user } = starter;
  const now = app.now();
  const due = await app.storage.quizzes.dueCards(user.id, endOfReviewDay(now), SET_SIZE * 4);
  const questions = due.map((card) => app.quizzes.get(card.questionId)).filter((q): q is QuizQuestion => q !== undefined).slice(0, SET_SIZE);
  if (questions.length === 0) {
    const next = (await app.storage.quizzes.cards(user.id))
      .filter((card) => app.quizzes.get(card.questionId))
      .sort((a, b) => a.due.getTime() - b.due.getTime())[0];
    throw new UserError(
      next
        ? `Nothing to review today. Your next review is due <t:${Math.floor(next.due.getTime() / 1000)}:R>. Meanwhile, \`/quiz\` asks new questions.`
        : 'Nothing to review yet: answer some questions with `/quiz` first, and the ones to practise come back here.',
    );
  }
  return openSet(app, starter, 'review', questions, level, null);
}

async function openSet(app: AppServices, starter: SetStarter, kind: SetKind, questions: readonly QuizQuestion[], level: Level, topic: string | null): Promise<CommandResponse> {
  const record = await app.storage.quizzes.createSet({
    ownerId: starter.user.id,
    mode: kind,
    state: newQuizSet(kind, questions, level, topic),
    now: app.now(),
    ...(starter.interactionId !== undefined && { createdByInteraction: starter.interactionId }),
  });
  return respond('reply', app, toView(record));
}

/** The set, if it is the person's own; anyone else is told plainly and changes nothing. */
export async function loadOwnSet(app: AppServices, setId: string, user: Person): Promise<QuizSetView> {
  const record = await app.storage.quizzes.getSet(setId);
  if (!record) throw new UserError('That quiz is no longer here. Start a new one with /quiz.');
  if (record.ownerId !== user.id) throw new UserError('That quiz is someone else’s, so it cannot be answered here. Start your own with /quiz.');
  return toView(record);
}

/** The set as it is now, for a stale or doubled click. */
async function current(app: AppServices, setId: string, user: Person, shownQuestionId?: string): Promise<CommandResponse> {
  return respond('update', app, await loadOwnSet(app, setId, user), shownQuestionId);
}

/**
 * Records the answer at `position` (as shown) to the question on screen, with its review card and the set's
 * next state in one compare-and-set. A click on an older screen, or the second of a double click, is
 * answered with the set as it is now.
 */
export async function answerInSet(app: AppServices, user: Person, ref: { setId: string; version: number; questionId: string; position: number }): Promise<CommandResponse> {
  const set = await loadOwnSet(app, ref.setId, user);
  const stage = stageOf(set.state);
  if (set.version !== ref.version || stage.kind !== 'asking' || set.state.questionIds[stage.index] !== ref.questionId) {
    return respond('update', app, set, ref.questionId);
  }
  const now = app.now();
  const { state, chosen, right } = answerQuestion(set.state, user.id, stage.index, ref.position);
  const previous = await app.storage.quizzes.getCard(user.id, ref.questionId);
  const { card, due } = schedule(previous?.card, gradeFor(right), now);
  const moved = await app.storage.quizzes.recordAnswer(
    { userId: user.id, questionId: ref.questionId, chosen, right, mode: set.state.kind, setId: set.id, answeredAt: now },
    { userId: user.id, questionId: ref.questionId, card, due },
    { id: set.id, expectedVersion: set.version, state },
  );
  if (!moved) return current(app, ref.setId, user, ref.questionId);
  // The answer's feedback shows the same question, so its picture stays on the message as it is.
  return respond('update', app, toView(moved), ref.questionId);
}

/** Moves on from an answered question to the next, or to the score. */
export async function nextInSet(app: AppServices, user: Person, ref: { setId: string; version: number }): Promise<CommandResponse> {
  const set = await loadOwnSet(app, ref.setId, user);
  if (set.version !== ref.version || stageOf(set.state).kind !== 'answered') return respond('update', app, set);
  const moved = await app.storage.quizzes.updateSet(set.id, set.version, nextQuestion(set.state), app.now());
  if (!moved) return current(app, ref.setId, user);
  return respond('update', app, toView(moved));
}
