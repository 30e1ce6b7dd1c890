/**
 * The daily schedule (the daily-post job and the expired-games job) with a controlled clock, on a real SQLite file that outlives each app: posts at the
 * local time, once per local date across restarts and racing schedulers, a missed post on start the same
 * day only, failed posts retried a few times, and expired games closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { messageProblems } from '../../src/command-layer/limits.js';
import type { Channels, MessageView } from '../../src/command-layer/types.js';
import { loadConfig } from '../../src/config.js';
import { postDueDailyPosts, type DailyPostOptions } from '../../commands/daily/posting.js';
import { closeExpiredGames } from '../../commands/play/expiry.js';
import { startScheduledJobs } from '../../src/command-layer/jobs.js';
import type { AppServices } from '../../src/command-layer/types.js';
import { MAX_POST_ATTEMPTS } from '../../src/storage/daily-post-store.js';
import { result } from './storage-fixture.js';

const GUILD = '900000000000000001';
const CHANNEL = '900000000000000002';

let dir: string;
let databasePath: string;
let clock: Date;
let posted: { channelId: string; message: MessageView }[];
let failPosts: boolean;
const open: App[] = [];

const channels: Channels = {
  canPost: () => Promise.resolve(true),
  post(channelId, message) {
    if (failPosts) return Promise.reject(new Error('Missing Access'));
    return Promise.resolve(String(posted.push({ channelId, message })));
  },
  edit: () => Promise.reject(new Error('the daily schedule never edits')),
  findOwnPost: () => Promise.resolve(undefined),
};

/** A fresh app (as after a restart) on the same database file. */
async function boot(): Promise<App> {
  const config = loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, logger: pino({ level: 'silent' }), channels, now: () => clock });
  open.push(app);
  return app;
}

async function shutdown(app: App): Promise<void> {
  open.splice(open.indexOf(app), 1);
  await app.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tuning-fork-scheduler-'));
  databasePath = join(dir, 'bot.db');
  posted = [];
  failPosts = false;
});

afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The daily-post job's pass at `at`, as the job runner makes it; `dailyPoster` keeps its day's cache across passes. */
function tick(services: AppServices, at: Date, options: DailyPostOptions = {}) {
  return postDueDailyPosts(services, at, options);
}

/** What the bot does at start: every job's start-up run (the daily post among them), then stop. */
async function startAndStop(app: App): Promise<void> {
  const jobs = startScheduledJobs(app.services);
  await jobs.started;
  jobs.stop();
  await jobs.idle();
}

async function configure(app: App, guildId: string, dailyTime: string, timezone: string, channelId = CHANNEL) {
  await app.services.storage.guildSettings.save({ guildId, dailyChannelId: channelId, dailyTime, timezone });
}

