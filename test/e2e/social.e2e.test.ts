/**
 * End to end on the Discord test double: /settings refused without Manage Server and accepted with it,
 * the daily post sent by the bot's own scheduler when it starts (and not again after a restart),
 * /leaderboard and /stats from stored results, and /privacy forget with its confirmation button.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { utcDay } from '../../src/social/days.js';
import { clearOfUtcMidnight } from './clock.js';
import { CHANNEL_ID, GUILD_ID } from './harness.js';
import { useScenario } from './scenario.js';

const MANAGE_GUILD = '32';

const scenario = useScenario();

/** Results as /play would record them, written into the bot's database file. */
function seedResults(rows: { user: string; score: number; mode?: string }[]): void {
  const db = new Database(scenario().databasePath);
  const insert = db.prepare('INSERT INTO results (game_record_id, user_id, guild_id, game, mode, score, won, moves, finished_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const now = new Date();
  for (const [i, row] of rows.entries()) {
    insert.run(`e2e${i}-${row.user}`, row.user, GUILD_ID, 'bake', row.mode ?? 'daily', row.score, row.score >= 50 ? 1 : 0, 4, now.toISOString(), utcDay(now));
  }
  db.close();
}

const dailyPosts = () => scenario().double.channelMessages(CHANNEL_ID).filter((m) => m.embeds[0]?.title?.startsWith("Today's puzzles"));

/** The state of the fixture guild's latest daily post in the bot's database ('claimed' until it is marked sent). */
function dailyPostStatus(): string | undefined {
  const db = new Database(scenario().databasePath, { readonly: true });
  try {
    const row = db.prepare('SELECT status FROM daily_posts WHERE guild_id = ? ORDER BY local_date DESC').get(GUILD_ID) as { status: string } | undefined;
    return row?.status;
  } finally {
    db.close();
  }
}

describe('the social commands on Discord', () => {
  it('registers /settings for Manage Server only, so Discord refuses an ordinary member', async () => {
    const command = scenario().double.commands(GUILD_ID).find((c) => c.name === 'settings');
    expect(command?.default_member_permissions).toBe(MANAGE_GUILD);
    // Discord's servers check command permissions even for a modified client; the bot's own run-time check
    // (for servers that grant the command to other roles) is covered in test/social/commands.test.ts.
    const member = scenario().as('110000000000000001', '0');
    await expect(scenario().double.slash('settings', { subcommand: 'set', options: { 'daily-channel': CHANNEL_ID } }, member)).rejects.toThrow(
      /hidden from this user: needs permissions 32/,
    );
    await expect(scenario().double.tampered.slash('settings', { subcommand: 'show' }, member)).rejects.toThrow(/needs permissions 32/);
  });

  it('accepts settings from a member with Manage Server, and posts the daily on start, once', async () => {
    // Across UTC midnight a second post would be due, for the new day.
    await clearOfUtcMidnight();
    const admin = scenario().as('110000000000000002', MANAGE_GUILD);
    const bad = await (await scenario().double.slash('settings', { subcommand: 'set', options: { 'daily-channel': CHANNEL_ID, timezone: 'Moon/Base' } }, admin)).settled();
    expect(bad?.content).toContain('not a time zone I know');
    // Once saved the post is due, so the running bot's minute tick may start posting it just as the restart
    // stops that bot; shutting down waits for that post, so either way exactly one goes out.
    const saved = await (
      await scenario().double.slash('settings', { subcommand: 'set', options: { 'daily-channel': CHANNEL_ID, 'daily-time': '00:00', timezone: 'UTC' } }, admin)
    ).settled();
    expect(saved?.content).toContain(`Saved. Daily post: <#${CHANNEL_ID}> at **00:00** UTC`);

    // 00:00 has passed today, so the post is due; the scheduler's start-up tick sends it.
    await scenario().restart();
    await expect.poll(() => dailyPosts().length, { timeout: 20_000 }).toBe(1);
    expect(dailyPosts()[0]?.embeds[1]?.title).toContain('Yesterday');
    // The message arrives a moment before the bot marks the post sent, which /settings show reads.
    await expect.poll(dailyPostStatus, { timeout: 20_000 }).toBe('posted');
    await scenario().restart();
    // Once the new bot's catch-up tick is done, a second post would already be here.
    await scenario().bot.waitForOutput('start-up jobs done', 20_000);
    const shown = await (await scenario().double.slash('settings', { subcommand: 'show' }, admin)).settled();
    expect(shown?.content).toContain(`Last post: ${utcDay(new Date())}`);
    expect(dailyPosts()).toHaveLength(1);
  }, 180_000);

  it('answers /leaderboard and /stats from stored results', async () => {
    // The results are stamped with today, and the bot's "today" must be the same day.
    await clearOfUtcMidnight();
    seedResults([
      { user: '120000000000000001', score: 91 },
      { user: '120000000000000002', score: 75, mode: 'daily' },
      { user: '120000000000000003', score: 40 },
    ]);
    const ann = scenario().as('120000000000000002');
    const board = await (await scenario().double.slash('leaderboard', { game: 'bake', period: 'today' }, ann)).settled();
    const text = board?.embeds[0]?.description ?? '';
    expect(text).toContain('🥇 <@120000000000000001> — 91');
    expect(text).toMatch(/🥈 .+ — 75/);
    expect(text).toContain('You are #2 of 3.');
    expect(board?.content ?? '').not.toContain('@everyone');

    const stats = await (await scenario().double.slash('stats', {}, ann)).settled();
    const fields = Object.fromEntries((stats?.embeds[0]?.fields ?? []).map((f: { name: string; value: string }) => [f.name, f.value]));
    expect(fields['Games played']).toBe('1');
    expect(fields['Daily streak']).toBe('current 1 day, longest 1 day');
  }, 120_000);

  it('forgets a player after they confirm, and the leaderboard no longer shows them', async () => {
    await clearOfUtcMidnight();
    seedResults([{ user: '130000000000000001', score: 88 }]);
    const ann = scenario().as('130000000000000001');
    const other = scenario().as('130000000000000002');
    const before = await (await scenario().double.slash('leaderboard', { game: 'bake', period: 'all' }, other)).settled();
    expect(before?.embeds[0]?.description).toContain('130000000000000001');
    const asked = await scenario().double.slash('privacy', { subcommand: 'forget' }, ann);
    const question = await asked.settled();
    expect(asked.ephemeral).toBe(true);
    const confirm = question?.components[0]?.components.find((c: { label?: string }) => c.label === 'Delete my data');
    const clicked = await scenario().double.click(question!.id, confirm.custom_id, ann);
    expect((await clicked.response()).type).toBe(7);
    expect(scenario().double.message(question!.id)?.content).toContain('I deleted 0 games, 1 result');

    const board = await (await scenario().double.slash('leaderboard', { game: 'bake', period: 'all' }, other)).settled();
    expect(board?.embeds[0]?.description).not.toContain('130000000000000001');
    const shown = await (await scenario().double.slash('privacy', { subcommand: 'show' }, ann)).settled();
    expect(shown?.content).toContain('**Results:** 0');
  }, 120_000);

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
