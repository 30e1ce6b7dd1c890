/**
 * A stored game between moves, as the /play command sees it: the rules live in src/play (the session
 * machine and its service); this file turns a click into an action, a refusal into what the player
 * reads, and the saved session into the board. Two racing clicks on one board make one move; the
 * second is told the board moved on.
 */
import { randomInt } from 'node:crypto';
import { UserError } from '../../src/command-layer/errors.js';
import { parseSmallInt } from '../../src/command-layer/custom-id.js';
import { reply, type AppServices, type CommandResponse, type ComponentRequest, type MessageView, type Person } from '../../src/command-layer/types.js';
import { MoveError, type GameId, type MoveInput } from '../../src/games/types.js';
import type { GameMode } from '../../src/storage/index.js';
import { playAction, playSession, startGame as startStoredGame, type StoredGame } from '../../src/play/service.js';
import { viewOf } from '../views/stored-game.js';
import { refusalFor, type Refusal } from '../../src/play/step.js';

/** Game ids are the store's 10 base62 characters; anything else in a custom id is forged. */
export const GAME_ID_PATTERN = /^[0-9A-Za-z]{10}$/;

/** A stored game, read and checked: the row, its rules, the game's own state and the whole session. */
export type GameView = StoredGame;

export interface BoardRef {
  gameId: string;
  version: number;
}

/**
 * The game and board version every board control carries first. `extra` is how many arguments the
 * control adds after them; an id with any other count is not one of ours.
 */
export function parseBoardRef(args: readonly string[], extra = 0): BoardRef | undefined {
  if (args.length !== 2 + extra) return undefined;
  const [gameId, versionText] = args;
  const version = parseSmallInt(versionText, 0, 999_999);
  if (!gameId || !GAME_ID_PATTERN.test(gameId) || version === undefined) return undefined;
  return { gameId, version };
}

/** Reading a stored game for a person: shared with other commands (commands/views), re-exported for /play's own modules. */
export { viewOf };

export async function loadGame(app: AppServices, gameId: string): Promise<GameView> {
  const record = await app.storage.games.get(gameId);
  if (!record) throw new UserError('I cannot find that game any more. Start a new one with /play.');
  return viewOf(record, app);
}

/**
 * Whether the game is still open for moves. A group round that ends on its clock or by its host also
 * leaves the game's own state finished, so the state alone tells.
 */
export function isOpen(game: GameView): boolean {
  return game.record.status === 'active' && game.state.status === 'playing';
}

/** How a board that refuses a click shows itself: privately, as it is now. */
export type BoardRenderer = (game: GameView) => MessageView;

const privately = (message: MessageView, note: string): CommandResponse => reply({ ...message, content: note, ephemeral: true });

/** A refusal of the session machine in the player's words; a finished game shows how it ended. */
function refusalError(refusal: Refusal, game: GameView, board: BoardRenderer): UserError {
  const { record } = game;
  switch (refusal.code) {
    case 'not-yours':
      return new UserError(`This is someone else's game. Start your own with \`/play ${record.game}\`.`);
    case 'game-over':
      return new UserError('This game is over.', privately(board(game), 'This game is over. Here is how it ended:'));
    case 'budget-spent': {
      const moves = `${refusal.perPlayer} ${refusal.perPlayer === 1 ? 'move' : 'moves'}`;
      return new UserError(`You have made your ${moves} in this round. Watch the others, or start your own with \`/play ${record.game}\`.`);
    }
    case 'not-host':
      return new UserError('Only the person who started this round can end it.');
    case 'not-a-round':
      return new UserError('Only a group round has an End button.');
    case 'no-give-up-in-rounds':
      return new UserError('A group round has no Give up: play your moves, or let the host end the round.');
    case 'invalid-move':
      return new UserError(refusal.message, undefined, refusal.field);
  }
}

/**
 * Refuses, privately and without changing anything: someone else's solo game, a finished game, a
 * player whose group budget is spent, or a board that has moved on since it was shown (stale or doubled
 * click); the last ones show the board as it is.
 */
