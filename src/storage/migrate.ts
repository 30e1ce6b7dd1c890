/**
 * Schema migrations with Kysely's Migrator. Each migration is one file in ./migrations named
 * `NNNN-what-it-does.ts` exporting `up` (and `down`); adding a table is adding the next file.
 * Kysely records applied migrations in its own table and runs the rest in name order.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.(?:ts|js|mjs)$/;

class MigrationFolder implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(fileURLToPath(MIGRATIONS_DIR)).sort()) {
      const name = MIGRATION_FILE.exec(file)?.[1];
      if (!name) continue;
      const module = (await import(pathToFileURL(fileURLToPath(new URL(file, MIGRATIONS_DIR))).href)) as Partial<Migration>;
      if (typeof module.up !== 'function') throw new Error(`Migration ${file} does not export an up() function`);
      migrations[name] = module as Migration;
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new MigrationFolder() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Database migration ${failed ?? '(before any ran)'} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
