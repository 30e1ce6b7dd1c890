/**
 * The Discord interaction that created a game, a quiz set or a group quiz round, unique per table.
 * Discord sends a shard's events to every process identified on it, so during a rolling restart two
 * processes handle the same slash command; the unique key lets the slower one's insert find the
 * faster one's row instead of starting a second game. Null for rows made without an interaction (the
 * terminal version, rows from before this migration): a unique index lets any number of nulls through,
 * in SQLite and PostgreSQL alike.
 */
import type { Kysely } from 'kysely';

const TABLES = ['games', 'quiz_sets', 'quiz_rounds'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('created_by_interaction', 'text').execute();
    await db.schema.createIndex(`${table}_created_by_interaction`).on(table).column('created_by_interaction').unique().execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_created_by_interaction`).execute();
    await db.schema.alterTable(table).dropColumn('created_by_interaction').execute();
  }
}
