import type { SlashCommandStringOption } from '@discordjs/builders';
import { GAME_IDS, GAMES } from '../../src/games/index.js';

/** The `game` option's choices: every game, by its title. */
const GAME_CHOICES = GAME_IDS.map((id) => ({ name: GAMES[id].title, value: id }));

/** A required `game` option offering every game: `/daily` and `/leaderboard` take the same one. */
export const requiredGameOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option
    .setName('game')
    .setDescription('Which game')
    .setRequired(true)
    .addChoices(...GAME_CHOICES);
