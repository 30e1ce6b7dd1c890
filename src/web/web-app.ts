/**
 * The web server's routes, as a Hono app that knows nothing of sockets (tests call `app.request`).
 * Every input is checked with zod; a bad one gets a clear 4xx in JSON (under /api) or HTML, never a
 * stack trace.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { RateLimiter } from '../command-layer/rate-limit.js';
import { LEVELS } from '../content/levels.js';
import type { TopicLibrary } from '../content/library.js';
import { SLUG_PATTERN } from '../content/topic.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/types.js';
import { exchangeCode, type DiscordOAuthSettings } from './discord-oauth.js';
import { replayData, type ReplayRefusal } from './replay-data.js';
import type { ReplayLinks } from './replay-links.js';
import { SECURITY_HEADERS } from './security-headers.js';
import type { StaticFile } from './static-files.js';

export interface WebAppOptions {
  readonly storage: Storage;
  readonly topics: TopicLibrary;
  readonly links: ReplayLinks;
  readonly clientFiles: ReadonlyMap<string, StaticFile>;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Set with DISCORD_CLIENT_SECRET: the Activity's sign-in. */
  readonly oauth?: DiscordOAuthSettings;
  readonly fetch?: typeof fetch;
  /** Sign-ins per client address: a burst of `capacity`, then `refillPerSecond`. */
  readonly tokenRateLimit?: { readonly capacity: number; readonly refillPerSecond: number };
}

/** Topic text is at most 3000 characters a level; the topic's summary and title ride along. */
const topicQuery = z.object({
  level: z
    .string()
    .regex(/^[1-5]$/, { error: 'level must be a whole number from 1 to 5' })
    .transform(Number)
    .optional(),
});
const topicSlug = z.string().regex(SLUG_PATTERN, { error: 'a topic is named by its slug, lower-case words joined by hyphens' });
const tokenBody = z.object({ code: z.string().regex(/^[A-Za-z0-9._~-]{1,512}$/, { error: 'code must be the code Discord gave the Activity' }) }).strict();

