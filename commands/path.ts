/**
 * /path — a learning path through the topics at your level: each step "read, then quiz", with the game
 * that teaches it. It picks up where you are, from what you read and answered.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { encodeCustomId } from '../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type ButtonView, type CommandModule } from '../src/command-layer/types.js';
import { currentStep, learningPath } from '../src/learning/path.js';
import { newSetButton } from './views/quiz.js';
import { levelFor } from './views/level.js';
import { levelLabel } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('path')
  .setDescription('A learning path through the topics: read, then quiz, step by step')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO);

const path: CommandModule = {
  data,
  async execute(request, app) {
    const userId = request.user.id;
    const [level, reads, answers] = await Promise.all([
      levelFor(app, userId, undefined),
      app.storage.quizzes.reads(userId),
      app.storage.quizzes.answers(userId, 5000),
    ]);
    const quizzed = new Set(answers.map((a) => app.quizzes.get(a.questionId)?.topic).filter((t): t is string => t !== undefined));
    const steps = learningPath({
      topics: new Map(app.topics.all().map((t) => [t.slug, { ...(t.game && { game: t.game }) }] as const)),
      read: new Set(reads.map((r) => r.topic)),
      quizzed,
    });
    const at = currentStep(steps);
    const lines = steps.map((step, i) => {
      const title = app.topics.get(step.topic)?.title ?? step.topic;
      const mark = step.read && step.quizzed ? '✅' : i === at ? '▶️' : '▫️';
      const todo = i === at ? ` — ${step.read ? 'read ✓, now the quiz' : 'read it, then the quiz'}` : '';
      const play = step.game ? ` · play \`/play ${step.game}\`` : '';
      return `${mark} ${i + 1}. ${i === at ? `**${title}**` : title}${todo}${play}`;
    });
    const done = steps.filter((s) => s.read && s.quizzed).length;
    const rows: ButtonView[][] = [];
    if (at !== undefined) {
      const step = steps[at]!;
      const title = clip(app.topics.get(step.topic)?.title ?? step.topic, 60);
      rows.push([
        { type: 'button', customId: encodeCustomId('quiz', 'explain', step.topic, level), label: `Read: ${title}`, style: step.read ? 'secondary' : 'primary' },
        { ...newSetButton(`Quiz: ${title}`, level, step.topic), style: step.read ? 'primary' : 'secondary' },
      ]);
    }
    return reply({
      embeds: [
        {
          title: at === undefined ? 'Your learning path: done!' : `Your learning path: step ${at + 1} of ${steps.length}`,
          description: clip(lines.join('\n'), LIMITS.embedDescription),
          footer: `${done} of ${steps.length} steps read and quizzed · ${levelLabel(level)} · /level changes it`,
        },
      ],
      rows,
      ephemeral: true,
    });
  },
};

export default path;
