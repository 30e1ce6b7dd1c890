/**
 * Daily attempts: the database's unique key on (person, game, day), hashed by the caller, is what keeps
 * a daily puzzle to one game per person, whatever arrives at the same moment.
 */
import type { Kysely, Selectable } from 'kysely';
import { insertGameOnce, toGameRecord } from './game-rows.js';
import { newGameId } from './ids.js';
import type { DailyAttemptsTable, Database } from './schema.js';
import type { DailyAttempt, DailyAttemptStore, DailyStart } from './types.js';

const toAttempt = (row: Selectable<DailyAttemptsTable>): DailyAttempt => ({ key: row.attempt_key, game: row.game, day: row.day, gameId: row.game_id });

export function createDailyAttemptStore(db: Kysely<Database>): DailyAttemptStore {
  return {
    async find(keys) {
      if (keys.length === 0) return [];
      const rows = await db.selectFrom('daily_attempts').selectAll().where('attempt_key', 'in', keys).execute();
      return rows.map(toAttempt);
    },

    startOnce(attempt, game): Promise<DailyStart> {
      return db.transaction().execute(async (trx) => {
        const gameId = newGameId();
        // The insert that loses the race on the key inserts nothing; it never starts a second game.
        const claimed = await trx
          .insertInto('daily_attempts')
          .values({ attempt_key: attempt.key, game: attempt.game, day: attempt.day, game_id: gameId })
          .onConflict((conflict) => conflict.column('attempt_key').doNothing())
          .returning('attempt_key')
          .executeTakeFirst();
        if (claimed) {
          const made = await insertGameOnce(trx, game, gameId);
          if (made.id === gameId) return { started: true, game: made };
          // This interaction had already started its game, under the day before: another bot process on the
          // shard handled it just before midnight UTC. That is the answer; the new day stays unplayed.
          await trx.deleteFrom('daily_attempts').where('attempt_key', '=', attempt.key).execute();
          return { started: false, game: made };
        }
        const row = await trx.selectFrom('daily_attempts').selectAll().where('attempt_key', '=', attempt.key).executeTakeFirstOrThrow();
        const existing = row.game_id === null ? undefined : await trx.selectFrom('games').selectAll().where('id', '=', row.game_id).executeTakeFirst();
        return { started: false, game: existing && toGameRecord(existing) };
      });
    },

    async pruneBefore(day) {
      const deleted = await db.deleteFrom('daily_attempts').where('day', '<', day).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}
