/**
 * One stored game, quiz set or group quiz round per Discord interaction, on both databases. Two bot
 * processes on one shard both receive each interaction (as during a rolling restart) and both create what
 * it asks for; the interaction's unique key in storage must turn the second create into a read of the
 * first's row. The two processes are two storages opened on the same database; on PostgreSQL they create
 * at the same moment, while a SQLite file serves one process, so there the second comes after the first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewGameRecord, Storage } from '../src/storage/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { openTempStorage, type TempStorage } from './social/storage-fixture.js';

const ANA = '100000000000000001';
const INTERACTION = '1180000000000000001';
const OTHER_INTERACTION = '1180000000000000002';
const t0 = new Date('2026-12-03T10:00:00.000Z');

const bake = (seed: string, createdByInteraction?: string): NewGameRecord => ({
  game: 'bake',
  mode: 'solo',
  ownerId: ANA,
  guildId: '900000000000000001',
  channelId: '900000000000000002',
  seed,
  difficulty: 'normal',
  state: { seed },
  ...(createdByInteraction !== undefined && { createdByInteraction }),
});

describe.each(DATABASE_KINDS)('one row per creating interaction on %s', (kind) => {
  let temp: TempStorage;
  let second: Storage;

  beforeEach(async () => {
    temp = await openTempStorage(kind);
    second = await temp.openAgain();
  });

  afterEach(async () => {
    await second.close();
    await temp.dispose();
  });

  /** `create` in each of the two "processes", as they would race. */
  async function both<T>(create: (storage: Storage) => Promise<T>): Promise<[T, T]> {
    if (kind === 'postgres') return Promise.all([create(temp.storage), create(second)]);
    const first = await create(temp.storage);
    return [first, await create(second)];
  }

  const count = async (table: string) => Number((await temp.query(`select count(*) as n from ${table}`))[0]?.n);

  it('keeps one game per interaction, and hands the second create the first game', async () => {
    // Each process picked its own fresh seed for a bare /play; the stored game is whichever came first.
    const [a, b] = await both((storage) => storage.games.create(bake(storage === second ? 'otter-2' : 'maple-1', INTERACTION)));
    expect(b).toEqual(a);
    expect(a.createdByInteraction).toBe(INTERACTION);
    expect(await count('games')).toBe(1);
    expect(await temp.storage.games.get(a.id)).toEqual(a);
    // The first game stands as it is now, moves and all, however late the second create comes.
    const moved = await temp.storage.games.update(a.id, 1, { state: { moved: true } });
    expect(await second.games.create(bake('late-3', INTERACTION))).toEqual(moved);
    expect(await count('games')).toBe(1);
  });

  it('creates a game for every other interaction, and for every create without one', async () => {
    const first = await temp.storage.games.create(bake('s1', INTERACTION));
    const other = await second.games.create(bake('s1', OTHER_INTERACTION));
    const console1 = await temp.storage.games.create(bake('s1'));
    const console2 = await second.games.create(bake('s1'));
    expect(new Set([first.id, other.id, console1.id, console2.id]).size).toBe(4);
    expect(console1.createdByInteraction).toBeUndefined();
    expect(await count('games')).toBe(4);
  });

  it('keeps one quiz set per interaction', async () => {
    const [a, b] = await both((storage) =>
      storage.quizzes.createSet({ ownerId: ANA, mode: 'quiz', state: { picked: storage === second ? 'second' : 'first' }, now: t0, createdByInteraction: INTERACTION }),
    );
    expect(b).toEqual(a);
    expect(await count('quiz_sets')).toBe(1);
    const another = await second.quizzes.createSet({ ownerId: ANA, mode: 'review', state: {}, now: t0, createdByInteraction: OTHER_INTERACTION });
    const withoutOne = await second.quizzes.createSet({ ownerId: ANA, mode: 'review', state: {}, now: t0 });
    expect(new Set([a.id, another.id, withoutOne.id]).size).toBe(3);
    expect(await count('quiz_sets')).toBe(3);
  });

  it('keeps one group quiz round per interaction, with its host joined once', async () => {
    const host = { userId: ANA, name: 'Ana' };
    const create = (storage: Storage) =>
      storage.quizRounds.create({
        guildId: '900000000000000001',
        channelId: '900000000000000002',
        host,
        state: { picked: storage === second ? 'second' : 'first' },
        columns: { phase: 'lobby', closesAt: null },
        now: t0,
        createdByInteraction: INTERACTION,
      });
    const [a, b] = await both(create);
    expect(b).toEqual(a);
    expect(a.players).toEqual([host]);
    expect(await count('quiz_rounds')).toBe(1);
    expect(await count('quiz_round_players')).toBe(1);
    // A late second create sees the round as it is now: whoever joined meanwhile is in it.
    await temp.storage.quizRounds.join(a.round.id, { userId: '100000000000000002', name: 'Bo' }, t0);
    const late = await second.quizRounds.create({ guildId: 'g', channelId: 'c', host, state: {}, columns: { phase: 'lobby', closesAt: null }, now: t0, createdByInteraction: INTERACTION });
    expect(late.round).toEqual(a.round);
    expect(late.players.map((p) => p.name)).toEqual(['Ana', 'Bo']);
    expect(await count('quiz_rounds')).toBe(1);
  });

  it('lets the daily attempt and the interaction rules compose: one attempt, one game, known as this interaction’s', async () => {
    const attempt = { key: 'k'.repeat(64), game: 'bake' as const, day: '2026-12-03' };
    const record = { ...bake('daily-2026-12-03-x', INTERACTION), mode: 'daily' as const };
    const [a, b] = await both((storage) => storage.dailyAttempts.startOnce(attempt, record));
    const started = [a, b].filter((start) => start.started);
    expect(started).toHaveLength(1);
    const game = started[0]!.game;
    const other = [a, b].find((start) => !start.started);
    // The process whose claim lost can tell that its own interaction started the game.
    expect(other?.game).toEqual(game);
    expect(other?.game?.createdByInteraction).toBe(INTERACTION);
    expect(await count('games')).toBe(1);
    expect(await count('daily_attempts')).toBe(1);
    // The same person's /daily for another game is another attempt and another interaction.
    const lock = await second.dailyAttempts.startOnce({ ...attempt, key: 'l'.repeat(64), game: 'lock' }, { ...record, game: 'lock', createdByInteraction: OTHER_INTERACTION });
    expect(lock.started).toBe(true);
    expect(await count('games')).toBe(2);
  });

  it('answers a daily claim on the next day with the game its interaction started the day before, leaving that day unclaimed', async () => {
    const before = { key: 'k'.repeat(64), game: 'bake' as const, day: '2026-12-03' };
    const after = { key: 'm'.repeat(64), game: 'bake' as const, day: '2026-12-04' };
    const record = { ...bake('daily-2026-12-03-x', INTERACTION), mode: 'daily' as const };
    const first = await temp.storage.dailyAttempts.startOnce(before, record);
    expect(first.started).toBe(true);
    const late = await second.dailyAttempts.startOnce(after, { ...record, seed: 'daily-2026-12-04-x' });
    expect(late).toEqual({ started: false, game: first.game });
    expect(await count('games')).toBe(1);
    expect(await second.dailyAttempts.find([after.key])).toEqual([]);
    const nextDay = await second.dailyAttempts.startOnce(after, { ...record, seed: 'daily-2026-12-04-x', createdByInteraction: OTHER_INTERACTION });
    expect(nextDay.started).toBe(true);
  });
});
