/**
 * End to end, the social modes of /play and /daily through the real bot and the Discord test double:
 * a group round with three players to its reveal, a race against the optimiser to its end, and the
 * daily puzzle played by two people in two servers, with a second attempt refused.
 */
import { describe, expect, it } from 'vitest';
import type { InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { CHANNEL_ID, GUILD_ID, OTHER_CHANNEL_ID, OTHER_GUILD_ID } from './harness.js';
import { components, control, revealOf } from './board.js';
import { clearOfUtcMidnight } from './clock.js';
import { useScenario } from './scenario.js';
import { dialsFor, secretCombination } from '../../src/games/lock.js';
import { dailyPuzzles } from '../../src/social/daily-puzzles.js';
import { utcDay } from '../../src/social/days.js';

// A known key, so the test can work out today's daily lock and make sure its first try is wrong.
const DAILY_SECRET = 'modes-e2e-daily-secret-0123456789';
const scenario = useScenario({ global: true, botSettings: { DAILY_SECRET } });

/** A try that opens no dial of today's daily lock: each digit five away from the secret one. */
function wrongTryAtTodaysLock(): string[] {
  const secret = secretCombination(dailyPuzzles(DAILY_SECRET).seed('lock', utcDay(new Date())), dialsFor('normal'));
  return secret.map((digit) => String((digit + 5) % 10));
}

function field(message: StoredMessage, prefix: string): string {
  return message.embeds[0]?.fields?.find((f: { name: string }) => f.name.startsWith(prefix))?.value ?? '';
}

const revealFor = (id: string) => revealOf(scenario().double, id);

async function bake(board: StoredMessage, minutes: string, ctx: InteractionCtx) {
  const opened = await scenario().double.click(board.id, control(board, 'Bake…').custom_id, ctx);
  const modal = await opened.response();
  if (modal.type !== 9) return opened;
  return scenario().double.submitModal(modal.data.custom_id, { minutes }, { ...ctx, messageId: board.id });
}

describe('group rounds', () => {
  it('lets three people share one board, each with their own budget, to a reveal that compares the group', async () => {
    const [ann, bob, cy] = ['300000000000000001', '300000000000000002', '300000000000000003'].map((id) => scenario().as(id));
    let board = (await (await scenario().double.slash('play', { subcommand: 'bake', options: { seed: 'group-e2e', mode: 'group', minutes: 30 } }, ann!)).settled())!;
    expect(control(board, 'End round')).toBeDefined();
    expect(field(board, 'Scoreboard')).toContain('Nobody yet');
    const plan: [InteractionCtx, string][] = [
      [ann!, '8'], [bob!, '11'], [cy!, '14'],
      [ann!, '17'], [bob!, '20'], [cy!, '23'],
      [ann!, '10'], [bob!, '12.5'], [cy!, '15.5'],
    ];
    for (const [who, minutes] of plan) {
      board = scenario().double.message(board.id)!;
      if (!components(board).some((c) => c.label === 'Bake…')) break;
      await (await bake(board, minutes, who)).settled();
    }
    board = scenario().double.message(board.id)!;
    const scoreboard = field(board, 'Scoreboard');
    expect(scoreboard.split('\n').length).toBe(3);
    expect(board.embeds[0].description).toMatch(/\*\*learner\d+\*\*: 8 min/);
    const revealed = await revealFor(board.id);
    expect(revealed.embeds[0].fields.map((f: { name: string }) => f.name)).toContain('A group is a search too');
    expect(revealed.embeds[0].description).toMatch(/Everyone has made their moves|Solved/);
  });

  it('refuses a fourth move from one player and End from anyone but the host, who may end it after spending their moves', async () => {
    const [host, dee] = ['300000000000000004', '300000000000000005'].map((id) => scenario().as(id));
    let board = (await (await scenario().double.slash('play', { subcommand: 'tune', options: { seed: 'group-limits', mode: 'group' } }, host!)).settled())!;
    for (let i = 0; i < 3; i++) {
      board = scenario().double.message(board.id)!;
      await (await scenario().double.click(board.id, control(board, '+1¢').custom_id, dee!)).settled();
    }
    board = scenario().double.message(board.id)!;
    const fourth = await scenario().double.click(board.id, control(board, '+1¢').custom_id, dee!);
    expect((await fourth.settled())?.content).toContain('You have made your 3 moves');
    const end = await scenario().double.click(board.id, control(board, 'End round').custom_id, dee!);
    expect((await end.settled())?.content).toContain('Only the person who started this round can end it');
    // A third player still has moves left, so the round stays open after the host spends all of theirs.
    board = scenario().double.message(board.id)!;
    await (await scenario().double.click(board.id, control(board, '+5¢').custom_id, scenario().as('300000000000000009'))).settled();
    for (let i = 0; i < 3; i++) {
      board = scenario().double.message(board.id)!;
      await (await scenario().double.click(board.id, control(board, '-1¢').custom_id, host!)).settled();
    }
    board = scenario().double.message(board.id)!;
    await (await scenario().double.click(board.id, control(board, 'End round').custom_id, host!)).settled();
    expect(scenario().double.message(board.id)!.embeds[0].description).toContain('The host ended the round');
  });
});

describe('racing the optimiser', () => {
  it('answers every move with the optimiser’s own, shows what it thinks, and ends with a winner', async () => {
    const eve = scenario().as('300000000000000006');
    let board = (await (await scenario().double.slash('play', { subcommand: 'bake', options: { seed: 'race-e2e-3', mode: 'race' } }, eve)).settled())!;
    expect(field(board, 'The optimiser')).toContain('Waiting for your first move');
    board = scenario().double.message(board.id)!;
    await (await bake(board, '6', eve)).settled();
    board = scenario().double.message(board.id)!;
    expect(field(board, 'The optimiser')).toMatch(/\n1 bake, best/);
    const thinking = await scenario().double.click(board.id, control(board, 'What is it thinking?').custom_id, eve);
    const thoughts = await thinking.settled();
    expect(thinking.ephemeral).toBe(true);
    expect(thoughts?.attachments[0]?.filename).toBe('optimiser-belief.png');
    for (const minutes of ['7', '24', '25', '5.5', '6.5', '7.5', '23.5']) {
      board = scenario().double.message(board.id)!;
      if (!components(board).some((c) => c.label === 'Bake…')) break;
      await (await bake(board, minutes, eve)).settled();
    }
    const revealed = await revealFor(board.id);
    expect(revealed.embeds[0].description).toMatch(/The optimiser won this race|The optimiser made a perfect bake first|You beat the optimiser|A tie/);
  });
});

describe('the daily challenge', () => {
  it('gives two people in two servers the same puzzle, resumes an unfinished attempt and refuses a second one', async () => {
    // The daily puzzle, the attempt it resumes and the one it refuses all belong to the UTC day.
    await clearOfUtcMidnight();
    const fay: InteractionCtx = { user: scenario().double.user('300000000000000007'), guildId: GUILD_ID, channelId: CHANNEL_ID };
    const gus: InteractionCtx = { user: scenario().double.user('300000000000000008'), guildId: OTHER_GUILD_ID, channelId: OTHER_CHANNEL_ID };
    const boards: StoredMessage[] = [];
    const wrongTry = wrongTryAtTodaysLock();
    const shown = `\`${wrongTry.join(' ')}\``;
    for (const who of [fay, gus]) {
      let board = (await (await scenario().double.slash('daily', { game: 'lock' }, who)).settled())!;
      for (const [dial, digit] of wrongTry.entries()) {
        const menu = components(board).find((c) => c.custom_id.startsWith('play:dial:') && c.custom_id.split(':')[4] === String(dial))!;
        await (await scenario().double.select(board.id, menu.custom_id, [digit], who)).settled();
        board = scenario().double.message(board.id)!;
      }
      await (await scenario().double.click(board.id, components(board).find((c) => c.custom_id.startsWith('play:try:'))!.custom_id, who)).settled();
      boards.push(scenario().double.message(board.id)!);
    }
    const [fayBoard, gusBoard] = boards as [StoredMessage, StoredMessage];
    expect(field(fayBoard, 'Puzzle')).toBe(field(gusBoard, 'Puzzle'));
    // The board names the daily by its number and never prints its seed, which /play would refuse anyway.
    expect(field(fayBoard, 'Puzzle')).toMatch(/^Daily #\d+ · /);
    expect(JSON.stringify(fayBoard)).not.toMatch(/seed:|daily-\d{4}/);
    const clicks = (m: StoredMessage) => new RegExp(`1\\. ${shown} → (.*)`).exec(m.embeds[0].description)?.[1];
    expect(clicks(fayBoard)).toBeDefined();
    expect(clicks(fayBoard)).toBe(clicks(gusBoard));

    const resumed = await (await scenario().double.slash('daily', { game: 'lock' }, gus)).settled();
    expect(resumed?.content).toContain('where you left it');
    expect(resumed?.embeds[0].description).toContain(`1. ${shown}`);

    // Giving up asks first; the question replaces the button on the same board.
    await (await scenario().double.click(fayBoard.id, control(fayBoard, 'Give up').custom_id, fay)).settled();
    const asking = scenario().double.message(fayBoard.id)!;
    expect(control(asking, 'Really give up?').disabled).toBe(true);
    await (await scenario().double.click(fayBoard.id, control(asking, 'Yes, give up').custom_id, fay)).settled();
    const shared = await revealFor(fayBoard.id);
    expect(shared.content).toMatch(/Tuning Fork Crack the Lock #\d+ · 0\/100 · 1 move/);
    const again = await scenario().double.slash('daily', { game: 'lock' }, fay);
    const refusal = await again.settled();
    expect(again.ephemeral).toBe(true);
    expect(refusal?.content).toContain("You have played today's Crack the Lock already");
    expect(refusal?.content).toMatch(/#\d+ · 0\/100/);
  }, 120_000);

  it('starts one game when two /daily arrive at the same moment', async () => {
    await clearOfUtcMidnight();
    const hal: InteractionCtx = { user: scenario().double.user('300000000000000009'), guildId: GUILD_ID, channelId: CHANNEL_ID };
    // Two devices (or a double click on a laggy client): both interactions are in flight together.
    const sent = await Promise.all([scenario().double.slash('daily', { game: 'bake' }, hal), scenario().double.slash('daily', { game: 'bake' }, hal)]);
    const answers = await Promise.all(sent.map((s) => s.settled()));
    const gameIds = answers.map((a) => /game ([0-9A-Za-z]{10})/.exec(a?.embeds[0]?.footer?.text ?? '')?.[1]);
    expect(gameIds[0]).toBeDefined();
    expect(gameIds[1]).toBe(gameIds[0]);
    expect(answers.map((a) => a?.content).sort()).toEqual(["Today's Grandma's Bake: the same puzzle for everyone. One attempt.", "Your attempt at today's puzzle, where you left it:"]);
  }, 120_000);

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
