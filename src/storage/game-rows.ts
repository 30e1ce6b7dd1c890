/** Game rows to records and back, shared by the game store and the daily attempts that create games. */
import type { Kysely, Selectable } from 'kysely';
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
  };
}

export async function insertGame(db: Kysely<Database>, game: NewGameRecord, id: string): Promise<GameRecord> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('games')
    .values({
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGameRecord(row);
}
