/**
 * The rules of a play session as one pure function: `step(session, action, now)` returns the session
 * after the action and what happened, as events. Solo games, group rounds and races all go through it;
 * the game's own rules never see the mode. Nothing here knows of storage, Discord or the console: the
 * service saves the session and records the results the events name, front ends say the events aloud.
 *
 * A refused action leaves the session as it was and says why (`refused`); nothing is to be saved.
 */
import { GAMES } from '../games/index.js';
import { MoveError, type GameState, type MoveInput } from '../games/types.js';
import type { Params } from '../search/types.js';
import { optimiserReply, raceOpponentFor } from './race.js';
import { SESSION_STATE_VERSION, type GroupRound, type Player, type RaceWinner, type RoundEnd, type SessionState } from './session-state.js';

/** Group rounds: each player's own budget, and how many may join one board. */
const GROUP_MOVES_PER_PLAYER = 3;
const MAX_GROUP_PLAYERS = 25;

/** A session and who it belongs to: the owner plays a solo game or race, and hosts a group round. */
export interface PlaySession {
  readonly ownerId: string;
  readonly state: SessionState;
}

export type PlayAction =
  | { readonly kind: 'move'; readonly by: Player; readonly input: MoveInput }
  | { readonly kind: 'give-up'; readonly by: Player }
  /** The host closes a group round early. */
  | { readonly kind: 'end-round'; readonly by: Player }
  /** Nobody clicked: a group round's clock is checked (by a scheduled job). */
  | { readonly kind: 'check-clock' };

/** Why a session ended. */
export type EndReason =
  /** The player (or the group) reached the game's win. */
  | 'target'
  /** The game's budget ran out. */
  | 'out-of-moves'
  | 'gave-up'
  /** The optimiser reached the finish line first in a race. */
  | 'optimiser'
  /** Group rounds: the clock ran out, the host ended it, every player spent their moves. */
  | 'time'
  | 'host'
  | 'budgets';

export type Refusal =
  | { readonly code: 'not-yours' }
  | { readonly code: 'game-over' }
  | { readonly code: 'budget-spent'; readonly perPlayer: number }
  | { readonly code: 'not-host' }
  | { readonly code: 'not-a-round' }
  | { readonly code: 'no-give-up-in-rounds' }
  | { readonly code: 'invalid-move'; readonly message: string; readonly field?: string };

export type PlayEvent =
  | { readonly type: 'joined'; readonly player: Player }
  | { readonly type: 'moved'; readonly by: string; readonly moveIndex: number }
  | { readonly type: 'optimiser-moved'; readonly params: Params; readonly value: number }
  | { readonly type: 'race-decided'; readonly winner: RaceWinner }
  | { readonly type: 'ended'; readonly by: EndReason }
  /** One per player once the session has ended, for leaderboards, streaks and stats. */
  | { readonly type: 'result'; readonly userId: string; readonly score: number; readonly won: boolean; readonly moves: number }
  | { readonly type: 'refused'; readonly refusal: Refusal };

export interface StepResult {
  readonly session: PlaySession;
  readonly events: readonly PlayEvent[];
}

/** How someone who asked to be forgotten appears in a round that others played with them. */
export const FORMER_PLAYER_PREFIX = 'former-player-';

/** Stand-ins hold a forgotten person's moves, not a person: no results, and no budget the round waits on. */
export function isStandIn(player: Player): boolean {
  return player.id.startsWith(FORMER_PLAYER_PREFIX);
}

function movesBy(group: GroupRound, playerId: string): number {
  return group.movers.filter((id) => id === playerId).length;
}

/** Whether the session still takes moves. A round that ended also leaves the game's own state finished. */
function isPlaying(state: SessionState): boolean {
  return state.game.status === 'playing';
}

/** The first session of a new game: its first state wrapped in what its mode adds. */
export function newSession(
  game: GameState<unknown, unknown>,
  mode: 'solo' | 'group' | 'race' | 'daily',
  options: { hostId: string; now: Date; minutes?: number },
): SessionState {
  if (mode === 'group') {
    return {
      version: SESSION_STATE_VERSION,
      // The group's moves all land in one game; its budget is every player's budget together.
      game: { ...game, budget: GROUP_MOVES_PER_PLAYER * MAX_GROUP_PLAYERS },
      group: {
        hostId: options.hostId,
        perPlayer: GROUP_MOVES_PER_PLAYER,
        endsAt: new Date(options.now.getTime() + (options.minutes ?? 10) * 60_000).toISOString(),
        players: [],
        movers: [],
      },
    };
  }
  if (mode === 'race') return { version: SESSION_STATE_VERSION, game, race: { opponent: raceOpponentFor(game.game), trials: [] } };
  return { version: SESSION_STATE_VERSION, game };
}

/**
 * Why this person may not act on the board now, or undefined when they may: someone else's solo game
 * or race, a finished game, or (for an action that spends a move) a group player whose moves are spent.
 * Front ends ask this before showing a form or turning a dial, so a refusal comes before any typing.
 */
export function refusalFor(session: PlaySession, by: Player, { spendsMove }: { spendsMove: boolean }): Refusal | undefined {
  const { group } = session.state;
  if (!group && session.ownerId !== by.id) return { code: 'not-yours' };
  if (!isPlaying(session.state)) return { code: 'game-over' };
  if (spendsMove && group && movesBy(group, by.id) >= group.perPlayer) return { code: 'budget-spent', perPlayer: group.perPlayer };
  return undefined;
}

