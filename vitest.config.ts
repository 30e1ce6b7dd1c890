import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once, and starts one real PostgreSQL server for the run (the storage tests run against it as well as SQLite).
    globalSetup: ['test/global-setup.ts', 'test/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end suites each start a bot and a Discord test double; two workers fit this 2-core machine.
    maxWorkers: 2,
  },
});
