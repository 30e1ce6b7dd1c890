/**
 * The web server's routes through Hono's request API, on a real SQLite file and the real topics; the
 * token route against the Discord double's OAuth2 endpoint. Every bad input gets a clear 4xx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import { bake } from '../../src/games/bake.js';
import { dig } from '../../src/games/dig.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { replayLinks, REPLAY_LINK_DAYS } from '../../src/web/replay-links.js';
import { createWebApp } from '../../src/web/web-app.js';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble } from '../discord-double/types.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY_MS = 86_400_000;
const links = replayLinks('test-key-that-is-long-enough');
const clientFiles = new Map([
  ['/index.html', { body: new TextEncoder().encode('<!doctype html><title>Playground</title>'), contentType: 'text/html; charset=utf-8', immutable: false }],
  ['/replay.html', { body: new TextEncoder().encode('<!doctype html><title>Replay</title>'), contentType: 'text/html; charset=utf-8', immutable: false }],
  ['/assets/main-abc123.js', { body: new TextEncoder().encode('console.log(1)'), contentType: 'text/javascript; charset=utf-8', immutable: true }],
]);

let dir: string;
let storage: Storage;
let double: DiscordDouble;
let finishedId: string;
let activeId: string;
let dailyId: string;

function finishedBake(seed: string) {
  let state = bake.start({ seed, difficulty: 'normal' });
  for (const minutes of [10, 15, 20, 12, 17, 14, 16, 18]) {
    if (state.status !== 'playing') break;
    state = bake.play(state, { minutes }).state;
  }
  return state;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tuning-fork-web-'));
  storage = await openStorage({ databasePath: join(dir, 'web.db') });
  double = await startDiscordDouble();
  const base = { ownerId: '100000000000000001', guildId: '900000000000000001', channelId: '900000000000000002', difficulty: 'normal' } as const;
  const state = finishedBake('maple-42');
  const finished = await storage.games.create({ ...base, game: 'bake', mode: 'solo', seed: 'maple-42', state: { game: state } });
  await storage.games.update(finished.id, finished.version, { state: { game: state }, status: 'finished', score: 50 });
  finishedId = finished.id;
  activeId = (await storage.games.create({ ...base, game: 'bake', mode: 'solo', seed: 'oak-1', state: { game: bake.start({ seed: 'oak-1' }) } })).id;
  const daily = await storage.games.create({ ...base, game: 'bake', mode: 'daily', seed: 'daily-x', state: { game: finishedBake('daily-x') } });
  await storage.games.update(daily.id, daily.version, { state: { game: finishedBake('daily-x') }, status: 'finished', score: 50 });
  dailyId = daily.id;
});

afterAll(async () => {
  await double?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

function app(overrides: Partial<Parameters<typeof createWebApp>[0]> = {}) {
  return createWebApp({ storage, topics: loadTopicLibrary(), links, clientFiles, logger: pino({ level: 'silent' }), now: () => NOW, ...overrides });
}

async function expectClearError(response: Response, status: number, words: RegExp) {
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(text).toMatch(words);
  expect(text).not.toMatch(/\n\s+at |Error:|node_modules/);
}

describe('pages and headers', () => {
  it('serves the playground with a policy that lets Discord, and only Discord, frame it', async () => {
    const response = await app().request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Playground');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/discord\.com https:\/\/\*\.discord\.com https:\/\/\*\.discordsays\.com/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Frame-Options')).toBeNull();
  });

  it('serves hashed assets as immutable and answers unknown paths with a 404 that points home', async () => {
    const asset = await app().request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    await expectClearError(await app().request('/assets/../../package.json'), 404, /playground is at \//);
    await expectClearError(await app().request('/api/nothing'), 404, /Nothing here/);
    expect((await app().request('/api/nothing')).headers.get('Content-Type')).toContain('application/json');
  });

  it('says how to build the page when the front end has not been built', async () => {
    await expectClearError(await app({ clientFiles: new Map() }).request('/'), 503, /npm run build/);
  });
});

describe('topics', () => {
  it('serves one level of a topic', async () => {
    const response = await app().request('/api/topics/bayesian-optimisation?level=1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { title: string; level: number; text: string };
    expect(body.level).toBe(1);
    expect(body.text.length).toBeGreaterThan(50);
  });

  it('refuses a bad level, a bad slug and an unknown topic, saying which', async () => {
    await expectClearError(await app().request('/api/topics/learning-rate?level=9'), 400, /level must be a whole number from 1 to 5/);
    await expectClearError(await app().request('/api/topics/Learning%20Rate'), 400, /slug/);
    await expectClearError(await app().request('/api/topics/no-such-topic'), 404, /no topic .{0,3}no-such-topic/);
  });
});

describe('replays', () => {
  it('gives a finished game’s moves to a signed link, and nothing about its players', async () => {
    const token = links.sign(finishedId, NOW);
    const page = await app().request(`/replay/${token}`);
    expect(page.status).toBe(200);
    const response = await app().request(`/api/replay/${token}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { game: string; state: { seed: string; history: unknown[] }; expiresAt: string };
    expect(body.game).toBe('bake');
    expect(body.state.seed).toBe('maple-42');
    expect(body.state.history.length).toBeGreaterThan(0);
    expect(new Date(body.expiresAt).getTime()).toBe(Math.floor((NOW.getTime() + REPLAY_LINK_DAYS * DAY_MS) / 1000) * 1000);
    expect(JSON.stringify(body)).not.toMatch(/100000000000000001|900000000000000001/);
  });

  it('gives a finished Dig for Gold game, raced against Bayes, to its replay: every dig and the optimiser’s run', async () => {
    let state = dig.start({ seed: 'gold-web', difficulty: 'normal' });
    for (const [x, y] of [[10, 90], [55, 40], [80, 5]] as const) if (state.status === 'playing') state = dig.play(state, { x, y }).state;
    state = dig.giveUp(state);
    const race = { opponent: 'bayes', trials: [{ params: { x: 50, y: 50 }, value: 12.3 }] };
    const base = { ownerId: '100000000000000001', guildId: '900000000000000001', channelId: '900000000000000002', difficulty: 'normal' } as const;
    const record = await storage.games.create({ ...base, game: 'dig', mode: 'race', seed: 'gold-web', state: { game: state, race } });
    await storage.games.update(record.id, record.version, { state: { game: state, race }, status: 'finished', score: 0 });
    const response = await app().request(`/api/replay/${links.sign(record.id, NOW)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { game: string; state: typeof state; raced: { strategy: string; trials: unknown[] } | null };
    expect(body.game).toBe('dig');
    expect(body.state.history.map((turn) => turn.move)).toEqual(state.history.map((turn) => turn.move));
    expect(body.state.history.map((turn) => turn.feedback.grams)).toEqual(state.history.map((turn) => turn.feedback.grams));
    expect(body.state.status).toBe('gave-up');
    expect(body.raced).toEqual({ strategy: 'bayes', trials: race.trials });
  });

  it('refuses a forged, altered, malformed or expired link, and games that are unfinished or daily', async () => {
    const token = links.sign(finishedId, NOW);
    const other = replayLinks('another-server-key-entirely').sign(finishedId, NOW);
    await expectClearError(await app().request(`/api/replay/${other}`), 404, /not one this server made/);
    const altered = token.replace(/\.([0-9a-z]+)\./, (_, expires: string) => `.${(parseInt(expires, 36) + 9999).toString(36)}.`);
    await expectClearError(await app().request(`/api/replay/${altered}`), 404, /not one this server made/);
    await expectClearError(await app().request('/api/replay/not-a-token'), 404, /not a replay link/);
    const later = () => new Date(NOW.getTime() + (REPLAY_LINK_DAYS + 1) * DAY_MS);
    await expectClearError(await app({ now: later }).request(`/api/replay/${token}`), 410, /expired/);
    await expectClearError(await app({ now: later }).request(`/replay/${token}`), 410, /expired/);
    expect((await app({ now: later }).request(`/replay/${token}`)).headers.get('Content-Type')).toContain('text/html');
    await expectClearError(await app().request(`/api/replay/${links.sign(activeId, NOW)}`), 404, /has not finished/);
    await expectClearError(await app().request(`/api/replay/${links.sign(dailyId, NOW)}`), 404, /Daily puzzles have no replay/);
    await expectClearError(await app().request(`/api/replay/${links.sign('ZZZZZZZZZZ', NOW)}`), 404, /no longer stored/);
  });
});

describe('POST /api/token against the double’s OAuth2 endpoint', () => {
  const oauthApp = () =>
    app({ oauth: { clientId: double.applicationId, clientSecret: double.clientSecret, apiUrl: double.apiUrl.replace(/\/v10$/, '') }, tokenRateLimit: { capacity: 100, refillPerSecond: 1 } });
  const post = (target: ReturnType<typeof app>, body: string, contentType = 'application/json') =>
    target.request('/api/token', { method: 'POST', headers: { 'Content-Type': contentType }, body });

  it('exchanges a code once, with the secret kept on the server', async () => {
    const target = oauthApp();
    const code = double.authorizeActivity('100000000000000001');
    const response = await post(target, JSON.stringify({ code }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.access_token.length).toBeGreaterThan(10);
    expect(body.scope).toBe('identify');
    expect(JSON.stringify(body)).not.toContain(double.clientSecret);
    const exchange = double.requests.find((request) => request.route === '/oauth2/token');
    expect(exchange?.body).toMatchObject({ grant_type: 'authorization_code', code, client_id: double.applicationId });
    await expectClearError(await post(target, JSON.stringify({ code })), 400, /did not accept that sign-in code/);
  });

  it('refuses bad bodies with a clear 4xx', async () => {
    const target = oauthApp();
    await expectClearError(await post(target, 'code=abc', 'application/x-www-form-urlencoded'), 415, /as JSON/);
    await expectClearError(await post(target, '{not json'), 400, /not valid JSON/);
    await expectClearError(await post(target, JSON.stringify({ code: 'a b' })), 400, /code must be/);
    await expectClearError(await post(target, JSON.stringify({ code: 'abc', extra: 1 })), 400, /Unrecognized key|extra/);
    await expectClearError(await post(target, JSON.stringify({ code: 'x'.repeat(3000) })), 413, /too large/);
    await expectClearError(await target.request('/api/token'), 404, /Nothing here: GET/);
  });

  it('says when sign-in is not set up, and slows down a flood', async () => {
    await expectClearError(await post(app(), JSON.stringify({ code: 'abc' })), 503, /DISCORD_CLIENT_SECRET/);
    const limited = app({ tokenRateLimit: { capacity: 2, refillPerSecond: 0.001 } });
    await post(limited, '{}');
    await post(limited, '{}');
    await expectClearError(await post(limited, '{}'), 429, /Too many sign-ins/);
  });

  it('reports a wrong client secret as Discord’s error, not the secret', async () => {
    const target = app({ oauth: { clientId: double.applicationId, clientSecret: 'wrong-secret', apiUrl: double.apiUrl.replace(/\/v10$/, '') } });
    const response = await post(target, JSON.stringify({ code: double.authorizeActivity('100000000000000001') }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('wrong-secret');
  });
});
