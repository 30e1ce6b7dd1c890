/**
 * Quiz answers, spaced-review cards and quiz sets. A set moves on by compare-and-set on its version, in
 * the same transaction as the answer it records, so two clicks on one button record one answer.
 */
import type { Kysely, Selectable } from 'kysely';
import { newGameId } from './ids.js';
import { toJson } from './json.js';
import type { Database, QuizAnswersTable, QuizSetsTable, ReviewCardsTable } from './schema.js';
import { isLevel } from '../content/levels.js';
import type { QuizAnswerRecord, QuizMode, QuizSetRecord, QuizStore, ReviewCardRecord, TopicRead } from './types.js';

const toSet = (row: Selectable<QuizSetsTable>): QuizSetRecord => ({
  id: row.id,
  ownerId: row.owner_id,
  mode: row.mode as QuizMode,
  state: JSON.parse(row.state) as unknown,
  version: Number(row.version),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toCard = (row: Selectable<ReviewCardsTable>): ReviewCardRecord => ({
  userId: row.user_id,
  questionId: row.question_id,
  card: JSON.parse(row.card) as unknown,
  due: new Date(row.due),
  updatedAt: new Date(row.updated_at),
});

const toAnswer = (row: Selectable<QuizAnswersTable>): QuizAnswerRecord => ({
  userId: row.user_id,
  questionId: row.question_id,
  chosen: Number(row.chosen),
  right: Number(row.right) === 1,
  mode: row.mode as QuizMode,
  setId: row.set_id,
  answeredAt: new Date(row.answered_at),
});

/** A quiz answer and the question's new review card, inside the caller's transaction (sets, rounds, the question of the day). */
export async function insertAnswerWithCard(trx: Kysely<Database>, answer: QuizAnswerRecord, card: Omit<ReviewCardRecord, 'updatedAt'>): Promise<void> {
  const at = answer.answeredAt.toISOString();
  await trx
    .insertInto('quiz_answers')
    .values({
      id: newGameId(16),
      user_id: answer.userId,
      question_id: answer.questionId,
      chosen: answer.chosen,
      right: answer.right ? 1 : 0,
      mode: answer.mode,
      set_id: answer.setId,
      answered_at: at,
    })
    .execute();
  const values = { card: toJson(card.card), due: card.due.toISOString(), updated_at: at };
  await trx
    .insertInto('review_cards')
    .values({ user_id: card.userId, question_id: card.questionId, ...values })
    .onConflict((conflict) => conflict.columns(['user_id', 'question_id']).doUpdateSet(values))
    .execute();
}

export function createQuizStore(db: Kysely<Database>): QuizStore {
  return {
    async recordRead(userId, topic, level, at) {
      const when = at.toISOString();
      await db
        .insertInto('topic_reads')
        .values({ user_id: userId, topic, deepest_level: level, last_read_at: when })
        .onConflict((conflict) =>
          conflict.columns(['user_id', 'topic']).doUpdateSet((eb) => ({
            // The deepest level read so far stays; reading a simpler level again does not lower it.
            deepest_level: eb.case().when('topic_reads.deepest_level', '<', level).then(level).else(eb.ref('topic_reads.deepest_level')).end(),
            last_read_at: when,
          })),
        )
        .execute();
    },

    async reads(userId) {
      const rows = await db.selectFrom('topic_reads').selectAll().where('user_id', '=', userId).orderBy('last_read_at', 'desc').orderBy('topic').execute();
      return rows.flatMap((row): TopicRead[] => {
        const level = Number(row.deepest_level);
        return isLevel(level) ? [{ topic: row.topic, deepestLevel: level, lastReadAt: new Date(row.last_read_at) }] : [];
      });
    },

    async createSet({ ownerId, mode, state, now, createdByInteraction }) {
      const at = now.toISOString();
      const values = { id: newGameId(), owner_id: ownerId, mode, state: toJson(state), version: 1, created_at: at, updated_at: at, created_by_interaction: createdByInteraction ?? null };
      if (createdByInteraction === undefined) return toSet(await db.insertInto('quiz_sets').values(values).returningAll().executeTakeFirstOrThrow());
      // As for games: the insert that loses on the interaction's unique key inserts nothing and reads the winner's set.
      const inserted = await db
        .insertInto('quiz_sets')
        .values(values)
        .onConflict((conflict) => conflict.column('created_by_interaction').doNothing())
        .returningAll()
        .executeTakeFirst();
      const row = inserted ?? (await db.selectFrom('quiz_sets').selectAll().where('created_by_interaction', '=', createdByInteraction).executeTakeFirstOrThrow());
      return toSet(row);
    },

    async getSet(id) {
      const row = await db.selectFrom('quiz_sets').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSet(row);
    },

    async updateSet(id, expectedVersion, state, now) {
      const row = await db
        .updateTable('quiz_sets')
        .set((eb) => ({ state: toJson(state), version: eb('version', '+', 1), updated_at: now.toISOString() }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      return row && toSet(row);
    },

    recordAnswer(answer, card, set) {
      return db.transaction().execute(async (trx) => {
        const at = answer.answeredAt.toISOString();
        let moved: QuizSetRecord | null = null;
        if (set) {
          const row = await trx
            .updateTable('quiz_sets')
            .set((eb) => ({ state: toJson(set.state), version: eb('version', '+', 1), updated_at: at }))
            .where('id', '=', set.id)
            .where('version', '=', set.expectedVersion)
            .where('owner_id', '=', answer.userId)
            .returningAll()
            .executeTakeFirst();
          if (!row) return undefined;
          moved = toSet(row);
        }
        await insertAnswerWithCard(trx, answer, card);
        return moved;
      });
    },

    async getCard(userId, questionId) {
      const row = await db.selectFrom('review_cards').selectAll().where('user_id', '=', userId).where('question_id', '=', questionId).executeTakeFirst();
      return row && toCard(row);
    },

    async dueCards(userId, until, limit) {
      const rows = await db
        .selectFrom('review_cards')
        .selectAll()
        .where('user_id', '=', userId)
        .where('due', '<=', until.toISOString())
        .orderBy('due')
        .orderBy('question_id')
        .limit(limit)
        .execute();
      return rows.map(toCard);
    },

    async countDue(userId, until) {
      const row = await db
        .selectFrom('review_cards')
        .where('user_id', '=', userId)
        .where('due', '<=', until.toISOString())
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async cards(userId) {
      const rows = await db.selectFrom('review_cards').selectAll().where('user_id', '=', userId).orderBy('question_id').execute();
      return rows.map(toCard);
    },

    async answers(userId, limit) {
      const rows = await db
        .selectFrom('quiz_answers')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('answered_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toAnswer);
    },
  };
}
