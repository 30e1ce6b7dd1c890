/**
 * Group quiz rounds between the command layer and storage: `/quiz mode:group` posts the lobby board;
 * Join, Start, A–D and Next act on it; a job closes questions whose time is up. The rules are the pure
 * ones of src/learning/group-round.ts; the round moves on by compare-and-set on its version, so a doubled
 * or raced click changes it once and the other is told how things stand now.
 */
import { UserError } from '../../src/command-layer/errors.js';
import {
  privateNote,
  update,
  type AppServices,
  type CommandResponse,
  type ComponentRequest,
  type Person,
  type ScheduledJob,
} from '../../src/command-layer/types.js';
import type { Level } from '../../src/content/levels.js';
import {
  answerDecision,
  closeQuestion,
  closeReason,
  groupRoundStateSchema,
  joinDecision,
  newGroupRound,
  nextRoundQuestion,
  pickRoundQuestions,
  roundOptionOrder,
  startRound,
  type GroupRoundState,
} from '../../src/learning/group-round.js';
import { OPTION_LETTERS } from '../../src/learning/quiz-set.js';
import { gradeFor, schedule } from '../../src/learning/review.js';
import type { QuizRoundColumns, QuizRoundRecord, QuizRoundSnapshot } from '../../src/storage/index.js';
import { roundBoard, type RoundView } from '../views/quiz-round.js';

/** How many rounds one run of the clock job closes; any more wait for the next run, seconds later. */
const CLOSING_BATCH = 50;

export interface RoundStart {
  readonly topic?: string;
  readonly level: Level;
  readonly questions: number;
  readonly seconds: number;
}

interface LoadedRound {
  readonly record: QuizRoundRecord;
  readonly view: RoundView;
}

function toView(snapshot: QuizRoundSnapshot): LoadedRound {
  const parsed = groupRoundStateSchema.safeParse(snapshot.round.state);
  if (!parsed.success) throw new UserError('That quiz round was saved in a form I can no longer read. Start a new one with `/quiz mode:group`.');
  return {
    record: snapshot.round,
    view: { id: snapshot.round.id, version: snapshot.round.version, state: parsed.data, players: snapshot.players, answers: snapshot.answers },
  };
}

const columnsOf = (state: GroupRoundState): QuizRoundColumns => ({ phase: state.phase, closesAt: state.closesAt ? new Date(state.closesAt) : null });
const board = (app: AppServices, view: RoundView) => roundBoard(app.topics, app.quizzes, view);

async function load(app: AppServices, roundId: string): Promise<LoadedRound> {
  const snapshot = await app.storage.quizRounds.get(roundId);
  if (!snapshot) throw new UserError('That quiz round is no longer here. Start a new one with `/quiz mode:group`.');
  return toView(snapshot);
}

/** `/quiz mode:group`: a public lobby board in the channel, the host already joined. */
export async function startGroupRound(
  app: AppServices,
  request: { user: Person; guildId: string | null; channelId: string | null; interactionId?: string },
  start: RoundStart,
): Promise<CommandResponse> {
  if (!request.guildId || !request.channelId) throw new UserError('Group quiz rounds are played in a server channel. Here, `/quiz` asks you alone.');
  if (start.topic !== undefined && app.quizzes.forTopic(start.topic).length === 0) {
    const title = app.topics.get(start.topic)?.title ?? start.topic;
    throw new UserError(`I have no questions on ${title} yet. Try \`/quiz mode:group\` without a topic.`);
  }
  const now = app.now();
  const questions = pickRoundQuestions(app.quizzes, {
    seed: `${request.guildId}:${request.channelId}:${now.toISOString()}`,
    level: start.level,
    ...(start.topic && { topic: start.topic }),
    count: start.questions,
  });
  if (questions.length === 0) throw new UserError('There are no quiz questions here yet.');
  const state = newGroupRound(
    request.user.id,
    questions.map((q) => q.id),
    start.level,
    start.topic ?? null,
    start.seconds,
  );
  const snapshot = await app.storage.quizRounds.create({
    guildId: request.guildId,
    channelId: request.channelId,
    host: { userId: request.user.id, name: request.user.name },
    state,
    columns: columnsOf(state),
    now,
    // A second bot process handling the same /quiz gets the first one's round (and its closing), not a second.
    ...(request.interactionId !== undefined && { createdByInteraction: request.interactionId }),
  });
  return { kind: 'reply', message: board(app, toView(snapshot).view) };
}

/** The board as it is now, for a stale or doubled click on it. */
async function current(app: AppServices, roundId: string): Promise<CommandResponse> {
  return update(board(app, (await load(app, roundId)).view));
}

