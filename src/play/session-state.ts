/**
 * A play session as stored between moves: the game's own state plus what its mode adds (a group round's
 * players and clock, a race's optimiser moves). Stored state is an API: it carries a version and is
 * checked against a schema when read back, so a row written by another version of the bot is a clear
 * refusal, never a cast that fails three calls later.
 *
 * Version 1 is the first versioned shape. Rows written before it (version 0: the same fields, no
 * `version`) are migrated on read by `fromUnversioned`, so games in progress survive the deploy.
 */
import { z } from 'zod';
import { GAME_IDS } from '../games/types.js';
import type { GameId, GameState } from '../games/types.js';
import type { Params } from '../search/types.js';

export const SESSION_STATE_VERSION = 1;

/** Someone who plays; the name is for text only. */
export interface Player {
  readonly id: string;
  readonly name: string;
}

/** Why a group round ended, when it did. */
export type RoundEnd = 'time' | 'host' | 'budgets' | 'target';

export interface GroupRound {
  readonly hostId: string;
  /** Moves each player may make. */
  readonly perPlayer: number;
  /** ISO time the round closes. */
  readonly endsAt: string;
  /** In the order they joined (by making a first move). */
  readonly players: readonly Player[];
  /** Who made each move, by move index. */
  readonly movers: readonly string[];
  readonly endedBy?: RoundEnd;
}

/** The engine strategies a player can race; which one a game gets is a race rule (see race.ts). */
const RACE_OPPONENT_NAMES = ['bayes', 'lock-reasoner'] as const;
export type RaceOpponentName = (typeof RACE_OPPONENT_NAMES)[number];

export interface RaceTrial {
  readonly params: Params;
  readonly value: number;
}

export type RaceWinner = 'player' | 'optimiser' | 'tie';

export interface Race {
  readonly opponent: RaceOpponentName;
  readonly trials: readonly RaceTrial[];
  readonly winner?: RaceWinner;
}

export interface SessionState {
  readonly version: typeof SESSION_STATE_VERSION;
  readonly game: GameState<unknown, unknown>;
  readonly group?: GroupRound;
  readonly race?: Race;
  /**
   * The Discord interaction that saved this version. Two processes on one shard both receive every
   * interaction; the slower finds its own interaction here and knows the move was made.
   */
  readonly savedBy?: string;
}

const playerSchema = z.object({ id: z.string().min(1), name: z.string() });

const gameStateSchema = z.looseObject({
  game: z.enum(GAME_IDS as readonly [GameId, ...GameId[]]),
  seed: z.string(),
  difficulty: z.string(),
  budget: z.number().int().positive(),
  status: z.enum(['playing', 'won', 'spent', 'gave-up']),
  // Each game's moves and feedback have their own shapes; the rules that wrote them read them.
  history: z.array(z.looseObject({ move: z.unknown(), feedback: z.unknown() })),
});

const groupSchema = z.object({
  hostId: z.string().min(1),
  perPlayer: z.number().int().positive(),
  endsAt: z.iso.datetime(),
  players: z.array(playerSchema),
  movers: z.array(z.string()),
  endedBy: z.enum(['time', 'host', 'budgets', 'target']).optional(),
});

const raceSchema = z.object({
  opponent: z.enum(RACE_OPPONENT_NAMES),
  trials: z.array(z.object({ params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])), value: z.number() })),
  winner: z.enum(['player', 'optimiser', 'tie']).optional(),
});

const sessionSchema = z.object({
  version: z.literal(SESSION_STATE_VERSION),
  game: gameStateSchema,
  group: groupSchema.optional(),
  race: raceSchema.optional(),
  savedBy: z.string().min(1).optional(),
});

/** Why a stored session could not be read. */
export type UnreadableReason = 'older-version' | 'newer-version' | 'corrupt' | 'not-this-game';

export type SessionRead = { readonly ok: true; readonly state: SessionState } | { readonly ok: false; readonly reason: UnreadableReason; readonly detail: string };

/** Version 0 had the same fields without a version: adding it is the whole migration. */
function fromUnversioned(legacy: Record<string, unknown>): Record<string, unknown> {
  return { ...legacy, version: 1 };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a stored session back, migrating older versions. */
export function parseSessionState(raw: unknown): SessionRead {
  if (!isRecord(raw)) return { ok: false, reason: 'corrupt', detail: 'the stored state is not an object' };
  const version = raw.version;
  if (typeof version === 'number' && version > SESSION_STATE_VERSION) {
    return { ok: false, reason: 'newer-version', detail: `state version ${version}, this bot reads up to ${SESSION_STATE_VERSION}` };
  }
  const current = version === undefined ? fromUnversioned(raw) : raw;
  const parsed = sessionSchema.safeParse(current);
  if (!parsed.success) {
    const reason = version === undefined ? 'older-version' : 'corrupt';
    return { ok: false, reason, detail: z.prettifyError(parsed.error) };
  }
  return { ok: true, state: parsed.data as SessionState };
}

/** Reads a stored session and checks it belongs to the row it came from, so one game's state never drives another. */
export function readSessionState(raw: unknown, row: { readonly game: string; readonly seed: string }): SessionRead {
  const read = parseSessionState(raw);
  if (!read.ok) return read;
  const { game } = read.state;
  if (game.game !== row.game || game.seed !== row.seed) {
    return { ok: false, reason: 'not-this-game', detail: `state of ${game.game}/${game.seed} in a ${row.game}/${row.seed} row` };
  }
  return read;
}