describe('the daily schedule', () => {
  it('posts when the server’s local time is reached, exactly once across a restart', async () => {
    let app = await boot();
    await configure(app, GUILD, '09:00', 'Europe/Paris'); // UTC+1 in November
    expect((await tick(app.services, new Date('2026-11-28T07:59:00Z'))).posted).toEqual([]);
    expect((await tick(app.services, new Date('2026-11-28T08:00:00Z'))).posted).toEqual([GUILD]);
    expect((await tick(app.services, new Date('2026-11-28T08:01:00Z'))).posted).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channelId).toBe(CHANNEL);

    await shutdown(app);
    app = await boot();
    clock = new Date('2026-11-28T08:02:00Z');
    await startAndStop(app);
    expect((await tick(app.services, new Date('2026-11-28T20:00:00Z'))).posted).toEqual([]);
    expect(posted).toHaveLength(1);
    const record = await app.services.storage.dailyPosts.latest(GUILD);
    expect(record).toMatchObject({ localDate: '2026-11-28', status: 'posted', messageId: '1', attempts: 1 });

    // The next local day gets its own post.
    expect((await tick(app.services, new Date('2026-11-29T08:00:00Z'))).posted).toEqual([GUILD]);
    expect(posted).toHaveLength(2);
  });

  it('sends a post missed while down on start the same local day, but not the next day', async () => {
    let app = await boot();
    await configure(app, GUILD, '09:00', 'UTC');
    await configure(app, '900000000000000005', '09:00', 'America/New_York'); // 14:00 UTC
    await shutdown(app);

    // Down from before 09:00 UTC until 12:00: the UTC server's post goes out on start, New York's is not due.
    clock = new Date('2026-11-28T12:00:00Z');
    app = await boot();
    await startAndStop(app);
    expect(posted.map((p) => p.message.embeds?.[0]?.title)).toEqual(['Today\'s puzzles · Daily #332 (2026-11-28)']);
    await shutdown(app);

    // Down across New York's 09:00 until the next morning there (before 09:00): the missed post is not sent.
    clock = new Date('2026-11-29T13:00:00Z'); // 08:00 in New York on the 29th, 13:00 UTC
    app = await boot();
    await startAndStop(app);
    // Only the UTC server's post of the 29th (due there since 09:00) went out on start.
    expect(posted).toHaveLength(2);
    expect(await app.services.storage.dailyPosts.latest(GUILD)).toMatchObject({ localDate: '2026-11-29', status: 'posted' });
    expect(await app.services.storage.dailyPosts.latest('900000000000000005')).toBeUndefined();
  });

  it('uses the server’s local date: a server ahead of UTC posts for its own tomorrow', async () => {
    const app = await boot();
    await configure(app, GUILD, '08:00', 'Pacific/Auckland'); // UTC+13 in November
    const report = await tick(app.services, new Date('2026-11-28T19:30:00Z')); // 08:30 on the 29th there
    expect(report.posted).toEqual([GUILD]);
    expect((await app.services.storage.dailyPosts.latest(GUILD))?.localDate).toBe('2026-11-29');
  });

  it('posts once when two schedulers on the same database tick together', async () => {
    const first = await boot();
    const second = await boot();
    for (let i = 0; i < 20; i++) await configure(first, `90000000000000100${String(i).padStart(2, '0')}`, '09:00', 'UTC');
    const at = new Date('2026-11-28T09:00:00Z');
    const [a, b] = await Promise.all([tick(first.services, at), tick(second.services, at)]);
    expect(a.posted.length + b.posted.length).toBe(20);
    expect(posted).toHaveLength(20);
  });

  it('retries a failed post a few times, then gives up for the day', async () => {
    const app = await boot();
    await configure(app, GUILD, '09:00', 'UTC');
    failPosts = true;
    for (let attempt = 1; attempt <= MAX_POST_ATTEMPTS; attempt++) {
      expect((await tick(app.services, new Date(`2026-11-28T09:0${attempt}:00Z`))).failed).toEqual([GUILD]);
    }
    failPosts = false;
    expect((await tick(app.services, new Date('2026-11-28T09:30:00Z'))).posted).toEqual([]);
    expect(await app.services.storage.dailyPosts.latest(GUILD)).toMatchObject({ status: 'failed', attempts: MAX_POST_ATTEMPTS });
    expect((await tick(app.services, new Date('2026-11-29T09:00:00Z'))).posted).toEqual([GUILD]);
  });

  it('closes yesterday’s daily games and games idle for over 24 hours, and nothing else', async () => {
    const app = await boot();
    const { games } = app.services.storage;
    const base = { ownerId: '1', guildId: GUILD, seed: 's', difficulty: 'easy', state: { history: [] } } as const;
    const dailyYesterday = await games.create({ ...base, game: 'bake', mode: 'daily' });
    const dailyToday = await games.create({ ...base, game: 'lock', mode: 'daily' });
    const soloIdle = await games.create({ ...base, game: 'tune', mode: 'solo' });
    const soloRecent = await games.create({ ...base, game: 'tune', mode: 'solo' });
    const finishedOld = await games.create({ ...base, game: 'train', mode: 'group' });
    await games.update(finishedOld.id, 1, { state: { history: [] }, status: 'finished', score: 70 });
    // The store stamps real times; move them to where this test's clock needs them.
    const sqlite = new BetterSqlite3(databasePath);
    const stamp = sqlite.prepare('UPDATE games SET created_at = ?, updated_at = ? WHERE id = ?');
    stamp.run('2026-11-27T23:50:00.000Z', '2026-11-27T23:55:00.000Z', dailyYesterday.id);
    stamp.run('2026-11-28T00:10:00.000Z', '2026-11-28T00:10:00.000Z', dailyToday.id);
    stamp.run('2026-11-26T10:00:00.000Z', '2026-11-27T09:59:00.000Z', soloIdle.id);
    stamp.run('2026-11-26T10:00:00.000Z', '2026-11-27T10:01:00.000Z', soloRecent.id);
    stamp.run('2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z', finishedOld.id);
    sqlite.close();

    expect(await closeExpiredGames(app.services, new Date('2026-11-28T10:00:00Z'))).toBe(2);
    const status = async (id: string) => (await games.get(id))?.status;
    expect(await status(dailyYesterday.id)).toBe('abandoned');
    expect(await status(soloIdle.id)).toBe('abandoned');
    expect(await status(dailyToday.id)).toBe('active');
    expect(await status(soloRecent.id)).toBe('active');
    expect(await status(finishedOld.id)).toBe('finished');
    // A move that read the game before it was closed loses its compare-and-set.
    expect(await games.update(soloIdle.id, 1, { state: { history: [1] } })).toBeUndefined();
  });
});

