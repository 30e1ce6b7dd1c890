/**
 * /ask question:<text> — full-text search over every topic; answers with the best match at the
 * person's level and offers the next best as "did you mean" buttons.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { encodeCustomId, exactly, parseSlug, parseSmallInt } from '../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type CommandModule, type CommandResponse, type ComponentHandler } from '../src/command-layer/types.js';
import { UserError } from '../src/command-layer/errors.js';
import { escapeMarkdown } from '../src/command-layer/markdown.js';
import { isLevel, type Level } from '../src/content/levels.js';
import { questionIntent } from '../src/content/question-intent.js';
import { CONFIDENT_COVERAGE, type SearchHit } from '../src/content/topic-search.js';
import type { Topic } from '../src/content/topic.js';
import { levelFor } from './views/level.js';
import { topicMessage, topicSlugList } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about hyperparameters in your own words')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o.setName('question').setDescription('For example: why is learning rate on a log scale?').setRequired(true).setMaxLength(300),
  );

/** "Did you mean" answers privately: the question's asker keeps the public answer as it was. */
const showTopic: ComponentHandler<{ slug: string; level: Level }> = {
  parse(args) {
    const [text, levelText] = exactly(args, 2) ?? [];
    const slug = parseSlug(text);
    const level = parseSmallInt(levelText, 1, 5);
    return slug && isLevel(level) ? { slug, level } : undefined;
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
      const topics = topicSlugList(app.topics);
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
    if (best.coverage < CONFIDENT_COVERAGE) return unsureAnswer(question, hits.slice(0, 3), level);

    const compared = comparedTopics(question, app.topics.ask.bind(app.topics));
    const comparing = compared && compared.some((topic) => topic.slug === best.topic.slug) ? compared : undefined;
    const preface =
      `**You asked:** ${escapeMarkdown(clip(question, 300))}` +
      (comparing ? `\nYou are weighing **${comparing[0].title}** against **${comparing[1].title}**: here is one, the other is the first button below.` : '');
    const message = topicMessage(app.topics, best.topic, level, request.user.id, preface);
    const offered = [...(comparing ?? []), ...hits.slice(1).map((hit) => hit.topic)];
    const others = [...new Map(offered.filter((topic) => topic.slug !== best.topic.slug).map((topic) => [topic.slug, topic])).values()].slice(0, 4);
    if (others.length > 0) message.rows = [...(message.rows ?? []), others.map((topic) => didYouMean(topic, level, `Did you mean: ${topic.title}?`))];
    return reply(message);
  },
  components: { show: showTopic },
};

function didYouMean(topic: Topic, level: Level, label: string) {
  return {
    type: 'button' as const,
    customId: encodeCustomId('ask', 'show', topic.slug, level),
    label: clip(label, LIMITS.buttonLabel),
    style: 'secondary' as const,
  };
}

/** The two topics a comparison question weighs ("grid vs random search"), when each side names one. */
function comparedTopics(question: string, ask: (text: string, limit: number) => SearchHit[]): [Topic, Topic] | undefined {
  const intent = questionIntent(question);
  if (intent.kind !== 'compare') return undefined;
  const [first, second] = intent.sides.map((side) => ask(side, 1)[0]);
  if (!first || !second || first.coverage < CONFIDENT_COVERAGE || second.coverage < CONFIDENT_COVERAGE) return undefined;
  return first.topic.slug === second.topic.slug ? undefined : [first.topic, second.topic];
}

/** A weak best match is a guess, and the honest answer says so rather than teaching the wrong topic. */
function unsureAnswer(question: string, closest: readonly SearchHit[], level: Level): CommandResponse {
  const list = closest.map((hit) => `• **${hit.topic.title}**: ${hit.topic.summary}`).join('\n');
  return reply({
    ephemeral: true,
    embeds: [
      {
        title: 'I am not sure I have a topic for that',
        description: clip(
          `None of my topics answers “${escapeMarkdown(clip(question, 200))}” well. These come closest:\n\n${list}\n\n` +
            'Pick one below, or ask again with other words.',
          LIMITS.embedDescription,
        ),
      },
    ],
    rows: [closest.map((hit) => didYouMean(hit.topic, level, `Read: ${hit.topic.title}`))],
  });
}

export default ask;
