/** The group quiz round store on both databases: compare-and-set, first answer kept, the clock's query, privacy. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuizRoundAnswerRecord, Storage } from '../src/storage/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { openTempStorage, type TempStorage } from './social/storage-fixture.js';

const ANA = { userId: '100000000000000001', name: 'Ana' };
const BO = { userId: '100000000000000002', name: 'Bo' };
const CY = { userId: '100000000000000003', name: 'Cy' };
const t0 = new Date('2026-12-01T10:00:00.000Z');
const secs = (n: number) => new Date(t0.getTime() + n * 1000);

describe.each(DATABASE_KINDS)('quiz round store on %s', (kind) => {
  let temp: TempStorage;
  let storage: Storage;

  beforeEach(async () => {
    temp = await openTempStorage(kind);
    storage = temp.storage;
  });

  afterEach(() => temp.dispose());

  const newRound = (host = ANA) =>
    storage.quizRounds.create({ guildId: 'g1', channelId: 'c1', host, state: { step: 'lobby' }, columns: { phase: 'lobby', closesAt: null }, now: t0 });

  function give(roundId: string, version: number, who: { userId: string; name: string }, questionIndex: number, chosen: number, at: Date) {
    const answer: QuizRoundAnswerRecord = { userId: who.userId, questionIndex, chosen, right: chosen === 0 };
    return storage.quizRounds.answer(
      roundId,
      version,
      who,
      answer,
      { userId: who.userId, questionId: 'hp-one', chosen, right: chosen === 0, mode: 'group', setId: roundId, answeredAt: at },
      { userId: who.userId, questionId: 'hp-one', card: { chosen }, due: secs(600) },
    );
  }

  it('creates a round with its host joined, and lets others join once', async () => {
    const { round, players } = await newRound();
    expect(players).toEqual([ANA]);
    expect(await storage.quizRounds.join(round.id, BO, secs(1))).toBe(true);
    expect(await storage.quizRounds.join(round.id, BO, secs(2))).toBe(false);
    const loaded = await storage.quizRounds.get(round.id);
    expect(loaded?.players).toEqual([ANA, BO]);
    expect(loaded?.round).toMatchObject({ guildId: 'g1', channelId: 'c1', messageId: null, hostId: ANA.userId, state: { step: 'lobby' }, version: 1 });
  });

  it('moves the round on by compare-and-set, and finds questions past their time', async () => {
    const { round } = await newRound();
    const started = await storage.quizRounds.update(round.id, 1, { state: { step: 'asking' }, columns: { phase: 'asking', closesAt: secs(45) }, messageId: 'm1' }, secs(1));
    expect(started).toMatchObject({ version: 2, messageId: 'm1', state: { step: 'asking' } });
    expect(await storage.quizRounds.update(round.id, 1, { state: { step: 'late' }, columns: { phase: 'asking', closesAt: null } }, secs(2))).toBeUndefined();
    expect(await storage.quizRounds.closingBy(secs(44), 10)).toEqual([]);
    expect((await storage.quizRounds.closingBy(secs(45), 10)).map((r) => r.id)).toEqual([round.id]);
    await storage.quizRounds.update(round.id, 2, { state: { step: 'closed' }, columns: { phase: 'closed', closesAt: null } }, secs(46));
    expect(await storage.quizRounds.closingBy(secs(100), 10)).toEqual([]);
  });

  it('keeps a person’s first answer, joins a newcomer, and refuses answers once the round moved on', async () => {
    const { round } = await newRound();
    await storage.quizRounds.update(round.id, 1, { state: {}, columns: { phase: 'asking', closesAt: secs(45) } }, secs(1));
    expect(await give(round.id, 2, BO, 0, 2, secs(3))).toBe('recorded');
    expect(await give(round.id, 2, BO, 0, 0, secs(4))).toBe('already');
    expect(await give(round.id, 1, CY, 0, 0, secs(5))).toBe('stale');
    const loaded = await storage.quizRounds.get(round.id);
    expect(loaded?.players).toEqual([ANA, BO]);
    expect(loaded?.answers).toEqual([{ userId: BO.userId, questionIndex: 0, chosen: 2, right: false }]);
    // The answer counts for Bo's review like a solo one, once.
    expect((await storage.quizzes.answers(BO.userId, 10)).map((a) => [a.questionId, a.chosen, a.mode, a.setId])).toEqual([['hp-one', 2, 'group', round.id]]);
    expect(await storage.quizzes.getCard(BO.userId, 'hp-one')).toMatchObject({ card: { chosen: 2 } });
    expect(await storage.quizzes.getCard(CY.userId, 'hp-one')).toBeUndefined();
  });

  it('shows and forgets a person’s group rounds: their place and answers, and the rounds they hosted whole', async () => {
    const hostedByBo = (await newRound(BO)).round;
    const hostedByAna = (await newRound(ANA)).round;
    for (const round of [hostedByBo, hostedByAna]) await storage.quizRounds.update(round.id, 1, { state: {}, columns: { phase: 'asking', closesAt: secs(45) } }, secs(1));
    await give(hostedByAna.id, 2, BO, 0, 1, secs(2));
    await give(hostedByAna.id, 2, CY, 0, 0, secs(3));
    await give(hostedByBo.id, 2, CY, 0, 0, secs(4));
    expect(await storage.privacy.about(BO.userId)).toMatchObject({ quizRounds: 2, quizAnswers: { count: 1 } });

    const report = await storage.privacy.forget(BO.userId, (state) => state);
    expect(report).toMatchObject({ quizRounds: 2, quizAnswers: 1 });
    expect(await storage.privacy.about(BO.userId)).toMatchObject({ quizRounds: 0, quizAnswers: { count: 0 } });
    expect(await storage.quizRounds.get(hostedByBo.id)).toBeUndefined();
    const kept = await storage.quizRounds.get(hostedByAna.id);
    expect(kept?.players).toEqual([ANA, CY]);
    expect(kept?.answers).toEqual([{ userId: CY.userId, questionIndex: 0, chosen: 0, right: true }]);
    expect(await storage.privacy.about(CY.userId)).toMatchObject({ quizRounds: 1 });
  });
});

describe.each(DATABASE_KINDS)('question of the day store on %s', (kind) => {
  let temp: TempStorage;
  let storage: Storage;

  beforeEach(async () => {
    temp = await openTempStorage(kind);
    storage = temp.storage;
  });

  afterEach(() => temp.dispose());

  it('keeps the setting per server, claims a day’s post once, and keeps a person’s first answer of the day', async () => {
    const store = storage.questionOfTheDay;
    expect(await store.enabled('g1')).toBe(false);
    await store.setEnabled('g1', true, t0);
    await store.setEnabled('g2', true, t0);
    await store.setEnabled('g2', false, secs(1));
    expect(await store.enabledGuilds()).toEqual(['g1']);
    expect(await store.claimPost('g1', '2026-12-01', 'hp-one', t0)).toBe(true);
    expect(await store.claimPost('g1', '2026-12-01', 'hp-one', secs(1))).toBe(false);
    expect(await store.claimPost('g1', '2026-12-02', 'hp-two', secs(2))).toBe(true);
    await store.markPosted('g1', '2026-12-01', 'm1');

    const answer = (chosen: number, at: Date) =>
      store.answer(
        '2026-12-01',
        { userId: ANA.userId, questionId: 'hp-one', chosen, right: chosen === 0, mode: 'daily', setId: null, answeredAt: at },
        { userId: ANA.userId, questionId: 'hp-one', card: { chosen }, due: secs(600) },
      );
    expect(await answer(2, secs(3))).toEqual({ recorded: true, chosen: 2 });
    expect(await answer(0, secs(4))).toEqual({ recorded: false, chosen: 2 });
    expect((await storage.quizzes.answers(ANA.userId, 10)).map((a) => [a.chosen, a.mode])).toEqual([[2, 'daily']]);
    await storage.privacy.forget(ANA.userId, (state) => state);
    expect(await answer(0, secs(5))).toEqual({ recorded: true, chosen: 0 });
  });
});
