/**
 * /stats [user] — a player's record in this server: games played, wins, moves needed to win, best score
 * per game, and the daily streak. In a DM, your own record everywhere.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { UserError } from '../src/command-layer/errors.js';
import { reply, type CommandModule, type EmbedFieldView } from '../src/command-layer/types.js';
import { GAME_IDS, GAMES } from '../src/games/index.js';
import { utcDay } from '../src/social/days.js';
import { endOfReviewDay } from '../src/learning/review.js';
import { formatScore, playerLabel } from '../src/social/leaderboard.js';
import { streaksOf } from '../src/social/streaks.js';

const data = new SlashCommandBuilder()
  .setName('stats')
  .setDescription('Games played, wins, best scores and daily streak')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addUserOption((o) => o.setName('user').setDescription('Whose stats (default: yours)'));

const STATS_FOOTER =
  'Every finished game counts here, practice included; /leaderboard ranks only daily puzzles and group rounds. ' +
  'Daily streak: consecutive UTC days with a finished /daily puzzle.';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const stats: CommandModule = {
  data,
  async execute(request, app) {
    const asked = request.options.user;
    const userId = typeof asked === 'string' ? asked : request.user.id;
    const self = userId === request.user.id;
    if (!request.guildId && !self) throw new UserError("In a DM I can only show your own stats. Ask about someone else in your server.");
    const who = self ? playerLabel(userId, new Map([[userId, request.user.name]])) : playerLabel(userId);
    const where = request.guildId ? 'in this server' : 'everywhere';
    const record = await app.storage.results.statsFor(userId, request.guildId ?? undefined);
    // Quiz reviews are private learning: only the person themself sees how many are due.
    const due = self ? await app.storage.quizzes.countDue(userId, endOfReviewDay(app.now())) : undefined;
    const reviews = due === undefined ? '' : due > 0 ? `Quiz reviews due today: **${due}**. \`/review\` asks them.` : 'No quiz reviews due today.';
    if (record.played === 0) {
      const none = `${self ? 'You have' : `${who} has`} not finished a game ${where} yet. Try \`/play bake\` or \`/daily bake\`.`;
      return reply({ content: reviews ? `${none}\n${reviews}` : none });
    }
    const streak = streaksOf(record.dailyDays, utcDay(app.now()));
    const best = GAME_IDS.filter((id) => record.bestByGame[id] !== undefined)
      .map((id) => `${GAMES[id].title}: **${formatScore(record.bestByGame[id] ?? 0)}**`)
      .join('\n');
    const fields: EmbedFieldView[] = [
      { name: 'Games played', value: String(record.played), inline: true },
      { name: 'Wins', value: `${record.wins} (${Math.round((100 * record.wins) / record.played)}%)`, inline: true },
      {
        name: 'Moves to win',
        value: record.averageMovesToWin === null ? 'no win yet' : `${record.averageMovesToWin.toFixed(1)} on average`,
        inline: true,
      },
      { name: 'Best score per game', value: best || 'none yet' },
      { name: 'Daily streak', value: `current ${days(streak.current)}, longest ${days(streak.longest)}`, inline: true },
      ...(due === undefined ? [] : [{ name: 'Quiz reviews due today', value: due > 0 ? `${due}: \`/review\` asks them` : 'none', inline: true }]),
    ];
    return reply({ embeds: [{ title: 'Stats', description: `${who} ${where}`, fields, footer: STATS_FOOTER }] });
  },
};

export default stats;
