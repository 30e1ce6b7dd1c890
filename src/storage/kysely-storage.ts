/**
 * Storage on any database Kysely speaks to. Queries stay in Kysely's builder, with no dialect-specific
 * SQL, so the SQLite store and a future PostgreSQL one share this code and differ only in the dialect.
 */
import type { Kysely } from 'kysely';
import { isLevel, type Level } from '../content/levels.js';
import { createDailyAttemptStore } from './daily-attempt-store.js';
import { createDailyPostStore } from './daily-post-store.js';
import { createGameExpiryStore } from './game-expiry-store.js';
import { insertGameOnce, toGameRecord } from './game-rows.js';
import { newGameId } from './ids.js';
import { toJson } from './json.js';
import { createPrivacyStore } from './privacy-store.js';
import { createQuestionOfTheDayStore, createQuizRoundStore } from './quiz-round-store.js';
import { createQuizStore } from './quiz-store.js';
import { createResultStore } from './results-store.js';
import { createServerSecretStore } from './secret-store.js';
import { createGuildSettingsStore } from './settings-store.js';
import type { Database } from './schema.js';
import type { GameChange, GameMode, GameRecord, ListGamesOptions, NewGameRecord, Storage } from './types.js';

const DEFAULT_LIST_LIMIT = 20;
const MAX_LIST_LIMIT = 100;

/** `close` is whatever releases the connection; Kysely's destroy() does for the built-in dialects. */
export function createKyselyStorage(db: Kysely<Database>, close: () => Promise<void> = () => db.destroy()): Storage {
  return {
    preferences: {
      async getLevel(userId: string): Promise<Level | undefined> {
        const row = await db.selectFrom('preferences').select('level').where('user_id', '=', userId).executeTakeFirst();
        const level = row === undefined ? undefined : Number(row.level);
        return isLevel(level) ? level : undefined;
      },
      async setLevel(userId: string, level: Level): Promise<void> {
        if (!isLevel(level)) throw new RangeError(`Level must be 1 to 5, got ${String(level)}`);
        const now = new Date().toISOString();
        await db
          .insertInto('preferences')
          .values({ user_id: userId, level, updated_at: now })
          .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ level, updated_at: now }))
          .execute();
      },
    },

    games: {
      create(game: NewGameRecord): Promise<GameRecord> {
        return insertGameOnce(db, game, newGameId());
      },

      async get(id: string): Promise<GameRecord | undefined> {
        const row = await db.selectFrom('games').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toGameRecord(row);
      },

      async update(id: string, expectedVersion: number, change: GameChange): Promise<GameRecord | undefined> {
        const apply = async (trx: Kysely<Database>): Promise<GameRecord | undefined> => {
          const now = new Date().toISOString();
          const row = await trx
            .updateTable('games')
            .set((eb) => ({
              state: toJson(change.state),
              version: eb('version', '+', 1),
              updated_at: now,
              ...(change.status !== undefined && {
                status: change.status,
                // Keep the first finish time if a finished game is finished again (a late button press).
                finished_at: change.status === 'active' ? null : eb.fn.coalesce('finished_at', eb.val(now)),
              }),
              ...(change.score !== undefined && { score: change.score }),
              ...(change.messageId !== undefined && { message_id: change.messageId }),
            }))
            // One statement checks and bumps the version, so two writers cannot both succeed.
            .where('id', '=', id)
            .where('version', '=', expectedVersion)
            .returningAll()
            .executeTakeFirst();
          const joined = row ? (change.players ?? []).filter((userId) => userId !== row.owner_id) : [];
          if (joined.length > 0) {
            await trx
              .insertInto('game_players')
              .values(joined.map((userId) => ({ game_id: id, user_id: userId })))
              .onConflict((conflict) => conflict.doNothing())
              .execute();
          }
          return row && toGameRecord(row);
        };
        return change.players?.length ? db.transaction().execute(apply) : apply(db);
      },

      async listByOwner(ownerId: string, options: ListGamesOptions = {}): Promise<GameRecord[]> {
        const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIST_LIMIT), 0), MAX_LIST_LIMIT);
        let query = db.selectFrom('games').selectAll().where('owner_id', '=', ownerId);
        if (options.status !== undefined) query = query.where('status', '=', options.status);
        const rows = await query.orderBy('updated_at', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
        return rows.map(toGameRecord);
      },

      async listActive(mode: GameMode, options: { limit?: number; after?: Pick<GameRecord, 'updatedAt' | 'id'> } = {}): Promise<GameRecord[]> {
        const limit = Math.min(Math.max(Math.trunc(options.limit ?? MAX_LIST_LIMIT), 0), MAX_LIST_LIMIT);
        let query = db.selectFrom('games').selectAll().where('status', '=', 'active').where('mode', '=', mode);
        const { after } = options;
        if (after) {
          // Keyset paging on the sort order itself: a page never repeats or skips a row that stays put.
          const at = after.updatedAt.toISOString();
          query = query.where((eb) => eb.or([eb('updated_at', '>', at), eb.and([eb('updated_at', '=', at), eb('id', '>', after.id)])]));
        }
        const rows = await query
          .orderBy('updated_at', 'asc')
          .orderBy('id')
          .limit(limit)
          .execute();
        return rows.map(toGameRecord);
      },
    },

    results: createResultStore(db),
    guildSettings: createGuildSettingsStore(db),
    dailyPosts: createDailyPostStore(db),
    privacy: createPrivacyStore(db),
    gameExpiry: createGameExpiryStore(db),
    dailyAttempts: createDailyAttemptStore(db),
    secrets: createServerSecretStore(db),
    quizzes: createQuizStore(db),
    quizRounds: createQuizRoundStore(db),
    questionOfTheDay: createQuestionOfTheDayStore(db),

    close,
  };
}
