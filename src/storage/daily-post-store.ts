/**
 * Daily-post claims, one per server and local date, shared by every bot process. A claim is a lease:
 * the process that holds it posts; if it dies mid-post, the lease runs out and another process takes the
 * claim over (the scheduler then checks the channel before posting again). An explicit failure may be
 * claimed again, up to MAX_POST_ATTEMPTS in all.
 *
 * Taking a claim is a compare-and-set on the row's attempt count, which works the same on SQLite and
 * PostgreSQL: of several processes reading the same expired row, one update matches and the rest find
 * the count already moved on.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DailyPostsTable, Database } from './schema.js';
import type { DailyPostClaim, DailyPostRecord, DailyPostStatus, DailyPostStore } from './types.js';

export const MAX_POST_ATTEMPTS = 3;

function toRecord(row: Selectable<DailyPostsTable>): DailyPostRecord {
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    channelId: row.channel_id,
    status: row.status as DailyPostStatus,
    attempts: Number(row.attempts),
    messageId: row.message_id,
    claimedAt: new Date(row.claimed_at),
    postedAt: row.posted_at === null ? null : new Date(row.posted_at),
    leaseUntil: row.lease_until === null ? null : new Date(row.lease_until),
  };
}

/** Whether a claim row may be taken now, and if so whether its holder may already have posted. */
function reclaimable(row: Selectable<DailyPostsTable>, now: string): DailyPostClaim | undefined {
  const attempt = Number(row.attempts) + 1;
  if (row.status === 'failed' && Number(row.attempts) < MAX_POST_ATTEMPTS) return { takenOverFrom: null, attempt };
  if (row.status === 'claimed' && (row.lease_until === null || row.lease_until <= now)) return { takenOverFrom: new Date(row.claimed_at), attempt };
  return undefined;
}

export function createDailyPostStore(db: Kysely<Database>): DailyPostStore {
  return {
    async settledOn(localDates, now) {
      if (localDates.length === 0) return [];
      const rows = await db
        .selectFrom('daily_posts')
        .select(['guild_id', 'local_date'])
        .where('local_date', 'in', [...localDates])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'posted'),
            eb.and([eb('status', '=', 'failed'), eb('attempts', '>=', MAX_POST_ATTEMPTS)]),
            eb.and([eb('status', '=', 'claimed'), eb('lease_until', '>', now.toISOString())]),
          ]),
        )
        .execute();
      return rows.map((row) => ({ guildId: row.guild_id, localDate: row.local_date }));
    },

    async claim({ guildId, localDate, channelId }, now, leaseMs) {
      const claimedAt = now.toISOString();
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      const fresh = await db
        .insertInto('daily_posts')
        .values({
          guild_id: guildId,
          local_date: localDate,
          channel_id: channelId,
          status: 'claimed',
          attempts: 1,
          message_id: null,
          claimed_at: claimedAt,
          posted_at: null,
          lease_until: leaseUntil,
        })
        .onConflict((conflict) => conflict.columns(['guild_id', 'local_date']).doNothing())
        .returning('guild_id')
        .executeTakeFirst();
      if (fresh) return { takenOverFrom: null, attempt: 1 };

      const current = await db.selectFrom('daily_posts').selectAll().where('guild_id', '=', guildId).where('local_date', '=', localDate).executeTakeFirst();
      const claim = current && reclaimable(current, claimedAt);
      if (!current || !claim) return undefined;
      const taken = await db
        .updateTable('daily_posts')
        .set({ status: 'claimed', channel_id: channelId, claimed_at: claimedAt, lease_until: leaseUntil, attempts: claim.attempt })
        .where('guild_id', '=', guildId)
        .where('local_date', '=', localDate)
        .where('status', '=', current.status)
        .where('attempts', '=', current.attempts)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1 ? claim : undefined;
    },

    async renew({ guildId, localDate }, attempt, now, leaseMs) {
      const renewed = await db
        .updateTable('daily_posts')
        .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
        .where('guild_id', '=', guildId)
        .where('local_date', '=', localDate)
        .where('status', '=', 'claimed')
        .where('attempts', '=', attempt)
        .executeTakeFirst();
      return Number(renewed.numUpdatedRows) === 1;
    },

    async liveClaims(localDates, now) {
      if (localDates.length === 0) return [];
      const rows = await db
        .selectFrom('daily_posts')
        .select(['guild_id', 'local_date', 'lease_until'])
        .where('local_date', 'in', [...localDates])
        .where('status', '=', 'claimed')
        .where('lease_until', '>', now.toISOString())
        .execute();
      return rows.map((row) => ({ guildId: row.guild_id, localDate: row.local_date, leaseUntil: new Date(row.lease_until as string) }));
    },

    async markPosted({ guildId, localDate }, messageId, now) {
      await db
        .updateTable('daily_posts')
        .set({ status: 'posted', message_id: messageId, posted_at: now.toISOString(), lease_until: null })
        .where('guild_id', '=', guildId)
        .where('local_date', '=', localDate)
        .execute();
    },

    async markFailed({ guildId, localDate }) {
      await db
        .updateTable('daily_posts')
        .set({ status: 'failed', lease_until: null })
        .where('guild_id', '=', guildId)
        .where('local_date', '=', localDate)
        .where('status', '=', 'claimed')
        .execute();
    },

    async latest(guildId) {
      const row = await db.selectFrom('daily_posts').selectAll().where('guild_id', '=', guildId).orderBy('local_date', 'desc').executeTakeFirst();
      return row && toRecord(row);
    },
  };
}
