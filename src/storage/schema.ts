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
  /** The Discord interaction that created the game; unique, so a second process handling it finds this row. */
  created_by_interaction: string | null;
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

/** One answer a person gave to a quiz question; `chosen` indexes the answers as written (0 is right). */
export interface QuizAnswersTable {
  id: string;
  user_id: string;
  question_id: string;
  chosen: number;
  right: number;
  mode: string;
  set_id: string | null;
  answered_at: string;
}

/** A person's spaced-review card for one question: the scheduler's state as JSON, and when it is due. */
export interface ReviewCardsTable {
  user_id: string;
  question_id: string;
  card: string;
  due: string;
  updated_at: string;
}

/** The questions of one /quiz or /review set in play, as JSON, with a version for compare-and-set. */
export interface QuizSetsTable {
  id: string;
  owner_id: string;
  mode: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** As for games: unique, null when made without an interaction. */
  created_by_interaction: string | null;
}

/** A topic a person has read with /explain: the deepest level they read it at, and when they last did. */
export interface TopicReadsTable {
  user_id: string;
  topic: string;
  deepest_level: number;
  last_read_at: string;
}

/** A group quiz round: its state as JSON with a version for compare-and-set; phase and closes_at for the clock job. */
export interface QuizRoundsTable {
  id: string;
  guild_id: string;
  channel_id: string;
  message_id: string | null;
  host_id: string;
  phase: string;
  closes_at: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** As for games: unique, null when made without an interaction. */
  created_by_interaction: string | null;
}

export interface QuizRoundPlayersTable {
  round_id: string;
  user_id: string;
  name: string;
  joined_at: string;
}

/** A person's first answer to one question of a round; `chosen` indexes the answers as written (0 is right). */
export interface QuizRoundAnswersTable {
  round_id: string;
  question_index: number;
  user_id: string;
  chosen: number;
  right: number;
  answered_at: string;
}

export interface QuestionOfTheDaySettingsTable {
  guild_id: string;
  enabled: number;
  updated_at: string;
}

export interface QuestionOfTheDayPostsTable {
  guild_id: string;
  local_date: string;
  question_id: string;
  message_id: string | null;
  claimed_at: string;
}

export interface QuestionOfTheDayAnswersTable {
  local_date: string;
  user_id: string;
  question_id: string;
  chosen: number;
  answered_at: string;
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
  quiz_answers: QuizAnswersTable;
  review_cards: ReviewCardsTable;
  quiz_sets: QuizSetsTable;
  topic_reads: TopicReadsTable;
  quiz_rounds: QuizRoundsTable;
  quiz_round_players: QuizRoundPlayersTable;
  quiz_round_answers: QuizRoundAnswersTable;
  question_of_the_day_settings: QuestionOfTheDaySettingsTable;
  question_of_the_day_posts: QuestionOfTheDayPostsTable;
  question_of_the_day_answers: QuestionOfTheDayAnswersTable;
}
