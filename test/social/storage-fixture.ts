/** A real storage on a fresh database (SQLite or PostgreSQL), and a compact way to write results into it. */
import type { GameMode, NewResult, Storage } from '../../src/storage/index.js';
import { createTestDatabase, type DatabaseKind } from '../support/databases.js';

export interface TempStorage {
  storage: Storage;
  /** Another storage on the same database, as a second bot process would open it. */
  openAgain(): Promise<Storage>;
  /** Runs SQL straight on the database, outside the storage layer. */
  query(sqlText: string): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

export async function openTempStorage(kind: DatabaseKind = 'sqlite'): Promise<TempStorage> {
  const database = await createTestDatabase(kind);
  const storage = await database.open();
  return {
    storage,
    openAgain: () => database.open(),
    query: (sqlText) => database.query(sqlText),
    async dispose() {
      await storage.close();
      await database.drop();
    },
  };
}

let counter = 0;

/** A result with sensible defaults: a won solo bake game in guild G, finished at `at`. */
export function result(userId: string, score: number, at: string, extra: Partial<NewResult> & { mode?: GameMode } = {}): NewResult {
  counter += 1;
  return {
    gameRecordId: `game${counter}`,
    userId,
    guildId: '900000000000000001',
    game: 'bake',
    mode: 'solo',
    score,
    won: score >= 50,
    moves: 5,
    finishedAt: new Date(at),
    ...extra,
  };
}
