import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GAME_ID_LENGTH, openStorage, type NewGameRecord, type Storage } from '../src/storage/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';

const bakeGame: NewGameRecord = {
  game: 'bake',
  mode: 'solo',
  ownerId: '100000000000000001',
  guildId: '200000000000000002',
  channelId: '300000000000000003',
  seed: 'seed-1',
  difficulty: 'easy',
  state: { trays: [{ minutes: 12, taste: 0.4 }], note: 'ünïcødé ✓', done: false },
};

describe.each(DATABASE_KINDS)('storage on %s', (kind) => {
  let database: TestDatabase;
  const opened: Storage[] = [];

  async function open(): Promise<Storage> {
    const storage = await openStorage(database.options);
    opened.push(storage);
    return storage;
  }

  async function close(storage: Storage): Promise<void> {
    opened.splice(opened.indexOf(storage), 1);
    await storage.close();
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await database.drop();
  });

  describe('openStorage', () => {
    it('creates the folder and file on first use and applies the migrations', async () => {
      const path = 'databasePath' in database.options ? database.options.databasePath : undefined;
      if (path !== undefined) expect(existsSync(path)).toBe(false);
      await open();
      if (path !== undefined) expect(existsSync(path)).toBe(true);

      const tables = await database.query(
        kind === 'sqlite'
          ? "select name from sqlite_master where type = 'table' order by name"
          : "select table_name as name from information_schema.tables where table_schema = 'public' order by table_name",
      );
      const applied = (await database.query('select name from kysely_migration order by name')).map((row) => row.name);
      expect(tables.map((row) => row.name)).toEqual(expect.arrayContaining(['games', 'preferences', 'kysely_migration']));
      expect(applied[0]).toBe('0001-preferences-and-games');
      expect(applied).toEqual([...applied].sort());
    });

    it('keeps data when the same database is opened again, without re-running migrations', async () => {
      const first = await open();
      await first.preferences.setLevel('u1', 2);
      const game = await first.games.create(bakeGame);
      await close(first);

      const second = await open();
      expect(await second.preferences.getLevel('u1')).toBe(2);
      expect(await second.games.get(game.id)).toEqual(game);
    });

    it('migrates once when several processes open a new database together', async () => {
      // Each open is its own connection pool, as separate processes would have.
      const together = await Promise.all([open(), open(), open(), open()]);
      const applied = await database.query('select name from kysely_migration order by name');
      expect(applied.length).toBeGreaterThanOrEqual(3);
      expect(new Set(applied.map((row) => row.name)).size).toBe(applied.length);
      const game = await together[0]!.games.create(bakeGame);
      expect(await together[3]!.games.get(game.id)).toEqual(game);
    });

    it('reads back scores as the same 8-byte floats it was given', async () => {
      const storage = await open();
      const game = await storage.games.create(bakeGame);
      const finished = await storage.games.update(game.id, 1, { state: {}, status: 'finished', score: 0.1 });
      expect(finished?.score).toBe(0.1);
      expect((await storage.games.get(game.id))?.score).toBe(0.1);
    });
  });

  describe('migration 0003 (who joined which round)', () => {
    it('fills in the players of group rounds saved before it existed', async () => {
      const first = await open();
      const players = [{ id: 'host-1', name: 'Host' }, { id: 'joined-2', name: 'Jo' }];
      await first.games.create({ ...bakeGame, mode: 'group', ownerId: 'host-1', state: { game: {}, group: { players, movers: [] } } });
      await first.games.create({ ...bakeGame, mode: 'solo', ownerId: 'solo-3', state: { game: {} } });
      await close(first);

      // Put the database back as it was before the migration: no table, no record of having run it or
      // anything after it (the migrator runs them in order), and what later migrations added undone.
      await database.query('drop index games_created_by_interaction');
      await database.query('alter table games drop column created_by_interaction');
      await database.query('drop table game_players');
      await database.query('alter table daily_posts drop column lease_until');
      await database.query('drop table daily_attempts');
      await database.query('drop table server_secrets');
      for (const table of ['quiz_answers', 'review_cards', 'quiz_sets', 'topic_reads']) await database.query(`drop table ${table}`);
      for (const table of ['quiz_rounds', 'quiz_round_players', 'quiz_round_answers']) await database.query(`drop table ${table}`);
      for (const table of ['question_of_the_day_settings', 'question_of_the_day_posts', 'question_of_the_day_answers']) await database.query(`drop table ${table}`);
      await database.query("delete from kysely_migration where name >= '0003'");

      const upgraded = await open();
      expect((await upgraded.privacy.about('joined-2')).joinedRounds).toBe(1);
      expect((await upgraded.privacy.about('host-1')).joinedRounds).toBe(0);
      expect((await upgraded.privacy.about('solo-3')).joinedRounds).toBe(0);
    });
  });

  describe('preferences', () => {
    it('round-trips a level and overwrites it', async () => {
      const storage = await open();
      expect(await storage.preferences.getLevel('someone')).toBeUndefined();
      await storage.preferences.setLevel('someone', 5);
      expect(await storage.preferences.getLevel('someone')).toBe(5);
      await storage.preferences.setLevel('someone', 1);
      expect(await storage.preferences.getLevel('someone')).toBe(1);
      expect(await storage.preferences.getLevel('someone-else')).toBeUndefined();
    });

    it('refuses a level outside 1 to 5', async () => {
      const storage = await open();
      await expect(storage.preferences.setLevel('someone', 7 as never)).rejects.toThrow(RangeError);
      expect(await storage.preferences.getLevel('someone')).toBeUndefined();
    });
  });

  describe('games', () => {
    it('creates a game with a fresh short id and reads it back', async () => {
      const storage = await open();
      const before = Date.now();
      const game = await storage.games.create(bakeGame);
      expect(game.id).toMatch(new RegExp(`^[0-9A-Za-z]{${GAME_ID_LENGTH}}$`));
      expect(game).toMatchObject({
        game: 'bake',
        mode: 'solo',
        ownerId: bakeGame.ownerId,
        guildId: bakeGame.guildId,
        channelId: bakeGame.channelId,
        messageId: null,
        seed: 'seed-1',
        difficulty: 'easy',
        state: bakeGame.state,
        version: 1,
        status: 'active',
        score: null,
        finishedAt: null,
      });
      expect(game.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(game.updatedAt).toEqual(game.createdAt);
      expect(await storage.games.get(game.id)).toEqual(game);
      expect(await storage.games.get('nosuchgame')).toBeUndefined();
    });

    it('gives every game its own id', async () => {
      const storage = await open();
      const ids = new Set<string>();
      for (let i = 0; i < 50; i++) ids.add((await storage.games.create({ ...bakeGame, guildId: null, channelId: null })).id);
      expect(ids.size).toBe(50);
    });

    it('updates with compare-and-set: the right version wins and bumps, a stale one changes nothing', async () => {
      const storage = await open();
      const game = await storage.games.create(bakeGame);

      const moved = await storage.games.update(game.id, 1, { state: { trays: [1, 2] }, messageId: '400000000000000004' });
      expect(moved).toMatchObject({ version: 2, state: { trays: [1, 2] }, messageId: '400000000000000004', status: 'active' });
      expect(moved?.createdAt).toEqual(game.createdAt);

      // A second writer still holding version 1 loses, and the stored game is untouched.
      const stale = await storage.games.update(game.id, 1, { state: { trays: ['stale'] }, status: 'abandoned', score: 0 });
      expect(stale).toBeUndefined();
      expect(await storage.games.get(game.id)).toEqual(moved);

      const finished = await storage.games.update(game.id, 2, { state: { trays: [1, 2, 3] }, status: 'finished', score: 87.5 });
      expect(finished).toMatchObject({ version: 3, status: 'finished', score: 87.5, messageId: '400000000000000004' });
      expect(finished?.finishedAt).toBeInstanceOf(Date);
      expect(await storage.games.get(game.id)).toEqual(finished);
    });

    it('fails an update of a game that does not exist', async () => {
      const storage = await open();
      expect(await storage.games.update('missing123', 1, { state: {} })).toBeUndefined();
    });

    it('lets exactly one of two concurrent updates from the same version through', async () => {
      const storage = await open();
      const game = await storage.games.create(bakeGame);
      const results = await Promise.all([
        storage.games.update(game.id, 1, { state: 'first' }),
        storage.games.update(game.id, 1, { state: 'second' }),
      ]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect((await storage.games.get(game.id))?.version).toBe(2);
    });

    it('lets one move per version through when two processes race on the same board', async () => {
      // Two storages are two connection pools, as two bot processes have.
      const [first, second] = await Promise.all([open(), open()]);
      const game = await first.games.create(bakeGame);
      for (let version = 1; version <= 10; version++) {
        const results = await Promise.all([
          first.games.update(game.id, version, { state: { move: version, by: 'first' } }),
          second.games.update(game.id, version, { state: { move: version, by: 'second' } }),
        ]);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      }
      expect((await second.games.get(game.id))?.version).toBe(11);
    });

    it('lists a player’s games newest first, filtered by status and limited', async () => {
      const storage = await open();
      const a = await storage.games.create(bakeGame);
      const b = await storage.games.create({ ...bakeGame, game: 'lock' });
      const c = await storage.games.create({ ...bakeGame, game: 'tune' });
      await storage.games.create({ ...bakeGame, ownerId: 'someone-else' });
      // Make the order unambiguous: touch a last (timestamps are milliseconds).
      await new Promise((resolve) => setTimeout(resolve, 5));
      await storage.games.update(b.id, 1, { state: {}, status: 'finished', score: 10 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await storage.games.update(a.id, 1, { state: { touched: true } });

      const all = await storage.games.listByOwner(bakeGame.ownerId);
      expect(all.map((g) => g.id)).toEqual([a.id, b.id, c.id]);
      expect((await storage.games.listByOwner(bakeGame.ownerId, { status: 'active' })).map((g) => g.id)).toEqual([a.id, c.id]);
      expect((await storage.games.listByOwner(bakeGame.ownerId, { status: 'finished' })).map((g) => g.id)).toEqual([b.id]);
      expect((await storage.games.listByOwner(bakeGame.ownerId, { limit: 1 })).map((g) => g.id)).toEqual([a.id]);
      expect(await storage.games.listByOwner('nobody')).toEqual([]);
    });
  });
});
