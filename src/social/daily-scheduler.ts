/**
 * The daily schedule. Every minute a tick posts each server's daily post once its local clock reaches
 * the chosen time (and none has gone out for that local date), and closes games nobody will finish.
 * A tick at start sends a post missed while the bot was down, if it is still the same local day there.
 *
 * Start it from the app's entry point once channels can post:
 *   const scheduler = startScheduler(app.services); … scheduler.stop();
 */
import { schedule, type ScheduledTask } from 'node-cron';
import type { AppServices, MessageView } from '../command-layer/types.js';
import type { DailyPostKey, GuildSettings } from '../storage/index.js';
import { sharedDailyParts, prepareDailyPosts, neutralReveal, type DescribeYesterday, type SharedDailyParts } from './daily-post.js';
import { startOfDay, utcDay } from './days.js';
import { localClock } from './local-time.js';

export type SchedulerServices = Pick<AppServices, 'storage' | 'channels' | 'logger' | 'now'> & Partial<Pick<AppServices, 'ownsGuild'>>;

export interface SchedulerOptions {
  /** The clock; defaults to the app's. */
  now?: () => Date;
  describeYesterday?: DescribeYesterday;
  /** Non-daily games untouched this long are abandoned. */
  idleLimitMs?: number;
  /** Posts sent at the same time. */
  postConcurrency?: number;
  /** How long a claim on a daily post is held; a process that dies mid-post blocks it no longer than this. */
  leaseMs?: number;
}

export interface TickReport {
  /** Servers posted to in this tick. */
  posted: string[];
  /** Servers whose post failed (they may be retried next tick). */
  failed: string[];
  /** Games closed as expired. */
  abandoned: number;
}

export const IDLE_LIMIT_MS = 24 * 60 * 60 * 1000;
/** Far longer than a post takes (seconds, even queued behind Discord's rate limits), short enough to retry the same hour. */
export const DAILY_POST_LEASE_MS = 5 * 60 * 1000;
const EVERY_MINUTE = '* * * * *';

export interface DueDailyPost extends DailyPostKey {
  channelId: string;
}

/** Servers whose local time has reached their daily time, with no settled post for that local date. */
export async function dueDailyPosts(services: SchedulerServices, now: Date): Promise<DueDailyPost[]> {
  const reached: DueDailyPost[] = [];
  for (const settings of await services.storage.guildSettings.list()) {
    const clock = clockOf(services, settings, now);
    if (clock && clock.time >= settings.dailyTime) {
      reached.push({ guildId: settings.guildId, localDate: clock.date, channelId: settings.dailyChannelId });
    }
  }
  const dates = [...new Set(reached.map((due) => due.localDate))];
  const settled = new Set((await services.storage.dailyPosts.settledOn(dates, now)).map((key) => `${key.guildId}/${key.localDate}`));
  return reached.filter((due) => !settled.has(`${due.guildId}/${due.localDate}`));
}

function clockOf(services: SchedulerServices, settings: GuildSettings, now: Date) {
  try {
    return localClock(now, settings.timezone);
  } catch (error) {
    services.logger.warn({ err: error, guildId: settings.guildId, timezone: settings.timezone }, 'stored time zone is unknown; skipping');
    return undefined;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export interface DailyScheduler {
  /** One pass at `at` (default: now): due posts, then expired games. */
  tick(at?: Date): Promise<TickReport>;
  /** Resolves when no tick is running. */
  idle(): Promise<void>;
  stop(): void;
}

/** A scheduler that only ticks when told: the logic of startScheduler without the timer. */
export function createDailyScheduler(services: SchedulerServices, options: SchedulerOptions = {}): DailyScheduler {
  const now = options.now ?? services.now;
  const describeYesterday = options.describeYesterday ?? neutralReveal;
  const idleLimitMs = options.idleLimitMs ?? IDLE_LIMIT_MS;
  const concurrency = options.postConcurrency ?? 4;
  const leaseMs = options.leaseMs ?? DAILY_POST_LEASE_MS;
  let shared: SharedDailyParts | undefined;
  let running: Promise<TickReport> | undefined;

  const sharedFor = (today: string): SharedDailyParts => {
    if (shared?.today !== today) shared = sharedDailyParts(today, describeYesterday);
    return shared;
  };

  async function postDue(at: Date, report: TickReport): Promise<void> {
    // With several shards, each server's post goes out from the process that holds its shard's connection
    // (its channels are in that process's cache); the claim still keeps it to one if two overlap.
    const owns = services.ownsGuild ?? (() => true);
    const due = (await dueDailyPosts(services, at)).filter((post) => owns(post.guildId));
    if (due.length === 0) return;
    const messages = await prepareDailyPosts(services.storage, due.map((d) => d.guildId), sharedFor(utcDay(at)), at);
    await inPool(due, concurrency, async (post) => {
      const message = messages.get(post.guildId) as MessageView;
      const claim = await services.storage.dailyPosts.claim(post, at, leaseMs);
      if (!claim) return;
      let messageId: string;
      try {
        // The process that held this claim before may have posted and died before recording it.
        const marker = message.embeds?.[0]?.title ?? message.content ?? '';
        const earlier = claim.takenOverFrom && (await services.channels.findOwnPost(post.channelId, claim.takenOverFrom, marker));
        if (earlier) services.logger.info({ guildId: post.guildId, messageId: earlier }, 'daily post found already sent by a process that stopped');
        messageId = earlier || (await services.channels.post(post.channelId, message));
      } catch (error) {
        report.failed.push(post.guildId);
        services.logger.warn({ err: error, guildId: post.guildId, channelId: post.channelId }, 'daily post failed');
        await services.storage.dailyPosts.markFailed(post);
        return;
      }
      await services.storage.dailyPosts.markPosted(post, messageId, at);
      report.posted.push(post.guildId);
    });
  }

  async function run(at: Date): Promise<TickReport> {
    const report: TickReport = { posted: [], failed: [], abandoned: 0 };
    try {
      await postDue(at, report);
    } catch (error) {
      services.logger.error({ err: error }, 'daily posts failed');
    }
    try {
      report.abandoned = await services.storage.gameExpiry.abandonExpired({
        dailyCreatedBefore: startOfDay(utcDay(at)),
        idleSince: new Date(at.getTime() - idleLimitMs),
        now: at,
      });
    } catch (error) {
      services.logger.error({ err: error }, 'closing expired games failed');
    }
    if (report.posted.length || report.failed.length || report.abandoned) services.logger.info(report, 'scheduler tick');
    return report;
  }

  return {
    tick(at = now()) {
      // Ticks never overlap: a slow one (many posts) makes the next wait rather than race it.
      const previous = running ?? Promise.resolve(undefined);
      const current = previous.then(() => run(at));
      running = current;
      void current.finally(() => {
        if (running === current) running = undefined;
      });
      return current;
    },
    async idle() {
      while (running) await running;
    },
    // Nothing to stop: this scheduler has no timer; startScheduler adds one and stops it.
    stop() {},
  };
}

/** Ticks at start and then every minute, until stop(). */
export function startScheduler(services: SchedulerServices, options: SchedulerOptions = {}): DailyScheduler {
  const scheduler = createDailyScheduler(services, options);
  const task: ScheduledTask = schedule(EVERY_MINUTE, () => scheduler.tick(), { name: 'tuning-fork-daily', noOverlap: true });
  // The catch-up tick always reports, so an operator (or a test) can see that start-up posting is done.
  void scheduler.tick().then((report) => services.logger.info(report, 'start-up scheduler tick done'));
  return {
    ...scheduler,
    stop() {
      void task.destroy();
    },
  };
}
