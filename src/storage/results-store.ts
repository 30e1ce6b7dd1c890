/**
 * Results: one row per player per finished game, the source of leaderboards, stats and streaks.
 * Rankings use window functions (ROW_NUMBER … OVER), which SQLite and PostgreSQL both have, so each
 * question is one query however many results there are.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DailyLeader, DailyLeadersQuery, LeaderboardEntry, LeaderboardQuery, NewResult, PlayerStats, ResultStore, Standing } from './types.js';

/** Above this many servers an IN list gets unwieldy; the day's rows are filtered after the query instead. */
const MAX_GUILDS_IN_QUERY = 500;

/** The UTC date of an instant, YYYY-MM-DD. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function matching(query: LeaderboardQuery) {
  return (eb: ExpressionBuilder<Database, 'results'>) =>
    eb.and([
      eb('guild_id', '=', query.guildId),
      eb('game', '=', query.game),
      ...(query.since === undefined ? [] : [eb('day', '>=', query.since)]),
      ...(query.mode === undefined ? [] : [eb('mode', '=', query.mode)]),
    ]);
}

export function createResultStore(db: Kysely<Database>): ResultStore {
  /** Each player's best result in the period (the earliest, among equal scores), ranked. */
  function standings(query: LeaderboardQuery) {
    const bestPerPlayer = db
      .selectFrom('results')
      .where(matching(query))
      .select(['user_id', 'score', 'finished_at'])
      .select((eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((over) => over.partitionBy('user_id').orderBy('score', 'desc').orderBy('finished_at', 'asc'))
          .as('attempt_rank'),
      );
    return db
      .selectFrom(bestPerPlayer.as('best'))
      .where('attempt_rank', '=', 1)
      .select(['user_id', 'score', 'finished_at'])
      .select((eb) => [
        eb.fn
          .agg<number>('row_number')
          .over((over) => over.orderBy('score', 'desc').orderBy('finished_at', 'asc').orderBy('user_id', 'asc'))
          .as('place'),
        eb.fn.countAll<number>().over().as('players'),
      ]);
  }

  return {
    async record(result: NewResult): Promise<boolean> {
      const inserted = await db
        .insertInto('results')
        .values({
          game_record_id: result.gameRecordId,
          user_id: result.userId,
          guild_id: result.guildId,
          game: result.game,
          mode: result.mode,
          score: result.score,
          won: result.won ? 1 : 0,
          moves: result.moves,
          finished_at: result.finishedAt.toISOString(),
          day: utcDateOf(result.finishedAt),
        })
        .onConflict((conflict) => conflict.columns(['game_record_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async leaderboard(query): Promise<LeaderboardEntry[]> {
      const limit = Math.max(0, Math.trunc(query.limit));
      const rows = await db.selectFrom(standings(query).as('ranked')).selectAll().where('place', '<=', limit).orderBy('place').execute();
      return rows.map((row) => ({ rank: Number(row.place), userId: row.user_id, score: Number(row.score), finishedAt: new Date(row.finished_at) }));
    },

    async rankOf(query, userId): Promise<Standing | undefined> {
      const row = await db.selectFrom(standings(query).as('ranked')).selectAll().where('user_id', '=', userId).executeTakeFirst();
      return (
        row && {
          rank: Number(row.place),
          userId: row.user_id,
          score: Number(row.score),
          finishedAt: new Date(row.finished_at),
          players: Number(row.players),
        }
      );
    },

    async dailyLeaders({ day, perGame, guildIds }: DailyLeadersQuery): Promise<DailyLeader[]> {
      const filterInQuery = guildIds !== undefined && guildIds.length <= MAX_GUILDS_IN_QUERY;
      if (guildIds !== undefined && guildIds.length === 0) return [];
      const bestPerPlayer = db
        .selectFrom('results')
        .where('mode', '=', 'daily')
        .where('day', '=', day)
        .where('guild_id', 'is not', null)
        .$if(filterInQuery, (q) => q.where('guild_id', 'in', guildIds ?? []))
        .select(['guild_id', 'game', 'user_id', 'score', 'finished_at'])
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((over) => over.partitionBy(['guild_id', 'game', 'user_id']).orderBy('score', 'desc').orderBy('finished_at', 'asc'))
            .as('attempt_rank'),
        );
      const ranked = db
        .selectFrom(bestPerPlayer.as('best'))
        .where('attempt_rank', '=', 1)
        .select(['guild_id', 'game', 'user_id', 'score', 'finished_at'])
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((over) => over.partitionBy(['guild_id', 'game']).orderBy('score', 'desc').orderBy('finished_at', 'asc').orderBy('user_id', 'asc'))
            .as('place'),
        );
      const rows = await db
        .selectFrom(ranked.as('ranked'))
        .selectAll()
        .where('place', '<=', Math.max(0, Math.trunc(perGame)))
        .orderBy('guild_id')
        .orderBy('game')
        .orderBy('place')
        .execute();
      const wanted = guildIds && !filterInQuery ? new Set(guildIds) : undefined;
      return rows
        .filter((row) => row.guild_id !== null && (wanted === undefined || wanted.has(row.guild_id)))
        .map((row) => ({
          guildId: row.guild_id ?? '',
          game: row.game,
          rank: Number(row.place),
          userId: row.user_id,
          score: Number(row.score),
          finishedAt: new Date(row.finished_at),
        }));
    },

    async statsFor(userId, guildId): Promise<PlayerStats> {
      const mine = db
        .selectFrom('results')
        .where('user_id', '=', userId)
        .$if(guildId !== undefined, (q) => q.where('guild_id', '=', guildId ?? ''));
      const [totals, best, days] = await Promise.all([
        mine
          .select((eb) => [
            eb.fn.countAll<number>().as('played'),
            eb.fn.sum<number>('won').as('wins'),
            eb.fn.sum<number>(eb.case().when('won', '=', 1).then(eb.ref('moves')).else(0).end()).as('won_moves'),
          ])
          .executeTakeFirstOrThrow(),
        mine.select(['game']).select((eb) => eb.fn.max('score').as('best')).groupBy('game').orderBy('game').execute(),
        mine.where('mode', '=', 'daily').select('day').distinct().orderBy('day').execute(),
      ]);
      const wins = Number(totals.wins ?? 0);
      return {
        played: Number(totals.played),
        wins,
        averageMovesToWin: wins > 0 ? Number(totals.won_moves) / wins : null,
        bestByGame: Object.fromEntries(best.map((row) => [row.game, Number(row.best)])),
        dailyDays: days.map((row) => row.day),
      };
    },

    async forgetUser(userId): Promise<number> {
      const deleted = await db.deleteFrom('results').where('user_id', '=', userId).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}
