/**
 * /leaderboard game:<game> [period] — this server's top 10 at one game's daily puzzle, by each player's best
 * score in the period (ties go to whoever got there first), the caller's own place wherever it is, and
 * the best group rounds apart. Practice games are not ranked: a chosen seed can be replayed until solved.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_ONLY, INSTALLED_TO } from './views/contexts.js';
import { UserError } from '../src/command-layer/errors.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import { reply, type CommandModule, type EmbedFieldView } from '../src/command-layer/types.js';
import { GAME_IDS, GAMES, isGameId } from '../src/games/index.js';
import { utcDay } from '../src/social/days.js';
import { formatScore, isPeriod, PERIOD_NAMES, periodStart, rankingLine, type Period } from '../src/social/leaderboard.js';
import { requiredGameOption } from './views/game.js';

export const LEADERBOARD_SIZE = 10;
const DEFAULT_PERIOD: Period = 'week';

const data = new SlashCommandBuilder()
  .setName('leaderboard')
  .setDescription("This server's best players at one game")
  .setContexts(...IN_SERVERS_ONLY)
  .setIntegrationTypes(...INSTALLED_TO)
  .addStringOption(requiredGameOption)
  .addStringOption((o) =>
    o
      .setName('period')
      .setDescription('Today, the last 7 days, or all time (default: the last 7 days); days are UTC')
      .addChoices({ name: 'today', value: 'today' }, { name: 'this week (last 7 days)', value: 'week' }, { name: 'all time', value: 'all' }),
  );

/** Group rounds are shown below the daily ranking, fewer of them: they are a shared score, not a person's own. */
export const GROUP_ROUNDS_SHOWN = 5;

const leaderboard: CommandModule = {
  data,
  async execute(request, app) {
    if (!request.guildId) throw new UserError('Leaderboards belong to a server. Run /leaderboard in a server channel.');
    const game = String(request.options.game ?? '');
    if (!isGameId(game)) throw new UserError(`There is no game called “${game}”. Choose one of: ${GAME_IDS.join(', ')}.`);
    const period = isPeriod(request.options.period) ? request.options.period : DEFAULT_PERIOD;
    const since = periodStart(period, utcDay(app.now()));
    // Only puzzles nobody could choose or replay are ranked: the daily, and group rounds apart from it.
    // Practice with /play (any seed, solo or race) counts in /stats but never here.
    const daily = { guildId: request.guildId, game, since, mode: 'daily' as const };
    const group = { ...daily, mode: 'group' as const };
    const [top, mine, rounds] = await Promise.all([
      app.storage.results.leaderboard({ ...daily, limit: LEADERBOARD_SIZE }),
      app.storage.results.rankOf(daily, request.user.id),
      app.storage.results.leaderboard({ ...group, limit: GROUP_ROUNDS_SHOWN }),
    ]);
    const names = new Map([[request.user.id, request.user.name]]);
    const title = `${GAMES[game].title} · ${PERIOD_NAMES[period]}`;
    const footer = 'Ranked: /daily results, and group rounds apart. Practice games with /play are not ranked. Best score per player; a tie goes to whoever reached it first.';
    if (top.length === 0 && rounds.length === 0) {
      return reply({
        embeds: [
          {
            title,
            description: `Nobody here has finished the daily ${GAMES[game].title} in ${PERIOD_NAMES[period]} yet. Be the first: \`/daily ${game}\`.`,
            footer,
          },
        ],
      });
    }
    let you: string;
    if (!mine) you = `You have no finished daily ${GAMES[game].title} in this period yet: \`/daily ${game}\`.`;
    else if (mine.rank <= LEADERBOARD_SIZE) you = `You are #${mine.rank} of ${mine.players}.`;
    else you = `You are #${mine.rank} of ${mine.players}, with ${formatScore(mine.score)}.`;
    const dailyLines = top.length ? top.map((entry) => rankingLine(entry, names)).join('\n') : 'Nobody has finished the daily puzzle in this period yet.';
    const fields: EmbedFieldView[] = rounds.length
      ? [
          {
            name: 'Group rounds (a shared board: every player gets the round’s score)',
            value: clip(rounds.map((entry) => rankingLine(entry, names)).join('\n'), LIMITS.fieldValue),
          },
        ]
      : [];
    return reply({ embeds: [{ title, description: `**Daily puzzle**\n${dailyLines}\n\n${you}`, fields, footer }] });
  },
};

export default leaderboard;
