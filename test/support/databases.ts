/**
 * The databases the storage tests run against: a fresh SQLite file, and a fresh database on the run's
 * PostgreSQL server (started by postgres-global-setup.ts). Each test gets its own, so tests never see
 * each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { openStorage, type OpenStorageOptions, type Storage } from '../../src/storage/index.js';

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgres'];

/** One empty database: how to open storage on it, the matching environment for a bot process, and clean-up. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly options: OpenStorageOptions;
  /** DATABASE_PATH or DATABASE_URL for a bot process on this database. */
  readonly env: Record<string, string>;
  open(): Promise<Storage>;
  /** Runs SQL straight on the database, outside the storage layer (to set up or inspect a case). */
  query(sqlText: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(adminUrl: string, poolSize = 5): Promise<TestDatabase> {
  const name = `tf_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const options: OpenStorageOptions = { databaseUrl, poolSize };
  return {
    kind: 'postgres',
    options,
    env: { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(poolSize) },
    open: () => openStorage(options),
    query: (sqlText) => withAdmin(databaseUrl, async (client) => (await client.query<Record<string, unknown>>(sqlText)).rows),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-db-'));
  const databasePath = join(dir, 'nested', 'test.db');
  const options: OpenStorageOptions = { databasePath };
  return {
    kind: 'sqlite',
    options,
    env: { DATABASE_PATH: databasePath },
    open: () => openStorage(options),
    async query(sqlText) {
      const raw = new BetterSqlite3(databasePath);
      try {
        const statement = raw.prepare(sqlText);
        return statement.reader ? (statement.all() as Record<string, unknown>[]) : (statement.run(), []);
      } finally {
        raw.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, empty database of `kind`. */
export function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'sqlite' ? Promise.resolve(createSqliteDatabase()) : createPostgresDatabase(inject('postgresAdminUrl'));
}
