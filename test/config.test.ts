import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const CLIENT_ID = '112233445566778899';
const GUILD_ID = '998877665544332211';
// Shaped like a real bot token (id.timestamp.hmac) but invented.
const TOKEN = 'MTEyMjMzNDQ1NTY2Nzc4ODk5.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('runs in the console with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      mode: 'console',
      discord: undefined,
      database: { kind: 'sqlite', path: 'data/tuning-fork.db' },
      web: { port: 3000, baseUrl: undefined, clientSecret: undefined },
      consoleFilesDir: 'out',
      consoleKeepClips: false,
      logLevel: 'warn',
      dailyPostLeaseMs: 300_000,
    });
  });

  it('reads the web server settings: a port, 0 or off; a public address; the client secret', () => {
    expect(loadConfig({ WEB_PORT: '8080', WEB_BASE_URL: 'https://fork.example.org/' }).web).toEqual({ port: 8080, baseUrl: 'https://fork.example.org', clientSecret: undefined });
    expect(loadConfig({ WEB_PORT: '0' }).web.port).toBe(0);
    expect(loadConfig({ WEB_PORT: 'off' }).web.port).toBeUndefined();
    expect(loadConfig({ DISCORD_CLIENT_SECRET: 'abc123' }).web.clientSecret).toBe('abc123');
    expect(problemsOf({ WEB_PORT: '70000' })).toEqual([expect.stringContaining('WEB_PORT must be a port number from 0 to 65535 (0 picks a free one) or off (got "70000")')]);
    expect(problemsOf({ WEB_BASE_URL: 'fork.example.org' })).toEqual([expect.stringContaining('WEB_BASE_URL must be the http(s) address')]);
    const secretProblems = problemsOf({ DISCORD_CLIENT_SECRET: 'has a space' });
    expect(secretProblems).toEqual([expect.stringContaining('DISCORD_CLIENT_SECRET contains spaces')]);
    expect(secretProblems.join('')).not.toContain('has a space');
  });

  it('reads the daily-post lease in seconds, 1 to 3600, five minutes by default', () => {
    expect(loadConfig({ DAILY_POST_LEASE_SECONDS: '2' }).dailyPostLeaseMs).toBe(2000);
    expect(loadConfig({ DAILY_POST_LEASE_SECONDS: ' ' }).dailyPostLeaseMs).toBe(300_000);
    for (const bad of ['0', '3601', '1.5', 'soon', '-5']) {
      expect(problemsOf({ DAILY_POST_LEASE_SECONDS: bad })).toEqual([
        expect.stringContaining(`DAILY_POST_LEASE_SECONDS must be a whole number of seconds from 1 to 3600 (got "${bad}")`),
      ]);
    }
  });

  it('keeps every strum in the console only when CONSOLE_KEEP_CLIPS says so', () => {
    expect(loadConfig({ CONSOLE_KEEP_CLIPS: 'true' }).consoleKeepClips).toBe(true);
    expect(loadConfig({ CONSOLE_KEEP_CLIPS: 'no' }).consoleKeepClips).toBe(false);
    expect(problemsOf({ CONSOLE_KEEP_CLIPS: 'always' })).toEqual([expect.stringContaining('CONSOLE_KEEP_CLIPS must be true or false (got "always")')]);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: ' ', DATABASE_PATH: '', LOG_LEVEL: '', DISCORD_API_URL: '' });
    expect(config.mode).toBe('console');
    expect(config.database).toEqual({ kind: 'sqlite', path: 'data/tuning-fork.db' });
  });

  it('runs on Discord when a token and client id are set', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: CLIENT_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      DATABASE_PATH: '/tmp/x.db',
      CONSOLE_FILES_DIR: '/tmp/files',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      mode: 'discord',
      discord: { token: TOKEN, clientId: CLIENT_ID, guildId: GUILD_ID, apiUrl: 'http://127.0.0.1:4000/api', shards: 'auto', shardIds: undefined },
      database: { kind: 'sqlite', path: '/tmp/x.db' },
      web: { port: 3000, baseUrl: undefined, clientSecret: undefined },
      consoleFilesDir: '/tmp/files',
      consoleKeepClips: false,
      logLevel: 'debug',
      dailyPostLeaseMs: 300_000,
    });
  });

  it('defaults the API URL to Discord and the log level to info on Discord', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID });
    expect(config.discord?.apiUrl).toBe('https://discord.com/api');
    expect(config.discord?.guildId).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('uses PostgreSQL when DATABASE_URL is set, with a pool of DATABASE_POOL_SIZE connections', () => {
    const url = 'postgres://bot:secret@db.example:5432/tuning_fork';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_PATH: 'ignored.db' }).database).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).database).toEqual({ kind: 'postgres', url, poolSize: 25 });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/tf' }).database).toMatchObject({ kind: 'postgres' });
  });

  it('refuses a malformed DATABASE_URL or pool size with one message each, never showing the password', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://bot:hunter2@db/tf', DATABASE_POOL_SIZE: 'lots' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/.*\(got "mysql:\/\/bot:\*\*\*@db\/tf"\)/);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems[1]).toMatch(/^DATABASE_POOL_SIZE must be a whole number from 1 to 100 \(got "lots"\)/);
    expect(problemsOf({ DATABASE_URL: 'postgres://db-without-database-name' })).toHaveLength(1);
    expect(problemsOf({ DATABASE_URL: 'not a url' })).toHaveLength(1);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/tf', DATABASE_POOL_SIZE: '0' })).toHaveLength(1);
  });

  it('reads the shard count (auto by default) and the shards this machine runs', () => {
    const discord = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID };
    expect(loadConfig(discord).discord).toMatchObject({ shards: 'auto', shardIds: undefined });
    expect(loadConfig({ ...discord, DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '3, 1,1' }).discord).toMatchObject({ shards: 4, shardIds: [1, 3] });
    expect(loadConfig({ ...discord, DISCORD_SHARDS: 'auto', DISCORD_SHARD_IDS: '7' }).discord).toMatchObject({ shards: 'auto', shardIds: [7] });
  });

  it('refuses a bad shard count, bad shard ids, and ids beyond the count', () => {
    const discord = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID };
    expect(problemsOf({ ...discord, DISCORD_SHARDS: 'many' })[0]).toMatch(/^DISCORD_SHARDS must be auto or a whole number/);
    expect(problemsOf({ ...discord, DISCORD_SHARDS: '0' })).toHaveLength(1);
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: '0;1' })[0]).toMatch(/^DISCORD_SHARD_IDS must be shard numbers separated by commas/);
    expect(problemsOf({ ...discord, DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1,2,5' })).toEqual([
      'DISCORD_SHARD_IDS names shard 2, 5, but DISCORD_SHARDS is 2: shard numbers run from 0 to 1',
    ]);
  });

  it('returns a frozen object, nested settings included', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.discord)).toBe(true);
    expect(() => {
      (config as { logLevel: string }).logLevel = 'trace';
    }).toThrow(TypeError);
  });

  it('requires the client id when a token is set, and says where to find it', () => {
    const problems = problemsOf({ DISCORD_TOKEN: TOKEN });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set: .*Developer Portal \(General Information\)/);
  });

  it('names every bad variable at once, each with a fix', () => {
    const problems = problemsOf({
      DISCORD_TOKEN: 'two words',
      DISCORD_CLIENT_ID: 'my-app',
      DISCORD_GUILD_ID: '123',
      DISCORD_API_URL: 'ftp://example.com',
      LOG_LEVEL: 'verbose',
    });
    const named = problems.map((p) => p.split(' ')[0]);
    expect(named.sort()).toEqual(['DISCORD_API_URL', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_TOKEN', 'LOG_LEVEL']);
    for (const problem of problems) expect(problem).toMatch(/: \S/);
    expect(problems.find((p) => p.startsWith('LOG_LEVEL'))).toContain('"verbose"');
  });

  it('takes DAILY_SECRET when it is long enough, and never repeats a bad one', () => {
    expect(loadConfig({}).dailySecret).toBeUndefined();
    expect(loadConfig({ DAILY_SECRET: '' }).dailySecret).toBeUndefined();
    expect(loadConfig({ DAILY_SECRET: '0123456789abcdef0123' }).dailySecret).toBe('0123456789abcdef0123');
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DAILY_SECRET: '0123456789abcdef0123' }).dailySecret).toBe('0123456789abcdef0123');
    const problems = problemsOf({ DAILY_SECRET: 'hunter2', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DAILY_SECRET', 'LOG_LEVEL']);
    const problem = problems.find((p) => p.startsWith('DAILY_SECRET'))!;
    expect(problem).toMatch(/at least 16 characters \(got 7\): /);
    expect(problem).not.toContain('hunter2');
  });

  it('reports a missing client id alongside other problems', () => {
    const problems = problemsOf({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DISCORD_CLIENT_ID', 'LOG_LEVEL']);
  });

  it('never repeats the token in an error message', () => {
    const problems = problemsOf({ DISCORD_TOKEN: `${TOKEN} x`, DISCORD_CLIENT_ID: CLIENT_ID });
    expect(problems.join('\n')).not.toContain(TOKEN);
  });

  it('has a message that lists the problems for printing without a stack', () => {
    try {
      loadConfig({ LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/\.env[\s\S]*- LOG_LEVEL must be one of/);
    }
  });
});

function capture(config: Config) {
  let output = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  // pino accepts any writable stream as its destination.
  const logger = createLogger(config, destination);
  return { logger, output: () => output };
}

describe('createLogger', () => {
  const discordConfig = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID });

  it('redacts token-like fields wherever they sit', () => {
    const { logger, output } = capture(discordConfig);
    logger.info(
      {
        token: TOKEN,
        config: discordConfig,
        request: { headers: { authorization: `Bot ${TOKEN}` } },
        headers: { Authorization: 'Bot abc' },
        client: { rest: { token: 'some-other-secret' } },
      },
      'connecting',
    );
    const text = output();
    expect(text).toContain('connecting');
    expect(text).toContain(CLIENT_ID);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('some-other-secret');
    expect(text).not.toContain('Bot abc');
    expect(text).toContain('[Redacted]');
  });

  it('scrubs the token from error messages and free text', () => {
    const { logger, output } = capture(discordConfig);
    logger.error(new Error(`login failed for ${TOKEN}`), 'login');
    logger.warn({ detail: { nested: { deeper: { note: TOKEN } } } }, `retrying with ${TOKEN}`);
    expect(output()).not.toContain(TOKEN);
    expect(output()).toContain('login failed for [Redacted]');
  });

  it('scrubs anything shaped like a Discord token, even one it was not given', () => {
    const { logger, output } = capture(loadConfig({}));
    const stranger = 'OTk4ODc3NjY1NTQ0MzMyMjEx.Gzzzzz.ZYXWVUTSRQPONMLKJIHGFEDCBA98765';
    logger.warn(`pasted ${stranger}`);
    expect(output()).not.toContain(stranger);
  });

  it('logs only warnings and worse in the console by default', () => {
    const { logger, output } = capture(loadConfig({}));
    logger.info('chatter');
    logger.warn('trouble');
    expect(output()).not.toContain('chatter');
    expect(output()).toContain('trouble');
  });

  it('follows LOG_LEVEL when it is set', () => {
    const { logger, output } = capture(loadConfig({ LOG_LEVEL: 'debug' }));
    logger.debug('details');
    expect(output()).toContain('details');
  });
});
