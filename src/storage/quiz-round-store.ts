/**
 * Group quiz rounds. The round moves on (start, close, next) by compare-and-set on its version; answers
 * do not move it, so one person's answer never makes another's button stale. An answer still checks the
 * version inside its transaction, by touching the round's row where the version matches: on PostgreSQL
 * that locks the row against a closing running at the same moment, and SQLite runs one writer at a time.
 */
import type { Kysely, Selectable } from 'kysely';
import { newGameId } from './ids.js';
import { toJson } from './json.js';
import type { Database, QuizRoundsTable } from './schema.js';
import { insertAnswerWithCard } from './quiz-store.js';
import type { QuestionOfTheDayStore, QuizRoundRecord, QuizRoundSnapshot, QuizRoundStore } from './types.js';

const toRound = (row: Selectable<QuizRoundsTable>): QuizRoundRecord => ({
  id: row.id,
  guildId: row.guild_id,
  channelId: row.channel_id,
  messageId: row.message_id,
  hostId: row.host_id,
  state: JSON.parse(row.state) as unknown,
  version: Number(row.version),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

async function snapshot(db: Kysely<Database>, round: QuizRoundRecord): Promise<QuizRoundSnapshot> {
  const [players, answers] = await Promise.all([
    db.selectFrom('quiz_round_players').select(['user_id', 'name']).where('round_id', '=', round.id).orderBy('joined_at').orderBy('user_id').execute(),
    db
      .selectFrom('quiz_round_answers')
      .select(['user_id', 'question_index', 'chosen', 'right'])
      .where('round_id', '=', round.id)
      .orderBy('question_index')
      .orderBy('answered_at')
      .orderBy('user_id')
      .execute(),
  ]);
  return {
    round,
    players: players.map((p) => ({ userId: p.user_id, name: p.name })),
    answers: answers.map((a) => ({ userId: a.user_id, questionIndex: Number(a.question_index), chosen: Number(a.chosen), right: Number(a.right) === 1 })),
  };
}

export function createQuizRoundStore(db: Kysely<Database>): QuizRoundStore {
  return {
    async create({ guildId, channelId, host, state, columns, now, createdByInteraction }) {
      const at = now.toISOString();
      const created = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('quiz_rounds')
          .values({
            id: newGameId(),
            guild_id: guildId,
            channel_id: channelId,
            message_id: null,
            host_id: host.userId,
            phase: columns.phase,
            closes_at: columns.closesAt?.toISOString() ?? null,
            state: toJson(state),
            version: 1,
            created_at: at,
            updated_at: at,
            created_by_interaction: createdByInteraction ?? null,
          })
          // As for games: one round per creating interaction; the insert that loses inserts nothing.
          .onConflict((conflict) => conflict.column('created_by_interaction').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!inserted) return undefined;
        await trx.insertInto('quiz_round_players').values({ round_id: inserted.id, user_id: host.userId, name: host.name, joined_at: at }).execute();
        return inserted;
      });
      if (created) return { round: toRound(created), players: [host], answers: [] };
      // Only a repeated interaction gets here (a null key never conflicts); its round may have moved on since.
      const first = await db.selectFrom('quiz_rounds').selectAll().where('created_by_interaction', '=', createdByInteraction ?? null).executeTakeFirstOrThrow();
      return snapshot(db, toRound(first));
    },

    async get(id) {
      const row = await db.selectFrom('quiz_rounds').selectAll().where('id', '=', id).executeTakeFirst();
      return row && snapshot(db, toRound(row));
    },

    async join(id, player, now) {
      const result = await db
        .insertInto('quiz_round_players')
        .values({ round_id: id, user_id: player.userId, name: player.name, joined_at: now.toISOString() })
        .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async update(id, expectedVersion, { state, columns, messageId }, now) {
      const row = await db
        .updateTable('quiz_rounds')
        .set((eb) => ({
          state: toJson(state),
          phase: columns.phase,
          closes_at: columns.closesAt?.toISOString() ?? null,
          version: eb('version', '+', 1),
          updated_at: now.toISOString(),
          ...(messageId !== undefined && { message_id: messageId }),
        }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      return row && toRound(row);
    },

    answer(id, expectedVersion, player, answer, quizAnswer, card) {
      return db.transaction().execute(async (trx) => {
        const at = quizAnswer.answeredAt.toISOString();
        const touched = await trx.updateTable('quiz_rounds').set({ updated_at: at }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
        if (Number(touched.numUpdatedRows) === 0) return 'stale';
        await trx
          .insertInto('quiz_round_players')
          .values({ round_id: id, user_id: player.userId, name: player.name, joined_at: at })
          .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
          .execute();
        const kept = await trx
          .insertInto('quiz_round_answers')
          .values({ round_id: id, question_index: answer.questionIndex, user_id: answer.userId, chosen: answer.chosen, right: answer.right ? 1 : 0, answered_at: at })
          .onConflict((conflict) => conflict.columns(['round_id', 'question_index', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(kept.numInsertedOrUpdatedRows ?? 0) === 0) return 'already';
        await insertAnswerWithCard(trx, quizAnswer, card);
        return 'recorded';
      });
    },

    async closingBy(now, limit) {
      const rows = await db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('phase', '=', 'asking')
        .where('closes_at', '<=', now.toISOString())
        .orderBy('closes_at')
        .limit(limit)
        .execute();
      return rows.map(toRound);
    },
  };
}

export function createQuestionOfTheDayStore(db: Kysely<Database>): QuestionOfTheDayStore {
  return {
    async enabled(guildId) {
      const row = await db.selectFrom('question_of_the_day_settings').select('enabled').where('guild_id', '=', guildId).executeTakeFirst();
      return Number(row?.enabled ?? 0) === 1;
    },

    async setEnabled(guildId, enabled, now) {
      const values = { enabled: enabled ? 1 : 0, updated_at: now.toISOString() };
      await db
        .insertInto('question_of_the_day_settings')
        .values({ guild_id: guildId, ...values })
        .onConflict((conflict) => conflict.column('guild_id').doUpdateSet(values))
        .execute();
    },

    async enabledGuilds() {
      const rows = await db.selectFrom('question_of_the_day_settings').select('guild_id').where('enabled', '=', 1).orderBy('guild_id').execute();
      return rows.map((row) => row.guild_id);
    },

    async claimPost(guildId, localDate, questionId, now) {
      const result = await db
        .insertInto('question_of_the_day_posts')
        .values({ guild_id: guildId, local_date: localDate, question_id: questionId, message_id: null, claimed_at: now.toISOString() })
        .onConflict((conflict) => conflict.columns(['guild_id', 'local_date']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async markPosted(guildId, localDate, messageId) {
      await db.updateTable('question_of_the_day_posts').set({ message_id: messageId }).where('guild_id', '=', guildId).where('local_date', '=', localDate).execute();
    },

    answer(localDate, answer, card) {
      return db.transaction().execute(async (trx) => {
        const kept = await trx
          .insertInto('question_of_the_day_answers')
          .values({ local_date: localDate, user_id: answer.userId, question_id: answer.questionId, chosen: answer.chosen, answered_at: answer.answeredAt.toISOString() })
          .onConflict((conflict) => conflict.columns(['local_date', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(kept.numInsertedOrUpdatedRows ?? 0) === 0) {
          const first = await trx
            .selectFrom('question_of_the_day_answers')
            .select('chosen')
            .where('local_date', '=', localDate)
            .where('user_id', '=', answer.userId)
            .executeTakeFirstOrThrow();
          return { recorded: false, chosen: Number(first.chosen) };
        }
        await insertAnswerWithCard(trx, answer, card);
        return { recorded: true, chosen: answer.chosen };
      });
    },
  };
}
