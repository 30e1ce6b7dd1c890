/**
 * Vitest global set-up: one PostgreSQL server for the whole run, stopped at the end. Tests reach it
 * through inject('postgresAdminUrl') (see databases.ts). TEST_POSTGRES_URL points the run at a server
 * of your own instead (its user must be allowed to create databases).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const own = process.env.TEST_POSTGRES_URL;
  if (own) {
    project.provide('postgresAdminUrl', own);
    return undefined;
  }
  const server = await startPostgresServer();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
