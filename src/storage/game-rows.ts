/** Game rows to records and back, shared by the game store and the daily attempts that create games. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { toJson } from './json.js';
import type { Database, GamesTable } from './schema.js';
import type { GameRecord, NewGameRecord } from './types.js';

export function toGameRecord(row: Selectable<GamesTable>): GameRecord {
  return {
    id: row.id,
    game: row.game,
    mode: row.mode,
    ownerId: row.owner_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    seed: row.seed,
    difficulty: row.difficulty,
    state: JSON.parse(row.state) as unknown,
    version: Number(row.version),
    status: row.status,
    score: row.score === null ? null : Number(row.score),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    ...(row.created_by_interaction !== null && { createdByInteraction: row.created_by_interaction }),
  };
}

function newGameRow(game: NewGameRecord, id: string): Insertable<GamesTable> {
  const now = new Date().toISOString();
  return {
    id,
    game: game.game,
    mode: game.mode,
    owner_id: game.ownerId,
    guild_id: game.guildId ?? null,
    channel_id: game.channelId ?? null,
    message_id: game.messageId ?? null,
    seed: game.seed,
    difficulty: game.difficulty,
    state: toJson(game.state),
    version: 1,
    status: 'active',
    score: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
    created_by_interaction: game.createdByInteraction ?? null,
  };
}

/** Inserts the game; a second game for the same creating interaction fails on the unique key. */
export async function insertGame(db: Kysely<Database>, game: NewGameRecord, id: string): Promise<GameRecord> {
  return toGameRecord(await db.insertInto('games').values(newGameRow(game, id)).returningAll().executeTakeFirstOrThrow());
}

/**
 * Inserts the game unless its creating interaction already made one, and resolves whichever game that
 * interaction made. The insert that loses on the unique key inserts nothing (PostgreSQL waits for the
 * winner's transaction first), so the read after it finds the winner's row.
 */
export async function insertGameOnce(db: Kysely<Database>, game: NewGameRecord, id: string): Promise<GameRecord> {
  const interaction = game.createdByInteraction;
  if (interaction === undefined) return insertGame(db, game, id);
  const inserted = await db
    .insertInto('games')
    .values(newGameRow(game, id))
    .onConflict((conflict) => conflict.column('created_by_interaction').doNothing())
    .returningAll()
    .executeTakeFirst();
  const row = inserted ?? (await db.selectFrom('games').selectAll().where('created_by_interaction', '=', interaction).executeTakeFirst());
  // Only a game deleted between the two statements (its owner forgotten that very moment) is missing.
  if (!row) throw new Error(`the game created by interaction ${interaction} was deleted while it was being read`);
  return toGameRecord(row);
}
