import { GAME_IDS, GAMES } from '../../src/games/index.js';

/** The `game` option's choices, shared by every command that takes one. */
export const GAME_CHOICES = GAME_IDS.map((id) => ({ name: GAMES[id].title, value: id }));