function isTimeUp(group: GroupRound | undefined, now: Date): boolean {
  return group !== undefined && group.endedBy === undefined && now.getTime() >= Date.parse(group.endsAt);
}

/** Ends a group round, leaving its game finished too so the state alone tells it is over. */
function endRound(state: SessionState, endedBy: RoundEnd): SessionState {
  const game = state.game.status === 'playing' ? { ...state.game, status: 'spent' as const } : state.game;
  return { ...state, game, group: state.group && { ...state.group, endedBy } };
}

const refused = (session: PlaySession, refusal: Refusal): StepResult => ({ session, events: [{ type: 'refused', refusal }] });

export function step(session: PlaySession, action: PlayAction, now: Date): StepResult {
  const { state } = session;
  if (action.kind === 'check-clock') {
    if (!isPlaying(state) || !isTimeUp(state.group, now)) return { session, events: [] };
    return ended(session, endRound(state, 'time'), [], 'time');
  }
  if (!state.group && session.ownerId !== action.by.id) return refused(session, { code: 'not-yours' });
  if (!isPlaying(state)) return refused(session, { code: 'game-over' });
  // The clock is checked whenever someone touches the board: a move after time-up ends the round instead.
  if (isTimeUp(state.group, now)) return ended(session, endRound(state, 'time'), [], 'time');
  switch (action.kind) {
    case 'end-round':
      if (!state.group) return refused(session, { code: 'not-a-round' });
      if (state.group.hostId !== action.by.id) return refused(session, { code: 'not-host' });
      return ended(session, endRound(state, 'host'), [], 'host');
    case 'give-up':
      if (state.group) return refused(session, { code: 'no-give-up-in-rounds' });
      return afterPlayer(session, { ...state, game: GAMES[state.game.game].giveUp(state.game) }, []);
    case 'move':
      return move(session, action.by, action.input);
  }
}

function move(session: PlaySession, by: Player, input: MoveInput): StepResult {
  const { state } = session;
  const group = state.group;
  if (group && movesBy(group, by.id) >= group.perPlayer) return refused(session, { code: 'budget-spent', perPlayer: group.perPlayer });
  const rules = GAMES[state.game.game];
  let game: GameState<unknown, unknown>;
  try {
    game = rules.play(state.game, rules.parseMove(input, state.game)).state;
  } catch (error) {
    if (error instanceof MoveError) return refused(session, { code: 'invalid-move', message: error.message, ...(error.field === undefined ? {} : { field: error.field }) });
    throw error;
  }
  const events: PlayEvent[] = [];
  let next: SessionState = { ...state, game };
  if (group) {
    const joins = !group.players.some((p) => p.id === by.id);
    if (joins) events.push({ type: 'joined', player: by });
    next = { ...next, group: { ...group, players: joins ? [...group.players, by] : group.players, movers: [...group.movers, by.id] } };
  }
  events.push({ type: 'moved', by: by.id, moveIndex: game.history.length - 1 });
  return afterPlayer(session, next, events);
}

/** After the player's move or give-up: the group's budgets, the optimiser's answer, and any ending. */
function afterPlayer(session: PlaySession, state: SessionState, events: PlayEvent[]): StepResult {
  let next = state;
  if (next.race) {
    const reply = optimiserReply(next.game, next.race);
    for (const trial of reply.tries) events.push({ type: 'optimiser-moved', params: trial.params, value: trial.value });
    next = { ...next, race: reply.race };
    if (reply.optimiserFinished) next = { ...next, game: { ...next.game, status: 'spent' } };
    if (reply.race.winner && !state.race?.winner) events.push({ type: 'race-decided', winner: reply.race.winner });
    if (reply.optimiserFinished) return ended(session, next, events, 'optimiser');
  }
  const group = next.group;
  if (group) {
    if (next.game.status === 'won') return ended(session, { ...next, group: { ...group, endedBy: 'target' } }, events, 'target');
    // Every player spent is an ending only once two have played, so a quick first player cannot end it alone.
    // Stand-ins count as having played (someone did), but their unspent budgets hold nothing up.
    const people = group.players.filter((p) => !isStandIn(p));
    const spent = group.players.length >= 2 && people.every((p) => movesBy(group, p.id) >= group.perPlayer);
    if (spent) return ended(session, endRound(next, 'budgets'), events, 'budgets');
  }
  switch (next.game.status) {
    case 'playing':
      return { session: { ...session, state: next }, events };
    case 'won':
      return ended(session, next, events, 'target');
    case 'gave-up':
      return ended(session, next, events, 'gave-up');
    case 'spent':
      return ended(session, next, events, 'out-of-moves');
  }
}

/** The session has ended: say so, and give every player (never a stand-in) their result. */
function ended(session: PlaySession, state: SessionState, events: PlayEvent[], by: EndReason): StepResult {
  const score = GAMES[state.game.game].outcome(state.game).score;
  const won = state.game.status === 'won' && state.race?.winner !== 'optimiser';
  const results: PlayEvent[] = state.group
    ? state.group.players
        .filter((p) => !isStandIn(p))
        .map((p) => ({ type: 'result', userId: p.id, score, won, moves: movesBy(state.group!, p.id) }))
    : [{ type: 'result', userId: session.ownerId, score, won, moves: state.game.history.length }];
  return { session: { ...session, state }, events: [...events, { type: 'ended', by }, ...results] };
}
