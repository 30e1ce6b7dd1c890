/** The storage the app uses. Callers see only the Storage interface; SQLite is today's implementation. */
import { openSqliteStorage, type SqliteStorageOptions } from './sqlite.js';
import type { Storage } from './types.js';

export type * from './types.js';
export { GAME_MODES, GAME_STATUSES } from './types.js';
export { GAME_ID_LENGTH } from './ids.js';
export { MigrationError } from './migrate.js';

export type OpenStorageOptions = SqliteStorageOptions;

/** Opens (creating if needed) and migrates the database at `databasePath`. */
export function openStorage(options: OpenStorageOptions): Promise<Storage> {
  return openSqliteStorage(options);
}
