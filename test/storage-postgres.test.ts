/** Reaching PostgreSQL: waiting with back-off for a server that is not up yet, and failing fast on a wrong password. */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DatabaseConnectError, openStorage, type ConnectRetry, type Storage } from '../src/storage/index.js';
import { retryDelayMs } from '../src/storage/postgres.js';
import { createPostgresDatabase, type TestDatabase } from './support/databases.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createPostgresDatabase(inject('postgresAdminUrl'));
  cleanups.push(() => database.drop());
  return database;
}

/** A port with nothing behind it yet; `open()` later forwards it to `target`, as a server coming up would. */
async function laterPort(target: URL): Promise<{ port: number; open(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  let proxy: Server | undefined;
  const sockets = new Set<Socket>();
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    if (proxy) await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  });
  return {
    port,
    open: () =>
      new Promise<void>((resolve) => {
        proxy = createServer((client) => {
          const server = connect(Number(target.port), target.hostname);
          sockets.add(client).add(server);
          client.pipe(server).pipe(client);
          client.on('error', () => server.destroy());
          server.on('error', () => client.destroy());
        });
        proxy.listen(port, '127.0.0.1', resolve);
      }),
  };
}

describe('opening PostgreSQL', () => {
  it('backs off from half a second, doubling, up to 30 seconds', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
  });

  it('waits for an unreachable server, reporting each failed try, and opens once it is up', async () => {
    const database = await freshDatabase();
    const real = new URL((database.options as { databaseUrl: string }).databaseUrl);
    const later = await laterPort(real);
    const url = new URL(real);
    url.port = String(later.port);
    const retries: ConnectRetry[] = [];
    const storage: Storage = await openStorage({
      databaseUrl: url.toString(),
      poolSize: 2,
      onRetry: (retry) => {
        retries.push(retry);
        if (retries.length === 2) void later.open();
      },
    });
    cleanups.push(() => storage.close());
    expect(retries.map((retry) => retry.attempt)).toEqual([1, 2]);
    expect(retries.map((retry) => retry.retryInMs)).toEqual([500, 1000]);
    expect((retries[0]?.error as { code?: string }).code).toBe('ECONNREFUSED');
    await storage.preferences.setLevel('u1', 4);
    expect(await storage.preferences.getLevel('u1')).toBe(4);
  });

  it('fails at once with a clear message when the server refuses the password', async () => {
    const database = await freshDatabase();
    const url = new URL((database.options as { databaseUrl: string }).databaseUrl);
    url.password = 'wrong-password';
    const retries: ConnectRetry[] = [];
    const opening = openStorage({ databaseUrl: url.toString(), poolSize: 1, onRetry: (retry) => retries.push(retry) });
    await expect(opening).rejects.toThrow(DatabaseConnectError);
    await expect(opening).rejects.toThrow(/Check the user, password and database name in DATABASE_URL/);
    expect(retries).toEqual([]);
  });
});
