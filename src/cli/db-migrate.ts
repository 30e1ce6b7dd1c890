/**
 * `npm run db:migrate`: brings the configured database (SQLite at DATABASE_PATH, or PostgreSQL at
 * DATABASE_URL) up to the latest schema and says what it applied. The bot migrates on start-up too;
 * this is for doing it ahead of a deploy, once, rather than from the first process to start.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, redactPassword } from '../config.js';
import { openStorage, type OpenStorageOptions } from '../storage/index.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const { database } = loadConfig();
  const where = database.kind === 'sqlite' ? `SQLite at ${database.path}` : `PostgreSQL at ${redactPassword(database.url)}`;
  let applied: readonly string[] = [];
  const onMigrated = (names: readonly string[]) => void (applied = names);
  const options: OpenStorageOptions =
    database.kind === 'sqlite'
      ? { databasePath: database.path, onMigrated }
      : {
          databaseUrl: database.url,
          poolSize: 1,
          onMigrated,
          onRetry: ({ attempt, error, retryInMs }) =>
            console.error(`PostgreSQL is unreachable (try ${attempt}: ${error.message}); retrying in ${retryInMs / 1000} s`),
        };
  const storage = await openStorage(options);
  await storage.close();
  console.log(applied.length === 0 ? `${where} is up to date.` : `${where}: applied ${applied.join(', ')}.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Could not migrate the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
