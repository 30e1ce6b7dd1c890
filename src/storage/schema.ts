/**
 * The tables as Kysely sees them. Columns use only types every SQL database has (text, integer, real):
 * dates are ISO 8601 text, which sorts in time order, and JSON is text.
 */
export interface PreferencesTable {
  user_id: string;
  level: number;
  updated_at: string;
}

export interface GamesTable {
  id: string;
  game: string;
  mode: string;
  owner_id: string;
  guild_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  seed: string;
  difficulty: string;
  state: string;
  version: number;
  status: string;
  score: number | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface Database {
  preferences: PreferencesTable;
  games: GamesTable;
}
