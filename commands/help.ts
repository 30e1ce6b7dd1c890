/** /help — what the bot is for and every command it knows. */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type CommandModule } from '../src/command-layer/types.js';
import { topicSlugList } from './views/topic.js';

const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What Tuning Fork does and how to use it')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO);

const help: CommandModule = {
  data,
  execute(_request, app) {
    const commands = app
      .commands()
      .map((c) => c.data.toJSON())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => `**/${c.name}**: ${c.description}`)
      .join('\n');
    // /explain's "did you mean" sends people here for the topics, so list them all (one field holds them).
    const topics = topicSlugList(app.topics);
    return reply({
      ephemeral: true,
      embeds: [
        {
          title: 'Tuning Fork',
          description:
            'I explain hyperparameters (the knobs you set before a model learns) at five levels, from a ' +
            'five-year-old to a machine-learning expert, and host tuning games where you probe a hidden ' +
            'objective with a small budget, then see how grid, random and Bayesian search would have played. ' +
            '`/quiz` checks what stuck, and `/review` brings back what you missed, spaced so it lasts.\n\n' +
            `${commands}\n\nStart with \`/explain topic:hyperparameters\`, then press **Test yourself**.`,
          fields: [{ name: `Topics for /explain (${app.topics.all().length})`, value: clip(topics, LIMITS.fieldValue) }],
        },
      ],
    });
  },
};

export default help;
