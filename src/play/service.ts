/**
 * The play session machine's service: read a stored game (checked against the session schema), apply
 * one action through `step`, save it with a compare-and-set on the board's version, and record the
 * results the step hands out. It takes the storage interface, not the command layer, so any front end
 * (or a scheduled job) plays through the same code. Two racing clicks on one board make one move: the
 * second save finds the version moved on and is told so.
 */
import { GAMES, isGameId } from '../games/index.js';
import type { AnyGameRules, GameId, GameState } from '../games/types.js';
import type { GameMode, GameRecord, GameStore, NewGameRecord, ResultStore } from '../storage/types.js';
import { readSessionState, type Player, type SessionState, type UnreadableReason } from './session-state.js';
import { newSession, step, type PlayAction, type PlayEvent, type PlaySession, type Refusal } from './step.js';

/** The part of storage play needs. */
export interface PlayStore {
  readonly games: GameStore;
  readonly results: ResultStore;
}

/** A stored game as play reads it: the row, its rules, and its checked session. */
export interface StoredGame {
  readonly record: GameRecord;
  readonly rules: AnyGameRules;
  /** The game's own state (the session's `game`). */
  readonly state: GameState<unknown, unknown>;
  readonly session: SessionState;
}

/** A stored game this version of the bot cannot read: written by another version, or damaged. */
export class UnreadableGameError extends Error {
  readonly gameId: string;
  readonly reason: UnreadableReason | 'unknown-game';
  constructor(gameId: string, reason: UnreadableReason | 'unknown-game', detail: string) {
    super(`stored game ${gameId} cannot be read (${reason}): ${detail}`);
    this.name = 'UnreadableGameError';
    this.gameId = gameId;
    this.reason = reason;
  }
}

/** Reads a row's session; throws UnreadableGameError when it does not parse. */
export function readGame(record: GameRecord): StoredGame {
  if (!isGameId(record.game)) throw new UnreadableGameError(record.id, 'unknown-game', `no game called ${String(record.game)}`);
  const read = readSessionState(record.state, record);
  if (!read.ok) throw new UnreadableGameError(record.id, read.reason, read.detail);
  return { record, rules: GAMES[record.game], state: read.state.game, session: read.state };
}

export async function loadGame(store: PlayStore, gameId: string): Promise<StoredGame | undefined> {
  const record = await store.games.get(gameId);
  return record && readGame(record);
}

export function playSession(game: StoredGame): PlaySession {
  return { ownerId: game.record.ownerId, state: game.session };
}

export interface NewGameOptions {
  readonly game: GameId;
  readonly mode: GameMode;
  readonly seed: string;
  readonly difficulty: string | undefined;
  readonly owner: Player;
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** For group rounds: how long the round stays open. */
  readonly minutes?: number;
  /** The Discord interaction starting the game: a second process handling it gets the same game. */
  readonly createdByInteraction?: string | undefined;
}

/** A new game's stored form. Throws MoveError for a seed or difficulty the game refuses. */
export function newGameRecord(options: NewGameOptions, now: Date): NewGameRecord {
  const game = GAMES[options.game].start({ seed: options.seed, difficulty: options.difficulty });
  return {
    game: options.game,
    mode: options.mode,
    ownerId: options.owner.id,
    guildId: options.guildId,
    channelId: options.channelId,
    seed: game.seed,
    difficulty: game.difficulty,
    state: newSession(game, options.mode, { hostId: options.owner.id, now, ...(options.minutes === undefined ? {} : { minutes: options.minutes }) }),
    ...(options.createdByInteraction !== undefined && { createdByInteraction: options.createdByInteraction }),
  };
}

export async function startGame(store: PlayStore, options: NewGameOptions, now: Date): Promise<StoredGame> {
  return readGame(await store.games.create(newGameRecord(options, now)));
}

export type PlayOutcome =
  /** Nothing was saved; the reason is for the person who acted. */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** Nothing to do (a clock checked before its time). */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'saved'; readonly game: StoredGame; readonly events: readonly PlayEvent[] }
  /** Someone else saved first; nothing of this action was saved. `current` is the game as it is now. */
  | { readonly kind: 'lost-race'; readonly current: StoredGame | undefined };

export interface PlayOptions {
  readonly now: Date;
  /** The message the board sits on, remembered so a job can close the round on time without a click. */
  readonly boardMessageId?: string | null;
  /** The interaction acting, saved with the board (see SessionState.savedBy). */
  readonly interactionId?: string;
}


/** Applies one action to the game as it was read, saves it if it changed, and records any results. */
export async function playAction(store: PlayStore, game: StoredGame, action: PlayAction, options: PlayOptions): Promise<PlayOutcome> {
  const { session, events } = step(playSession(game), action, options.now);
  const refusal = events.find((e) => e.type === 'refused');
  if (refusal) return { kind: 'refused', refusal: refusal.refusal };
  if (events.length === 0) return { kind: 'unchanged' };
  const state = session.state;
  const finished = state.game.status !== 'playing';
  const score = game.rules.outcome(state.game).score;
  const joined = events.flatMap((e) => (e.type === 'joined' ? [e.player.id] : []));
  const { record } = game;
  const saved = await store.games.update(record.id, record.version, {
    state: { ...state, savedBy: options.interactionId },
    status: finished ? 'finished' : 'active',
    score: finished ? score : null,
    messageId: record.messageId ?? options.boardMessageId ?? null,
    // A newcomer to the round is remembered, so forgetting a person finds the rounds they joined.
    ...(joined.length > 0 ? { players: joined } : {}),
  });
  if (!saved) return { kind: 'lost-race', current: await loadGame(store, record.id) };
  for (const event of events) {
    if (event.type !== 'result') continue;
    await store.results.record({
      gameRecordId: saved.id,
      userId: event.userId,
      guildId: saved.guildId,
      game: saved.game,
      mode: saved.mode,
      score: event.score,
      won: event.won,
      moves: event.moves,
      finishedAt: options.now,
    });
  }
  return { kind: 'saved', game: readGame(saved), events };
}
