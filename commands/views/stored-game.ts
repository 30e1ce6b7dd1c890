/**
 * A stored game as every command reads it (/play, /daily, the rounds job): checked against the session
 * schema, and when it does not parse, logged and answered with a clear private message instead of a crash.
 */
import { UserError } from '../../src/command-layer/errors.js';
import type { AppServices } from '../../src/command-layer/types.js';
import { readGame, UnreadableGameError, type StoredGame } from '../../src/play/service.js';
import type { GameRecord } from '../../src/storage/index.js';

/** What a player reads when their stored game cannot be read: written by another version, or damaged. */
export function unreadableGameText(error: UnreadableGameError): string {
  switch (error.reason) {
    case 'older-version':
      return 'This game was saved by an older version of Tuning Fork that I can no longer read, so it cannot go on. Start a new one with `/play`.';
    case 'newer-version':
    case 'unknown-game':
      return 'This game was saved by a newer version of Tuning Fork than the one answering you. Try again in a few minutes, once every part of the bot is updated.';
    case 'corrupt':
    case 'not-this-game':
      return 'This game’s saved state is damaged, so it cannot go on; I have noted it. Start a new one with `/play`.';
  }
}

/** Reads a stored game for a person; one that does not parse is logged and becomes a UserError. */
export function viewOf(record: GameRecord, app?: Pick<AppServices, 'logger'>): StoredGame {
  try {
    return readGame(record);
  } catch (error) {
    if (!(error instanceof UnreadableGameError)) throw error;
    app?.logger.warn({ gameId: error.gameId, reason: error.reason, err: error }, 'a stored game could not be read');
    throw new UserError(unreadableGameText(error));
  }
}
