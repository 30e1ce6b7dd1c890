/**
 * Reveals are built off the main thread: one worker, started on first use, queueing requests. Should
 * the worker be unable to load our code, reveals are built in-process instead, with the same result.
 */
import { Worker } from 'node:worker_threads';
import type { MessageView } from '../../src/command-layer/types.js';
import { revealedBoard } from './revealed-board.js';
import type { GameView } from './session.js';

interface Pending {
  resolve(message: MessageView): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let unavailable = false;
let nextId = 0;
const pending = new Map<number, Pending>();

/** Structured cloning turns Buffers into plain Uint8Arrays; files must be Buffers again. */
function revive(message: MessageView): MessageView {
  return { ...message, files: message.files?.map((f) => ({ ...f, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) })) };
}

function failAll(error: Error): void {
  for (const [id, waiting] of pending) {
    pending.delete(id);
    waiting.reject(error);
  }
}

/**
 * Built (dist/), the worker runs the compiled reveal-worker.js. Run from the TypeScript sources (tests,
 * tsx while developing) a worker thread does not inherit the loader, so an entry registers tsx first.
 */
const WORKER_FILE = import.meta.url.endsWith('.js') ? new URL('./reveal-worker.js', import.meta.url) : new URL('./reveal-worker-entry.mjs', import.meta.url);

function startWorker(): Worker {
  const started = new Worker(WORKER_FILE);
  started.on('message', ({ id, message, error }: { id: number; message?: MessageView; error?: string }) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (message) waiting.resolve(revive(message));
    else waiting.reject(new Error(error ?? 'the reveal worker failed'));
  });
  started.on('error', (error) => {
    worker = undefined;
    failAll(error);
  });
  started.on('exit', () => {
    worker = undefined;
    failAll(new Error('the reveal worker stopped'));
  });
  return started;
}

function inWorker(game: GameView): Promise<MessageView> {
  worker ??= startWorker();
  const id = nextId++;
  const running = worker;
  return new Promise<MessageView>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Held while a reveal is being built; an idle worker must not keep the console or a test alive.
    running.ref();
    running.postMessage({ id, record: game.record });
  });
}

export async function revealInBackground(game: GameView): Promise<MessageView> {
  if (unavailable) return revealedBoard(game);
  try {
    return await inWorker(game);
  } catch (error) {
    // A worker that cannot load our code will not start later either: build reveals here from now on.
    if (/Unknown file extension|ERR_UNKNOWN_FILE_EXTENSION|Cannot find module/.test(String(error))) {
      unavailable = true;
      return revealedBoard(game);
    }
    throw error;
  }
}
