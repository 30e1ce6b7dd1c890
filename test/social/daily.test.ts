/**
 * /daily as competition that cannot be gamed, through the real router on a real SQLite file: one game per
 * person per day even when two requests arrive at once, a puzzle that cannot be scouted with /play, and a
 * day that stays played after /privacy forget.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse, ComponentRequest, ComponentView, Invocation } from '../../src/command-layer/types.js';
import { dailyPuzzles, dailySecret } from '../../src/social/daily-puzzles.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { openTempStorage } from './storage-fixture.js';

let app: TestApp;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-12-03T12:00:00Z');
  app = await createTestApp(() => clock);
});
afterEach(async () => app.dispose());

function button(response: CommandResponse, label: string): string {
  const found = message(response).rows?.flat().find((c) => c.type === 'button' && c.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.customId;
}
const gameIdOf = (response: CommandResponse) => /game ([0-9A-Za-z]{10})/.exec(text(response))?.[1];

async function slash(who: Invocation, command: string, subcommand: string | null, options: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 5_000);
  return app.router.slash({ ...who, command, subcommand, options });
}
async function click(who: Invocation, customId: string) {
  clock = new Date(clock.getTime() + 5_000);
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: '1' };
  return app.router.component(request);
}

describe('one game per person per daily puzzle', () => {
  it('starts one game when two /daily arrive at the same moment; the other resumes it', async () => {
    const ann = person('700000000000000001', 'Ann');
    const answers = await Promise.all([
      app.router.slash({ ...ann, command: 'daily', subcommand: null, options: { game: 'bake' } }),
      app.router.slash({ ...ann, command: 'daily', subcommand: null, options: { game: 'bake' } }),
    ]);
    const games = await app.services.storage.games.listByOwner(ann.user.id);
    expect(games).toHaveLength(1);
    expect(answers.map(gameIdOf)).toEqual([games[0]!.id, games[0]!.id]);
    expect(answers.map((a) => message(a).content).sort()).toEqual([
      "Today's Grandma's Bake: the same puzzle for everyone. One attempt.",
      "Your attempt at today's puzzle, where you left it:",
    ].sort());
  });

  it.each(DATABASE_KINDS)('lets only one of two storages on one %s database claim the day (two bot processes)', async (kind) => {
    const temp = await openTempStorage(kind);
    const second = await temp.openAgain();
    try {
      const attempt = { key: 'k'.repeat(64), game: 'bake' as const, day: '2026-12-03' };
      const record = { game: 'bake' as const, mode: 'daily' as const, ownerId: '1', seed: 'daily-2026-12-03-x', difficulty: 'normal', state: {} };
      // The only thing the two share is the database, so its key is what refuses the second claim. On
      // PostgreSQL, the database for several processes, both claim at the same moment; a SQLite file serves
      // one process, so there the second claim comes after the first.
      const claim = (storage: typeof second) => storage.dailyAttempts.startOnce(attempt, record);
      const claims =
        kind === 'postgres' ? await Promise.all([claim(temp.storage), claim(second)]) : [await claim(temp.storage), await claim(second)];
      const won = claims.find((claim) => claim.started);
      const lost = claims.find((claim) => !claim.started);
      expect(won).toBeDefined();
      expect(lost).toBeDefined();
      expect(lost?.game?.id).toBe(won?.game?.id);
      expect(await temp.storage.games.listByOwner('1')).toHaveLength(1);
      // Another game or another day is another attempt.
      expect((await second.dailyAttempts.startOnce({ ...attempt, key: 'l'.repeat(64), game: 'lock' }, { ...record, game: 'lock' })).started).toBe(true);
      expect(await temp.storage.dailyAttempts.pruneBefore('2026-12-04')).toBe(2);
      expect(await temp.storage.dailyAttempts.find([attempt.key])).toEqual([]);
    } finally {
      await second.close();
      await temp.dispose();
    }
  });
});

describe('a daily puzzle that cannot be scouted', () => {
  it('never prints the daily seed, and /play refuses daily seeds, old-style or real', async () => {
    const ann = person('700000000000000002', 'Ann');
    const board = await slash(ann, 'daily', null, { game: 'bake' });
    const seed = app.services.daily.seed('bake', '2026-12-03');
    const [stored] = await app.services.storage.games.listByOwner(ann.user.id);
    expect(stored?.seed).toBe(seed);
    expect(text(board)).not.toContain(seed);
    expect(text(board)).not.toMatch(/seed:|daily-2026/);
    expect(text(board)).toContain('Same puzzle for friends: /daily bake');
    expect(text(board)).toContain(`Puzzle: Daily #337 · ${stored?.difficulty}`);

    const bea = person('700000000000000003', 'Bea');
    for (const tried of [seed, 'daily-2026-12-03', 'DAILY-2026-12-03', ' daily-2026-12-04']) {
      const refused = await slash(bea, 'play', 'bake', { seed: tried });
      expect(message(refused).ephemeral).toBe(true);
      // The real seed is also longer than /play's seed option allows; either refusal will do.
      expect(text(refused)).toMatch(tried === seed ? /belong to the daily puzzles|must be text of/ : /belong to the daily puzzles/);
    }
    expect(await app.services.storage.games.listByOwner(bea.user.id)).toEqual([]);
    // Other seeds still play, and still print, so friends can share them.
    expect(text(await slash(bea, 'play', 'bake', { seed: 'maple-42' }))).toContain('seed:maple-42');
  });

  it('derives seeds with a secret the server keeps across restarts, or the one the host sets', async () => {
    const temp = await openTempStorage();
    try {
      const first = await dailySecret(undefined, temp.storage.secrets);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      const reopened = await temp.openAgain();
      expect(await dailySecret(undefined, reopened.secrets)).toBe(first);
      await reopened.close();
      expect(await dailySecret('set by the host in DAILY_SECRET', temp.storage.secrets)).toBe('set by the host in DAILY_SECRET');
    } finally {
      await temp.dispose();
    }
    // Another server's key gives another puzzle on the same day: the date alone does not tell it.
    expect(dailyPuzzles('set by the host in DAILY_SECRET').seed('bake', '2026-12-03')).not.toBe(app.services.daily.seed('bake', '2026-12-03'));
  });
});

describe('/privacy forget and the day’s attempt', () => {
  it('keeps today played after forgetting, with a mark that names nobody, and says so', async () => {
    const ann = person('700000000000000004', 'Ann');
    await slash(ann, 'daily', null, { game: 'lock' });
    expect(text(await slash(ann, 'privacy', 'show'))).toMatch(/\*\*Daily attempts today:\*\* lock — one mark per daily puzzle you start: a keyed hash/);

    const asked = await slash(ann, 'privacy', 'forget');
    expect(text(asked)).toContain("Today's daily puzzles you started still count as played");
    const done = await click(ann, button(asked, 'Delete my data'));
    expect(text(done)).toContain('I deleted 1 game');
    expect(text(done)).toContain("Today's daily puzzles you started stay played");
    expect(await app.services.storage.games.listByOwner(ann.user.id)).toEqual([]);

    const again = await slash(ann, 'daily', null, { game: 'lock' });
    expect(message(again).ephemeral).toBe(true);
    expect(text(again)).toContain("You have had today's Crack the Lock attempt already");
    expect(await app.services.storage.games.listByOwner(ann.user.id)).toEqual([]);
    const key = app.services.daily.attemptKey(ann.user.id, 'lock', '2026-12-03');
    const [mark] = await app.services.storage.dailyAttempts.find([key]);
    expect(mark).toEqual({ key, game: 'lock', day: '2026-12-03', gameId: null });
    expect(JSON.stringify(mark)).not.toContain(ann.user.id);
    expect(text(await slash(ann, 'privacy', 'show'))).toContain('**Daily attempts today:** lock');

    // Another game is another attempt; the next day, the marks go and the puzzle is new.
    expect(message(await slash(ann, 'daily', null, { game: 'bake' })).content).toContain("Today's Grandma's Bake");
    clock = new Date('2026-12-04T01:00:00Z');
    const daily = app.services.commands().find((c) => c.data.toJSON().name === 'daily');
    for (const job of daily?.scheduled ?? []) await job.run(app.services);
    expect(await app.services.storage.dailyAttempts.find([key])).toEqual([]);
    expect(message(await slash(ann, 'daily', null, { game: 'lock' })).content).toContain("Today's Crack the Lock");
  });
});

describe('giving up asks once', () => {
  const controlsOf = (response: CommandResponse) => message(response).rows?.flat() ?? [];
  const labelOf = (c: ComponentView) => (c.type === 'button' ? c.label : c.placeholder);
  async function select(who: Invocation, customId: string, value: string) {
    clock = new Date(clock.getTime() + 5_000);
    return app.router.component({ ...who, source: 'select', customId, values: [value], fields: {}, messageId: '1' });
  }

  it('turns Give up into a question; Keep playing restores the board, a stale Yes shows the board as it is', async () => {
    const ann = person('700000000000000005', 'Ann');
    let board = await slash(ann, 'daily', null, { game: 'lock' });
    const dial = controlsOf(board).find((c) => c.customId.startsWith('play:dial:') && c.customId.split(':')[4] === '0')!;
    board = await select(ann, dial.customId, '4');

    const asked = await click(ann, button(board, 'Give up'));
    expect(asked.kind).toBe('update');
    const question = controlsOf(asked);
    const really = question.find((c) => labelOf(c) === 'Really give up?');
    expect(really?.type === 'button' && really.disabled).toBe(true);
    expect(question.map(labelOf)).toEqual(expect.arrayContaining(['Yes, give up', 'Keep playing']));
    const [stored] = await app.services.storage.games.listByOwner(ann.user.id);
    expect(stored?.status).toBe('active');

    // Keep playing: the board as it was, the dial set before the question still set.
    const kept = await click(ann, button(asked, 'Keep playing'));
    expect(controlsOf(kept).map(labelOf)).not.toContain('Yes, give up');
    const firstDial = controlsOf(kept).find((c) => c.customId.startsWith('play:dial:') && c.customId.split(':')[4] === '0');
    expect(firstDial?.type === 'select' && firstDial.options.find((o) => o.isDefault)?.value).toBe('4');

    // A question left open while the game moved on is stale: nothing happens but a look at the board.
    const again = await click(ann, button(kept, 'Give up'));
    const staleYes = button(again, 'Yes, give up');
    board = kept;
    for (const [i, digit] of [[1, '0'], [2, '7']] as const) {
      const menu = controlsOf(board).find((c) => c.customId.startsWith('play:dial:') && c.customId.split(':')[4] === String(i))!;
      board = await select(ann, menu.customId, digit);
    }
    const moved = await click(ann, button(board, 'Try 4 0 7'));
    const refused = await click(ann, staleYes);
    expect(message(refused).ephemeral).toBe(true);
    expect(message(refused).content).toContain('That board was out of date, so nothing happened');
    expect((await app.services.storage.games.get(stored!.id))?.status).toBe('active');

    const yes = await click(ann, button(await click(ann, button(moved, 'Give up')), 'Yes, give up'));
    expect(text(yes)).toContain('**You gave up** after 1 try');
    expect((await app.services.storage.games.get(stored!.id))?.status).toBe('finished');
  });

  it('asks in every game, within Discord’s five buttons a row', async () => {
    const bea = person('700000000000000006', 'Bea');
    for (const game of ['bake', 'tune', 'train']) {
      const board = await slash(bea, 'play', game, { seed: `ask-${game}`, mode: game === 'bake' ? 'race' : undefined });
      const asked = await click(bea, button(board, 'Give up'));
      const rows = message(asked).rows ?? [];
      expect(rows.flat().map(labelOf)).toEqual(expect.arrayContaining(['Really give up?', 'Yes, give up', 'Keep playing']));
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
      expect(rows.length).toBeLessThanOrEqual(5);
    }
  });
});
