/** Each server's daily-post settings: which channel, at what local time, in which time zone. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, GuildSettingsTable } from './schema.js';
import type { GuildSettings, GuildSettingsStore, NewGuildSettings } from './types.js';

function toSettings(row: Selectable<GuildSettingsTable>): GuildSettings {
  return {
    guildId: row.guild_id,
    dailyChannelId: row.daily_channel_id,
    dailyTime: row.daily_time,
    timezone: row.timezone,
    updatedAt: new Date(row.updated_at),
  };
}

export function createGuildSettingsStore(db: Kysely<Database>): GuildSettingsStore {
  return {
    async get(guildId) {
      const row = await db.selectFrom('guild_settings').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
      return row && toSettings(row);
    },

    async save(settings: NewGuildSettings) {
      const values = {
        daily_channel_id: settings.dailyChannelId,
        daily_time: settings.dailyTime,
        timezone: settings.timezone,
        updated_at: new Date().toISOString(),
      };
      const row = await db
        .insertInto('guild_settings')
        .values({ guild_id: settings.guildId, ...values })
        .onConflict((conflict) => conflict.column('guild_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSettings(row);
    },

    async list() {
      const rows = await db.selectFrom('guild_settings').selectAll().orderBy('guild_id').execute();
      return rows.map(toSettings);
    },
  };
}
