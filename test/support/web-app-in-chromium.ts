/**
 * The bot's web server on a real SQLite file, and headless Chromium to browse it: what every browser test
 * file of the playground and the replay starts before its tests and closes after them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import type { GameId } from '../../src/games/types.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { launchChromium } from './browser.js';

export interface WebAppInChromium {
  /** A new page at `path`, with every uncaught error and console error it reports collected in `errors`. */
  openPage(path: string): Promise<{ page: Page; errors: string[] }>;
  /** The signed replay path of a finished solo game, stored as the bot stores one. */
  replayPathOf(game: GameId, seed: string, state: unknown, score: number): Promise<string>;
}

export function useWebAppInChromium(): WebAppInChromium {
  let dir: string;
  let storage: Storage;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tuning-fork-browser-'));
    storage = await openStorage({ databasePath: join(dir, 'web.db') });
    const started = await startWebServer({
      settings: { port: 0, baseUrl: undefined, clientSecret: undefined },
      services: { storage, topics: loadTopicLibrary(), logger: pino({ level: 'silent' }), now: () => new Date() },
    });
    if (!started) throw new Error('the web server did not start');
    server = started;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await storage?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    async openPage(path) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${server.address}${path}`);
      return { page, errors };
    },
    async replayPathOf(game, seed, state, score) {
      const record = await storage.games.create({ game, mode: 'solo', ownerId: '1', seed, difficulty: 'normal', state: { game: state } });
      await storage.games.update(record.id, record.version, { state: { game: state }, status: 'finished', score });
      return `/replay/${server.links.sign(record.id, new Date())}`;
    },
  };
}
