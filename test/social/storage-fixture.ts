/** A real SQLite storage in a temp folder, and a compact way to write results into it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage, type GameMode, type NewResult, type Storage } from '../../src/storage/index.js';

export interface TempStorage {
  storage: Storage;
  databasePath: string;
  dispose(): Promise<void>;
}

export async function openTempStorage(): Promise<TempStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-social-'));
  const databasePath = join(dir, 'social.db');
  const storage = await openStorage({ databasePath });
  return {
    storage,
    databasePath,
    async dispose() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A result with sensible defaults: a won solo bake game in guild G, finished at `at`. */
export function result(userId: string, score: number, at: string, extra: Partial<NewResult> & { mode?: GameMode } = {}): NewResult {
  counter += 1;
  return {
    gameRecordId: `game${counter}`,
    userId,
    guildId: '900000000000000001',
    game: 'bake',
    mode: 'solo',
    score,
    won: score >= 50,
    moves: 5,
    finishedAt: new Date(at),
    ...extra,
  };
}
