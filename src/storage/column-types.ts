/** Column types that differ between the databases the migrations serve. */
import { PostgresAdapter, type ColumnDataType, type Kysely } from 'kysely';

/**
 * An 8-byte float. SQLite's `real` is one; PostgreSQL's `real` is 4 bytes (a score of 0.1 would read back
 * as 0.100000001), so there it is `double precision`.
 */
export function doubleType(db: Kysely<unknown>): ColumnDataType {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'double precision' : 'real';
}
