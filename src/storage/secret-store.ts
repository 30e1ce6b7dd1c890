/** Secrets the server generated for itself, stored once so every restart (and every process) shares them. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ServerSecretStore } from './types.js';

export function createServerSecretStore(db: Kysely<Database>): ServerSecretStore {
  return {
    async getOrCreate(name, fresh) {
      // Two processes starting at once both insert; the first wins and both read its value.
      await db
        .insertInto('server_secrets')
        .values({ name, value: fresh, created_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
