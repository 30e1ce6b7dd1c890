/**
 * A stored game between moves: load it, check that this person may move on this board now, apply the
 * move through the game's pure rules, and save it (compare-and-set on the board's version) before any
 * answer goes out. Two racing clicks on one board make one move; the second is told the board moved on.
 *
 * A stored session is the game's own state plus what a mode adds around it: a group round's players
 * and clock, or the optimiser's moves in a race. The game rules never see the mode.
 */
import { randomInt } from 'node:crypto';
import { UserError } from '../../src/command-layer/errors.js';
import { parseSmallInt } from '../../src/command-layer/custom-id.js';
import { reply, type AppServices, type CommandResponse, type ComponentRequest, type MessageView, type Person } from '../../src/command-layer/types.js';
import { GAMES, isGameId } from '../../src/games/index.js';
import { MoveError, type AnyGameRules, type GameId, type GameState, type MoveInput } from '../../src/games/types.js';
import type { Params } from '../../src/search/types.js';
import type { GameMode, GameRecord, NewGameRecord } from '../../src/storage/index.js';

/** Game ids are the store's 10 base62 characters; anything else in a custom id is forged. */
export const GAME_ID_PATTERN = /^[0-9A-Za-z]{10}$/;

/** Group rounds: each player's own budget, and how many may join one board. */
export const GROUP_MOVES_PER_PLAYER = 3;
export const MAX_GROUP_PLAYERS = 25;

export interface GroupRound {
  hostId: string;
  perPlayer: number;
  /** ISO time the round closes. */
  endsAt: string;
  /** In the order they joined (by making a first move). */
  players: Person[];
  /** Who made each move, by move index. */
  movers: string[];
  endedBy?: 'time' | 'host' | 'budgets' | 'target';
}

export interface RaceTrial {
  params: Params;
  value: number;
}

export interface Race {
  /** The engine strategy racing the player: Bayesian optimisation, or for the lock the exact reasoner. */
  opponent: 'bayes' | 'lock-reasoner';
  trials: RaceTrial[];
  winner?: 'player' | 'optimiser' | 'tie';
}

export interface StoredSession {
  game: GameState<unknown, unknown>;
  group?: GroupRound;
  race?: Race;
  /** The Discord interaction that saved this version, so a second process handling it knows it was made. */
  savedBy?: string;
}

export interface GameView {
  record: GameRecord;
  rules: AnyGameRules;
  /** The game's own state. */
  state: GameState<unknown, unknown>;
  session: StoredSession;
}

export interface BoardRef {
  gameId: string;
  version: number;
}

/** Reads the game id and board version at the front of a custom id's arguments. */
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

export function viewOf(record: GameRecord): GameView {
  if (!isGameId(record.game)) throw new Error(`stored game ${record.id} has unknown kind ${record.game}`);
  const session = record.state as StoredSession;
  return { record, rules: GAMES[record.game], state: session.game, session };
}

export async function loadGame(app: AppServices, gameId: string): Promise<GameView> {
  const record = await app.storage.games.get(gameId);
  if (!record) throw new UserError('I cannot find that game any more. Start a new one with /play.');
  return viewOf(record);
}

/**
 * Whether the game is still open for moves. A group round that ends on its clock or by its host also
 * leaves the game's own state finished (see endRound), so the state alone tells.
 */
export function isOpen(game: GameView): boolean {
  return game.record.status === 'active' && game.state.status === 'playing';
}

export function movesBy(group: GroupRound, playerId: string): number {
  return group.movers.filter((id) => id === playerId).length;
}

/** How a board that refuses a click shows itself: privately, as it is now. */
export type BoardRenderer = (game: GameView) => MessageView;

const privately = (message: MessageView, note: string): CommandResponse => reply({ ...message, content: note, ephemeral: true });

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
  const { record, session } = game;
  if (!session.group && record.ownerId !== request.user.id) {
    throw new UserError(`This is someone else's game. Start your own with \`/play ${record.game}\`.`);
  }
  if (!isOpen(game)) throw new UserError('This game is over.', privately(board(game), 'This game is over. Here is how it ended:'));
  if (record.version !== version) {
    throw new UserError('That board was out of date.', privately(board(game), 'That board was out of date, so nothing happened. This is the game now:'));
  }
  if (spendsMove && session.group && movesBy(session.group, request.user.id) >= session.group.perPlayer) {
    throw new UserError(`You have made your ${session.group.perPlayer} ${session.group.perPlayer === 1 ? 'move' : 'moves'} in this round. Watch the others, or start your own with \`/play ${record.game}\`.`);
  }
}

