/**
 * Settings read once from the environment at start-up. Every problem is reported at once, each with
 * the variable's name and how to fix it, so a first-time host fixes .env in one pass.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
export const DEFAULT_DATABASE_PATH = 'data/tuning-fork.db';
export const DEFAULT_CONSOLE_FILES_DIR = 'out';
export const DEFAULT_DATABASE_POOL_SIZE = 10;
export const DEFAULT_WEB_PORT = 3000;
const MAX_PORT = 65_535;
const MAX_DATABASE_POOL_SIZE = 100;
const MAX_SHARDS = 10_000;
/** Far longer than a post takes (seconds, even queued behind Discord's rate limits), short enough to retry the same hour. */
export const DEFAULT_DAILY_POST_LEASE_SECONDS = 300;
const MAX_DAILY_POST_LEASE_SECONDS = 3600;

export interface DiscordSettings {
  readonly token: string;
  readonly clientId: string;
  /** Set while developing: commands register to this one server, where they appear at once. */
  readonly guildId: string | undefined;
  readonly apiUrl: string;
  /** How many shards in all: Discord's recommendation (`auto`), or a fixed count. */
  readonly shards: 'auto' | number;
  /** The shards this machine runs; undefined for all of them. */
  readonly shardIds: readonly number[] | undefined;
}

/** SQLite in one file by default; PostgreSQL when DATABASE_URL is set, so several processes can share it. */
export type DatabaseSettings =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };

/**
 * The playground's web server. `port` 0 lets the system pick a free port (tests run several bots at once);
 * undefined means the server is off (`WEB_PORT=off`).
 */
export interface WebSettings {
  readonly port: number | undefined;
  /** The public address links point to (the replay button); undefined means no links are offered. */
  readonly baseUrl: string | undefined;
  /** Exchanges an Activity's OAuth2 code at `POST /api/token`; undefined turns that route off. */
  readonly clientSecret: string | undefined;
}

interface SharedSettings {
  readonly database: DatabaseSettings;
  readonly web: WebSettings;
  /** Where the console saves pictures and sounds it would attach on Discord. */
  readonly consoleFilesDir: string;
  /** Keep every strum's sound in the console, not only each game's latest. */
  readonly consoleKeepClips: boolean;
  readonly logLevel: LogLevel;
  /**
   * The key daily seeds and daily attempt marks are derived with; undefined means the bot generates one
   * and keeps it in its database.
   */
  readonly dailySecret: string | undefined;
  /**
   * How long a process's claim on a daily post holds without renewal; the holder renews it while its post
   * is under way, so only a process that died loses its claim, this long after its last renewal.
   */
  readonly dailyPostLeaseMs: number;
}

/** With a token the bot runs on Discord; without one it talks in the terminal. */
export type Config = SharedSettings &
  ({ readonly mode: 'discord'; readonly discord: DiscordSettings } | { readonly mode: 'console'; readonly discord: undefined });

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Tuning Fork cannot start; fix these settings in .env (see .env.example):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;
export const DAILY_SECRET_MIN_LENGTH = 16;

// Empty strings count as unset, so a copied .env.example with blank lines behaves like no variable at all.
const optionalText = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().optional());

