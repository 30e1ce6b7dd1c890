/**
 * /ask question:<text> — full-text search over every topic; answers with the best match at the
 * person's level and offers the next best as "did you mean" buttons.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { encodeCustomId } from '../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type CommandModule, type ComponentHandler } from '../src/command-layer/types.js';
import { UserError } from '../src/command-layer/errors.js';
import { escapeMarkdown } from '../src/command-layer/markdown.js';
import { isLevel, type Level } from '../src/content/levels.js';
import { levelFor } from './views/level.js';
import { topicMessage } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about hyperparameters in your own words')
  .addStringOption((o) =>
    o.setName('question').setDescription('For example: why is learning rate on a log scale?').setRequired(true).setMaxLength(300),
  );

/** "Did you mean" answers privately: the question's asker keeps the public answer as it was. */
const showTopic: ComponentHandler<{ slug: string; level: Level }> = {
  parse([slug, level]) {
    const n = Number(level);
    return slug && isLevel(n) ? { slug, level: n } : undefined;
  },
  run(request, { slug, level }, app) {
    const topic = app.topics.get(slug);
    if (!topic) throw new UserError('That topic is no longer here. Try /ask again.');
    return reply({ ...topicMessage(app.topics, topic, level, request.user.id), ephemeral: true });
  },
};

const ask: CommandModule = {
  data,
  async execute(request, app) {
    const question = String(request.options.question ?? '').trim();
    const hits = question ? app.topics.ask(question, 5) : [];
    const level = await levelFor(app, request.user.id, undefined);
    const best = hits[0];
    if (!best) {
      const topics = app.topics
        .all()
        .map((t) => `\`${t.slug}\``)
        .join(', ');
      return reply({
        ephemeral: true,
        embeds: [
          {
            title: 'I could not find that one',
            description: clip(
              `I have no topic that matches “${escapeMarkdown(clip(question, 200))}”. Try other words, or pick a topic with ` +
                `\`/explain topic:\` from this list:\n\n${topics}`,
              LIMITS.embedDescription,
            ),
          },
        ],
      });
    }
    const message = topicMessage(app.topics, best.topic, level, request.user.id, `**You asked:** ${escapeMarkdown(clip(question, 300))}`);
    const others = hits.slice(1, 5);
    if (others.length > 0) {
      message.rows = [
        ...(message.rows ?? []),
        others.map((hit) => ({
          type: 'button' as const,
          customId: encodeCustomId('ask', 'show', hit.topic.slug, level),
          label: clip(`Did you mean: ${hit.topic.title}?`, LIMITS.buttonLabel),
          style: 'secondary' as const,
        })),
      ];
    }
    return reply(message);
  },
  components: { show: showTopic },
};

export default ask;
