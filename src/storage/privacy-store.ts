/** What the bot keeps about one person, and forgetting it all in one transaction. */
import type { Kysely } from 'kysely';
import { isLevel } from '../content/levels.js';
import { toJson } from './json.js';
import { createResultStore } from './results-store.js';
import type { Database } from './schema.js';
import type { ForgetReport, PrivacyStore, StoredAboutUser } from './types.js';

const dateOrNull = (text: string | null | undefined): Date | null => (text ? new Date(text) : null);

export function createPrivacyStore(db: Kysely<Database>): PrivacyStore {
  return {
    async about(userId): Promise<StoredAboutUser> {
      const [preference, games, joined, results, days, answers, cards, reads, quizRounds] = await Promise.all([
        db.selectFrom('preferences').select('level').where('user_id', '=', userId).executeTakeFirst(),
        db
          .selectFrom('games')
          .where('owner_id', '=', userId)
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('first'), eb.fn.max('updated_at').as('last')])
          .executeTakeFirstOrThrow(),
        db.selectFrom('game_players').where('user_id', '=', userId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
        db
          .selectFrom('results')
          .where('user_id', '=', userId)
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('finished_at').as('first'), eb.fn.max('finished_at').as('last')])
          .executeTakeFirstOrThrow(),
        db.selectFrom('results').where('user_id', '=', userId).where('mode', '=', 'daily').select('day').distinct().orderBy('day').execute(),
        db
          .selectFrom('quiz_answers')
          .where('user_id', '=', userId)
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('answered_at').as('first'), eb.fn.max('answered_at').as('last')])
          .executeTakeFirstOrThrow(),
        db.selectFrom('review_cards').where('user_id', '=', userId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
        db.selectFrom('topic_reads').where('user_id', '=', userId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
        db.selectFrom('quiz_round_players').where('user_id', '=', userId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      ]);
      const level = preference === undefined ? undefined : Number(preference.level);
      return {
        level: isLevel(level) ? level : undefined,
        games: { count: Number(games.count), first: dateOrNull(games.first), last: dateOrNull(games.last) },
        joinedRounds: Number(joined.count),
        results: { count: Number(results.count), first: dateOrNull(results.first), last: dateOrNull(results.last) },
        dailyDays: days.map((row) => row.day),
        quizAnswers: { count: Number(answers.count), first: dateOrNull(answers.first), last: dateOrNull(answers.last) },
        reviewCards: Number(cards.count),
        topicsRead: Number(reads.count),
        quizRounds: Number(quizRounds.count),
      };
    },

    forget(userId, withoutPerson): Promise<ForgetReport> {
      return db.transaction().execute(async (trx) => {
        const results = await createResultStore(trx).forgetUser(userId);
        const joined = await trx
          .selectFrom('games')
          .innerJoin('game_players', 'game_players.game_id', 'games.id')
          .where('game_players.user_id', '=', userId)
          .where('games.owner_id', '!=', userId)
          .select(['games.id', 'games.state'])
          .execute();
        for (const round of joined) {
          // The version moves on, so a board shown before this refuses its next click and is redrawn.
          await trx
            .updateTable('games')
            .set((eb) => ({ state: toJson(withoutPerson(JSON.parse(round.state), userId)), version: eb('version', '+', 1) }))
            .where('id', '=', round.id)
            .execute();
        }
        await trx.deleteFrom('game_players').where('user_id', '=', userId).execute();
        const owned = trx.selectFrom('games').select('id').where('owner_id', '=', userId);
        await trx.deleteFrom('game_players').where('game_id', 'in', owned).execute();
        await trx.updateTable('daily_attempts').set({ game_id: null }).where('game_id', 'in', owned).execute();
        const games = await trx.deleteFrom('games').where('owner_id', '=', userId).executeTakeFirst();
        const level = await trx.deleteFrom('preferences').where('user_id', '=', userId).executeTakeFirst();
        const quizAnswers = await trx.deleteFrom('quiz_answers').where('user_id', '=', userId).executeTakeFirst();
        const reviewCards = await trx.deleteFrom('review_cards').where('user_id', '=', userId).executeTakeFirst();
        await trx.deleteFrom('quiz_sets').where('owner_id', '=', userId).execute();
        const reads = await trx.deleteFrom('topic_reads').where('user_id', '=', userId).executeTakeFirst();
        // Group quiz rounds: the person's place and answers in every round, and the rounds they hosted whole
        // (as with group game rounds: a hosted round is theirs).
        const hosted = trx.selectFrom('quiz_rounds').select('id').where('host_id', '=', userId);
        await trx.deleteFrom('quiz_round_answers').where((eb) => eb.or([eb('user_id', '=', userId), eb('round_id', 'in', hosted)])).execute();
        const quizRounds = await trx.deleteFrom('quiz_round_players').where('user_id', '=', userId).executeTakeFirst();
        await trx.deleteFrom('quiz_round_players').where('round_id', 'in', hosted).execute();
        await trx.deleteFrom('quiz_rounds').where('host_id', '=', userId).execute();
        await trx.deleteFrom('question_of_the_day_answers').where('user_id', '=', userId).execute();
        return {
          results,
          games: Number(games.numDeletedRows),
          joinedRounds: joined.length,
          level: Number(level.numDeletedRows) > 0,
          quizAnswers: Number(quizAnswers.numDeletedRows),
          reviewCards: Number(reviewCards.numDeletedRows),
          topicsRead: Number(reads.numDeletedRows),
          quizRounds: Number(quizRounds.numDeletedRows),
        };
      });
    },
  };
}