const envSchema = z
  .object({
    DISCORD_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^\S+$/, {
          error: 'DISCORD_TOKEN contains spaces: copy the token again from the Developer Portal (Bot, Reset Token) into .env',
        })
        .optional(),
    ),
    DISCORD_CLIENT_ID: optionalText.pipe(
      z
        .string()
        .regex(SNOWFLAKE, {
          error: (issue) =>
            `DISCORD_CLIENT_ID must be your application's ID, 17 to 20 digits (got "${String(issue.input)}"): copy it from the Developer Portal (General Information) into .env`,
        })
        .optional(),
    ),
    DISCORD_GUILD_ID: optionalText.pipe(
      z
        .string()
        .regex(SNOWFLAKE, {
          error: (issue) =>
            `DISCORD_GUILD_ID must be a server ID, 17 to 20 digits (got "${String(issue.input)}"): in Discord turn on Developer Mode, right-click the server and choose Copy Server ID, or leave it empty to register commands everywhere`,
        })
        .optional(),
    ),
    DISCORD_API_URL: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          error: (issue) =>
            `DISCORD_API_URL must be an http(s) URL such as ${DEFAULT_DISCORD_API_URL} (got "${String(issue.input)}"): fix it, or leave it empty for Discord itself`,
        })
        .optional(),
    ),
    DAILY_SECRET: optionalText.pipe(
      z
        .string()
        .min(DAILY_SECRET_MIN_LENGTH, {
          // The value itself is never repeated: it is a secret, even a bad one.
          error: (issue) =>
            `DAILY_SECRET must be at least ${DAILY_SECRET_MIN_LENGTH} characters (got ${String((issue.input as string).length)}): use a long random string such as the output of \`openssl rand -hex 32\`, or leave it empty and the bot keeps one of its own in the database`,
        })
        .optional(),
    ),
    DISCORD_SHARDS: optionalText.pipe(
      z
        .string()
        .refine((text) => text === 'auto' || (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SHARDS), {
          error: (issue) =>
            `DISCORD_SHARDS must be auto or a whole number from 1 to ${MAX_SHARDS} (got "${String(issue.input)}"): fix it, or leave it empty for Discord's recommendation`,
        })
        .transform((text) => (text === 'auto' ? ('auto' as const) : Number(text)))
        .optional(),
    ),
    DISCORD_SHARD_IDS: optionalText.pipe(
      z
        .string()
        .refine((text) => /^\d+(\s*,\s*\d+)*$/.test(text), {
          error: (issue) =>
            `DISCORD_SHARD_IDS must be shard numbers separated by commas, such as 0,1 (got "${String(issue.input)}"): fix it, or leave it empty to run every shard here`,
        })
        .transform((text) => [...new Set(text.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b))
        .optional(),
    ),
    DATABASE_PATH: optionalText,
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .refine(isPostgresUrl, {
          error: (issue) =>
            `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/tuning_fork (got "${redactPassword(String(issue.input))}"): fix it, or leave it empty to use SQLite at DATABASE_PATH`,
        })
        .optional(),
    ),
    DATABASE_POOL_SIZE: optionalText.pipe(
      z
        .string()
        .refine((text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_DATABASE_POOL_SIZE, {
          error: (issue) =>
            `DATABASE_POOL_SIZE must be a whole number from 1 to ${MAX_DATABASE_POOL_SIZE} (got "${String(issue.input)}"): fix it, or leave it empty for ${DEFAULT_DATABASE_POOL_SIZE} connections`,
        })
        .transform(Number)
        .optional(),
    ),
    WEB_PORT: optionalText.pipe(
      z
        .string()
        .refine((text) => text === 'off' || (/^\d+$/.test(text) && Number(text) <= MAX_PORT), {
          error: (issue) =>
            `WEB_PORT must be a port number from 0 to ${MAX_PORT} (0 picks a free one) or off (got "${String(issue.input)}"): fix it, or leave it empty for ${DEFAULT_WEB_PORT}`,
        })
        .transform((text) => (text === 'off' ? ('off' as const) : Number(text)))
        .optional(),
    ),
    WEB_BASE_URL: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          error: (issue) =>
            `WEB_BASE_URL must be the http(s) address people reach the web server at, such as https://fork.example.org (got "${String(issue.input)}"): fix it, or leave it empty to offer no links`,
        })
        .optional(),
    ),
    DISCORD_CLIENT_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^\S+$/, {
          error: 'DISCORD_CLIENT_SECRET contains spaces: copy it again from the Developer Portal (OAuth2, Client Secret) into .env',
        })
        .optional(),
    ),
    DAILY_POST_LEASE_SECONDS: optionalText.pipe(
      z
        .string()
        .refine((text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_DAILY_POST_LEASE_SECONDS, {
          error: (issue) =>
            `DAILY_POST_LEASE_SECONDS must be a whole number of seconds from 1 to ${MAX_DAILY_POST_LEASE_SECONDS} (got "${String(issue.input)}"): fix it, or leave it empty for ${DEFAULT_DAILY_POST_LEASE_SECONDS}`,
        })
        .transform(Number)
        .optional(),
    ),
    CONSOLE_FILES_DIR: optionalText,
    CONSOLE_KEEP_CLIPS: optionalText.pipe(
      z
        .enum(['true', 'false', '1', '0', 'yes', 'no'], {
          error: (issue) => `CONSOLE_KEEP_CLIPS must be true or false (got "${String(issue.input)}"): fix it, or leave it empty to keep only each game's latest sound`,
        })
        .optional(),
    ),
    LOG_LEVEL: optionalText.pipe(
      z
        .enum(LOG_LEVELS, {
          error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${String(issue.input)}"): fix it, or leave it empty for the default`,
        })
        .optional(),
    ),
  });

