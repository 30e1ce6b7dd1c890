/**
 * The question of the day: for servers that turned it on in /settings, one quiz question goes out with
 * the daily post, right after it in the same channel, the same question everywhere on one local date.
 * Anyone answers privately with A–D; a person's first answer of the day counts for their review.
 * It is posted by a job of its own that follows the daily post, so the daily post itself is untouched.
 */
import seedrandom from 'seedrandom';
import { encodeCustomId, exactly, parseSmallInt } from '../../src/command-layer/custom-id.js';
import { UserError } from '../../src/command-layer/errors.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import { privateNote, type AppServices, type CommandResponse, type ComponentHandler, type MessageView, type ScheduledJob } from '../../src/command-layer/types.js';
import { QUESTION_ID_PATTERN, type QuestionBank, type QuizQuestion } from '../../src/content/quizzes.js';
import { OPTION_LETTERS, optionOrder } from '../../src/learning/quiz-set.js';
import { gradeFor, schedule } from '../../src/learning/review.js';
import { levelLabel } from '../views/topic.js';

const QUESTION_COLOUR = 0x7c3aed;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day's question, the same in every server on that local date; levels 2–3 suit most of a server. */
export function questionOfTheDay(bank: QuestionBank, localDate: string): QuizQuestion | undefined {
  const suited = bank.all().filter((q) => q.level === 2 || q.level === 3);
  const pool = suited.length > 0 ? suited : bank.all();
  if (pool.length === 0) return undefined;
  const sorted = [...pool].sort((a, b) => a.id.localeCompare(b.id));
  return sorted[Math.floor(seedrandom(`question-of-the-day:${localDate}`)() * sorted.length)];
}

/** The answers' order on the day's post: one order for everyone. */
const dayOrder = (localDate: string, questionId: string) => optionOrder(`question-of-the-day:${localDate}`, questionId);

export function questionOfTheDayMessage(app: AppServices, question: QuizQuestion, localDate: string): MessageView {
  const order = dayOrder(localDate, question.id);
  const lines = order.map((written, position) => `**${OPTION_LETTERS[position]}.** ${question.options[written]!.text}`);
  const title = app.topics.get(question.topic)?.title ?? question.topic;
  return {
    embeds: [
      {
        title: clip(`Question of the day · ${title} · ${localDate}`, LIMITS.embedTitle),
        description: clip(`${question.question}\n\n${lines.join('\n')}`, LIMITS.embedDescription),
        color: QUESTION_COLOUR,
        footer: `${levelLabel(question.level)} · answer privately: only you see whether you were right, and it counts for your /review`,
      },
    ],
    rows: [
      OPTION_LETTERS.map((letter, position) => ({
        type: 'button' as const,
        customId: encodeCustomId('quiz', 'qotd', localDate, question.id, position),
        label: letter,
        style: 'primary' as const,
      })),
    ],
  };
}

/** Posts the day's question after each server's daily post of that day, once per server and date. */
export async function postQuestionsOfTheDay(app: AppServices): Promise<number> {
  let posted = 0;
  for (const guildId of await app.storage.questionOfTheDay.enabledGuilds()) {
    if (!app.ownsGuild(guildId)) continue;
    const daily = await app.storage.dailyPosts.latest(guildId);
    if (daily?.status !== 'posted') continue;
    const question = questionOfTheDay(app.quizzes, daily.localDate);
    if (!question) continue;
    if (!(await app.storage.questionOfTheDay.claimPost(guildId, daily.localDate, question.id, app.now()))) continue;
    try {
      const messageId = await app.channels.post(daily.channelId, questionOfTheDayMessage(app, question, daily.localDate));
      await app.storage.questionOfTheDay.markPosted(guildId, daily.localDate, messageId);
      posted++;
    } catch (error) {
      app.logger.warn({ err: error, guildId }, 'could not post the question of the day');
    }
  }
  return posted;
}

export const postQuestionOfTheDay: ScheduledJob = {
  name: 'post the question of the day after the daily post',
  cron: '* * * * *',
  run: async (app) => void (await postQuestionsOfTheDay(app)),
};

function validDate(text: string | undefined): string | undefined {
  if (text === undefined || !LOCAL_DATE.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : undefined;
}

/** `quiz:qotd:<local date>:<question>:<position 0–3>` */
export const answerQuestionOfTheDay: ComponentHandler<{ localDate: string; questionId: string; position: number }> = {
  parse(args) {
    const [date, question, position] = exactly(args, 3) ?? [];
    const parsed = { localDate: validDate(date), questionId: question !== undefined && QUESTION_ID_PATTERN.test(question) ? question : undefined, position: parseSmallInt(position, 0, 3) };
    return parsed.localDate && parsed.questionId && parsed.position !== undefined
      ? { localDate: parsed.localDate, questionId: parsed.questionId, position: parsed.position }
      : undefined;
  },
  async run(request, { localDate, questionId, position }, app): Promise<CommandResponse> {
    const question = app.quizzes.get(questionId);
    if (!question || questionOfTheDay(app.quizzes, localDate)?.id !== questionId) {
      throw new UserError('That question of the day is no longer here. `/quiz` asks you new ones.');
    }
    const order = dayOrder(localDate, questionId);
    const letterOf = (written: number) => OPTION_LETTERS[order.indexOf(written)]!;
    const chosen = order[position]!;
    const right = chosen === 0;
    const now = app.now();
    const previous = await app.storage.quizzes.getCard(request.user.id, questionId);
    const { card, due } = schedule(previous?.card, gradeFor(right), now);
    const result = await app.storage.questionOfTheDay.answer(
      localDate,
      { userId: request.user.id, questionId, chosen, right, mode: 'daily', setId: null, answeredAt: now },
      { userId: request.user.id, questionId, card, due },
    );
    const first = result.chosen;
    const verdict =
      first === 0
        ? `**${letterOf(0)}** is right. ${question.options[0]!.why}`
        : `Not quite: **${letterOf(first)}**. ${question.options[first]!.why}\n\nThe answer is **${letterOf(0)}**. ${question.options[0]!.why}`;
    const lead = result.recorded ? '' : `You answered ${letterOf(first)} already; your first answer is the one that counts.\n\n`;
    return privateNote(clip(`${lead}${verdict}\n\n${first === 0 ? 'It comes back in /review in a few days.' : 'It comes back in today’s /review.'}`, LIMITS.content));
  },
};