const REFUSALS: Readonly<Record<ReplayRefusal | 'malformed' | 'forged' | 'expired' | 'missing', { status: 404 | 410; message: string }>> = {
  malformed: { status: 404, message: 'This is not a replay link. Copy the whole link from the “Open the replay” button.' },
  forged: { status: 404, message: 'This replay link is not one this server made. Copy the whole link from the “Open the replay” button.' },
  expired: { status: 410, message: 'This replay link has expired: links last 30 days.' },
  missing: { status: 404, message: 'That game is no longer stored (it may have been forgotten at a player’s request).' },
  'not-finished': { status: 404, message: 'That game has not finished, so it has no replay yet.' },
  daily: { status: 404, message: 'Daily puzzles have no replay: it would give the day’s puzzle away.' },
  unreadable: { status: 404, message: 'That game was stored in a shape this version cannot replay.' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function errorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Tuning Fork</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Open the playground</a></p></main></body></html>`;
}

const isApi = (c: Context) => c.req.path.startsWith('/api/');

/** The caller's address for the rate limit; requests made without a socket (tests) share one bucket. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createWebApp(options: WebAppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const app = new Hono();
  const tokenLimit = options.tokenRateLimit ?? { capacity: 5, refillPerSecond: 0.2 };
  const limiter = new RateLimiter({ ...tokenLimit, now: () => now().getTime() });

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  const fail = (c: Context, status: 400 | 404 | 405 | 410 | 413 | 415 | 429 | 502 | 503, message: string) =>
    isApi(c) ? c.json({ error: message }, status) : c.html(errorPage(status >= 500 ? 'Not available' : 'Not found', message), status);

  const sendFile = (c: Context, path: string, status: 200 | 404 | 410 = 200) => {
    const file = options.clientFiles.get(path);
    if (!file) return fail(c, 503, 'The playground has not been built on this server: run `npm run build` (it needs the dev dependencies), then restart.');
    c.header('Content-Type', file.contentType);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(file.body as Uint8Array<ArrayBuffer>, status);
  };

  app.get('/', (c) => sendFile(c, '/index.html'));

  app.get('/replay/:token', (c) => {
    const check = options.links.check(c.req.param('token'), now());
    if (!check.ok) return fail(c, REFUSALS[check.reason].status, REFUSALS[check.reason].message);
    return sendFile(c, '/replay.html');
  });

  app.get('/api/replay/:token', async (c) => {
    const check = options.links.check(c.req.param('token'), now());
    if (!check.ok) return fail(c, REFUSALS[check.reason].status, REFUSALS[check.reason].message);
    const record = await options.storage.games.get(check.gameId);
    if (!record) return fail(c, 404, REFUSALS.missing.message);
    const data = replayData(record, check.expiresAt);
    if (typeof data === 'string') return fail(c, REFUSALS[data].status, REFUSALS[data].message);
    c.header('Cache-Control', 'private, no-store');
    return c.json(data);
  });

  // The application id is public (it is in every invite link); the page needs it to start the SDK.
  app.get('/api/activity', (c) => c.json({ clientId: options.oauth?.clientId ?? null }));

  app.get('/api/topics/:slug', (c) => {
    const slug = topicSlug.safeParse(c.req.param('slug'));
    if (!slug.success) return fail(c, 400, slug.error.issues[0]?.message ?? 'bad topic');
    const query = topicQuery.safeParse(c.req.query());
    if (!query.success) return fail(c, 400, query.error.issues.map((issue) => issue.message).join('; '));
    const topic = options.topics.get(slug.data);
    if (!topic) return fail(c, 404, `There is no topic "${slug.data}".`);
    const level = (query.data.level ?? 3) as (typeof LEVELS)[number];
    return c.json({ slug: topic.slug, title: topic.title, summary: topic.summary, level, text: options.topics.text(topic.slug, level) });
  });

  app.post('/api/token', async (c) => {
    const address = clientAddress(c);
    if (!limiter.take(address)) return fail(c, 429, 'Too many sign-ins from here; wait a minute and reopen the Activity.');
    if (!options.oauth) return fail(c, 503, 'Signing in with Discord is not set up on this server (DISCORD_CLIENT_SECRET is not set); the playground works without it.');
    if (!(c.req.header('Content-Type') ?? '').startsWith('application/json')) return fail(c, 415, 'Send the code as JSON: {"code": "…"}.');
    const text = await c.req.text();
    if (text.length > 2048) return fail(c, 413, 'That request is too large for a sign-in code.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(c, 400, 'The body is not valid JSON; send {"code": "…"}.');
    }
    const body = tokenBody.safeParse(json);
    if (!body.success) return fail(c, 400, body.error.issues.map((issue) => issue.message).join('; '));
    const exchanged = await exchangeCode(options.oauth, body.data.code, options.fetch);
    if (!exchanged.ok) return fail(c, exchanged.status === 400 ? 400 : 502, exchanged.message);
    c.header('Cache-Control', 'no-store');
    return c.json({ access_token: exchanged.accessToken, expires_in: exchanged.expiresIn, scope: exchanged.scope });
  });

  // Vite's hashed bundles and anything else the build put in dist/web.
  app.get('*', (c, next) => {
    if (c.req.path === '/index.html' || c.req.path === '/replay.html' || !options.clientFiles.has(c.req.path)) return next();
    return sendFile(c, c.req.path);
  });

  app.notFound((c) => fail(c, 404, `Nothing here: ${c.req.method} ${c.req.path}. The playground is at /.`));
  app.onError((error, c) => {
    options.logger.error({ err: error, path: c.req.path }, 'web request failed');
    return isApi(c) ? c.json({ error: 'Something went wrong on the server; it has been logged.' }, 500) : c.html(errorPage('Something went wrong', 'Something went wrong on the server; it has been logged.'), 500);
  });
  return app;
}
