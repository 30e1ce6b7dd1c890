/** The SQLite store: one file on disk, created with its folder on first use and migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStorage } from './kysely-storage.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import type { Storage } from './types.js';

const BUSY_TIMEOUT_MS = 5000;

export interface SqliteStorageOptions {
  /** A file path, or ':memory:' for a throwaway database. */
  readonly databasePath: string;
  /** Told which migrations this open applied (none when the schema was up to date). */
  readonly onMigrated?: (applied: readonly string[]) => void;
}

const MIGRATION_LOCK_WAIT_MS = 60_000;

/**
 * Takes the write lock, waiting between tries rather than in SQLite's busy handler, which would block
 * this thread (and so any other opener in the same process, such as a test) until it gave up.
 */
async function beginImmediate(sqlite: BetterSqlite3.Database): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await sleep(20);
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

export async function openSqliteStorage({ databasePath, onMigrated }: SqliteStorageOptions): Promise<Storage> {
  const inMemory = databasePath === ':memory:';
  if (!inMemory) mkdirSync(dirname(databasePath), { recursive: true });
  const sqlite = new BetterSqlite3(databasePath);
  // WAL lets a reader (a backup, sqlite3 in a terminal) look while the bot writes; the timeout rides
  // out a moment's lock instead of failing a player's move.
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // Kysely takes no lock on SQLite, where it assumes one connection. Two processes opening a new file
    // together would both create the first tables; the write lock makes the second wait and find them.
    await beginImmediate(sqlite);
    try {
      const applied = await migrateToLatest(db as Kysely<unknown>);
      sqlite.exec('COMMIT');
      onMigrated?.(applied);
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStorage(db);
}