export type MoveAction = { kind: 'move'; input: MoveInput } | { kind: 'give-up' } | { kind: 'end-round' };

export interface MoveHooks {
  /** The board after the move; `later` carries the reveal when the game has ended. */
  render(game: GameView): { message: MessageView; later?: () => Promise<MessageView> };
  board: BoardRenderer;
  /** The optimiser's answering move in a race. */
  raceMove?(game: GameView, session: StoredSession): StoredSession;
}

/** A group round's clock, checked whenever someone touches the board. */
export function closeIfTimeUp(session: StoredSession, now: Date): StoredSession {
  const group = session.group;
  if (!group || group.endedBy || now.getTime() < Date.parse(group.endsAt)) return session;
  return endRound(session, 'time');
}

export function endRound(session: StoredSession, endedBy: NonNullable<GroupRound['endedBy']>): StoredSession {
  const game = session.game.status === 'playing' ? { ...session.game, status: 'spent' as const } : session.game;
  return { ...session, game, group: session.group && { ...session.group, endedBy } };
}

function applyToGroup(session: StoredSession, mover: Person, before: number): StoredSession {
  const group = session.group;
  if (!group) return session;
  const moved = session.game.history.length > before;
  const players = group.players.some((p) => p.id === mover.id) ? group.players : [...group.players, mover];
  const next: StoredSession = { ...session, group: { ...group, players, movers: moved ? [...group.movers, mover.id] : group.movers } };
  if (session.game.status === 'won') return { ...next, group: { ...next.group!, endedBy: 'target' } };
  // Every player spent is an ending only once two have played, so a quick first player cannot end it alone.
  // Stand-ins count as having played (someone did), but their unspent budgets hold nothing up.
  const people = next.group!.players.filter((p) => !isStandIn(p));
  const spent = next.group!.players.length >= 2 && people.every((p) => movesBy(next.group!, p.id) >= group.perPlayer);
  return spent ? endRound(next, 'budgets') : next;
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
 * Applies a move, a give-up or a host's End and saves it; the answer is the new board. `boardMessageId`
 * is the message the board sits on, remembered so a job can close the round on time without a click.
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
  const { rules, record } = game;
  let session = closeIfTimeUp(game.session, app.now());
  const closedByClock = session !== game.session;
  if (!closedByClock) {
    try {
      if (action.kind === 'end-round') session = endRound(session, 'host');
      else {
        const before = session.game.history.length;
        const next =
          action.kind === 'give-up' ? rules.giveUp(session.game) : rules.play(session.game, rules.parseMove(action.input, session.game)).state;
        session = applyToGroup({ ...session, game: next }, mover, before);
        if (hooks.raceMove) session = hooks.raceMove({ ...game, session, state: session.game }, session);
      }
    } catch (error) {
      if (error instanceof MoveError) throw new UserError(error.message, undefined, error.field);
      throw error;
    }
  }
  const finished = session.game.status !== 'playing';
  const score = rules.outcome(session.game).score;
  const saved = await app.storage.games.update(record.id, record.version, {
    state: { ...session, savedBy: interactionId },
    status: finished ? 'finished' : 'active',
    score: finished ? score : null,
    messageId: record.messageId ?? boardMessageId,
    // A newcomer to the round is remembered, so /privacy forget can find the rounds someone joined.
    players: joinedNow(game.session, session, mover) ? [mover.id] : undefined,
  });
  if (!saved) {
    const current = await loadGame(app, record.id);
    const madeElsewhere = savedByThisInteraction(current, interactionId, hooks);
    if (madeElsewhere) return madeElsewhere;
    throw new UserError('Someone moved first.', privately(hooks.board(current), 'That board changed while you moved, so your move was not made. This is the game now:'));
  }
  const view = viewOf(saved);
  if (finished) await recordResults(app, view, score);
  const { message, later } = hooks.render(view);
  const timeWasUp = closedByClock && action.kind !== 'end-round';
  return { kind: 'update', message: timeWasUp ? { ...message, content: 'Time was up before that move, so the round is over.' } : message, later };
}

