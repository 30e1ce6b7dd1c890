/**
 * The daily post as a scheduled job. Every minute (and once at start, which sends a post missed while the
 * bot was down if it is still the same local day there) each server whose local clock has reached its
 * chosen time, and whose post for that local date has not gone out, gets it, once across all processes:
 *
 * - a post is claimed in the database with a lease before it is sent; the holder renews the lease while
 *   its post is under way, so a slow post is never taken over while its process lives;
 * - a claim whose process died runs out with its lease; the job then runs again right then (not at the
 *   next minute) and takes it over, first looking in the channel for the post the dead process may have
 *   sent, so it never goes out twice.
 */
import type { AppServices, MessageView, ScheduledJob } from '../../src/command-layer/types.js';
import { hiddenAnswer } from '../../src/games/answers.js';
import { GAMES, type GameId } from '../../src/games/index.js';
import { utcDay } from '../../src/social/days.js';
import { localClock } from '../../src/social/local-time.js';
import type { DailyPostKey, GuildSettings } from '../../src/storage/index.js';
import { neutralReveal, prepareDailyPosts, sharedDailyParts, type DescribeYesterday, type SharedDailyParts } from '../views/daily-post.js';

export type DailyPostServices = Pick<AppServices, 'storage' | 'channels' | 'logger' | 'now' | 'dailyPostLeaseMs'> &
  Partial<Pick<AppServices, 'ownsGuild' | 'daily'>>;

export interface DailyPostOptions {
  /** Yesterday's answers in the post; by default the answer of each game's daily puzzle. */
  describeYesterday?: DescribeYesterday;
  /** Posts sent at the same time. */
  postConcurrency?: number;
  /** How long a claim holds without renewal; the app's DAILY_POST_LEASE_SECONDS by default. */
  leaseMs?: number;
  /** How often a claim is renewed while its post is under way; a third of the lease by default. */
  renewEveryMs?: number;
}

export interface DailyPostReport {
  /** Servers posted to in this run. */
  posted: string[];
  /** Servers whose post failed (they may be retried next run). */
  failed: string[];
  /** The earliest time a post due here, claimed by another process, may be taken over; undefined if none. */
  heldElsewhereUntil?: Date;
}

export interface DueDailyPost extends DailyPostKey {
  channelId: string;
}

const EVERY_MINUTE = '* * * * *';
const DEFAULT_CONCURRENCY = 4;

const keyOf = (key: DailyPostKey) => `${key.guildId}/${key.localDate}`;

/** Servers whose local time has reached their daily time, settled for that local date or not. */
async function reachedDailyTime(services: Pick<DailyPostServices, 'storage' | 'logger'>, now: Date): Promise<DueDailyPost[]> {
  const reached: DueDailyPost[] = [];
  for (const settings of await services.storage.guildSettings.list()) {
    const clock = clockOf(services, settings, now);
    if (clock && clock.time >= settings.dailyTime) {
      reached.push({ guildId: settings.guildId, localDate: clock.date, channelId: settings.dailyChannelId });
    }
  }
  return reached;
}

/** Servers whose local time has reached their daily time, with no settled post for that local date. */
export async function dueDailyPosts(services: Pick<DailyPostServices, 'storage' | 'logger'>, now: Date): Promise<DueDailyPost[]> {
  const reached = await reachedDailyTime(services, now);
  const dates = [...new Set(reached.map((due) => due.localDate))];
  const settled = new Set((await services.storage.dailyPosts.settledOn(dates, now)).map(keyOf));
  return reached.filter((due) => !settled.has(keyOf(due)));
}

function clockOf(services: Pick<DailyPostServices, 'logger'>, settings: GuildSettings, now: Date) {
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

/** Yesterday's answer of each game's daily puzzle, in the learner's words. */
export function dailyAnswers(daily: NonNullable<DailyPostServices['daily']>): DescribeYesterday {
  return (game: GameId, day: string) => {
    const answer = hiddenAnswer(game, daily.seed(game, day), GAMES[game].defaultDifficulty);
    return `${answer.charAt(0).toUpperCase()}${answer.slice(1)}.`;
  };
}

/**
 * Keeps a claim's lease ahead of the clock while `work` runs, so a post slower than the lease (queued
 * behind Discord's rate limits, a slow network) is not taken over by another process while this one lives.
 */
async function whileRenewing<T>(services: DailyPostServices, post: DailyPostKey, attempt: number, leaseMs: number, everyMs: number, work: () => Promise<T>): Promise<T> {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(async () => {
      try {
        if (!(await services.storage.dailyPosts.renew(post, attempt, services.now(), leaseMs))) {
          services.logger.warn({ guildId: post.guildId, localDate: post.localDate }, 'daily post claim lost while posting');
        }
      } catch (error) {
        services.logger.warn({ err: error, guildId: post.guildId }, 'could not renew a daily post claim');
      }
    });
  }, everyMs);
  // A post that never returns (a process about to die) must not keep the process alive for its renewals.
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewing;
  }
}

