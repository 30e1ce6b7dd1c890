/**
 * Daily-post claims, one per server and local date. The primary key is the lock: whoever inserts the
 * row posts. A claim left 'claimed' by a crash mid-post is never retried, because the post may have gone
 * out; an explicit failure may be claimed again, up to MAX_POST_ATTEMPTS in all.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DailyPostsTable, Database } from './schema.js';
import type { DailyPostRecord, DailyPostStatus, DailyPostStore } from './types.js';

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
  };
}

export function createDailyPostStore(db: Kysely<Database>): DailyPostStore {
  return {
    async settledOn(localDates) {
      if (localDates.length === 0) return [];
      const rows = await db
        .selectFrom('daily_posts')
        .select(['guild_id', 'local_date'])
        .where('local_date', 'in', [...localDates])
        .where((eb) => eb.or([eb('status', '!=', 'failed'), eb('attempts', '>=', MAX_POST_ATTEMPTS)]))
        .execute();
      return rows.map((row) => ({ guildId: row.guild_id, localDate: row.local_date }));
    },

    async claim({ guildId, localDate, channelId }, now) {
      const claimedAt = now.toISOString();
      const row = await db
        .insertInto('daily_posts')
        .values({ guild_id: guildId, local_date: localDate, channel_id: channelId, status: 'claimed', attempts: 1, message_id: null, claimed_at: claimedAt, posted_at: null })
        .onConflict((conflict) =>
          conflict
            .columns(['guild_id', 'local_date'])
            .doUpdateSet((eb) => ({ status: 'claimed', channel_id: channelId, claimed_at: claimedAt, attempts: eb('daily_posts.attempts', '+', 1) }))
            .where((eb) => eb.and([eb('daily_posts.status', '=', 'failed'), eb('daily_posts.attempts', '<', MAX_POST_ATTEMPTS)])),
        )
        .returning('guild_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async markPosted({ guildId, localDate }, messageId, now) {
      await db
        .updateTable('daily_posts')
        .set({ status: 'posted', message_id: messageId, posted_at: now.toISOString() })
        .where('guild_id', '=', guildId)
        .where('local_date', '=', localDate)
        .execute();
    },

    async markFailed({ guildId, localDate }) {
      await db.updateTable('daily_posts').set({ status: 'failed' }).where('guild_id', '=', guildId).where('local_date', '=', localDate).execute();
    },

    async latest(guildId) {
      const row = await db.selectFrom('daily_posts').selectAll().where('guild_id', '=', guildId).orderBy('local_date', 'desc').executeTakeFirst();
      return row && toRecord(row);
    },
  };
}
