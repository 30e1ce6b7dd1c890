/**
 * The tables as Kysely sees them. Columns use only types every SQL database has (text, integer, real):
 * dates are ISO 8601 text, which sorts in time order, and JSON is text.
 */
import type { GameId } from '../games/types.js';
import type { GameMode, GameStatus } from './types.js';

export interface PreferencesTable {
  user_id: string;
  level: number;
  updated_at: string;
}

export interface GamesTable {
  id: string;
  game: GameId;
  mode: GameMode;
  owner_id: string;
  guild_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  seed: string;
  difficulty: string;
  state: string;
  version: number;
  status: GameStatus;
  score: number | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Someone other than the owner who made moves in a game (a group round). */
export interface GamePlayersTable {
  game_id: string;
  user_id: string;
}

/** One player's result of one finished game; `won` is 0 or 1, `day` the UTC date YYYY-MM-DD. */
export interface ResultsTable {
  game_record_id: string;
  user_id: string;
  guild_id: string | null;
  game: GameId;
  mode: GameMode;
  score: number;
  won: number;
  moves: number;
  finished_at: string;
  day: string;
}

export interface GuildSettingsTable {
  guild_id: string;
  daily_channel_id: string;
  /** HH:MM, 24-hour, in `timezone`. */
  daily_time: string;
  /** An IANA time zone name. */
  timezone: string;
  updated_at: string;
}

/** A daily post claimed (then posted) for one server and one local date. */
export interface DailyPostsTable {
  guild_id: string;
  local_date: string;
  channel_id: string;
  status: string;
  attempts: number;
  message_id: string | null;
  claimed_at: string;
  posted_at: string | null;
  /** Until when the process that claimed it may post; after that another may take it over. */
  lease_until: string | null;
}

/** One person's attempt at one game's daily puzzle on one UTC day, under a keyed hash of the three. */
export interface DailyAttemptsTable {
  attempt_key: string;
  game: GameId;
  day: string;
  game_id: string | null;
}

/** Secrets the server generated for itself, by name. */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface Database {
  preferences: PreferencesTable;
  games: GamesTable;
  game_players: GamePlayersTable;
  results: ResultsTable;
  guild_settings: GuildSettingsTable;
  daily_posts: DailyPostsTable;
  daily_attempts: DailyAttemptsTable;
  server_secrets: ServerSecretsTable;
}
