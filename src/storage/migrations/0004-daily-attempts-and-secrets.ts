/**
 * One attempt per person per daily puzzle, kept by the database: a row per (person, game, UTC day)
 * under a unique key, so two /daily sent at once cannot both start a game. The person is stored only as
 * a keyed hash, so the mark can outlive /privacy forget without naming anyone. Secrets the server
 * generates for itself (the key of that hash, and of the daily seeds) live in `server_secrets`.
 * Portable types only: this runs on SQLite today and PostgreSQL later.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_attempts')
    // A keyed hash (HMAC) of the person, the game and the day: the uniqueness the rule needs.
    .addColumn('attempt_key', 'text', (c) => c.primaryKey())
    .addColumn('game', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // The game the attempt started; null once its owner asked to be forgotten.
    .addColumn('game_id', 'text')
    .execute();
  // Old marks are pruned by day; forgetting a person unlinks their games by id.
  await db.schema.createIndex('daily_attempts_day').on('daily_attempts').column('day').execute();
  await db.schema.createIndex('daily_attempts_game').on('daily_attempts').column('game_id').execute();

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_secrets').execute();
  await db.schema.dropTable('daily_attempts').execute();
}
