/**
 * /review — the questions due for you today, one at a time like /quiz. Each answer reschedules its
 * question with FSRS: a wrong one comes back later today, a right one in a few days, then further apart.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import type { CommandModule } from '../src/command-layer/types.js';
import { startReview } from './quiz/sets.js';
import { levelFor } from './views/level.js';

const data = new SlashCommandBuilder()
  .setName('review')
  .setDescription('Practise the quiz questions due for you today, spaced so they stick')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO);

const review: CommandModule = {
  data,
  async execute(request, app) {
    return startReview(app, request, await levelFor(app, request.user.id, undefined));
  },
};

export default review;
