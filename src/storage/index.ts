/** The storage the app uses. Callers see only the Storage interface: SQLite by default, PostgreSQL when configured. */
import { openPostgresStorage, type PostgresStorageOptions } from './postgres.js';
import { openSqliteStorage, type SqliteStorageOptions } from './sqlite.js';
import type { Storage } from './types.js';

export type * from './types.js';
export { GAME_ID_LENGTH } from './ids.js';
export { MigrationError } from './migrate.js';
export { DatabaseConnectError, type ConnectRetry } from './postgres.js';

export type OpenStorageOptions = SqliteStorageOptions | PostgresStorageOptions;

/** Opens (creating if needed) and migrates the SQLite file at `databasePath`, or the PostgreSQL database at `databaseUrl`. */
export function openStorage(options: OpenStorageOptions): Promise<Storage> {
  return 'databaseUrl' in options ? openPostgresStorage(options) : openSqliteStorage(options);
}
