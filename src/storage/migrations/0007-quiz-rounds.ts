/**
 * Group quiz rounds: the round (its questions and phase as versioned JSON, moved on by compare-and-set,
 * with its phase and closing time as columns so the clock job can find questions past their time), who
 * joined, and each person's first answer to each question. And the question of the day: which servers
 * want it, the one post per server and local date (claimed by inserting its key, so one process posts
 * it), and each person's first answer to a day's question. Portable types only: SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quiz_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    // The board, known from the first click on it.
    .addColumn('message_id', 'text')
    .addColumn('host_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quiz_rounds_closing').on('quiz_rounds').columns(['phase', 'closes_at']).execute();
  await db.schema.createIndex('quiz_rounds_host').on('quiz_rounds').column('host_id').execute();

  await db.schema
    .createTable('quiz_round_players')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_round_players_pk', ['round_id', 'user_id'])
    .execute();
  await db.schema.createIndex('quiz_round_players_user').on('quiz_round_players').column('user_id').execute();

  await db.schema
    .createTable('quiz_round_answers')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('question_index', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('chosen', 'integer', (c) => c.notNull())
    .addColumn('right', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    // One answer per person and question: a second click inserts nothing, so the first answer stands.
    .addPrimaryKeyConstraint('quiz_round_answers_pk', ['round_id', 'question_index', 'user_id'])
    .execute();
  await db.schema.createIndex('quiz_round_answers_user').on('quiz_round_answers').column('user_id').execute();

  await db.schema
    .createTable('question_of_the_day_settings')
    .addColumn('guild_id', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('question_of_the_day_posts')
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_of_the_day_posts_pk', ['guild_id', 'local_date'])
    .execute();
  await db.schema
    .createTable('question_of_the_day_answers')
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('chosen', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    // One answer per person and day: the day's question is the same in every server.
    .addPrimaryKeyConstraint('question_of_the_day_answers_pk', ['local_date', 'user_id'])
    .execute();
  await db.schema.createIndex('question_of_the_day_answers_user').on('question_of_the_day_answers').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('question_of_the_day_answers').execute();
  await db.schema.dropTable('question_of_the_day_posts').execute();
  await db.schema.dropTable('question_of_the_day_settings').execute();
  await db.schema.dropTable('quiz_round_answers').execute();
  await db.schema.dropTable('quiz_round_players').execute();
  await db.schema.dropTable('quiz_rounds').execute();
}
