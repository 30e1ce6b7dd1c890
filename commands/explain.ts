/**
 * /explain topic:<topic> [level] — a topic at one of five levels, with Simpler/Deeper buttons and a
 * menu of related topics.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { exactly, parseSlug, parseSmallInt, parseUserId } from '../src/command-layer/custom-id.js';
import { UserError } from '../src/command-layer/errors.js';
import { reply, update, type CommandModule, type ComponentHandler, type CommandResponse, type ComponentRequest, type AppServices } from '../src/command-layer/types.js';
import { isLevel, type Level } from '../src/content/levels.js';
import { CONFIDENT_COVERAGE } from '../src/content/topic-search.js';
import { LEVEL_CHOICES, levelFor } from './views/level.js';
import { topicMessage } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('explain')
  .setDescription('Explain a hyperparameter idea at your level, from five-year-old to ML expert')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o.setName('topic').setDescription('What to explain, e.g. learning-rate').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((o) =>
    o
      .setName('level')
      .setDescription('How deep: 1 five-year-old … 5 ML expert (default: your /level)')
      .addChoices(...LEVEL_CHOICES),
  );

/**
 * A change of level or topic edits the shared message for the person who asked; anyone else gets
 * the same answer privately, so nobody changes what someone else is reading.
 */
async function answer(request: ComponentRequest, owner: string, app: AppServices, slug: string, level: Level): Promise<CommandResponse> {
  const topic = app.topics.get(slug);
  if (!topic) throw new UserError('That topic is no longer here. Try /explain again.');
  await app.storage.quizzes.recordRead(request.user.id, topic.slug, level, app.now());
  const message = topicMessage(app.topics, topic, level, owner);
  return request.user.id === owner ? update(message) : reply({ ...message, ephemeral: true });
}

const changeLevel: ComponentHandler<{ slug: string; level: Level; owner: string }> = {
  parse(args) {
    const [slug, level, owner] = exactly(args, 3) ?? [];
    const parsed = { slug: parseSlug(slug), level: parseSmallInt(level, 1, 5), owner: parseUserId(owner) };
    return parsed.slug && isLevel(parsed.level) && parsed.owner ? { slug: parsed.slug, level: parsed.level, owner: parsed.owner } : undefined;
  },
  run: (request, { slug, level, owner }, app) => answer(request, owner, app, slug, level),
};

const changeTopic: ComponentHandler<{ level: Level; owner: string }> = {
  parse(args) {
    const [level, owner] = exactly(args, 2) ?? [];
    const parsed = { level: parseSmallInt(level, 1, 5), owner: parseUserId(owner) };
    return isLevel(parsed.level) && parsed.owner ? { level: parsed.level, owner: parsed.owner } : undefined;
  },
  run(request, { level, owner }, app) {
    const slug = parseSlug(request.values[0]);
    if (!slug || request.values.length !== 1) throw new UserError('Pick one topic from the menu.');
    return answer(request, owner, app, slug, level);
  },
};

/**
 * Topics a mistyped name could have meant: names that match what was typed first, then topics that
 * cover the words confidently. A guess below that would send people somewhere unrelated.
 */
function closeTopics(app: AppServices, asked: string, limit = 3): string[] {
  const named = app.topics.autocomplete(asked).map((choice) => choice.value);
  const covered = app.topics.ask(asked, limit).flatMap((hit) => (hit.coverage >= CONFIDENT_COVERAGE ? [hit.topic.slug] : []));
  return [...new Set([...named, ...covered])].slice(0, limit);
}

const explain: CommandModule = {
  data,
  async execute(request, app) {
    const asked = String(request.options.topic ?? '');
    const topic = app.topics.resolve(asked);
    if (!topic) {
      const guesses = closeTopics(app, asked).map((slug) => `\`${slug}\``);
      const suggestion = guesses.length ? ` Did you mean ${guesses.join(', ')}?` : ' Type /help to see the topics.';
      throw new UserError(`I don't have a topic called “${asked}”.${suggestion}`);
    }
    const level = await levelFor(app, request.user.id, request.options.level);
    // What a person has read is what /quiz asks about when they name no topic.
    await app.storage.quizzes.recordRead(request.user.id, topic.slug, level, app.now());
    return reply(topicMessage(app.topics, topic, level, request.user.id));
  },
  autocomplete: (request, app) => app.topics.autocomplete(request.focused.value),
  components: { level: changeLevel, topic: changeTopic },
};

export default explain;
