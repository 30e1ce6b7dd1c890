/**
 * /quiz [topic] [level] — five questions, one at a time, answered with buttons A–D; each answer shows
 * right or wrong with the explanations, "Next" and "Explain this topic"; the set ends with a score.
 * A quiz is the person's own: it is sent privately, and its buttons answer only for its owner.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { exactly, parseSlug, parseSmallInt } from '../src/command-layer/custom-id.js';
import { UserError } from '../src/command-layer/errors.js';
import { reply, type CommandModule, type ComponentHandler } from '../src/command-layer/types.js';
import { isLevel, type Level } from '../src/content/levels.js';
import { QUESTION_ID_PATTERN } from '../src/content/quizzes.js';
import { ANSWER_SECONDS, ROUND_QUESTIONS } from '../src/learning/group-round.js';
import { closeQuizQuestionsOnTime, startGroupRound } from './quiz/group.js';
import { groupComponents } from './quiz/group-components.js';
import { answerQuestionOfTheDay, postQuestionOfTheDay } from './quiz/question-of-the-day.js';
import { answerInSet, nextInSet, SET_ID_PATTERN, startQuiz } from './quiz/sets.js';
import { LEVEL_CHOICES, levelFor } from './views/level.js';
import { topicMessage } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('Five questions to test what you learned, with the why behind every answer')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o.setName('topic').setDescription('A topic, e.g. learning-rate (default: what you played, at your level)').setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((o) =>
    o
      .setName('level')
      .setDescription('How deep: 1 five-year-old … 5 ML expert (default: your /level)')
      .addChoices(...LEVEL_CHOICES),
  )
  .addStringOption((o) =>
    o
      .setName('mode')
      .setDescription('solo: just you (default); group: a round in this channel that everyone answers')
      .addChoices({ name: 'solo', value: 'solo' }, { name: 'group', value: 'group' }),
  )
  .addIntegerOption((o) =>
    o
      .setName('questions')
      .setDescription(`Group rounds: how many questions (default ${ROUND_QUESTIONS.default})`)
      .setMinValue(ROUND_QUESTIONS.min)
      .setMaxValue(ROUND_QUESTIONS.max),
  )
  .addIntegerOption((o) =>
    o
      .setName('seconds')
      .setDescription(`Group rounds: seconds to answer each question (default ${ANSWER_SECONDS.default})`)
      .setMinValue(ANSWER_SECONDS.min)
      .setMaxValue(ANSWER_SECONDS.max),
  );

const parseSetId = (text: string | undefined) => (text !== undefined && SET_ID_PATTERN.test(text) ? text : undefined);
const parseQuestionId = (text: string | undefined) => (text !== undefined && QUESTION_ID_PATTERN.test(text) ? text : undefined);
/** Set versions: a set moves on at most twice per question, so a handful of steps in all. */
const parseVersion = (text: string | undefined) => parseSmallInt(text, 1, 100);

/** `quiz:answer:<set>:<version>:<question>:<position 0–3>` */
const answer: ComponentHandler<{ setId: string; version: number; questionId: string; position: number }> = {
  parse(args) {
    const [set, version, question, position] = exactly(args, 4) ?? [];
    const parsed = { setId: parseSetId(set), version: parseVersion(version), questionId: parseQuestionId(question), position: parseSmallInt(position, 0, 3) };
    return parsed.setId && parsed.version !== undefined && parsed.questionId && parsed.position !== undefined
      ? { setId: parsed.setId, version: parsed.version, questionId: parsed.questionId, position: parsed.position }
      : undefined;
  },
  run: (request, ref, app) => answerInSet(app, request.user, ref),
};

/** `quiz:next:<set>:<version>` */
const next: ComponentHandler<{ setId: string; version: number }> = {
  parse(args) {
    const [set, version] = exactly(args, 2) ?? [];
    const parsed = { setId: parseSetId(set), version: parseVersion(version) };
    return parsed.setId && parsed.version !== undefined ? { setId: parsed.setId, version: parsed.version } : undefined;
  },
  run: (request, ref, app) => nextInSet(app, request.user, ref),
};

function parseTopicAndLevel(args: readonly string[], anyTopic: boolean): { topic: string | undefined; level: Level } | undefined {
  const [first, second] = exactly(args, 2) ?? [];
  const level = parseSmallInt(anyTopic ? first : second, 1, 5);
  const topicText = anyTopic ? second : first;
  const topic = anyTopic && topicText === '_' ? undefined : parseSlug(topicText);
  if (!isLevel(level) || (topic === undefined && !(anyTopic && topicText === '_'))) return undefined;
  return { topic, level };
}

/** `quiz:explain:<topic>:<level>` — the topic's explanation at the question's level, privately. */
const explain: ComponentHandler<{ topic: string | undefined; level: Level }> = {
  parse: (args) => parseTopicAndLevel(args, false),
  async run(request, { topic: slug, level }, app) {
    const topic = slug === undefined ? undefined : app.topics.get(slug);
    if (!topic) throw new UserError('That topic is no longer here. Try /explain.');
    await app.storage.quizzes.recordRead(request.user.id, topic.slug, level, app.now());
    return reply({ ...topicMessage(app.topics, topic, level, request.user.id), ephemeral: true });
  },
};

/** `quiz:new:<level>:<topic or _>` — a fresh set: "Another set", and "Test yourself" under /explain. */
const fresh: ComponentHandler<{ topic: string | undefined; level: Level }> = {
  parse: (args) => parseTopicAndLevel(args, true),
  run(request, { topic, level }, app) {
    if (topic !== undefined && !app.topics.get(topic)) throw new UserError('That topic is no longer here. Try /quiz.');
    return startQuiz(app, request, { topic, level });
  },
};

const quiz: CommandModule = {
  data,
  async execute(request, app) {
    const asked = request.options.topic;
    let slug: string | undefined;
    if (typeof asked === 'string' && asked.trim() !== '') {
      const topic = app.topics.resolve(asked);
      if (!topic) {
        const guesses = app.topics.ask(asked, 3).map((hit) => `\`${hit.topic.slug}\``);
        throw new UserError(`I don't have a topic called “${asked}”.${guesses.length ? ` Did you mean ${guesses.join(', ')}?` : ' Type /help to see the topics.'}`);
      }
      slug = topic.slug;
    }
    const level = await levelFor(app, request.user.id, request.options.level);
    if (request.options.mode === 'group') {
      const { questions, seconds } = request.options;
      return startGroupRound(app, request, {
        ...(slug && { topic: slug }),
        level,
        questions: typeof questions === 'number' ? questions : ROUND_QUESTIONS.default,
        seconds: typeof seconds === 'number' ? seconds : ANSWER_SECONDS.default,
      });
    }
    return startQuiz(app, request, { topic: slug, level });
  },
  autocomplete: (request, app) => app.topics.autocomplete(request.focused.value),
  components: { answer, next, explain, new: fresh, ...groupComponents, qotd: answerQuestionOfTheDay },
  scheduled: [closeQuizQuestionsOnTime, postQuestionOfTheDay],
};

export default quiz;
