/**
 * /privacy show | /privacy forget — what the bot keeps about you, and deleting it. Forgetting asks
 * first, with a button only the person who asked may press.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { encodeCustomId, exactly, parseUserId } from '../src/command-layer/custom-id.js';
import { UserError } from '../src/command-layer/errors.js';
import { privateNote, reply, update, type CommandModule, type ComponentHandler } from '../src/command-layer/types.js';

import { GAME_IDS } from '../src/games/index.js';
import { FOR_LEVEL } from '../src/content/levels.js';
import { utcDay } from '../src/social/days.js';
import { streaksOf } from '../src/social/streaks.js';
import { withoutPlayer } from '../src/play/former-players.js';

const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('See what Tuning Fork keeps about you, or delete it')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO)
  .addSubcommand((sub) => sub.setName('show').setDescription('What the bot stores about you'))
  .addSubcommand((sub) => sub.setName('forget').setDescription('Delete your games, results, streaks, quiz answers and saved level'));

/** What a daily attempt mark is, in the words /privacy uses for it. */
const ATTEMPT_MARKS =
  'one mark per daily puzzle you start: a keyed hash of your id, the game and the UTC day, which names nobody without the ' +
  'bot\'s secret key. It keeps the day to one attempt, so /privacy forget leaves it, and it is deleted within the hour after the day ends.';
const day = (date: Date | null) => (date ? utcDay(date) : '');
const span = (first: Date | null, last: Date | null) => (first && last ? ` (${day(first)} to ${day(last)}, UTC)` : '');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Only the person a confirmation was made for may use it. */
const ownerOnly = {
  parse(args: readonly string[]) {
    const userId = parseUserId(exactly(args, 1)?.[0]);
    return userId ? { userId } : undefined;
  },
};

function refuseOthers(clicker: string, owner: string): void {
  if (clicker !== owner) throw new UserError('This button belongs to someone else’s /privacy forget. Run `/privacy forget` yourself to delete your own data.');
}

const confirm: ComponentHandler<{ userId: string }> = {
  ...ownerOnly,
  async run(request, { userId }, app) {
    refuseOthers(request.user.id, userId);
    const report = await app.storage.privacy.forget(userId, withoutPlayer);
    app.logger.info({ userId, ...report }, 'forgot a user on request');
    // A second click, or a second bot process handling the same click, finds everything gone already. Its
    // answer may be the one Discord shows, so it must be true for the person whose data was just deleted.
    if (Object.values(report).every((count) => count === 0 || count === false)) {
      return update({ content: `Done: nothing of yours is stored now. Today's daily puzzles you started stay played: ${ATTEMPT_MARKS}`, rows: [], ephemeral: true });
    }
    return update({
      content:
        `Done. I deleted ${plural(report.games, 'game', 'games')}, ${plural(report.results, 'result', 'results')} ` +
        `(and with them your streaks and leaderboard places), ${plural(report.quizAnswers, 'quiz answer', 'quiz answers')} and ` +
        `${plural(report.reviewCards, 'review schedule', 'review schedules')}, the list of ${plural(report.topicsRead, 'topic', 'topics')} you read, ` +
        `your place in ${plural(report.quizRounds, 'group quiz round', 'group quiz rounds')} (rounds you hosted are deleted whole)` +
        `${report.level ? ', and your saved level' : ''}. ` +
        (report.joinedRounds > 0
          ? `In ${plural(report.joinedRounds, 'round', 'rounds')} that others hosted, your moves stay for them under “Former player” instead of your name. `
          : '') +
        `Anything you play from now on is stored afresh. Today's daily puzzles you started stay played: ${ATTEMPT_MARKS}`,
      rows: [],
      ephemeral: true,
    });
  },
};

const cancel: ComponentHandler<{ userId: string }> = {
  ...ownerOnly,
  run(request, { userId }) {
    refuseOthers(request.user.id, userId);
    return update({ content: 'Kept: nothing was deleted.', rows: [], ephemeral: true });
  },
};

const privacy: CommandModule = {
  data,
  async execute(request, app) {
    const userId = request.user.id;
    if (request.subcommand === 'forget') {
      return reply({
        ephemeral: true,
        content:
          'This deletes every game you started, all your results (so you leave every leaderboard), your daily ' +
          'streaks, your quiz answers, review schedules, topics read and group quiz answers, and your saved level, in every server. In rounds others hosted, your moves stay for them but ' +
          'your name and id are removed. Today\'s daily puzzles you started still count as played (a mark that does not ' +
          'name you keeps them to one attempt until the day ends). It cannot be undone. Are you sure?',
        rows: [
          [
            { type: 'button', customId: encodeCustomId('privacy', 'forget', userId), label: 'Delete my data', style: 'danger' },
            { type: 'button', customId: encodeCustomId('privacy', 'keep', userId), label: 'Keep it', style: 'secondary' },
          ],
        ],
      });
    }
    const today = utcDay(app.now());
    const keys = new Map(GAME_IDS.map((game) => [app.daily.attemptKey(userId, game, today), game]));
    const [about, marks] = await Promise.all([app.storage.privacy.about(userId), app.storage.dailyAttempts.find([...keys.keys()])]);
    const markedGames = marks.map((mark) => keys.get(mark.key)).filter((game) => game !== undefined);
    const streak = streaksOf(about.dailyDays, today);
    const lines = [
      `**Saved level:** ${about.level ? `${about.level} (${FOR_LEVEL[about.level]})` : 'none'}`,
      `**Games you started:** ${about.games.count}${span(about.games.first, about.games.last)} — each with its moves, seed and score`,
      `**Rounds you joined in others’ games:** ${about.joinedRounds} — your moves, id and name, inside their round`,
      `**Results:** ${about.results.count}${span(about.results.first, about.results.last)} — score, win, moves, game and server, for leaderboards and /stats`,
      `**Quiz answers:** ${about.quizAnswers.count}${span(about.quizAnswers.first, about.quizAnswers.last)} — question, answer chosen, right or not, when, for /review`,
      `**Review schedules:** ${about.reviewCards} — one per question you answered: when /review asks it next`,
      `**Topics read:** ${about.topicsRead} — each with the deepest level you read it at and when, so /quiz asks about them`,
      `**Group quiz rounds you joined:** ${about.quizRounds} — your name and your first answer to each question, inside the round`,
      `**Daily streak:** ${plural(about.dailyDays.length, 'day', 'days')} with a daily puzzle; current ${streak.current}, longest ${streak.longest}${streak.lastDay ? `, last ${streak.lastDay}` : ''}`,
      `**Daily attempts today:** ${markedGames.length ? markedGames.join(', ') : 'none'} — ${ATTEMPT_MARKS}`,
      '',
      'All of it is filed under your Discord user id. `/privacy forget` deletes it; rounds someone else hosted keep ' +
        'your moves for the others, under “Former player” instead of your id and name.',
    ];
    return privateNote(lines.join('\n'));
  },
  components: { forget: confirm, keep: cancel },
};

export default privacy;
