/**
 * The PostgreSQL store: a pool of `poolSize` connections to a server several bot processes share.
 * Opening waits for the server (retrying with back-off, each failure logged) instead of exiting,
 * so a bot that starts before its database, or rides out a database restart, does not crash-loop.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createKyselyStorage } from './kysely-storage.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import type { Storage } from './types.js';

export interface PostgresStorageOptions {
  /** postgres://user:password@host:port/database */
  readonly databaseUrl: string;
  readonly poolSize: number;
  /** Told about each failed attempt to reach the server, before the next one. */
  readonly onRetry?: (failure: ConnectRetry) => void;
  /** Stops waiting for the server (shutting down while it is still unreachable). */
  readonly signal?: AbortSignal;
  /** Told which migrations this open applied (none when the schema was up to date). */
  readonly onMigrated?: (applied: readonly string[]) => void;
}

export interface ConnectRetry {
  readonly attempt: number;
  readonly error: Error;
  readonly retryInMs: number;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/** Errors that say the server cannot be reached (yet), as opposed to a wrong password or database name. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', '57P03']);

export class DatabaseConnectError extends Error {
  override readonly name = 'DatabaseConnectError';
}

export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // pg reports a connection cut off during start-up, or its own connect timeout, without a code.
  return error instanceof Error && /Connection terminated|timeout expired/i.test(error.message);
}

/** Delay before retry `attempt` (1-based): doubling from half a second, capped at 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
}

async function waitForServer(pool: pg.Pool, { onRetry, signal }: PostgresStorageOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      return;
    } catch (error) {
      if (!isUnreachable(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseConnectError(`PostgreSQL refused the connection: ${reason}. Check the user, password and database name in DATABASE_URL.`, {
          cause: error,
        });
      }
      const retryInMs = retryDelayMs(attempt);
      onRetry?.({ attempt, error: error as Error, retryInMs });
      await sleep(retryInMs, undefined, { signal });
    }
  }
}

export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart, a failover) is an event, not an uncaught error.
  pool.on('error', () => undefined);
  try {
    await waitForServer(pool, options);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Kysely's Migrator holds a PostgreSQL advisory lock while it migrates, so processes starting
    // together apply each migration once; the others wait, then find nothing left to do.
    const applied = await migrateToLatest(db as Kysely<unknown>);
    options.onMigrated?.(applied);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStorage(db);
}
