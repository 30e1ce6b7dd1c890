import { describe, expect, it } from 'vitest';
import { dailyPuzzles, dayOfDailySeed, looksLikeDailySeed } from '../../src/social/daily-puzzles.js';
import { addDays, dayNumber, utcDay } from '../../src/social/days.js';
import { periodStart } from '../../src/social/leaderboard.js';
import { canonicalTimeZone, localClock, normaliseDailyTime } from '../../src/social/local-time.js';
import { shareLine } from '../../src/social/share.js';
import { streaksOf } from '../../src/social/streaks.js';

describe('days', () => {
  it('names UTC days and counts them from the epoch', () => {
    expect(utcDay(new Date('2026-11-28T23:59:59.999Z'))).toBe('2026-11-28');
    expect(utcDay(new Date('2026-11-29T00:00:00Z'))).toBe('2026-11-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayNumber('2026-01-01')).toBe(1);
    expect(dayNumber('2026-11-28')).toBe(332);
  });

  it('seeds the daily puzzles with the server secret, not with the date alone', () => {
    const ours = dailyPuzzles('a secret of the server, 32 chars');
    const theirs = dailyPuzzles('another server with its own key');
    const seed = ours.seed('bake', '2026-11-28');
    expect(seed).toBe(ours.seed('bake', '2026-11-28'));
    expect(seed).toMatch(/^daily-2026-11-28-[0-9a-f]{16}$/);
    // Knowing the date (or another server's key) does not give the seed.
    expect(seed).not.toBe('daily-2026-11-28');
    expect(theirs.seed('bake', '2026-11-28')).not.toBe(seed);
    expect(ours.seed('lock', '2026-11-28')).not.toBe(seed);
    expect(ours.seed('bake', '2026-11-29')).not.toBe(seed);
    expect(dayOfDailySeed(seed)).toBe('2026-11-28');
    expect(dayOfDailySeed('maple-42')).toBeUndefined();
    expect(() => ours.seed('bake', '2026-02-30')).toThrow(RangeError);
    expect(() => ours.seed('chess' as 'bake', '2026-11-28')).toThrow(RangeError);
  });

  it('keys daily attempts by person, game and day, without naming the person', () => {
    const daily = dailyPuzzles('a secret of the server, 32 chars');
    const key = daily.attemptKey('123456789012345678', 'bake', '2026-11-28');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('123456789012345678');
    expect(daily.attemptKey('123456789012345678', 'bake', '2026-11-28')).toBe(key);
    expect(daily.attemptKey('123456789012345679', 'bake', '2026-11-28')).not.toBe(key);
    expect(daily.attemptKey('123456789012345678', 'lock', '2026-11-28')).not.toBe(key);
    expect(daily.attemptKey('123456789012345678', 'bake', '2026-11-29')).not.toBe(key);
    expect(dailyPuzzles('another server with its own key').attemptKey('123456789012345678', 'bake', '2026-11-28')).not.toBe(key);
  });

  it('recognises seeds shaped like daily seeds, whatever their case or spacing', () => {
    for (const seed of ['daily-2026-11-28', 'DAILY-2026-11-28-abc', ' Daily', 'daily']) expect(looksLikeDailySeed(seed)).toBe(true);
    for (const seed of ['maple-42', 'my-daily', 'dail']) expect(looksLikeDailySeed(seed)).toBe(false);
  });

  it('starts periods at today and six days before', () => {
    expect(periodStart('today', '2026-11-28')).toBe('2026-11-28');
    expect(periodStart('week', '2026-11-28')).toBe('2026-11-22');
    expect(periodStart('all', '2026-11-28')).toBeUndefined();
  });
});

describe('streaks', () => {
  it('counts runs of consecutive days, alive until a day is skipped', () => {
    const days = ['2026-11-28', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-27', '2026-11-27'];
    expect(streaksOf(days, '2026-11-28')).toEqual({ current: 2, longest: 4, lastDay: '2026-11-28' });
    expect(streaksOf(days, '2026-11-29')).toMatchObject({ current: 2 }); // today's puzzle not played yet
    expect(streaksOf(days, '2026-11-30')).toMatchObject({ current: 0, longest: 4 });
    expect(streaksOf([], '2026-11-30')).toEqual({ current: 0, longest: 0, lastDay: null });
    // Across a month end.
    expect(streaksOf(['2026-11-30', '2026-12-01'], '2026-12-01').current).toBe(2);
  });
});

describe('local clocks', () => {
  it('reads the date and time in a zone, across daylight saving', () => {
    expect(localClock(new Date('2026-11-28T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-29', time: '08:30' });
    expect(localClock(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toEqual({ date: '2026-07-01', time: '14:00' });
    expect(localClock(new Date('2026-01-01T12:00:00Z'), 'Europe/Paris')).toEqual({ date: '2026-01-01', time: '13:00' });
    expect(localClock(new Date('2026-11-28T00:00:00Z'), 'UTC').time).toBe('00:00');
  });

  it('accepts known zones and well-formed times only', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Not/AZone')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
    expect(normaliseDailyTime('7:05')).toBe('07:05');
    expect(normaliseDailyTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '9', '09:5', 'noon', '09:00:00']) expect(normaliseDailyTime(bad)).toBeUndefined();
  });
});

describe('share line', () => {
  it('shows one square per move by quality, without the moves themselves', () => {
    const line = shareLine({ game: 'lock', day: '2026-11-28', score: 86.6, history: [0.1, 0.5, 0.89, 0.9, 1] });
    const [header, squares] = line.split('\n');
    expect(header).toContain('#332');
    expect(header).toContain('87/100');
    expect(header).toContain('5 moves');
    expect(squares).toBe('⬛🟨🟨🟩🟩');
  });

  it('wraps long games ten squares a row', () => {
    const line = shareLine({ game: 'bake', day: '2026-11-28', score: 40, history: Array.from({ length: 23 }, () => 0) });
    expect(line.split('\n').slice(1).map((row) => [...row].length)).toEqual([10, 10, 3]);
  });
});
