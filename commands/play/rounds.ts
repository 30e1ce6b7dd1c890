/**
 * Group rounds close on their clock even when nobody clicks: a job finds rounds past their time, ends
 * them through the session machine (which records the results), and edits the board into its reveal.
 */
import type { AppServices, ScheduledJob } from '../../src/command-layer/types.js';
import type { GameRecord } from '../../src/storage/index.js';
import { playAction, readGame, UnreadableGameError } from '../../src/play/service.js';
import { boardMessage } from './board.js';
import { keepingBoardFiles } from './render.js';
import { revealInBackground } from './reveal-pool.js';

/** Rounds read per query; the job pages through all of them, however many are open. */
export const ROUNDS_PAGE = 100;

/** Every open group round, a page at a time, least recently touched first. */
async function* openRounds(app: AppServices): AsyncGenerator<GameRecord> {
  let after: GameRecord | undefined;
  for (;;) {
    const page = await app.storage.games.listActive('group', { limit: ROUNDS_PAGE, after });
    yield* page;
    if (page.length < ROUNDS_PAGE) return;
    after = page.at(-1);
  }
}

export async function closeExpiredRounds(app: AppServices): Promise<number> {
  const now = app.now();
  let closed = 0;
  for await (const record of openRounds(app)) {
    // The process on the round's shard closes it and edits its board; the compare-and-set in playAction
    // keeps it to one even if two processes both think they should.
    if (!app.ownsGuild(record.guildId)) continue;
    let game;
    try {
      game = readGame(record);
    } catch (error) {
      // One unreadable round must not stop the others closing; its players are told when they click.
      if (!(error instanceof UnreadableGameError)) throw error;
      app.logger.warn({ gameId: record.id, reason: error.reason, err: error }, 'a stored round could not be read, so it was not closed');
      continue;
    }
    const played = await playAction(app.storage, game, { kind: 'check-clock' }, { now });
    // Not due yet, or someone moved in the meantime: their move closed it, or the next run of this job will.
    if (played.kind !== 'saved') continue;
    closed++;
    const saved = played.game.record;
    if (saved.channelId && saved.messageId) {
      try {
        // The board shows the round's last move, and closing on time adds none: its files stay.
        const board = boardMessage(played.game);
        await app.channels.edit(saved.channelId, saved.messageId, keepingBoardFiles(await revealInBackground(played.game), board));
      } catch (error) {
        app.logger.warn({ err: error, gameId: saved.id }, 'could not show a closed round’s reveal');
      }
    }
  }
  return closed;
}

export const closeRoundsOnTime: ScheduledJob = {
  name: 'close group rounds on time',
  cron: '* * * * *',
  run: async (app) => void (await closeExpiredRounds(app)),
};
