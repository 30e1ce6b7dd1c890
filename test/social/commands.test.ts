/** /leaderboard, /stats, /settings and /privacy through the real router, on a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse, ComponentRequest, Invocation } from '../../src/command-layer/types.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';
import { result } from './storage-fixture.js';

const GUILD = '900000000000000001';
let app: TestApp;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-28T12:00:00Z');
  app = await createTestApp(() => clock);
});
afterEach(async () => app.dispose());


/** Each call moves the clock a little, as real time would, so the rate limiter never trips. */
async function slash(who: Invocation, command: string, subcommand: string | null, options: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 5_000);
  return app.router.slash({ ...who, command, subcommand, options });
}
async function click(who: Invocation, customId: string) {
  clock = new Date(clock.getTime() + 5_000);
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: '1' };
  return app.router.component(request);
}
function button(response: CommandResponse, label: string): string {
  const found = message(response).rows?.flat().find((c) => c.type === 'button' && c.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.customId;
}
const admin = (id = '500') => ({ ...person(id, 'Admin'), canManageGuild: true });

describe('/leaderboard', () => {
  it('shows the top 10 by period and the caller’s rank outside it', async () => {
    const daily = { mode: 'daily' as const };
    for (let i = 0; i < 14; i++) await app.services.storage.results.record(result(`1000${String(i).padStart(2, '0')}`, 90 - i, '2026-11-28T08:00:00Z', daily));
    await app.services.storage.results.record(result('200001', 99, '2026-11-25T08:00:00Z', daily));
    await app.services.storage.results.record(result('200002', 100, '2026-11-01T08:00:00Z', daily));

    const today = text(await slash(person('100013', 'Nina'), 'leaderboard', null, { game: 'bake', period: 'today' }));
    expect(today).toContain('🥇 <@100000> — 90');
    expect(today).toContain('**10.** <@100009> — 81');
    expect(today).not.toContain('<@100010>');
    expect(today).toContain('You are #14 of 14, with 77.');
    expect(today).not.toContain('200001');

    const week = text(await slash(person('100013', 'Nina'), 'leaderboard', null, { game: 'bake', period: 'week' }));
    expect(week).toContain('🥇 <@200001> — 99');
    expect(week).toContain('You are #15 of 15');
    const all = text(await slash(person('200002', 'Ola'), 'leaderboard', null, { game: 'bake', period: 'all' }));
    expect(all).toContain('🥇 Ola — 100');
    expect(all).toContain('You are #1 of 16.');
  });

  it('says when nobody has played, refuses DMs and unknown games', async () => {
    expect(text(await slash(person('1'), 'leaderboard', null, { game: 'tune', period: 'today' }))).toContain('Nobody here has finished');
    expect(text(await slash({ ...person('1'), guildId: null }, 'leaderboard', null, { game: 'tune' }))).toBe('/leaderboard works only in a server. Run it in a server channel where I am.');
    expect(text(await slash(person('1'), 'leaderboard', null, { game: 'chess' }))).toContain('must be one of');
  });

  it('ranks daily results, shows group rounds apart, and never ranks practice', async () => {
    const store = app.services.storage.results;
    // Replaying a chosen seed with the answer known: a perfect practice score, solo and in a race.
    await store.record(result('310001', 100, '2026-11-28T08:00:00Z', { mode: 'solo' }));
    await store.record(result('310001', 100, '2026-11-28T08:01:00Z', { mode: 'race' }));
    await store.record(result('310002', 64, '2026-11-28T08:00:00Z', { mode: 'daily' }));
    await store.record(result('310003', 80, '2026-11-28T08:00:00Z', { mode: 'group' }));
    const shown = text(await slash(person('310001', 'Pia'), 'leaderboard', null, { game: 'bake', period: 'today' }));
    expect(shown).toContain('**Daily puzzle**\n🥇 <@310002> — 64');
    expect(shown).toContain('Group rounds (a shared board: every player gets the round’s score): 🥇 <@310003> — 80');
    expect(shown).not.toContain('Pia');
    expect(shown).toContain('You have no finished daily Grandma\'s Bake in this period yet');
    expect(message(await slash(person('310001', 'Pia'), 'leaderboard', null, { game: 'bake' })).embeds?.[0]?.footer).toContain(
      'Practice games with /play are not ranked',
    );

    const onlyPractice = text(await slash(person('310001', 'Pia'), 'leaderboard', null, { game: 'bake', period: 'all' }));
    expect(onlyPractice).not.toContain('Pia');
    expect(onlyPractice).not.toContain('🥇 <@310001>');
    // /stats still counts practice, and says that it does.
    const stats = message(await slash(person('310001', 'Pia'), 'stats', null));
    expect(stats.embeds?.[0]?.fields?.find((f) => f.name === 'Games played')?.value).toBe('2');
    expect(stats.embeds?.[0]?.footer).toContain('practice included; /leaderboard ranks only daily puzzles and group rounds');
  });

  it('escapes display names so they cannot format or mention', async () => {
    await app.services.storage.results.record(result('300001', 70, '2026-11-28T08:00:00Z', { mode: 'daily' }));
    const shown = text(await slash(person('300001', '@everyone *bold*'), 'leaderboard', null, { game: 'bake' }));
    expect(shown).toContain('\\@everyone \\*bold\\*');
  });
});

describe('/stats', () => {
  it('counts games, wins, moves to win, best per game and streaks across a gap', async () => {
    const store = app.services.storage.results;
    // Daily results on the 19th–22nd (a run of 4), a gap, then the 26th–28th (the current run of 3), two on the 27th.
    for (const day of ['19', '20', '21', '22', '26', '27', '28']) await store.record(result('400001', 80, `2026-11-${day}T10:00:00Z`, { mode: 'daily', moves: 4 }));
    await store.record(result('400001', 60, '2026-11-27T11:00:00Z', { mode: 'daily', game: 'lock', moves: 8 }));
    await store.record(result('400001', 20, '2026-11-27T12:00:00Z', { won: false, moves: 12 }));
    const mine = text(await slash(person('400001', 'Pat'), 'stats', null));
    expect(mine).toContain('Pat in this server');
    expect(mine).toContain('Games played: 9');
    expect(mine).toContain('Wins: 8 (89%)');
    expect(mine).toContain('Moves to win: 4.5 on average');
    expect(mine).toContain("Grandma's Bake: **80**");
    expect(mine).toContain('current 3 days, longest 4 days');

    clock = new Date('2026-11-30T12:00:00Z'); // missed the 29th: the current streak is over
    const later = text(await slash(person('400002'), 'stats', null, { user: '400001' }));
    expect(later).toContain('<@400001> in this server');
    expect(later).toContain('current 0 days, longest 4 days');
  });

  it('answers for someone with no games, and only for yourself in a DM', async () => {
    expect(text(await slash(person('1'), 'stats', null, { user: '400009' }))).toContain('<@400009> has not finished a game in this server yet');
    expect(text(await slash({ ...person('1'), guildId: null }, 'stats', null, { user: '400009' }))).toContain('only show your own');
  });
});

describe('/settings', () => {
  it('refuses members without Manage Server, and DMs', async () => {
    const refused = await slash(person('600'), 'settings', 'set', { 'daily-channel': '900000000000000003' });
    expect(text(refused)).toContain('Only members with the Manage Server permission');
    expect(await app.services.storage.guildSettings.get(GUILD)).toBeUndefined();
    expect(text(await slash({ ...admin(), guildId: null }, 'settings', 'set', { 'daily-time': '10:00' }))).toBe('/settings works only in a server. Run it in a server channel where I am.');
  });

  it('validates the time, the zone and the channel, each with its own message', async () => {
    expect(text(await slash(admin(), 'settings', 'set', { 'daily-channel': '900000000000000003', 'daily-time': '25:00' }))).toContain('not a time I can read');
    expect(text(await slash(admin(), 'settings', 'set', { 'daily-channel': '900000000000000003', 'daily-time': '9am' }))).toContain('not a time I can read');
    expect(text(await slash(admin(), 'settings', 'set', { 'daily-channel': '900000000000000003', timezone: 'Mars/Olympus' }))).toContain('not a time zone I know');
    // The test app's channels refuse ids ending in 0.
    expect(text(await slash(admin(), 'settings', 'set', { 'daily-channel': '900000000000000010' }))).toContain('I cannot post in <#900000000000000010>');
    expect(text(await slash(admin(), 'settings', 'set', { 'daily-time': '08:00' }))).toContain('Choose a `daily-channel` first');
    expect(text(await slash(admin(), 'settings', 'set', {}))).toContain('Give at least one');
    expect(await app.services.storage.guildSettings.get(GUILD)).toBeUndefined();
  });

  it('saves, then updates one setting at a time, and shows them', async () => {
    const saved = await slash(admin(), 'settings', 'set', { 'daily-channel': '900000000000000003', 'daily-time': '7:30', timezone: 'europe/paris' });
    expect(text(saved)).toContain('<#900000000000000003> at **07:30** Europe/Paris');
    expect(text(saved)).toContain('it is 13:00 there now');
    await slash(admin(), 'settings', 'set', { 'daily-time': '18:45' });
    expect(await app.services.storage.guildSettings.get(GUILD)).toMatchObject({ dailyChannelId: '900000000000000003', dailyTime: '18:45', timezone: 'Europe/Paris' });
    const shown = text(await slash(person('700'), 'settings', 'show'));
    expect(shown).toContain('at **18:45** Europe/Paris');
  });

  it('autocompletes time zones', async () => {
    const choices = await app.router.autocomplete({ ...admin(), command: 'settings', subcommand: 'set', options: { timezone: 'europe/pa' }, focused: 'timezone' });
    expect(choices.map((c) => c.value)).toContain('Europe/Paris');
  });
});

describe('/privacy', () => {
  async function seedPlayer(userId: string) {
    const storage = app.services.storage;
    await storage.preferences.setLevel(userId, 4);
    const game = await storage.games.create({ game: 'bake', mode: 'daily', ownerId: userId, guildId: GUILD, seed: 'daily-2026-11-28', difficulty: 'easy', state: { history: [] } });
    await storage.results.record(result(userId, 95, '2026-11-27T10:00:00Z', { mode: 'daily', gameRecordId: game.id }));
    await storage.results.record(result(userId, 90, '2026-11-28T10:00:00Z', { mode: 'daily' }));
  }

  it('shows what is stored: level, games, results and streak, with dates', async () => {
    await seedPlayer('800001');
    const shown = text(await slash(person('800001'), 'privacy', 'show'));
    expect(shown).toContain('**Saved level:** 4');
    // The store stamps games with the real time, so only the shape of that span is checked.
    expect(shown).toMatch(/\*\*Games you started:\*\* 1 \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, UTC\)/);
    expect(shown).toContain('**Results:** 2 (2026-11-27 to 2026-11-28, UTC)');
    expect(shown).toContain('2 days with a daily puzzle; current 2, longest 2, last 2026-11-28');
  });

  it('forgets only after the owner confirms, refuses someone else’s click, and leaves the leaderboards', async () => {
    await seedPlayer('800001');
    await app.services.storage.results.record(result('800002', 50, '2026-11-28T10:00:00Z', { mode: 'daily' }));
    const asked = message(await slash(person('800001'), 'privacy', 'forget'));
    expect(asked.ephemeral).toBe(true);
    const [forget, keep] = asked.rows?.[0] ?? [];
    expect(forget?.customId).toBe('privacy:forget:800001');

    const foreign = await click(person('800002'), forget!.customId);
    expect(text(foreign)).toContain('belongs to someone else');
    expect((await app.services.storage.privacy.about('800001')).results.count).toBe(2);

    const kept = await click(person('800001'), keep!.customId);
    expect(kept.kind).toBe('update');
    expect(text(kept)).toContain('nothing was deleted');
    expect((await app.services.storage.privacy.about('800001')).results.count).toBe(2);

    const done = await click(person('800001'), forget!.customId);
    expect(done.kind).toBe('update');
    expect(text(done)).toContain('I deleted 1 game, 2 results');
    expect(text(done)).toContain('and your saved level');
    expect(await app.services.storage.privacy.about('800001')).toEqual({
      level: undefined,
      games: { count: 0, first: null, last: null },
      joinedRounds: 0,
      results: { count: 0, first: null, last: null },
      dailyDays: [],
      quizAnswers: { count: 0, first: null, last: null },
      reviewCards: 0,
      topicsRead: 0,
      quizRounds: 0,
    });
    // Clicked again (a double click, or the same click reaching a second bot process): nothing is left.
    const again = await click(person('800001'), forget!.customId);
    expect(text(again)).toMatch(/^Done: nothing of yours is stored now\./);
    const board = text(await slash(person('800002'), 'leaderboard', null, { game: 'bake', period: 'all' }));
    expect(board).not.toContain('800001');
    expect(board).toContain('🥇 user 800002 — 50');
    expect((await app.services.storage.results.statsFor('800002')).played).toBe(1);
  });

  it('keeps a round someone else hosted for the others, without the forgotten player’s id or name', async () => {
    const host = person('810001', 'Host');
    const bea = person('810002', 'Bea');
    const cy = person('810003', 'Cy');
    let board = await slash(host, 'play', 'tune', { seed: 'forget-me', mode: 'group' });
    const firstBoard = board;
    board = await click(bea, button(board, '+5¢'));
    board = await click(cy, button(board, '+1¢'));
    board = await click(bea, button(board, '+5¢'));
    const gameId = button(board, 'End round').split(':')[2]!;
    await click(host, button(board, 'End round'));
    expect((await app.services.storage.privacy.about(bea.user.id)).joinedRounds).toBe(1);
    expect((await app.services.storage.privacy.about(host.user.id)).joinedRounds).toBe(0);

    const asked = await slash(bea, 'privacy', 'forget');
    const done = text(await click(bea, button(asked, 'Delete my data')));
    expect(done).toContain('I deleted 0 games, 1 result');
    expect(done).toContain('In 1 round that others hosted');

    const stored = JSON.stringify((await app.services.storage.games.get(gameId))?.state);
    expect(stored).not.toContain(bea.user.id);
    expect(stored).not.toContain('Bea');
    expect(stored).toContain('Former player 1');
    expect((await app.services.storage.privacy.about(bea.user.id)).joinedRounds).toBe(0);
    // The others keep their results, and the round still shows every move, under the stand-in's name.
    expect((await app.services.storage.results.statsFor(cy.user.id)).played).toBe(1);
    expect((await app.services.storage.results.statsFor(bea.user.id)).played).toBe(0);
    const before = text(await click(cy, button(firstBoard, '+5¢')));
    expect(before).toContain('This game is over');
    expect(before).toContain('Former player 1');
    expect(before).toContain('Cy');
    expect(before).not.toContain('Bea');
  });

  /** A group round where Bea and Cy have each moved once, then Bea asked to be forgotten; `board` is from before. */
  async function roundWhereBeaIsForgotten(ids: string, seed: string) {
    const [host, bea, cy] = [person(`${ids}1`, 'Host'), person(`${ids}2`, 'Bea'), person(`${ids}3`, 'Cy')];
    let board = await slash(host, 'play', 'tune', { seed, mode: 'group' });
    board = await click(bea, button(board, '+5¢'));
    board = await click(cy, button(board, '+1¢'));
    await click(bea, button(await slash(bea, 'privacy', 'forget'), 'Delete my data'));
    return { host, bea, cy, board };
  }

  it('gives no result to the stand-in when a round closes after someone in it was forgotten', async () => {
    const { host, bea, cy, board } = await roundWhereBeaIsForgotten('82000', 'forget-open');
    const endRound = button(board, 'End round');
    // The forgetting moved the round on, so the old board is refused; its current board carries on.
    const refused = await click(host, endRound);
    expect(text(refused)).toContain('out of date');
    expect(text(await click(host, button(refused, 'End round')))).toContain('Former player 1');

    const results = app.services.storage.results;
    expect((await results.statsFor(cy.user.id)).played).toBe(1);
    expect((await results.statsFor(host.user.id)).played).toBe(0);
    expect((await results.statsFor(bea.user.id)).played).toBe(0);
    expect((await results.statsFor('former-player-1')).played).toBe(0);
  });

  it('ends a round when everyone left has spent their moves, though someone in it was forgotten', async () => {
    const round = await roundWhereBeaIsForgotten('83000', 'forget-spent');
    const { cy } = round;
    const gameId = button(round.board, 'End round').split(':')[2]!;
    let board = await click(cy, button(round.board, '+1¢'));
    // The forgetting moved the board on; the refusal carries the current one.
    expect(text(board)).toContain('out of date');
    board = await click(cy, button(board, '+1¢'));
    expect((await app.services.storage.games.get(gameId))?.status).toBe('active');
    await click(cy, button(board, '+1¢'));
    expect((await app.services.storage.games.get(gameId))?.status).toBe('finished');
    expect((await app.services.storage.results.statsFor(cy.user.id)).played).toBe(1);
  });

  it('refuses a forged confirmation id', async () => {
    expect(text(await click(person('1'), 'privacy:forget:not-a-user'))).toContain('not one I recognise');
  });
});
