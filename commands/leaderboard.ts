/**
 * /leaderboard game:<game> [period] — this server's top 10 for one game, by each player's best score in
 * the period (ties go to whoever got there first), and the caller's own place wherever it is.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_ONLY, INSTALLED_TO } from './views/contexts.js';
import { UserError } from '../src/command-layer/errors.js';
import { reply, type CommandModule } from '../src/command-layer/types.js';
import { GAME_IDS, GAMES, isGameId } from '../src/games/index.js';
import { utcDay } from '../src/social/days.js';
import { formatScore, isPeriod, PERIOD_NAMES, periodStart, rankingLine, type Period } from '../src/social/leaderboard.js';
import { GAME_CHOICES } from './views/game.js';

export const LEADERBOARD_SIZE = 10;
const DEFAULT_PERIOD: Period = 'week';

const data = new SlashCommandBuilder()
  .setName('leaderboard')
  .setDescription("This server's best players at one game")
  .setContexts(...IN_SERVERS_ONLY)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption((o) =>
    o
      .setName('game')
      .setDescription('Which game')
      .setRequired(true)
      .addChoices(...GAME_CHOICES),
  )
  .addStringOption((o) =>
    o
      .setName('period')
      .setDescription('Today, the last 7 days, or all time (default: the last 7 days); days are UTC')
      .addChoices({ name: 'today', value: 'today' }, { name: 'this week (last 7 days)', value: 'week' }, { name: 'all time', value: 'all' }),
  );

const leaderboard: CommandModule = {
  data,
  async execute(request, app) {
    if (!request.guildId) throw new UserError('Leaderboards belong to a server. Run /leaderboard in a server channel.');
    const game = String(request.options.game ?? '');
    if (!isGameId(game)) throw new UserError(`There is no game called “${game}”. Choose one of: ${GAME_IDS.join(', ')}.`);
    const period = isPeriod(request.options.period) ? request.options.period : DEFAULT_PERIOD;
    const query = { guildId: request.guildId, game, since: periodStart(period, utcDay(app.now())) };
    const [top, mine] = await Promise.all([
      app.storage.results.leaderboard({ ...query, limit: LEADERBOARD_SIZE }),
      app.storage.results.rankOf(query, request.user.id),
    ]);
    const names = new Map([[request.user.id, request.user.name]]);
    const lines = top.map((entry) => rankingLine(entry, names));
    const title = `${GAMES[game].title} · ${PERIOD_NAMES[period]}`;
    if (top.length === 0) {
      return reply({ embeds: [{ title, description: `Nobody here has finished ${GAMES[game].title} in ${PERIOD_NAMES[period]} yet. Be the first: \`/play ${game}\`.` }] });
    }
    let you: string;
    if (!mine) you = `You have no finished ${GAMES[game].title} game in this period yet.`;
    else if (mine.rank <= LEADERBOARD_SIZE) you = `You are #${mine.rank} of ${mine.players}.`;
    else you = `You are #${mine.rank} of ${mine.players}, with ${formatScore(mine.score)}.`;
    return reply({
      embeds: [
        {
          title,
          description: `${lines.join('\n')}\n\n${you}`,
          footer: 'Best score per player; a tie goes to whoever reached it first.',
        },
      ],
    });
  },
};

export default leaderboard;
