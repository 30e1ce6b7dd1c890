/**
 * The console front end run in-process over streams, as a person at a terminal (or a pipe) drives it:
 * real commands, a real SQLite file, and the same runConsole that `npm start` uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { createApp, lateBoundChannels, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { runConsole, type ConsoleOptions } from '../../src/console/console.js';

// Cursor moves and colours the terminal mode writes; the text is what a person reads.
// eslint-disable-next-line no-control-regex
const ANSI_CODES = /\x1b\[[0-9;]*[A-Za-z]/g;

export interface ConsoleDriver {
  app: App;
  /** What the console printed so far, without terminal codes. */
  text(): string;
  /** Sends keys as typed: `\r` is Enter, `\x03` Ctrl-C, `\x04` Ctrl-D. */
  type(keys: string): void;
  /** Resolves once the output after `from` contains `pattern` (waits for events, never for time). */
  waitFor(pattern: string | RegExp, from?: number): Promise<void>;
  /** Ends the input and waits for the console to finish. */
  finish(): Promise<void>;
  filesDir: string;
}

export async function startConsole(
  options: { interactive: boolean; now?: () => Date } & Partial<Pick<ConsoleOptions, 'keepEveryClip' | 'ready' | 'filesDir'>>,
): Promise<ConsoleDriver> {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-console-'));
  const config = loadConfig({ DATABASE_PATH: join(dir, 'console.db'), LOG_LEVEL: 'silent' });
  const channels = lateBoundChannels();
  const app = await createApp({ config, logger: pino({ level: 'silent' }), channels, now: options.now, rateLimit: false });
  const input = new PassThrough();
  if (options.interactive) Object.assign(input, { isTTY: true, setRawMode: () => input });
  const output = new PassThrough();
  let written = '';
  const listeners = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString();
    for (const listener of listeners) listener();
  });
  const filesDir = options.filesDir ?? join(dir, 'out');
  const done = runConsole({
    router: app.router,
    input,
    output,
    invocation: { user: { id: '1', name: 'ada' }, guildId: '1', channelId: '1', canManageGuild: true },
    filesDir,
    interactive: options.interactive,
    channels,
    keepEveryClip: options.keepEveryClip,
    ready: options.ready,
    now: options.now,
  });
  const text = () => written.replace(ANSI_CODES, '');
  return {
    app,
    filesDir,
    text,
    type: (keys) => void input.write(keys),
    waitFor(pattern, from = 0) {
      const found = () => {
        const rest = text().slice(from);
        return typeof pattern === 'string' ? rest.includes(pattern) : pattern.test(rest);
      };
      if (found()) return Promise.resolve();
      return new Promise((resolve) => {
        const check = () => {
          if (!found()) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
      });
    },
    async finish() {
      input.end();
      await done;
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
