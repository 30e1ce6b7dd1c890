/** Closing games nobody will finish: yesterday's dailies and games left idle for too long. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { GameExpiryStore } from './types.js';

export function createGameExpiryStore(db: Kysely<Database>): GameExpiryStore {
  return {
    async abandonExpired({ dailyCreatedBefore, idleSince, now }) {
      const at = now.toISOString();
      const closed = await db
        .updateTable('games')
        // Bumping the version makes a move racing this update lose its compare-and-set instead of reviving the game.
        .set((eb) => ({ status: 'abandoned', finished_at: at, updated_at: at, version: eb('version', '+', 1) }))
        .where('status', '=', 'active')
        .where((eb) =>
          eb.or([
            eb.and([eb('mode', '=', 'daily'), eb('created_at', '<', dailyCreatedBefore.toISOString())]),
            eb.and([eb('mode', '!=', 'daily'), eb('updated_at', '<', idleSince.toISOString())]),
          ]),
        )
        .executeTakeFirst();
      return Number(closed.numUpdatedRows);
    },
  };
}
