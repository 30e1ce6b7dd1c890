/**
 * End to end with the least Discord may send: the double leaves out every interaction field its types
 * mark optional (no `guild`, `channel`, `channel_id`, `guild_locale`, `context`, no optional member
 * fields, bare subcommands without `options`). The main flows must work as they do with full payloads:
 * explain, every game started bare and played to its reveal, privacy, settings and the daily puzzle, in
 * a server and, for what makes sense there, in a DM with the bot.
 */
import { describe, expect, it } from 'vitest';
import type { InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { components, control, revealOf, type Component } from './board.js';
import { useScenario } from './scenario.js';

// Global commands, so that they can be used in DMs too.
const scenario = useScenario({ minimalPayloads: true, global: true });

const MANAGE_GUILD = (1n << 5n).toString();
const byLabel = (label: string) => (c: Component) => c.label === label;
const byAction = (action: string) => (c: Component) => c.custom_id.startsWith(`play:${action}:`);

function inDm(userId: string): InteractionCtx {
  return { user: scenario().double.user(userId), channelId: `5${userId.slice(1)}` };
}

async function bare(game: string, ctx: InteractionCtx): Promise<StoredMessage> {
  const started = await scenario().double.slash('play', { subcommand: game }, ctx);
  const board = await started.settled();
  expect(board?.embeds[0]?.title, board?.content).toBeTruthy();
  return board!;
}

async function press(board: StoredMessage, match: (c: Component) => boolean, ctx: InteractionCtx): Promise<StoredMessage> {
  await (await scenario().double.click(board.id, control(board, match).custom_id, ctx)).settled();
  return scenario().double.message(board.id)!;
}

async function throughModal(board: StoredMessage, button: string, fields: Record<string, string>, ctx: InteractionCtx): Promise<StoredMessage> {
  const opened = await scenario().double.click(board.id, control(board, byLabel(button)).custom_id, ctx);
  const modal = await opened.response();
  expect(modal.type).toBe(9);
  await (await scenario().double.submitModal(modal.data.custom_id, fields, { ...ctx, messageId: board.id })).settled();
  return scenario().double.message(board.id)!;
}

/** Gives up (Give up asks once), unless the game is already over, and waits for the reveal with its chart. */
async function finish(board: StoredMessage, ctx: InteractionCtx): Promise<StoredMessage> {
  // A bare /play picks a fresh seed, so now and then the first move already solves the puzzle.
  const solved = !components(board).some((c) => c.label === 'Give up');
  if (!solved) {
    const asked = await press(board, byLabel('Give up'), ctx);
    await press(asked, byLabel('Yes, give up'), ctx);
  }
  const revealed = await revealOf(scenario().double, board.id);
  expect(components(revealed).map((c) => c.label)).toContain('Why?');
  return revealed;
}

describe('the bot with minimal Discord payloads', () => {
  it('explains a topic and changes its level, in a server and in a DM', async () => {
    for (const ctx of [scenario().as('210000000000000001'), inDm('210000000000000002')]) {
      const answer = await (await scenario().double.slash('explain', { topic: 'learning-rate' }, ctx)).settled();
      expect(answer?.embeds[0].title).toMatch(/learning rate/i);
      const deeper = await press(answer!, byLabel('Deeper'), ctx);
      expect(deeper.embeds[0].description).toBeTruthy();
      expect(deeper.embeds[0].description).not.toBe(answer!.embeds[0].description);
    }
  });

  it('plays bake started bare to its reveal', async () => {
    const ctx = scenario().as('210000000000000003');
    let board = await bare('bake', ctx);
    board = await throughModal(board, 'Bake…', { minutes: '15' }, ctx);
    expect(board.embeds[0].description).toContain('15 min → tastes');
    await finish(board, ctx);
  });

  it('plays lock started bare to its reveal', async () => {
    const ctx = scenario().as('210000000000000004');
    let board = await bare('lock', ctx);
    for (let dial = 0; components(board).some((c) => c.custom_id.startsWith('play:dial:') && c.custom_id.split(':')[4] === String(dial)); dial++) {
      const menu = control(board, (c) => c.custom_id.startsWith('play:dial:') && c.custom_id.split(':')[4] === String(dial));
      await (await scenario().double.select(board.id, menu.custom_id, ['1'], ctx)).settled();
      board = scenario().double.message(board.id)!;
    }
    board = await press(board, byAction('try'), ctx);
    expect(board.embeds[0].description).toMatch(/1\. `[1 ]+` →/);
    await finish(board, ctx);
  });

  it('plays tune started bare to its reveal', async () => {
    const ctx = scenario().as('210000000000000005');
    let board = await bare('tune', ctx);
    await (await scenario().double.select(board.id, control(board, byAction('string')).custom_id, ['A2'], ctx)).settled();
    board = await press(scenario().double.message(board.id)!, byLabel('+5¢'), ctx);
    expect(board.embeds[0].description).toContain('A2 +5¢ → sounds');
    await finish(board, ctx);
  });

  it('plays train started bare to its reveal', async () => {
    const ctx = scenario().as('210000000000000006');
    let board = await bare('train', ctx);
    const fields = { learningRate: '0.05', epochs: '40', hiddenUnits: '16', batchSize: '16', weightDecay: '0.0001' };
    board = await throughModal(board, 'Train…', fields, ctx);
    expect(board.embeds[0].description).toMatch(/→ \*\*[\d.]+%\*\*/);
    await finish(board, ctx);
  });

  it('plays a game started bare in a DM', async () => {
    const ctx = inDm('210000000000000007');
    const board = await bare('bake', ctx);
    const after = await throughModal(board, 'Bake…', { minutes: '12' }, ctx);
    expect(after.embeds[0].description).toContain('12 min → tastes');
  });

  it('shows and forgets what it keeps, in a server and in a DM', async () => {
    const ctx = scenario().as('210000000000000003');
    const shown = await (await scenario().double.slash('privacy', { subcommand: 'show' }, ctx)).settled();
    expect(shown?.content).toMatch(/\*\*Games you started:\*\* [1-9]/);
    const asked = await (await scenario().double.slash('privacy', { subcommand: 'forget' }, ctx)).settled();
    const done = await press(asked!, byLabel('Delete my data'), ctx);
    expect(done.content).toMatch(/^Done\. I deleted [1-9]\d* games?/);
    const dm = inDm('210000000000000007');
    const inDmShown = await (await scenario().double.slash('privacy', { subcommand: 'show' }, dm)).settled();
    expect(inDmShown?.content).toMatch(/\*\*Games you started:\*\* 1/);
  });

  it('shows the server settings to a member who may manage them', async () => {
    const shown = await (await scenario().double.slash('settings', { subcommand: 'show' }, scenario().as('210000000000000008', MANAGE_GUILD))).settled();
    expect(shown?.content ?? shown?.embeds[0]?.description).toMatch(/daily/i);
  });

  it('starts the daily puzzle in a server and in a DM', async () => {
    const server = await (await scenario().double.slash('daily', { game: 'bake' }, scenario().as('210000000000000009'))).settled();
    expect(server?.content).toContain("Today's Grandma's Bake");
    const dm = await (await scenario().double.slash('daily', { game: 'lock' }, inDm('210000000000000009'))).settled();
    expect(dm?.content).toMatch(/^Today's .*the same puzzle for everyone/);
  });

  it('answers /level, /stats and /help in a DM', async () => {
    const ctx = inDm('210000000000000010');
    expect((await (await scenario().double.slash('level', { level: 2 }, ctx)).settled())?.content).toMatch(/2/);
    expect((await (await scenario().double.slash('stats', {}, ctx)).settled())?.content).toContain('not finished a game everywhere yet');
    const played = inDm('210000000000000004');
    expect((await (await scenario().double.slash('stats', {}, played)).settled())?.embeds[0]?.description).toMatch(/everywhere$/);
    expect((await (await scenario().double.slash('help', {}, ctx)).settled())?.embeds.length).toBeGreaterThan(0);
  });

  it('keeps server-only commands out of DMs', () => {
    const dmOnly = scenario().double.commands().filter((command) => command.contexts?.includes(1));
    expect(dmOnly.map((command) => command.name).sort()).toEqual(['ask', 'daily', 'explain', 'help', 'level', 'path', 'play', 'playground', 'privacy', 'progress', 'quiz', 'review', 'stats']);
    expect(scenario().double.commands().every((command) => command.contexts?.includes(0) && command.integration_types?.join() === '0')).toBe(true);
  });

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
