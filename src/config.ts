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

export interface DiscordSettings {
  readonly token: string;
  readonly clientId: string;
  /** Set while developing: commands register to this one server, where they appear at once. */
  readonly guildId: string | undefined;
  readonly apiUrl: string;
}

interface SharedSettings {
  readonly databasePath: string;
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
    DATABASE_PATH: optionalText,
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
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const vars = parsed.data;
  const databasePath = vars.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  const consoleFilesDir = vars.CONSOLE_FILES_DIR ?? DEFAULT_CONSOLE_FILES_DIR;
  const consoleKeepClips = ['true', '1', 'yes'].includes(vars.CONSOLE_KEEP_CLIPS ?? 'false');
  if (vars.DISCORD_TOKEN !== undefined && vars.DISCORD_CLIENT_ID !== undefined) {
    return deepFreeze({
      mode: 'discord',
      discord: {
        token: vars.DISCORD_TOKEN,
        clientId: vars.DISCORD_CLIENT_ID,
        guildId: vars.DISCORD_GUILD_ID,
        apiUrl: (vars.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
      },
      databasePath,
      consoleFilesDir,
      consoleKeepClips,
      logLevel: vars.LOG_LEVEL ?? 'info',
      dailySecret: vars.DAILY_SECRET,
    });
  }
  return deepFreeze({ mode: 'console', discord: undefined, databasePath, consoleFilesDir, consoleKeepClips, logLevel: vars.LOG_LEVEL ?? 'warn', dailySecret: vars.DAILY_SECRET });
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
