/**
 * The social layer: one result per player per finished game (leaderboards, stats, streaks), each
 * server's daily-post settings, and a claim per server and local date so a daily post goes out once.
 */
import type { Kysely } from 'kysely';
import { doubleType } from '../column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('results')
    .addColumn('game_record_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('guild_id', 'text')
    .addColumn('game', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('score', doubleType(db), (c) => c.notNull())
    .addColumn('won', 'integer', (c) => c.notNull())
    .addColumn('moves', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // Recording the same player's result of the same game twice must be harmless.
    .addPrimaryKeyConstraint('results_pk', ['game_record_id', 'user_id'])
    .execute();
  // Leaderboards filter by server, game and day; the daily post by mode and day across servers;
  // stats, streaks and forgetting by player.
  await db.schema.createIndex('results_guild_game_day').on('results').columns(['guild_id', 'game', 'day']).execute();
  await db.schema.createIndex('results_mode_day').on('results').columns(['mode', 'day']).execute();
  await db.schema.createIndex('results_user_day').on('results').columns(['user_id', 'day']).execute();

  await db.schema
    .createTable('guild_settings')
    .addColumn('guild_id', 'text', (c) => c.primaryKey())
    .addColumn('daily_channel_id', 'text', (c) => c.notNull())
    .addColumn('daily_time', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('daily_posts')
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addPrimaryKeyConstraint('daily_posts_pk', ['guild_id', 'local_date'])
    .execute();

  // Closing expired games looks for active games by mode and age.
  await db.schema.createIndex('games_status_mode_updated').on('games').columns(['status', 'mode', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('games_status_mode_updated').execute();
  await db.schema.dropTable('daily_posts').execute();
  await db.schema.dropTable('guild_settings').execute();
  await db.schema.dropTable('results').execute();
}
