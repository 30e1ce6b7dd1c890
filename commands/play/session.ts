/**
 * A stored game between moves: load it, check that this person may move on this board now, apply the
 * move through the game's pure rules, and save it (compare-and-set on the board's version) before any
 * answer goes out. Two racing clicks on one board make one move; the second is told the board moved on.
 */
import { randomInt } from 'node:crypto';
import { UserError } from '../../src/command-layer/errors.js';
import { reply, type AppServices, type CommandResponse, type ComponentRequest, type MessageView } from '../../src/command-layer/types.js';
import { GAMES, isGameId } from '../../src/games/index.js';
import { MoveError, type AnyGameRules, type GameId, type GameState, type MoveInput } from '../../src/games/types.js';
import type { GameMode, GameRecord } from '../../src/storage/index.js';
import { boardMessage, type GameView } from './board.js';

/** Game ids are the store's 10 base62 characters; anything else in a custom id is forged. */
export const GAME_ID_PATTERN = /^[0-9A-Za-z]{10}$/;

export interface BoardRef {
  gameId: string;
  version: number;
}

/** Reads the game id and board version at the front of a custom id's arguments. */
export function parseBoardRef(args: readonly string[]): BoardRef | undefined {
  const [gameId, version] = args;
  if (!gameId || !GAME_ID_PATTERN.test(gameId) || !version || !/^\d{1,6}$/.test(version)) return undefined;
  return { gameId, version: Number(version) };
}

export function viewOf(record: GameRecord): GameView {
  if (!isGameId(record.game)) throw new Error(`stored game ${record.id} has unknown kind ${record.game}`);
  return { record, rules: GAMES[record.game], state: record.state as GameState<unknown, unknown> };
}

export async function loadGame(app: AppServices, gameId: string): Promise<GameView> {
  const record = await app.storage.games.get(gameId);
  if (!record) throw new UserError('I cannot find that game any more. Start a new one with /play.');
  return viewOf(record);
}

const privately = (message: MessageView): CommandResponse => reply({ ...message, ephemeral: true });

/**
 * Refuses, privately and without changing anything: someone else's solo game, a finished game, or a
 * board that has moved on since it was shown (stale or doubled click); the last two show the board as it is.
 */
export function checkTurn(game: GameView, request: ComponentRequest, version: number): void {
  const { record } = game;
  if (record.mode !== 'group' && record.ownerId !== request.user.id) {
    throw new UserError(`This is someone else's game. Start your own with \`/play ${record.game}\`.`);
  }
  if (record.status !== 'active' || game.state.status !== 'playing') {
    throw new UserError('This game is over.', privately({ ...boardMessage(game), content: 'This game is over. Here is how it ended:' }));
  }
  if (record.version !== version) {
    throw new UserError(
      'That board was out of date.',
      privately({ ...boardMessage(game), content: 'That board was out of date, so nothing happened. This is the game now:' }),
    );
  }
}

export type MoveAction = { kind: 'move'; input: MoveInput } | { kind: 'give-up' };

/** Applies a move or a give-up and saves it; the answer is the new board (the reveal follows when it ends). */
export async function makeMove(
  app: AppServices,
  game: GameView,
  action: MoveAction,
  render: (game: GameView) => { message: MessageView; later?: () => Promise<MessageView> },
): Promise<CommandResponse> {
  const { rules, record } = game;
  let next: GameState<unknown, unknown>;
  try {
    next = action.kind === 'give-up' ? rules.giveUp(game.state) : rules.play(game.state, rules.parseMove(action.input, game.state)).state;
  } catch (error) {
    if (error instanceof MoveError) throw new UserError(error.message);
    throw error;
  }
  const outcome = rules.outcome(next);
  const finished = next.status !== 'playing';
  const saved = await app.storage.games.update(record.id, record.version, {
    state: next,
    status: finished ? 'finished' : 'active',
    score: finished ? outcome.score : null,
  });
  if (!saved) {
    const current = await loadGame(app, record.id);
    throw new UserError(
      'Someone moved first.',
      privately({ ...boardMessage(current), content: 'That board changed while you moved, so your move was not made. This is the game now:' }),
    );
  }
  const { message, later } = render(viewOf(saved));
  return { kind: 'update', message, later };
}

const SEED_WORDS = ['maple', 'comet', 'pebble', 'otter', 'cocoa', 'violin', 'lantern', 'meadow', 'falcon', 'ember', 'quartz', 'willow'];

/** A short, readable seed for a new puzzle when the player names none; friends can type it back. */
export function freshSeed(): string {
  return `${SEED_WORDS[randomInt(SEED_WORDS.length)]}-${randomInt(100, 1000)}`;
}

export interface NewGame {
  game: GameId;
  mode: GameMode;
  seed: string;
  difficulty: string | undefined;
  request: { user: { id: string }; guildId: string | null; channelId: string | null };
}

export async function startGame(app: AppServices, rules: AnyGameRules, options: NewGame): Promise<GameView> {
  let state: GameState<unknown, unknown>;
  try {
    state = rules.start({ seed: options.seed, difficulty: options.difficulty });
  } catch (error) {
    if (error instanceof MoveError) throw new UserError(error.message);
    throw error;
  }
  const record = await app.storage.games.create({
    game: options.game,
    mode: options.mode,
    ownerId: options.request.user.id,
    guildId: options.request.guildId,
    channelId: options.request.channelId,
    seed: state.seed,
    difficulty: state.difficulty,
    state,
  });
  return viewOf(record);
}