function joinedNow(before: StoredSession, after: StoredSession, mover: Person): boolean {
  const isIn = (session: StoredSession) => session.group?.players.some((p) => p.id === mover.id) === true;
  return isIn(after) && !isIn(before);
}

/** How someone who asked to be forgotten appears in a round that others played with them. */
export const FORMER_PLAYER_PREFIX = 'former-player-';

/** Stand-ins hold a forgotten person's moves, not a person: no results, and no budget the round waits on. */
export function isStandIn(player: Person): boolean {
  return player.id.startsWith(FORMER_PLAYER_PREFIX);
}

/**
 * A stored session without one person: in a group round their id and name become a numbered stand-in,
 * so the others keep their round, its scoreboard and its reveal, and nothing names the person. Only
 * rounds others host come here: the person's own games are deleted instead.
 */
export function withoutPlayer(state: unknown, userId: string): unknown {
  const session = state as StoredSession | null;
  const group = session?.group;
  if (!session || !group || !group.players.some((p) => p.id === userId)) return state;
  const number = group.players.filter(isStandIn).length + 1;
  const standIn: Person = { id: `${FORMER_PLAYER_PREFIX}${number}`, name: `Former player ${number}` };
  return {
    ...session,
    group: {
      ...group,
      players: group.players.map((p) => (p.id === userId ? standIn : p)),
      movers: group.movers.map((id) => (id === userId ? standIn.id : id)),
    },
  };
}

/** One result per player for leaderboards, streaks and stats; recording twice changes nothing. */
export async function recordResults(app: AppServices, game: GameView, score: number): Promise<void> {
  const { record, session, rules } = game;
  const won = session.game.status === 'won' && (!session.race || session.race.winner !== 'optimiser');
  const players = session.group ? session.group.players.filter((p) => !isStandIn(p)).map((p) => p.id) : [record.ownerId];
  for (const userId of players) {
    await app.storage.results.record({
      gameRecordId: record.id,
      userId,
      guildId: record.guildId,
      game: rules.id,
      mode: record.mode,
      score,
      won,
      moves: session.group ? movesBy(session.group, userId) : session.game.history.length,
      finishedAt: app.now(),
    });
  }
}

/** Each move's quality for share lines: 1 when it beat every earlier move (or won), ½ when close, else 0. */
export function moveQualities(game: GameView): number[] {
  let best = -Infinity;
  return game.state.history.map((turn, i) => {
    const reading = game.rules.reading(turn);
    const won = game.state.status === 'won' && i === game.state.history.length - 1;
    const quality = won || reading > best ? 1 : reading >= best * 0.9 ? 0.5 : 0;
    best = Math.max(best, reading);
    return quality;
  });
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
  request: { user: Person; guildId: string | null; channelId: string | null };
  /** For group rounds: how long the round stays open. */
  minutes?: number;
}

/** A new game's stored form: the game's first state wrapped in what its mode adds. */
export function newGameRecord(app: AppServices, rules: AnyGameRules, options: NewGame): NewGameRecord {
  let game: GameState<unknown, unknown>;
  try {
    game = rules.start({ seed: options.seed, difficulty: options.difficulty });
  } catch (error) {
    if (error instanceof MoveError) throw new UserError(error.message);
    throw error;
  }
  const session: StoredSession = { game };
  if (options.mode === 'group') {
    // The group's moves all land in one game; its budget is every player's budget together.
    session.game = { ...game, budget: GROUP_MOVES_PER_PLAYER * MAX_GROUP_PLAYERS };
    session.group = {
      hostId: options.request.user.id,
      perPlayer: GROUP_MOVES_PER_PLAYER,
      endsAt: new Date(app.now().getTime() + (options.minutes ?? 10) * 60_000).toISOString(),
      players: [],
      movers: [],
    };
  }
  if (options.mode === 'race') session.race = { opponent: rules.id === 'lock' ? 'lock-reasoner' : 'bayes', trials: [] };
  return {
    game: options.game,
    mode: options.mode,
    ownerId: options.request.user.id,
    guildId: options.request.guildId,
    channelId: options.request.channelId,
    seed: game.seed,
    difficulty: game.difficulty,
    state: session,
  };
}

export async function startGame(app: AppServices, rules: AnyGameRules, options: NewGame): Promise<GameView> {
  return viewOf(await app.storage.games.create(newGameRecord(app, rules, options)));
}