export function checkTurn(
  game: GameView,
  request: ComponentRequest,
  version: number,
  board: BoardRenderer,
  { spendsMove = true }: { spendsMove?: boolean } = {},
): void {
  const session = playSession(game);
  const notYours = refusalFor(session, request.user, { spendsMove: false });
  if (notYours) throw refusalError(notYours, game, board);
  if (game.record.status !== 'active') throw refusalError({ code: 'game-over' }, game, board);
  if (game.record.version !== version) {
    throw new UserError('That board was out of date.', privately(board(game), 'That board was out of date, so nothing happened. This is the game now:'));
  }
  const refusal = refusalFor(session, request.user, { spendsMove });
  if (refusal) throw refusalError(refusal, game, board);
}

export type MoveAction = { kind: 'move'; input: MoveInput } | { kind: 'give-up' } | { kind: 'end-round' };

export interface MoveHooks {
  /** The board after the move; `later` carries the reveal when the game has ended. */
  render(game: GameView): { message: MessageView; later?: () => Promise<MessageView> };
  board: BoardRenderer;
}

/**
 * Two processes on one shard both get every interaction (a deploy overlapping the old process). When the
 * other process already saved this very interaction's move, the move was made: answer with the board as
 * the other did, since Discord shows whichever answer comes first. Undefined when it is not so.
 */
export function savedByThisInteraction(game: GameView, interactionId: string | undefined, hooks: Pick<MoveHooks, 'render'>): CommandResponse | undefined {
  if (interactionId === undefined || game.session.savedBy !== interactionId) return undefined;
  const { message, later } = hooks.render(game);
  return { kind: 'update', message, later };
}

/**
 * Applies a move, a give-up or a host's End through the session machine and saves it; the answer is the
 * new board. `boardMessageId` is the message the board sits on, remembered so a job can close the round
 * on time without a click.
 */
export async function makeMove(
  app: AppServices,
  game: GameView,
  mover: Person,
  action: MoveAction,
  hooks: MoveHooks,
  boardMessageId: string | null = null,
  interactionId?: string,
): Promise<CommandResponse> {
  const by = { id: mover.id, name: mover.name };
  const played = await playAction(app.storage, game, action.kind === 'move' ? { kind: 'move', by, input: action.input } : { kind: action.kind, by }, {
    now: app.now(),
    boardMessageId,
    interactionId,
  });
  switch (played.kind) {
    case 'refused':
      throw refusalError(played.refusal, game, hooks.board);
    case 'lost-race': {
      const current = played.current ?? (await loadGame(app, game.record.id));
      const madeElsewhere = savedByThisInteraction(current, interactionId, hooks);
      if (madeElsewhere) return madeElsewhere;
      throw new UserError('Someone moved first.', privately(hooks.board(current), 'That board changed while you moved, so your move was not made. This is the game now:'));
    }
    case 'unchanged':
      throw new Error('a player’s action changed nothing');
    case 'saved': {
      const { message, later } = hooks.render(played.game);
      const timeWasUp = action.kind !== 'end-round' && played.events.some((e) => e.type === 'ended' && e.by === 'time');
      return { kind: 'update', message: timeWasUp ? { ...message, content: 'Time was up before that move, so the round is over.' } : message, later };
    }
  }
}

const SEED_WORDS = ['maple', 'comet', 'pebble', 'otter', 'cocoa', 'violin', 'lantern', 'meadow', 'falcon', 'ember', 'quartz', 'willow'];

/**
 * A short, readable seed for a new puzzle when the player names none; friends can type it back. It only
 * picks which puzzle to play; everything inside the puzzle is derived from it through seedrandom.
 */
export function freshSeed(): string {
  return `${SEED_WORDS[randomInt(SEED_WORDS.length)]}-${randomInt(100, 1000)}`;
}

export interface NewGame {
  game: GameId;
  mode: GameMode;
  seed: string;
  difficulty: string | undefined;
  request: { user: Person; guildId: string | null; channelId: string | null; interactionId?: string };
  /** For group rounds: how long the round stays open. */
  minutes?: number;
}

export async function startGame(app: AppServices, options: NewGame): Promise<GameView> {
  const { request } = options;
  try {
    return await startStoredGame(
      app.storage,
      {
        game: options.game,
        mode: options.mode,
        seed: options.seed,
        difficulty: options.difficulty,
        owner: request.user,
        guildId: request.guildId,
        channelId: request.channelId,
        ...(options.minutes === undefined ? {} : { minutes: options.minutes }),
        // A second bot process handling the same /play gets the first one's game, not a second game.
        createdByInteraction: request.interactionId,
      },
      app.now(),
    );
  } catch (error) {
    if (error instanceof MoveError) throw new UserError(error.message);
    throw error;
  }
}