/**
 * Reads and checks the settings. Throws ConfigError naming every bad variable.
 *
 * LOG_LEVEL defaults to `info` on Discord and to `warn` in the console, where logs share the terminal
 * with the conversation and only trouble is worth showing.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  // Checked on the raw values so this shows up alongside any other problem, not only once they are fixed.
  if (isSet(env.DISCORD_TOKEN) && !isSet(env.DISCORD_CLIENT_ID)) {
    problems.push(
      "DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set: copy your application's ID from the Developer Portal (General Information) into .env",
    );
  }
  if (parsed.success) {
    const { DISCORD_SHARDS: shards, DISCORD_SHARD_IDS: ids } = parsed.data;
    const beyond = typeof shards === 'number' ? (ids ?? []).filter((id) => id >= shards) : [];
    if (beyond.length > 0) {
      problems.push(`DISCORD_SHARD_IDS names shard ${beyond.join(', ')}, but DISCORD_SHARDS is ${String(shards)}: shard numbers run from 0 to ${Number(shards) - 1}`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const vars = parsed.data;
  const database: DatabaseSettings =
    vars.DATABASE_URL === undefined
      ? { kind: 'sqlite', path: vars.DATABASE_PATH ?? DEFAULT_DATABASE_PATH }
      : { kind: 'postgres', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE ?? DEFAULT_DATABASE_POOL_SIZE };
  const consoleFilesDir = vars.CONSOLE_FILES_DIR ?? DEFAULT_CONSOLE_FILES_DIR;
  const consoleKeepClips = ['true', '1', 'yes'].includes(vars.CONSOLE_KEEP_CLIPS ?? 'false');
  const web: WebSettings = {
    port: vars.WEB_PORT === 'off' ? undefined : (vars.WEB_PORT ?? DEFAULT_WEB_PORT),
    baseUrl: vars.WEB_BASE_URL?.replace(/\/+$/, ''),
    clientSecret: vars.DISCORD_CLIENT_SECRET,
  };
  const dailyPostLeaseMs = (vars.DAILY_POST_LEASE_SECONDS ?? DEFAULT_DAILY_POST_LEASE_SECONDS) * 1000;
  if (vars.DISCORD_TOKEN !== undefined && vars.DISCORD_CLIENT_ID !== undefined) {
    return deepFreeze({
      mode: 'discord',
      discord: {
        token: vars.DISCORD_TOKEN,
        clientId: vars.DISCORD_CLIENT_ID,
        guildId: vars.DISCORD_GUILD_ID,
        apiUrl: (vars.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
        shards: vars.DISCORD_SHARDS ?? 'auto',
        shardIds: vars.DISCORD_SHARD_IDS,
      },
      database,
      web,
      consoleFilesDir,
      consoleKeepClips,
      logLevel: vars.LOG_LEVEL ?? 'info',
      dailySecret: vars.DAILY_SECRET,
      dailyPostLeaseMs,
    });
  }
  return deepFreeze({
    mode: 'console',
    discord: undefined,
    database,
    web,
    consoleFilesDir,
    consoleKeepClips,
    logLevel: vars.LOG_LEVEL ?? 'warn',
    dailySecret: vars.DAILY_SECRET,
    dailyPostLeaseMs,
  });
}

function isPostgresUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1;
}

/** A URL's password must not reach a terminal or a log, even in an error message. */
export function redactPassword(text: string): string {
  return text.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