/** Creates the posting step with its per-day cache of the parts every server shares. */
export function dailyPoster(options: DailyPostOptions = {}): (services: DailyPostServices, at?: Date) => Promise<DailyPostReport> {
  let shared: SharedDailyParts | undefined;
  const sharedFor = (services: DailyPostServices, today: string): SharedDailyParts => {
    const describe = options.describeYesterday ?? (services.daily ? dailyAnswers(services.daily) : neutralReveal);
    if (shared?.today !== today) shared = sharedDailyParts(today, describe);
    return shared;
  };

  return async (services, at = services.now()) => {
    const report: DailyPostReport = { posted: [], failed: [] };
    const leaseMs = options.leaseMs ?? services.dailyPostLeaseMs;
    const renewEveryMs = options.renewEveryMs ?? Math.max(1, Math.floor(leaseMs / 3));
    // With several shards, each server's post goes out from the process that holds its shard's connection
    // (its channels are in that process's cache); the claim still keeps it to one if two overlap.
    const owns = services.ownsGuild ?? (() => true);
    const reached = (await reachedDailyTime(services, at)).filter((post) => owns(post.guildId));
    if (reached.length === 0) return report;
    const dates = [...new Set(reached.map((due) => due.localDate))];
    const settled = new Set((await services.storage.dailyPosts.settledOn(dates, at)).map(keyOf));
    const due = reached.filter((post) => !settled.has(keyOf(post)));

    if (due.length > 0) {
      const messages = await prepareDailyPosts(services.storage, due.map((d) => d.guildId), sharedFor(services, utcDay(at)), at);
      await inPool(due, options.postConcurrency ?? DEFAULT_CONCURRENCY, async (post) => {
        const message = messages.get(post.guildId) as MessageView;
        const claim = await services.storage.dailyPosts.claim(post, at, leaseMs);
        if (!claim) return;
        let messageId: string;
        try {
          messageId = await whileRenewing(services, post, claim.attempt, leaseMs, renewEveryMs, async () => {
            // The process that held this claim before may have posted and died before recording it.
            const marker = message.embeds?.[0]?.title ?? message.content ?? '';
            const earlier = claim.takenOverFrom && (await services.channels.findOwnPost(post.channelId, claim.takenOverFrom, marker));
            if (earlier) services.logger.info({ guildId: post.guildId, messageId: earlier }, 'daily post found already sent by a process that stopped');
            return earlier || (await services.channels.post(post.channelId, message));
          });
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

    // Posts another process holds: if it dies, they are this process's to finish as soon as its lease runs out.
    const reachedKeys = new Set(reached.map(keyOf));
    const held = (await services.storage.dailyPosts.liveClaims(dates, at)).filter((claim) => reachedKeys.has(keyOf(claim)));
    const until = Math.min(...held.map((claim) => claim.leaseUntil.getTime()));
    if (Number.isFinite(until)) report.heldElsewhereUntil = new Date(until);
    if (report.posted.length || report.failed.length) services.logger.info(report, 'daily posts sent');
    return report;
  };
}

/** One pass of the daily post at `at` (default: now), as the job runs it. */
export function postDueDailyPosts(services: DailyPostServices, at?: Date, options: DailyPostOptions = {}): Promise<DailyPostReport> {
  return dailyPoster(options)(services, at);
}

/** The job the runner starts with the bot (see src/command-layer/jobs.ts). */
export function dailyPostJob(options: DailyPostOptions = {}): ScheduledJob {
  const post = dailyPoster(options);
  return {
    name: 'daily post',
    cron: EVERY_MINUTE,
    async run(app) {
      const report = await post(app);
      return { runAgainAt: report.heldElsewhereUntil };
    },
  };
}
