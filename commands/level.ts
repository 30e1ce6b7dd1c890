/** /level [level] — shows or sets the level /explain and /ask answer at when none is given. */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { privateNote, type CommandModule } from '../src/command-layer/types.js';
import { DEFAULT_LEVEL, FOR_LEVEL, isLevel } from '../src/content/levels.js';
import { LEVEL_CHOICES } from './views/level.js';

const data = new SlashCommandBuilder()
  .setName('level')
  .setDescription('Show or set your usual explanation level')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addIntegerOption((o) => o.setName('level').setDescription('1 five-year-old … 5 ML expert').addChoices(...LEVEL_CHOICES));

const level: CommandModule = {
  data,
  async execute(request, app) {
    const wanted = request.options.level;
    if (isLevel(wanted)) {
      await app.storage.preferences.setLevel(request.user.id, wanted);
      return privateNote(`Saved: I will explain at level ${wanted} (${FOR_LEVEL[wanted]}) unless you ask for another.`);
    }
    const saved = await app.storage.preferences.getLevel(request.user.id);
    return privateNote(
      saved
        ? `Your level is ${saved} (${FOR_LEVEL[saved]}). Change it with \`/level level:<1-5>\`.`
        : `You have not set a level, so I use ${DEFAULT_LEVEL} (${FOR_LEVEL[DEFAULT_LEVEL]}). Set one with \`/level level:<1-5>\`.`,
    );
  },
};

export default level;
