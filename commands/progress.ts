/**
 * /progress — your mastery per topic as a picture (read, quizzed, recalled) and the next step: a review
 * that is due, a quiz on something you read, or the next topic to read.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type ButtonView, type CommandModule } from '../src/command-layer/types.js';
import { progressByTopic, nextStep, type TopicProgress } from '../src/learning/progress.js';
import { endOfReviewDay } from '../src/learning/review.js';
import { masteryChart } from '../src/pictures/mastery-chart.js';
import { newSetButton } from './views/quiz.js';
import { levelFor } from './views/level.js';

const data = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('Your progress per topic (read, quizzed, recalled) and what to do next')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO);

/** Rows in the picture: the topics the person has touched, and the next untouched one, at most this many. */
const MAX_ROWS = 12;
const touched = (p: TopicProgress) => p.deepestRead !== null || p.answered > 0;

const progress: CommandModule = {
  data,
  async execute(request, app) {
    const userId = request.user.id;
    const now = app.now();
    const [reads, answers, cards, due, level] = await Promise.all([
      app.storage.quizzes.reads(userId),
      app.storage.quizzes.answers(userId, 5000),
      app.storage.quizzes.cards(userId),
      app.storage.quizzes.countDue(userId, endOfReviewDay(now)),
      levelFor(app, userId, undefined),
    ]);
    const topics = app.topics.all();
    const all = progressByTopic({
      topics: topics.map((t) => t.slug),
      reads,
      answeredIds: new Set(answers.map((a) => a.questionId)),
      cards,
      bank: app.quizzes,
    });
    const title = (slug: string) => app.topics.get(slug)?.title ?? slug;
    const step = nextStep(all, due);
    const stepText =
      step.kind === 'review'
        ? `**Next:** ${due} question${due === 1 ? '' : 's'} to review today — \`/review\`.`
        : step.kind === 'quiz'
          ? `**Next:** test yourself on ${title(step.topic)} — \`/quiz topic:${step.topic}\`.`
          : step.kind === 'read'
            ? `**Next:** read ${title(step.topic)} — \`/explain topic:${step.topic}\`, then test yourself.`
            : '**Next:** you have read and quizzed every topic. Keep up with `/review`.';
    const shown = all.filter(touched).slice(0, MAX_ROWS);
    const buttons: ButtonView[] = step.kind === 'quiz' ? [newSetButton(`Quiz: ${clip(title(step.topic), 60)}`, level, step.topic)] : [];
    if (shown.length === 0) {
      return reply({ content: `You have not read or quizzed any topic yet.\n${stepText}`, ephemeral: true, ...(buttons.length && { rows: [buttons] }) });
    }
    const chart = masteryChart({
      rows: shown.map((p) => ({
        label: title(p.topic),
        read: (p.deepestRead ?? 0) / 5,
        quizzed: p.questions ? p.answered / p.questions : 0,
        recalled: p.questions ? p.recalled / p.questions : 0,
      })),
    });
    const summary =
      `${shown.length} of ${topics.length} topics started. Read: deepest level of 5. Quizzed: share of the topic's questions ` +
      `you answered. Recalled: share you answered right and have not forgotten since.\n\n${stepText}`;
    return reply({
      embeds: [{ title: 'Your progress', description: clip(summary, LIMITS.embedDescription), imageFile: 'progress.png' }],
      files: [{ name: 'progress.png', data: chart.png, description: clip(chart.altText, LIMITS.altText) }],
      ...(buttons.length && { rows: [buttons] }),
      ephemeral: true,
    });
  },
};

export default progress;
