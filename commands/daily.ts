/**
 * /daily game:<game> — today's puzzle: one per game per UTC day, the same for everyone in every server.
 * One attempt per person per day: an unfinished attempt resumes, a finished one is refused kindly with
 * the spoiler-free result line to share.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { privateNote, reply, type AppServices, type CommandModule } from '../src/command-layer/types.js';
import { GAMES, isGameId } from '../src/games/index.js';
import type { GameId } from '../src/games/types.js';
import { dailySeed, utcDay } from '../src/social/days.js';
import type { GameRecord } from '../src/storage/index.js';
import { boardMessage } from './play/board.js';
import { dailyShareLine } from './play/render.js';
import { startGame, viewOf } from './play/session.js';
import { GAME_CHOICES } from './views/game.js';
import { UserError } from '../src/command-layer/errors.js';

const data = new SlashCommandBuilder()
  .setName('daily')
  .setDescription("Play today's puzzle: the same for everyone, one attempt a day")
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o
      .setName('game')
      .setDescription('Which game')
      .setRequired(true)
      .addChoices(...GAME_CHOICES),
  );

async function todaysAttempt(app: AppServices, userId: string, game: GameId, seed: string): Promise<GameRecord | undefined> {
  const mine = await app.storage.games.listByOwner(userId, { limit: 100 });
  return mine.find((r) => r.mode === 'daily' && r.game === game && r.seed === seed);
}

const daily: CommandModule = {
  data,
  async execute(request, app) {
    const game = String(request.options.game ?? '');
    if (!isGameId(game)) throw new UserError('Choose bake, lock, tune or train.');
    const day = utcDay(app.now());
    const seed = dailySeed(game, day);
    const existing = await todaysAttempt(app, request.user.id, game, seed);
    if (existing?.status === 'active') {
      return reply({ ...boardMessage(viewOf(existing)), content: "Your attempt at today's puzzle, where you left it:" });
    }
    if (existing) {
      const line = dailyShareLine(viewOf(existing));
      return privateNote(`You have played today's ${GAMES[game].title} already; a new one comes at midnight UTC. Your result:\n${line}`);
    }
    const started = await startGame(app, GAMES[game], { game, mode: 'daily', seed, difficulty: undefined, request });
    return reply({ ...boardMessage(started), content: `Today's ${GAMES[game].title}: the same puzzle for everyone. One attempt.` });
  },
};

export default daily;
