/**
 * What a move answers with: the board as it stands, and once the game has ended, the reveal as a later
 * edit of the same message (replays and pictures can take a moment).
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import type { GameId, GameState } from '../../src/games/types.js';
import { dayOfDailySeed } from '../../src/social/daily-puzzles.js';
import { utcDay } from '../../src/social/days.js';
import { shareLine } from '../../src/social/share.js';
import { boardMessage } from './board.js';
import { raceMove } from './race.js';
import { revealInBackground } from './reveal-pool.js';
import { revealView } from './reveal-view.js';
import { isOpen, moveQualities, type GameView, type MoveHooks } from './session.js';

/** The board; once the game has ended, the reveal follows as a later edit. */
export function render(game: GameView): { message: MessageView; later?: () => Promise<MessageView> } {
  const board = boardMessage(game);
  if (isOpen(game)) return { message: board };
  return {
    message: { ...board, content: 'Working out how the search strategies would have played this same puzzle…' },
    later: () => revealInBackground(game),
  };
}

/**
 * The strategies get the same number of tries the player (or the whole group) used, so a group round
 * is compared with grid, random and Bayesian search at the same total number of evaluations.
 */
function revealedState(game: GameView): GameState<unknown, unknown> {
  if (!game.session.group) return game.state;
  return { ...game.state, budget: Math.max(1, game.state.history.length) };
}

/** The spoiler-free line a daily player shares: squares per move, the day's number, the score. */
export function dailyShareLine(game: GameView): string {
  const line = shareLine({
    game: game.rules.id as GameId,
    day: dayOfDailySeed(game.record.seed) ?? utcDay(game.record.createdAt),
    score: game.record.score ?? game.rules.outcome(game.state).score,
    history: moveQualities(game),
  });
  return `\`\`\`\n${line}\n\`\`\``;
}

export function revealedBoard(game: GameView): MessageView {
  const board = boardMessage(game);
  const view = revealView(revealedState(game));
  const [embed] = board.embeds ?? [];
  const summary = game.record.mode === 'daily' ? `${view.summary}\nShare your result:\n${dailyShareLine(game)}` : view.summary;
  const groupNote = game.session.group
    ? [{ name: 'A group is a search too', value: clip(GROUP_NOTE, LIMITS.fieldValue) }]
    : [];
  return {
    ...board,
    content: clip(summary, LIMITS.content),
    embeds: [
      {
        ...embed,
        fields: [...(embed?.fields ?? []), ...view.fields, ...groupNote].slice(0, LIMITS.embedFields),
        imageFile: view.imageFile,
      },
    ],
    files: [...(board.files ?? []), ...view.files],
    rows: [[{ type: 'button', customId: encodeCustomId('play', 'why', game.record.id), label: 'Why?', style: 'primary' }]],
  };
}

const GROUP_NOTE =
  'Everyone guessed on their own, so together you were a random search run in parallel: many tries at ' +
  'once, but no try learned from the others. Press **Why?**, or `/explain topic:parallel-search`, for more at your level.';

export const gameHooks: MoveHooks = {
  render,
  board: (game) => boardMessage(game),
  raceMove,
};