/** `quiz:gjoin:<round>` */
export async function joinRound(app: AppServices, request: ComponentRequest, roundId: string): Promise<CommandResponse> {
  const { view } = await load(app, roundId);
  const decision = joinDecision(view.state, view.players, request.user.id);
  if (decision === 'already') return privateNote('You are in this round already. When a question shows, answer with A, B, C or D.');
  if (decision === 'finished') return privateNote('This round has finished. Start a new one with `/quiz mode:group`.');
  if (decision === 'full') return privateNote('This round is full. Start another with `/quiz mode:group`.');
  await app.storage.quizRounds.join(roundId, { userId: request.user.id, name: request.user.name }, app.now());
  if (view.state.phase !== 'lobby') return privateNote('You joined. Answer the question on the board with A, B, C or D.');
  return current(app, roundId);
}

function hostOnly(view: RoundView, user: Person, what: string): void {
  if (view.state.hostId !== user.id) {
    const host = view.players.find((p) => p.userId === view.state.hostId)?.name ?? 'the host';
    throw new UserError(`Only ${host}, who started this round, can ${what}.`);
  }
}

/** `quiz:gstart:<round>:<version>` — the host starts the first question. */
export async function startQuestions(app: AppServices, request: ComponentRequest, ref: { roundId: string; version: number }): Promise<CommandResponse> {
  const { view } = await load(app, ref.roundId);
  if (view.version !== ref.version || view.state.phase !== 'lobby') return update(board(app, view));
  hostOnly(view, request.user, 'start it');
  const state = startRound(view.state, app.now());
  // A doubled click loses this compare-and-set; either way the board shows the round as it is now.
  await app.storage.quizRounds.update(
    ref.roundId,
    view.version,
    { state, columns: columnsOf(state), ...(request.messageId && { messageId: request.messageId }) },
    app.now(),
  );
  return current(app, ref.roundId);
}

/** `quiz:gnext:<round>:<version>` — the host moves from a closed question to the next, or to the scoreboard. */
export async function nextQuestion(app: AppServices, request: ComponentRequest, ref: { roundId: string; version: number }): Promise<CommandResponse> {
  const { view } = await load(app, ref.roundId);
  if (view.version !== ref.version || view.state.phase !== 'closed') return update(board(app, view));
  hostOnly(view, request.user, 'move it on');
  const state = nextRoundQuestion(view.state, app.now());
  await app.storage.quizRounds.update(ref.roundId, view.version, { state, columns: columnsOf(state) }, app.now());
  return current(app, ref.roundId);
}

/**
 * Closes the question on the board if its time is up or everyone answered, and shows the split on the
 * board. The compare-and-set keeps it to one closing when the clock and a last answer race.
 */
async function closeIfDue(app: AppServices, loaded: LoadedRound, boardMessageId: string | null): Promise<boolean> {
  const { view, record } = loaded;
  const reason = closeReason(view.state, view.players, view.answers, app.now());
  if (!reason) return false;
  const state = closeQuestion(view.state, reason);
  const saved = await app.storage.quizRounds.update(view.id, view.version, { state, columns: columnsOf(state) }, app.now());
  if (!saved) return false;
  await showOnBoard(app, record.channelId, record.messageId ?? boardMessageId, { ...view, version: saved.version, state });
  return true;
}

async function showOnBoard(app: AppServices, channelId: string, messageId: string | null, view: RoundView): Promise<void> {
  if (!messageId) return;
  try {
    await app.channels.edit(channelId, messageId, board(app, view));
  } catch (error) {
    app.logger.warn({ err: error, roundId: view.id }, 'could not update a quiz round’s board');
  }
}

/**
 * `quiz:ganswer:<round>:<version>:<question>:<position>` — a person's private answer. It is acknowledged
 * only to them; the board shows who has answered (not what) until the question closes.
 */
