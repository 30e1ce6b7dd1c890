/**
 * Reveals built in the worker thread are the same, byte for byte, as those built in-process.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/build.mjs';
import { revealInBackground } from '../../commands/play/reveal-pool.js';
import { revealedBoard } from '../../commands/play/render.js';
import { viewOf } from '../../commands/play/session.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { GAMES } from '../../src/games/index.js';
import type { GameRecord } from '../../src/storage/index.js';

function finishedRecord(game: 'bake' | 'lock', seed: string): GameRecord {
  const rules = GAMES[game];
  let state = rules.start({ seed });
  const move = game === 'bake' ? { minutes: '11' } : { dial1: '1', dial2: '2', dial3: '3' };
  state = rules.play(state, rules.parseMove(move, state)).state;
  if (state.status === 'playing') state = rules.giveUp(state);
  const at = new Date('2026-11-27T12:00:00Z');
  return {
    id: 'AbCdEfGhIj', game, mode: 'solo', ownerId: '1', guildId: null, channelId: null, messageId: null, seed,
    difficulty: state.difficulty, state: { game: state }, version: 3, status: 'finished', score: 0,
    createdAt: at, updatedAt: at, finishedAt: at,
  };
}

// The worker compiles the app with tsx before its first reveal: over 15 s on a busy 2-core machine.
describe('reveals off the main thread', { timeout: 120_000 }, () => {
  it('gives exactly the in-process reveal, files as Buffers, for several games in a row', async () => {
    for (const [game, seed] of [['bake', 'pool-1'], ['lock', 'pool-2'], ['bake', 'pool-3']] as const) {
      const view = viewOf(finishedRecord(game, seed));
      const [fromWorker, inProcess] = [await revealInBackground(view), revealedBoard(view)];
      expect(fromWorker.files?.every((f) => Buffer.isBuffer(f.data))).toBe(true);
      expect(fromWorker).toEqual(inProcess);
    }
  });
});

// The build (made by test/global-setup.ts) runs the compiled worker with no TypeScript loader at all.
// Asked directly, because the pool would quietly fall back to building in-process.
describe('the compiled reveal worker', { timeout: 120_000 }, () => {
  it('loads in a plain worker thread and gives exactly the in-process reveal', async () => {
    const worker = new Worker(join(DIST_DIR, 'commands/play/reveal-worker.js'));
    try {
      const record = finishedRecord('lock', 'pool-compiled');
      const answer = new Promise<{ id: number; message?: MessageView; error?: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ id: 7, record });
      const { id, message, error } = await answer;
      expect(error).toBeUndefined();
      expect(id).toBe(7);
      const inProcess = revealedBoard(viewOf(record));
      expect(message?.content).toBe(inProcess.content);
      expect(message?.files?.map((f) => Buffer.from(f.data))).toEqual(inProcess.files?.map((f) => f.data));
    } finally {
      await worker.terminate();
    }
  });
});
