/**
 * Who took part in each game besides its owner (group rounds), so forgetting a person can find the
 * rounds they joined in other people's games. Existing group rounds are read once to fill it.
 */
import type { Kysely } from 'kysely';

/** Only the columns this migration touches, as they are at this point in the schema's history. */
interface SchemaAtThisPoint {
  games: { id: string; mode: string; owner_id: string; state: string };
  game_players: { game_id: string; user_id: string };
}

function playerIdsOf(state: string): string[] {
  try {
    const players = (JSON.parse(state) as { group?: { players?: { id?: unknown }[] } } | null)?.group?.players ?? [];
    return players.map((player) => player.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('game_players')
    .addColumn('game_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('game_players_pk', ['game_id', 'user_id'])
    .execute();
  await db.schema.createIndex('game_players_user').on('game_players').column('user_id').execute();

  const typed = db as unknown as Kysely<SchemaAtThisPoint>;
  const rounds = await typed.selectFrom('games').select(['id', 'owner_id', 'state']).where('mode', '=', 'group').execute();
  for (const round of rounds) {
    const joined = playerIdsOf(round.state).filter((id) => id !== round.owner_id);
    if (joined.length === 0) continue;
    await typed
      .insertInto('game_players')
      .values(joined.map((userId) => ({ game_id: round.id, user_id: userId })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('game_players').execute();
}