export async function answerInRound(
  app: AppServices,
  request: ComponentRequest,
  ref: { roundId: string; version: number; questionIndex: number; position: number },
): Promise<CommandResponse> {
  const loaded = await load(app, ref.roundId);
  const { view } = loaded;
  const now = app.now();
  const decision = answerDecision(view.id, view.state, view.players, view.answers, { userId: request.user.id, questionIndex: ref.questionIndex, position: ref.position }, now);
  const letterOf = (written: number) => {
    const questionId = view.state.questionIds[ref.questionIndex];
    const order = questionId ? roundOptionOrder(view.id, questionId) : [];
    return OPTION_LETTERS[order.indexOf(written)] ?? '?';
  };
  if (decision.kind === 'already') {
    return privateNote(`You answered ${letterOf(decision.chosen)} already; your first answer is the one that counts. ${stateLine(view)}`);
  }
  if (decision.kind === 'full') return privateNote('This round is full, so your answer was not counted. Start another with `/quiz mode:group`.');
  if (decision.kind === 'closed') {
    // A question past its time that the clock has not closed yet closes now. Otherwise the board is shown
    // afresh: a click on an old question may mean the board still shows it (an edit that lost a race).
    const closedNow = await closeIfDue(app, loaded, request.messageId);
    const latest = await load(app, ref.roundId);
    if (!closedNow) await showOnBoard(app, latest.record.channelId, latest.record.messageId ?? request.messageId, latest.view);
    return privateNote(`That question is not taking answers any more, so nothing was recorded. ${stateLine(latest.view)}`);
  }
  if (view.version !== ref.version) return privateNote(`That button is from an earlier moment of the round, so nothing was recorded. ${stateLine(view)}`);
  const questionId = view.state.questionIds[ref.questionIndex]!;
  const previous = await app.storage.quizzes.getCard(request.user.id, questionId);
  const { card, due } = schedule(previous?.card, gradeFor(decision.right), now);
  const outcome = await app.storage.quizRounds.answer(
    view.id,
    view.version,
    { userId: request.user.id, name: request.user.name },
    { userId: request.user.id, questionIndex: ref.questionIndex, chosen: decision.chosen, right: decision.right },
    { userId: request.user.id, questionId, chosen: decision.chosen, right: decision.right, mode: 'group', setId: view.id, answeredAt: now },
    { userId: request.user.id, questionId, card, due },
  );
  const after = await load(app, ref.roundId);
  if (outcome === 'stale') return privateNote(`That question closed just before your answer, so nothing was recorded. ${stateLine(after.view)}`);
  if (outcome === 'already') {
    const first = after.view.answers.find((a) => a.userId === request.user.id && a.questionIndex === ref.questionIndex);
    return privateNote(`You answered ${first ? letterOf(first.chosen) : 'already'}; your first answer is the one that counts.`);
  }
  const closed = await closeIfDue(app, after, request.messageId);
  // Not closed yet: the board's count of who has answered moves on. Not awaited: Discord limits how often
  // one message is edited, and a queued edit must not hold this answer past the interaction's 3 seconds.
  if (!closed) void refreshAnswerCount(app, ref.roundId, after.view.version, request.messageId);
  return privateNote(
    `Your answer: **${letterOf(decision.chosen)}**. Only you can see this; ` +
      (closed ? 'everyone has answered, so the board shows how the group split and the explanation.' : 'the board shows the right answer when the question closes.'),
  );
}

/** Shows who has answered so far, unless the round moved on meanwhile (then the closing edit is the one to keep). */
async function refreshAnswerCount(app: AppServices, roundId: string, version: number, boardMessageId: string | null): Promise<void> {
  try {
    const fresh = await load(app, roundId);
    if (fresh.view.version === version) await showOnBoard(app, fresh.record.channelId, fresh.record.messageId ?? boardMessageId, fresh.view);
  } catch (error) {
    app.logger.warn({ err: error, roundId }, 'could not update a quiz round’s answer count');
  }
}

/** One line on where the round is now, for a click that changed nothing. */
function stateLine(view: RoundView): string {
  const { state } = view;
  const n = state.questionIds.length;
  switch (state.phase) {
    case 'lobby':
      return 'The round has not started yet.';
    case 'asking':
      return `The board is asking question ${state.position + 1} of ${n} now.`;
    case 'closed':
      return `Question ${state.position + 1} of ${n} has closed; the board shows how the group answered.`;
    case 'finished':
      return 'The round has finished; the board shows the scoreboard.';
  }
}

/** The clock's part: closes every question whose time is up, with no click needed. */
export async function closeQuestionsOnTime(app: AppServices): Promise<number> {
  let closed = 0;
  for (const record of await app.storage.quizRounds.closingBy(app.now(), CLOSING_BATCH)) {
    if (!app.ownsGuild(record.guildId)) continue;
    const snapshot = await app.storage.quizRounds.get(record.id);
    if (!snapshot) continue;
    try {
      if (await closeIfDue(app, toView(snapshot), null)) closed++;
    } catch (error) {
      app.logger.warn({ err: error, roundId: record.id }, 'could not close a quiz round’s question');
    }
  }
  return closed;
}

export const closeQuizQuestionsOnTime: ScheduledJob = {
  name: 'close group quiz questions on time',
  // Every five seconds: a question lasts from 15 seconds, so a minute's wait would be most of another question.
  cron: '*/5 * * * * *',
  run: async (app) => void (await closeQuestionsOnTime(app)),
};
