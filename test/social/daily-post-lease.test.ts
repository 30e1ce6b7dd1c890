/**
 * The daily post across processes sharing one database (each app below is what one bot process holds:
 * its own connection pool and scheduler): racing schedulers post once per server; a process that dies
 * mid-post holds its claim only until the lease runs out, and the process that takes over checks the
 * channel before posting, so the post goes out exactly once whether or not the dead process had sent it.
 * Runs on SQLite and on PostgreSQL.
 */
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Channels, MessageView } from '../../src/command-layer/types.js';
import { loadConfig } from '../../src/config.js';
import { postDueDailyPosts } from '../../commands/daily/posting.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

const LEASE_MS = 5 * 60 * 1000;
const AT = new Date('2026-11-28T09:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);
const guild = (i: number) => String(910_000_000_000_000_000n + BigInt(i));
const channelOf = (guildId: string) => String(BigInt(guildId) + 50_000_000n);

/** One channel log shared by every process, as Discord's channels are. */
interface Sent {
  channelId: string;
  message: MessageView;
}

/** How one process's posting behaves: normally, or dying before or after the message reaches Discord. */
type Posting = 'normal' | 'dies-before-sending' | 'dies-after-sending';

const never = new Promise<never>(() => undefined);

function channelsFor(log: Sent[], posting: () => Posting): Channels {
  const markerOf = (message: MessageView) => message.embeds?.[0]?.title ?? message.content;
  return {
    canPost: () => Promise.resolve(true),
    post(channelId, message) {
      const how = posting();
      if (how === 'dies-before-sending') return never;
      const id = String(log.push({ channelId, message }));
      return how === 'dies-after-sending' ? never : Promise.resolve(id);
    },
    edit: () => Promise.reject(new Error('the daily schedule never edits')),
    findOwnPost(channelId, _since, marker) {
      const index = log.findIndex((sent) => sent.channelId === channelId && markerOf(sent.message) === marker);
      return Promise.resolve(index < 0 ? undefined : String(index + 1));
    },
  };
}

describe.each(DATABASE_KINDS)('the daily post across processes on %s', (kind) => {
  let database: TestDatabase;
  const apps: App[] = [];
  let log: Sent[];

  async function process(posting: () => Posting = () => 'normal', now: () => Date = () => AT, channels = channelsFor(log, posting)): Promise<App> {
    const config = loadConfig({ ...database.env, LOG_LEVEL: 'silent' });
    const app = await createApp({ config, logger: pino({ level: 'silent' }), channels, now });
    apps.push(app);
    return app;
  }

  async function configure(app: App, guildId: string): Promise<void> {
    await app.services.storage.guildSettings.save({ guildId, dailyChannelId: channelOf(guildId), dailyTime: '09:00', timezone: 'UTC' });
  }

  const postsIn = (guildId: string) => log.filter((sent) => sent.channelId === channelOf(guildId)).length;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    log = [];
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database.drop();
  });

  it('posts once per server when four processes tick at the same moment', async () => {
    const processes = await Promise.all([process(), process(), process(), process()]);
    const guilds = Array.from({ length: 12 }, (_, i) => guild(i));
    for (const id of guilds) await configure(processes[0] as App, id);

    const reports = await Promise.all(processes.map((app) => postDueDailyPosts(app.services, AT), { leaseMs: LEASE_MS }));

    expect(reports.flatMap((report) => report.posted).sort()).toEqual([...guilds].sort());
    for (const id of guilds) expect(postsIn(id)).toBe(1);
  });

  it('takes over a post whose process died before sending it, once the lease has run out', async () => {
    const dying = await process(() => 'dies-before-sending');
    const survivor = await process();
    await configure(survivor, guild(1));

    void postDueDailyPosts(dying.services, AT, { leaseMs: LEASE_MS });
    await expect.poll(async () => (await survivor.services.storage.dailyPosts.latest(guild(1)))?.status, { timeout: 10_000 }).toBe('claimed');

    const tick = (at: Date) => postDueDailyPosts(survivor.services, at, { leaseMs: LEASE_MS });
    // While the lease holds, the claim is the dead process's: nothing is posted, and the job is told when to look again.
    const waiting = await tick(later(LEASE_MS - 60_000));
    expect(waiting.posted).toEqual([]);
    expect(waiting.heldElsewhereUntil).toEqual(later(LEASE_MS));
    expect(postsIn(guild(1))).toBe(0);

    const takeover = await tick(later(LEASE_MS + 60_000));
    expect(takeover.posted).toEqual([guild(1)]);
    expect(takeover.heldElsewhereUntil).toBeUndefined();
    expect(postsIn(guild(1))).toBe(1);
    expect(await survivor.services.storage.dailyPosts.latest(guild(1))).toMatchObject({ status: 'posted', messageId: '1', attempts: 2 });
    expect((await tick(later(LEASE_MS + 120_000))).posted).toEqual([]);
  });

  it('finds the post a dying process had sent, records it, and does not send it again', async () => {
    const dying = await process(() => 'dies-after-sending');
    const survivor = await process();
    await configure(survivor, guild(2));

    void postDueDailyPosts(dying.services, AT, { leaseMs: LEASE_MS });
    await expect.poll(() => postsIn(guild(2)), { timeout: 10_000 }).toBe(1);

    const report = await postDueDailyPosts(survivor.services, later(LEASE_MS + 60_000), { leaseMs: LEASE_MS });
    expect(report.posted).toEqual([guild(2)]);
    expect(postsIn(guild(2))).toBe(1);
    expect(await survivor.services.storage.dailyPosts.latest(guild(2))).toMatchObject({ status: 'posted', messageId: '1' });
  });

  it('renews the lease while a slow post is under way, so a live process is never taken over', async () => {
    let slowClock = AT;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slowChannels: Channels = {
      ...channelsFor(log, () => 'normal'),
      // Discord answers this post only when the test says so, long after the lease would have run out.
      post: async (channelId, message) => {
        await released;
        return String(log.push({ channelId, message }));
      },
    };
    const slow = await process(undefined, () => slowClock, slowChannels);
    const other = await process();
    await configure(other, guild(3));
    const latest = () => other.services.storage.dailyPosts.latest(guild(3));

    const slowRun = postDueDailyPosts(slow.services, AT, { leaseMs: LEASE_MS, renewEveryMs: 10 });
    await expect.poll(async () => (await latest())?.status, { timeout: 10_000 }).toBe('claimed');
    // Four minutes into the post, its process renews the claim for another full lease.
    slowClock = later(4 * 60_000);
    await expect.poll(async () => (await latest())?.leaseUntil?.getTime(), { timeout: 10_000 }).toBe(later(4 * 60_000 + LEASE_MS).getTime());

    // Past the first lease, another process finds the claim still held and leaves it alone.
    const meanwhile = await postDueDailyPosts(other.services, later(LEASE_MS + 60_000), { leaseMs: LEASE_MS });
    expect(meanwhile.posted).toEqual([]);
    expect(meanwhile.heldElsewhereUntil).toEqual(later(4 * 60_000 + LEASE_MS));

    release();
    expect((await slowRun).posted).toEqual([guild(3)]);
    expect(postsIn(guild(3))).toBe(1);
    expect(await latest()).toMatchObject({ status: 'posted', attempts: 1, leaseUntil: null });
  });
});
