/** The quiz store on both databases: answers, review cards, quiz sets by compare-and-set, and privacy. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuizAnswerRecord, Storage } from '../src/storage/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { openTempStorage, type TempStorage } from './social/storage-fixture.js';

const ANA = '100000000000000001';
const BO = '100000000000000002';
const t0 = new Date('2026-12-01T10:00:00.000Z');
const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);

function answer(userId: string, questionId: string, right: boolean, at: Date, setId: string | null = null): QuizAnswerRecord {
  return { userId, questionId, chosen: right ? 0 : 2, right, mode: 'quiz', setId, answeredAt: at };
}

describe.each(DATABASE_KINDS)('quiz store on %s', (kind) => {
  let temp: TempStorage;
  let storage: Storage;

  beforeEach(async () => {
    temp = await openTempStorage(kind);
    storage = temp.storage;
  });

  afterEach(() => temp.dispose());

  it('records answers and keeps one card per person and question, replaced by the latest', async () => {
    const quizzes = storage.quizzes;
    expect(await quizzes.recordAnswer(answer(ANA, 'hp-one', false, t0), { userId: ANA, questionId: 'hp-one', card: { step: 1 }, due: hours(1) })).toBeNull();
    await quizzes.recordAnswer(answer(ANA, 'hp-one', true, hours(2)), { userId: ANA, questionId: 'hp-one', card: { step: 2 }, due: hours(72) });
    await quizzes.recordAnswer(answer(ANA, 'hp-two', true, hours(3)), { userId: ANA, questionId: 'hp-two', card: { step: 1 }, due: hours(48) });
    await quizzes.recordAnswer(answer(BO, 'hp-one', false, hours(1)), { userId: BO, questionId: 'hp-one', card: { step: 1 }, due: hours(1) });

    expect(await quizzes.getCard(ANA, 'hp-one')).toEqual({ userId: ANA, questionId: 'hp-one', card: { step: 2 }, due: hours(72), updatedAt: hours(2) });
    expect((await quizzes.answers(ANA, 10)).map((a) => [a.questionId, a.right, a.chosen])).toEqual([
      ['hp-two', true, 0],
      ['hp-one', true, 0],
      ['hp-one', false, 2],
    ]);
    expect((await quizzes.cards(ANA)).map((c) => c.questionId)).toEqual(['hp-one', 'hp-two']);
  });

  it('lists and counts the cards due by a time, soonest first, per person', async () => {
    const quizzes = storage.quizzes;
    for (const [id, due] of [['q-late', hours(50)], ['q-soon', hours(5)], ['q-now', hours(0)]] as const) {
      await quizzes.recordAnswer(answer(ANA, id, true, t0), { userId: ANA, questionId: id, card: {}, due });
    }
    await quizzes.recordAnswer(answer(BO, 'q-now', true, t0), { userId: BO, questionId: 'q-now', card: {}, due: t0 });
    expect((await quizzes.dueCards(ANA, hours(24), 10)).map((c) => c.questionId)).toEqual(['q-now', 'q-soon']);
    expect((await quizzes.dueCards(ANA, hours(24), 1)).map((c) => c.questionId)).toEqual(['q-now']);
    expect(await quizzes.countDue(ANA, hours(24))).toBe(2);
    expect(await quizzes.countDue(ANA, hours(100))).toBe(3);
    expect(await quizzes.countDue(BO, hours(-1))).toBe(0);
  });

  it('moves a set on by compare-and-set with its answer, so a doubled click records one answer', async () => {
    const quizzes = storage.quizzes;
    const set = await quizzes.createSet({ ownerId: ANA, mode: 'quiz', state: { position: 0, note: 'ünï ✓' }, now: t0 });
    expect(set).toMatchObject({ ownerId: ANA, mode: 'quiz', version: 1, state: { position: 0, note: 'ünï ✓' } });
    expect(await quizzes.getSet(set.id)).toEqual(set);

    const card = { userId: ANA, questionId: 'hp-one', card: {}, due: hours(1) };
    const clicks = await Promise.all([
      quizzes.recordAnswer(answer(ANA, 'hp-one', true, t0, set.id), card, { id: set.id, expectedVersion: 1, state: { position: 1 } }),
      quizzes.recordAnswer(answer(ANA, 'hp-one', true, t0, set.id), card, { id: set.id, expectedVersion: 1, state: { position: 1 } }),
    ]);
    expect(clicks.filter((c) => c === undefined)).toHaveLength(1);
    expect(clicks.find((c) => c)).toMatchObject({ version: 2, state: { position: 1 } });
    expect(await quizzes.answers(ANA, 10)).toHaveLength(1);

    // Someone else cannot move another person's set on, even with its version.
    expect(await quizzes.recordAnswer(answer(BO, 'hp-one', true, t0, set.id), { ...card, userId: BO }, { id: set.id, expectedVersion: 2, state: {} })).toBeUndefined();
    expect(await quizzes.answers(BO, 10)).toHaveLength(0);

    expect(await quizzes.updateSet(set.id, 1, { position: 9 }, hours(1))).toBeUndefined();
    expect(await quizzes.updateSet(set.id, 2, { position: 2 }, hours(1))).toMatchObject({ version: 3, state: { position: 2 }, updatedAt: hours(1) });
  });

  it('remembers the topics a person read, at the deepest level, most recent first', async () => {
    const quizzes = storage.quizzes;
    await quizzes.recordRead(ANA, 'learning-rate', 2, t0);
    await quizzes.recordRead(ANA, 'batch-size', 3, hours(1));
    await quizzes.recordRead(ANA, 'learning-rate', 4, hours(2));
    await quizzes.recordRead(ANA, 'learning-rate', 1, hours(3));
    await quizzes.recordRead(BO, 'dropout', 5, t0);
    expect(await quizzes.reads(ANA)).toEqual([
      { topic: 'learning-rate', deepestLevel: 4, lastReadAt: hours(3) },
      { topic: 'batch-size', deepestLevel: 3, lastReadAt: hours(1) },
    ]);
  });

  it('shows and forgets a person’s answers, cards and sets, and nobody else’s', async () => {
    const quizzes = storage.quizzes;
    await quizzes.recordRead(ANA, 'learning-rate', 2, t0);
    await quizzes.createSet({ ownerId: ANA, mode: 'review', state: {}, now: t0 });
    await quizzes.recordAnswer(answer(ANA, 'hp-one', false, t0), { userId: ANA, questionId: 'hp-one', card: {}, due: t0 });
    await quizzes.recordAnswer(answer(ANA, 'hp-one', true, hours(1)), { userId: ANA, questionId: 'hp-one', card: {}, due: hours(9) });
    await quizzes.recordAnswer(answer(BO, 'hp-one', true, t0), { userId: BO, questionId: 'hp-one', card: {}, due: t0 });

    const about = await storage.privacy.about(ANA);
    expect(about.quizAnswers).toEqual({ count: 2, first: t0, last: hours(1) });
    expect(about.reviewCards).toBe(1);
    expect(about.topicsRead).toBe(1);

    const report = await storage.privacy.forget(ANA, (state) => state);
    expect(report).toMatchObject({ quizAnswers: 2, reviewCards: 1, topicsRead: 1 });
    expect(await quizzes.reads(ANA)).toEqual([]);
    expect(await storage.privacy.about(ANA)).toMatchObject({ quizAnswers: { count: 0, first: null, last: null }, reviewCards: 0 });
    expect(await temp.query(`select count(*) as n from quiz_sets where owner_id = '${ANA}'`)).toEqual([{ n: kind === 'sqlite' ? 0 : '0' }]);
    expect(await quizzes.answers(BO, 10)).toHaveLength(1);
    expect(await quizzes.getCard(BO, 'hp-one')).toBeDefined();
  });
});
