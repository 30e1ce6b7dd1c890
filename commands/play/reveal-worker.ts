/**
 * Runs in a worker thread: builds a finished game's revealed board (replays, charts, GIF), so that
 * this CPU-heavy work never holds up the main thread, where every interaction has 3 seconds.
 */
import { parentPort } from 'node:worker_threads';
import type { GameRecord } from '../../src/storage/index.js';
import { revealedBoard } from './revealed-board.js';
import { viewOf } from './session.js';

parentPort?.on('message', ({ id, record }: { id: number; record: GameRecord }) => {
  try {
    parentPort?.postMessage({ id, message: revealedBoard(viewOf(record)) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
