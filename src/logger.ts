/**
 * The app's one logger. Secrets never reach the output: known token fields are redacted by path, and
 * the configured token, or anything shaped like a Discord token, is scrubbed from every line as a
 * backstop for tokens that turn up inside error messages or nested objects.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

/** Field paths whose values are secrets wherever they appear in a logged object. */
export const REDACTED_PATHS: readonly string[] = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

export const REDACTED = '[Redacted]';

/** Discord bot tokens: base64 user id, timestamp, HMAC, separated by dots. */
const DISCORD_TOKEN_SHAPE = /[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g;

/**
 * @param destination where lines go; by default stdout on Discord and stderr in the console, so logs
 *   never interleave with the conversation on stdout.
 */
export function createLogger(config: Config, destination?: DestinationStream): Logger {
  // A very short "token" is surely a placeholder; scrubbing it would garble ordinary words.
  const token = config.discord && config.discord.token.length >= 8 ? config.discord.token : undefined;
  const scrub = (line: string): string => {
    const withoutToken = token ? line.split(token).join(REDACTED) : line;
    return withoutToken.replace(DISCORD_TOKEN_SHAPE, REDACTED);
  };
  return pino(
    {
      level: config.logLevel,
      base: { app: 'tuning-fork' },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      hooks: { streamWrite: scrub },
    },
    destination ?? pino.destination({ dest: config.mode === 'console' ? 2 : 1, sync: true }),
  );
}
