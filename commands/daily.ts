/**
 * /daily game:<game> — today's puzzle: one per game per UTC day, the same for everyone in every server.
 * One attempt per person per day, kept by a unique key in storage: an unfinished attempt resumes, a
 * finished (or forgotten) one is refused kindly, and two requests at the same moment start one game.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { privateNote, reply, type AppServices, type CommandModule, type CommandResponse, type ScheduledJob } from '../src/command-layer/types.js';
import { GAME_IDS, GAMES, isGameId } from '../src/games/index.js';
import type { GameId } from '../src/games/types.js';
import { utcDay } from '../src/social/days.js';
import type { GameRecord } from '../src/storage/index.js';
import { newGameRecord } from '../src/play/service.js';
import { dailyShareText } from '../src/play/share.js';
import { gameBoard } from './views/game-board.js';
import { viewOf } from './views/stored-game.js';
import { requiredGameOption } from './views/game.js';
import { dailyPostJob } from './daily/posting.js';
import { UserError } from '../src/command-layer/errors.js';

const data = new SlashCommandBuilder()
  .setName('daily')
  .setDescription("Play today's puzzle: the same for everyone, one attempt a day")
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption(requiredGameOption);

/** The answer to a second /daily on the same day: the game where it stands, or why there is none. */
function attemptedAlready(app: AppServices, game: GameId, existing: GameRecord | undefined): CommandResponse {
  const title = GAMES[game].title;
  if (!existing) {
    return privateNote(
      `You have had today's ${title} attempt already; its game was deleted when you asked me to forget your data, ` +
        'but the day still counts as played. A new puzzle comes at midnight UTC.',
    );
  }
  if (existing.status === 'active') {
    return reply({ ...gameBoard(viewOf(existing, app)), content: "Your attempt at today's puzzle, where you left it:" });
  }
  const line = dailyShareText(viewOf(existing, app));
  return privateNote(`You have played today's ${title} already; a new one comes at midnight UTC. Your result:\n\`\`\`\n${line}\n\`\`\``);
}

/** A day's attempt marks matter only on that day; they are deleted within the hour after it ends. */
export const pruneAttemptMarks: ScheduledJob = {
  name: 'delete past daily attempt marks',
  cron: '7 * * * *',
  run: async (app) => void (await app.storage.dailyAttempts.pruneBefore(utcDay(app.now()))),
};

const daily: CommandModule = {
  data,
  async execute(request, app) {
    const game = String(request.options.game ?? '');
    if (!isGameId(game)) throw new UserError(`Choose ${GAME_IDS.slice(0, -1).join(', ')} or ${GAME_IDS.at(-1)}.`);
    const day = utcDay(app.now());
    const key = app.daily.attemptKey(request.user.id, game, day);
    const started = (record: GameRecord) => reply({ ...gameBoard(viewOf(record, app)), content: `Today's ${GAMES[game].title}: the same puzzle for everyone. One attempt.` });
    // The day's attempt found claimed by this very interaction (a second bot process on the shard started
    // it) is answered as the start was; claimed by another request, it is an attempt made already.
    const claimedBefore = (existing: GameRecord | undefined) =>
      existing && request.interactionId !== undefined && existing.createdByInteraction === request.interactionId ? started(existing) : attemptedAlready(app, game, existing);
    const [attempt] = await app.storage.dailyAttempts.find([key]);
    if (attempt) return claimedBefore(attempt.gameId === null ? undefined : await app.storage.games.get(attempt.gameId));
    const { user: owner, guildId, channelId, interactionId } = request;
    const record = newGameRecord(
      { game, mode: 'daily', seed: app.daily.seed(game, day), difficulty: undefined, owner, guildId, channelId, createdByInteraction: interactionId },
      app.now(),
    );
    // Between the look above and this claim another request may have claimed the day: then it resumes that game.
    const start = await app.storage.dailyAttempts.startOnce({ key, game, day }, record);
    if (!start.started) return claimedBefore(start.game);
    return started(start.game);
  },
  scheduled: [dailyPostJob(), pruneAttemptMarks],
};

export default daily;
