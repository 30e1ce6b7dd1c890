import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/index.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { openTempStorage, result, type TempStorage } from './storage-fixture.js';

const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000009';
let temp: TempStorage;
let storage: Storage;

describe.each(DATABASE_KINDS)('results on %s', (kind) => {
  beforeEach(async () => {
    temp = await openTempStorage(kind);
    storage = temp.storage;
  });
  afterEach(async () => temp.dispose());

  const board = (since?: string, limit = 10) => storage.results.leaderboard({ guildId: GUILD, game: 'bake', since, limit });

  describe('results', () => {
    it('records a result once per game record and player', async () => {
      const first = result('1', 80, '2026-11-28T10:00:00Z');
      expect(await storage.results.record(first)).toBe(true);
      expect(await storage.results.record({ ...first, score: 99 })).toBe(false);
      const [only] = await board();
      expect(only).toMatchObject({ userId: '1', score: 80, rank: 1 });
      // The same game record may hold several players' results (a group round).
      expect(await storage.results.record({ ...first, userId: '2' })).toBe(true);
      expect(await board()).toHaveLength(2);
    });

    it('ranks players by their best score in the period, ties by who reached it first', async () => {
      await storage.results.record(result('a', 70, '2026-11-20T10:00:00Z'));
      await storage.results.record(result('a', 95, '2026-11-28T09:00:00Z'));
      await storage.results.record(result('b', 90, '2026-11-27T12:00:00Z'));
      await storage.results.record(result('c', 90, '2026-11-26T12:00:00Z'));
      await storage.results.record(result('c', 90, '2026-11-28T12:00:00Z'));
      await storage.results.record(result('d', 99, '2026-11-10T12:00:00Z'));
      await storage.results.record(result('e', 100, '2026-11-28T12:00:00Z', { game: 'lock' }));
      await storage.results.record(result('f', 100, '2026-11-28T12:00:00Z', { guildId: OTHER_GUILD }));

      const all = await board();
      expect(all.map((e) => [e.rank, e.userId, e.score])).toEqual([
        [1, 'd', 99],
        [2, 'a', 95],
        [3, 'c', 90],
        [4, 'b', 90],
      ]);
      // c reached 90 first (on the 26th); their later equal score does not move the tie-break.
      expect(all[2]?.finishedAt.toISOString()).toBe('2026-11-26T12:00:00.000Z');

      const week = await board('2026-11-22');
      expect(week.map((e) => e.userId)).toEqual(['a', 'c', 'b']);
      const today = await board('2026-11-28');
      expect(today.map((e) => [e.userId, e.score])).toEqual([['a', 95], ['c', 90]]);
      // In "today" c's only result is the later one, so its finish time is that one.
      expect(today[1]?.finishedAt.toISOString()).toBe('2026-11-28T12:00:00.000Z');
    });

    it('finds a player’s rank outside the top 10, and how many players there are', async () => {
      for (let i = 0; i < 25; i++) await storage.results.record(result(`p${String(i).padStart(2, '0')}`, 100 - i, '2026-11-28T10:00:00Z'));
      const top = await board(undefined, 10);
      expect(top).toHaveLength(10);
      expect(top.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const standing = await storage.results.rankOf({ guildId: GUILD, game: 'bake' }, 'p17');
      expect(standing).toMatchObject({ rank: 18, score: 83, players: 25 });
      expect(await storage.results.rankOf({ guildId: GUILD, game: 'bake' }, 'nobody')).toBeUndefined();
      expect(await storage.results.rankOf({ guildId: GUILD, game: 'lock' }, 'p17')).toBeUndefined();
    });

    it('orders equal scores at the same instant by player id, so the order is stable', async () => {
      await storage.results.record(result('z', 60, '2026-11-28T10:00:00Z'));
      await storage.results.record(result('m', 60, '2026-11-28T10:00:00Z'));
      expect((await board()).map((e) => e.userId)).toEqual(['m', 'z']);
    });

    it('filters by mode', async () => {
      await storage.results.record(result('a', 60, '2026-11-28T10:00:00Z', { mode: 'daily' }));
      await storage.results.record(result('b', 90, '2026-11-28T10:00:00Z', { mode: 'solo' }));
      const daily = await storage.results.leaderboard({ guildId: GUILD, game: 'bake', mode: 'daily', limit: 10 });
      expect(daily.map((e) => e.userId)).toEqual(['a']);
    });

    it('gives each server its daily top players per game in one query', async () => {
      const day = '2026-11-27';
      for (let i = 0; i < 7; i++) await storage.results.record(result(`u${i}`, 50 + i, `${day}T0${i}:00:00Z`, { mode: 'daily' }));
      await storage.results.record(result('u6', 20, `${day}T09:00:00Z`, { mode: 'daily' })); // a worse second try
      await storage.results.record(result('x', 77, `${day}T10:00:00Z`, { mode: 'daily', game: 'tune', guildId: OTHER_GUILD }));
      await storage.results.record(result('y', 99, `${day}T10:00:00Z`, { mode: 'solo' })); // not a daily
      await storage.results.record(result('z', 99, '2026-11-28T10:00:00Z', { mode: 'daily' })); // another day
      await storage.results.record(result('dm', 99, `${day}T10:00:00Z`, { mode: 'daily', guildId: null }));

      const leaders = await storage.results.dailyLeaders({ day, perGame: 5 });
      const here = leaders.filter((l) => l.guildId === GUILD);
      expect(here.map((l) => [l.rank, l.userId, l.score])).toEqual([
        [1, 'u6', 56],
        [2, 'u5', 55],
        [3, 'u4', 54],
        [4, 'u3', 53],
        [5, 'u2', 52],
      ]);
      expect(leaders.filter((l) => l.guildId === OTHER_GUILD).map((l) => [l.game, l.userId])).toEqual([['tune', 'x']]);
      const onlyOther = await storage.results.dailyLeaders({ day, perGame: 5, guildIds: [OTHER_GUILD] });
      expect(onlyOther.map((l) => l.userId)).toEqual(['x']);
      const many = Array.from({ length: 600 }, (_, i) => `g${i}`).concat(GUILD);
      expect((await storage.results.dailyLeaders({ day, perGame: 5, guildIds: many })).map((l) => l.userId)).toEqual(['u6', 'u5', 'u4', 'u3', 'u2']);
    });

    it('sums up a player’s games: played, wins, moves to win, best per game, daily days', async () => {
      await storage.results.record(result('a', 80, '2026-11-26T10:00:00Z', { moves: 4, mode: 'daily' }));
      await storage.results.record(result('a', 90, '2026-11-26T11:00:00Z', { moves: 6, mode: 'daily', game: 'lock' }));
      await storage.results.record(result('a', 30, '2026-11-27T10:00:00Z', { moves: 12, won: false }));
      await storage.results.record(result('a', 70, '2026-11-28T10:00:00Z', { moves: 9, guildId: OTHER_GUILD, mode: 'daily' }));
      const here = await storage.results.statsFor('a', GUILD);
      expect(here).toEqual({ played: 3, wins: 2, averageMovesToWin: 5, bestByGame: { bake: 80, lock: 90 }, dailyDays: ['2026-11-26'] });
      const everywhere = await storage.results.statsFor('a');
      expect(everywhere.played).toBe(4);
      expect(everywhere.dailyDays).toEqual(['2026-11-26', '2026-11-28']);
      expect(await storage.results.statsFor('nobody')).toEqual({ played: 0, wins: 0, averageMovesToWin: null, bestByGame: {}, dailyDays: [] });
    });
  });
});