describe('the daily post', () => {
  it('shows today’s puzzles, yesterday’s top 5 per game for that server, and the reveal', async () => {
    const app = await boot();
    await configure(app, GUILD, '09:00', 'UTC');
    await configure(app, '900000000000000005', '09:00', 'UTC', '900000000000000006');
    const store = app.services.storage.results;
    for (let i = 0; i < 7; i++) await store.record(result(`10000${i}`, 60 + i, `2026-11-27T1${i}:00:00Z`, { mode: 'daily' }));
    await store.record(result('200001', 88, '2026-11-27T10:00:00Z', { mode: 'daily', game: 'tune' }));
    await store.record(result('200002', 99, '2026-11-26T10:00:00Z', { mode: 'daily', game: 'tune' })); // the day before yesterday
    await store.record(result('200003', 99, '2026-11-27T10:00:00Z', { mode: 'solo', game: 'tune' })); // not a daily

    const describeYesterday = (game: string, day: string) => `${game} on ${day}: ${'the answer was long. '.repeat(60)}`;
    await tick(app.services, new Date('2026-11-28T09:00:00Z'), { describeYesterday });
    expect(posted).toHaveLength(2);
    const here = posted.find((p) => p.channelId === CHANNEL)?.message;
    const there = posted.find((p) => p.channelId === '900000000000000006')?.message;
    expect(messageProblems(here!)).toEqual([]);
    const [puzzles, yesterday] = here?.embeds ?? [];
    expect(puzzles?.description).toContain('`/daily bake`');
    expect(puzzles?.description).toContain('`/daily train`');
    expect(puzzles?.footer).toBe('Open until 00:00 UTC, 15 h 0 min from this post.');
    expect(yesterday?.title).toBe('Yesterday · Daily #331 (2026-11-27)');
    const bake = yesterday?.fields?.find((f) => f.name === "Grandma's Bake")?.value ?? '';
    expect(bake.split('\n').slice(0, 5)).toEqual(['🥇 <@100006> — 66', '🥈 <@100005> — 65', '🥉 <@100004> — 64', '**4.** <@100003> — 63', '**5.** <@100002> — 62']);
    expect(bake).toContain('*Answer:* bake on 2026-11-27: the answer was long.');
    const tune = yesterday?.fields?.find((f) => f.name.startsWith('Tune'))?.value ?? yesterday?.fields?.[2]?.value ?? '';
    expect(tune).toContain('<@200001> — 88');
    expect(tune).not.toContain('200002');
    expect(tune).not.toContain('200003');
    expect(there?.embeds?.[1]?.fields?.every((f) => f.value.startsWith('Nobody here played it.'))).toBe(true);
  });
});
