/** The SQLite store: one file on disk, created with its folder on first use and migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStorage } from './kysely-storage.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import type { Storage } from './types.js';

export interface SqliteStorageOptions {
  /** A file path, or ':memory:' for a throwaway database. */
  readonly databasePath: string;
}

export async function openSqliteStorage({ databasePath }: SqliteStorageOptions): Promise<Storage> {
  const inMemory = databasePath === ':memory:';
  if (!inMemory) mkdirSync(dirname(databasePath), { recursive: true });
  const sqlite = new BetterSqlite3(databasePath);
  // WAL lets a reader (a backup, sqlite3 in a terminal) look while the bot writes; the timeout rides
  // out a moment's lock instead of failing a player's move.
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStorage(db);
}
