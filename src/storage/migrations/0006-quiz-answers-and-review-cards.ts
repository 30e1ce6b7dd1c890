/**
 * Quizzes: every answer a person gives (the record /review and /progress learn from), one spaced-review
 * card per person and question (its scheduler state as JSON, with the due time as a column to query),
 * and quiz sets, the five questions of one /quiz or /review in play, updated by compare-and-set on a
 * version so a doubled click answers once; and which topics each person has read with /explain (the
 * deepest level and when), so /quiz without a topic asks about what they read. Portable types only.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quiz_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    // Which of the question's answers was chosen, as written in its file: 0 is the right one.
    .addColumn('chosen', 'integer', (c) => c.notNull())
    .addColumn('right', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    // The quiz set (or, later, group round) the answer was given in; null when given outside one.
    .addColumn('set_id', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quiz_answers_user').on('quiz_answers').columns(['user_id', 'answered_at']).execute();

  await db.schema
    .createTable('review_cards')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('card', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_cards_pk', ['user_id', 'question_id'])
    .execute();
  await db.schema.createIndex('review_cards_due').on('review_cards').columns(['user_id', 'due']).execute();

  await db.schema
    .createTable('quiz_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quiz_sets_owner').on('quiz_sets').column('owner_id').execute();

  await db.schema
    .createTable('topic_reads')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('deepest_level', 'integer', (c) => c.notNull())
    .addColumn('last_read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_reads_pk', ['user_id', 'topic'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('topic_reads').execute();
  await db.schema.dropTable('quiz_sets').execute();
  await db.schema.dropTable('review_cards').execute();
  await db.schema.dropTable('quiz_answers').execute();
}
