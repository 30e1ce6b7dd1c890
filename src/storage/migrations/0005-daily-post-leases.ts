/**
 * A daily-post claim is a lease: a process that dies mid-post holds it only until `lease_until`, after
 * which another process may take the post over (checking the channel first, so it never posts twice).
 * Claims made before this migration have no lease and count as expired.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('daily_posts').addColumn('lease_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('daily_posts').dropColumn('lease_until').execute();
}
