/**
 * What a move answers with: the board as it stands, and once the game has ended, the reveal as a later
 * edit of the same message (replays and pictures can take a moment, so they are built in the reveal worker).
 */
import type { FileView, MessageView } from '../../src/command-layer/types.js';
import { boardMessage } from './board.js';
import { revealInBackground } from './reveal-pool.js';
import { isOpen, type GameView, type MoveHooks } from './session.js';

// The revealed board lives apart, so the worker that builds it never imports the pool that starts it.
export { dailyShareLine, revealedBoard } from './revealed-board.js';

/**
 * The reveal as an edit of a message that shows `board`, the same game's board: the reveal carries the
 * board's files, byte for byte the ones the message has, so they stay instead of being sent again.
 */
export function keepingBoardFiles(reveal: MessageView, board: MessageView): MessageView {
  const shown = board.files ?? [];
  const same = (file: FileView) => shown.some((s) => s.name === file.name && s.data.equals(file.data));
  return { ...reveal, ...(reveal.files && { files: reveal.files.map((file) => (same(file) ? { ...file, unchanged: true } : file)) }) };
}

/** The board; once the game has ended, the reveal follows as a later edit. */
export function render(game: GameView): { message: MessageView; later?: () => Promise<MessageView> } {
  const board = boardMessage(game);
  if (isOpen(game)) return { message: board };
  return {
    message: { ...board, content: 'Working out how the search strategies would have played this same puzzle…' },
    later: async () => keepingBoardFiles(await revealInBackground(game), board),
  };
}

export const gameHooks: MoveHooks = {
  render,
  board: (game) => boardMessage(game),
};
