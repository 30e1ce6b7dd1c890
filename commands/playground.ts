/**
 * /playground [where] — the playground (issue 14): on Discord it launches the app's Activity, the same
 * page running inside Discord; `where:browser`, or a front end without Activities (the console), gets a
 * link to the page instead.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { privateNote, reply, type AppServices, type CommandModule, type CommandResponse, type MessageView } from '../src/command-layer/types.js';

const data = new SlashCommandBuilder()
  .setName('playground')
  .setDescription('Probe a puzzle and watch Bayesian search think, live')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o
      .setName('where')
      .setDescription('Inside Discord (an Activity) or in your browser')
      .addChoices({ name: 'inside Discord', value: 'activity' }, { name: 'in my browser', value: 'browser' }),
  );

function linkMessage(app: AppServices): MessageView | undefined {
  if (app.playgroundUrl === undefined) return undefined;
  return {
    content: 'The playground: probe a puzzle by hand, let grid, random or Bayesian search play it, and watch what the optimiser believes after every probe.',
    links: [{ type: 'link', label: 'Open the playground', url: app.playgroundUrl }],
    ephemeral: true,
  };
}

const NOT_SET_UP =
  'The playground is not linked on this bot: its host has not set WEB_BASE_URL (the web address of the bot’s web server). In the terminal version it runs at the address printed on start-up.';

const playground: CommandModule = {
  data,
  execute(request, app): CommandResponse {
    const link = linkMessage(app);
    if (request.options.where === 'browser') return link ? reply(link) : privateNote(NOT_SET_UP);
    return { kind: 'launch-activity', message: link ?? { content: NOT_SET_UP, ephemeral: true } };
  },
};

export default playground;
