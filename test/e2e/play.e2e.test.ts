/**
 * End to end: the tuning games through the real bot process and the Discord test double — a whole bake
 * game through the modal to the reveal with its PNG, a lock game through the selects, a tune strum with
 * its audio, a train run, a restart mid-game with the old board still working, and stale, foreign and
 * doubled clicks.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../discord-double/types.js';
import { components, control, revealOf, type Component } from './board.js';
import { useScenario } from './scenario.js';

const scenario = useScenario();

const byLabel = (label: string) => (c: Component) => c.label === label;
const byAction = (action: string) => (c: Component) => c.custom_id.startsWith(`play:${action}:`);

async function start(game: string, userId: string, options: Record<string, string> = {}): Promise<StoredMessage> {
  const board = await (await scenario().double.slash('play', { subcommand: game, options }, scenario().as(userId))).settled();
  if (!board) throw new Error('no board');
  return board;
}

/** Opens the modal from a board's button and submits it; returns the interaction of the submit. */
async function submitThroughModal(board: StoredMessage, button: string, fields: Record<string, string>, userId: string) {
  const ctx = scenario().as(userId);
  const opened = await scenario().double.click(board.id, control(board, byLabel(button)).custom_id, ctx);
  const modal = await opened.response();
  expect(modal.type).toBe(9);
  return scenario().double.submitModal(modal.data.custom_id, fields, { ...ctx, messageId: board.id });
}

function fieldValue(message: StoredMessage, name: string): string | undefined {
  return message.embeds[0]?.fields?.find((f: { name: string }) => f.name === name)?.value;
}

describe('the tuning games on Discord', () => {
  it('plays a whole bake game through the modal to the reveal with a PNG and alt text', async () => {
    const ann = '200000000000000001';
    let board = await start('bake', ann, { seed: 'e2e-bake' });
    expect(board.embeds[0].title).toBe("Grandma's Bake");
    expect(fieldValue(board, 'Left')).toBe('8 of 8 bakes');
    const times = ['8', '11', '14', '17', '20', '23', '12.5', '15.5'];
    for (const minutes of times) {
      if (!components(board).some(byLabel('Bake…'))) break;
      const submitted = await submitThroughModal(board, 'Bake…', { minutes }, ann);
      expect((await submitted.response()).type).toBe(7);
      board = scenario().double.message(board.id)!;
      expect(board.embeds[0].description).toContain(`${minutes} min → tastes`);
    }
    const revealed = await revealOf(scenario().double, board.id);
    const png = revealed.attachments.find((a) => a.filename.endsWith('.png'))!;
    const image = PNG.sync.read(png.data);
    expect(image.width).toBeGreaterThanOrEqual(600);
    expect(png.description?.length).toBeGreaterThan(40);
    expect(revealed.attachments.some((a) => a.filename.endsWith('.gif') && a.data.subarray(0, 6).toString() === 'GIF89a')).toBe(true);
    expect(revealed.embeds[0].image?.url).toBe(`attachment://${png.filename}`);
    expect(components(revealed).map((c) => c.label)).toEqual(['Why?']);
    const why = await scenario().double.click(revealed.id, control(revealed, byLabel('Why?')).custom_id, scenario().as(ann));
    expect((await why.settled())?.embeds[0].description.length).toBeGreaterThan(100);
    expect(why.ephemeral).toBe(true);
  });

  it('refuses an out-of-range bake privately and loses nothing', async () => {
    const ann = '200000000000000002';
    const board = await start('bake', ann, { seed: 'e2e-range' });
    const submitted = await submitThroughModal(board, 'Bake…', { minutes: '31' }, ann);
    const answer = await submitted.settled();
    expect(answer?.content).toMatch(/5.*25/);
    expect(submitted.ephemeral).toBe(true);
    expect(fieldValue(scenario().double.message(board.id)!, 'Left')).toBe('8 of 8 bakes');
  });

  it('plays the lock through its dial menus and reports clicks', async () => {
    const bob = '200000000000000003';
    let board = await start('lock', bob, { seed: 'e2e-lock' });
    for (const [dial, digit] of [[0, '1'], [1, '2'], [2, '3']] as const) {
      const menu = control(board, (c) => c.custom_id.startsWith(`play:dial:`) && c.custom_id.split(':')[4] === String(dial));
      const picked = await scenario().double.select(board.id, menu.custom_id, [digit], scenario().as(bob));
      expect((await picked.response()).type).toBe(7);
      board = scenario().double.message(board.id)!;
    }
    const tryButton = control(board, byAction('try'));
    expect(tryButton.label).toBe('Try 1 2 3');
    await (await scenario().double.click(board.id, tryButton.custom_id, scenario().as(bob))).settled();
    board = scenario().double.message(board.id)!;
    expect(board.embeds[0].description).toMatch(/1\. `1 2 3` → (\*\*\d\*\* clicks?|\*\*open!\*\*)/);
    expect(fieldValue(board, 'Left')).toMatch(/^\d+ of \d+ tries$/);
  });

  it('strums the guitar with the chord attached as audio', async () => {
    const cy = '200000000000000004';
    let board = await start('tune', cy, { seed: 'e2e-tune' });
    expect(board.attachments.map((a) => a.filename)).toEqual(['strum.wav']);
    const picked = await scenario().double.select(board.id, control(board, byAction('string')).custom_id, ['A2'], scenario().as(cy));
    await picked.settled();
    board = scenario().double.message(board.id)!;
    const plusFive = control(board, byLabel('+5¢'));
    expect(plusFive.custom_id).toContain(':A2:5');
    await (await scenario().double.click(board.id, plusFive.custom_id, scenario().as(cy))).settled();
    board = scenario().double.message(board.id)!;
    expect(board.embeds[0].description).toContain('A2 +5¢ → sounds');
    const wav = board.attachments.find((a) => a.filename === 'strum.wav')!;
    expect(wav.data.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.data.subarray(8, 12).toString()).toBe('WAVE');
    expect(wav.description).toMatch(/sounds [\d.]+ out of 100/);
  });

  it('trains a real model from the modal’s settings', async () => {
    const dee = '200000000000000005';
    const board = await start('train', dee, { seed: 'e2e-train', difficulty: 'iris' });
    const fields = { learningRate: '0.05', epochs: '60', hiddenUnits: '16', batchSize: '16', weightDecay: '0.0001' };
    const submitted = await submitThroughModal(board, 'Train…', fields, dee);
    await submitted.settled();
    const after = scenario().double.message(board.id)!;
    const accuracy = Number(/→ \*\*([\d.]+)%\*\*/.exec(after.embeds[0].description)?.[1]);
    expect(accuracy).toBeGreaterThan(80);
  });

  it('refuses someone else’s solo game, and makes one move from a double click', async () => {
    const eve = '200000000000000006';
    const mallory = '200000000000000007';
    const board = await start('tune', eve, { seed: 'e2e-double' });
    const step = control(board, byLabel('+1¢')).custom_id;
    const foreign = await scenario().double.click(board.id, step, scenario().as(mallory));
    expect((await foreign.settled())?.content).toContain('Start your own with `/play tune`');
    expect(foreign.ephemeral).toBe(true);
    const [first, second] = await Promise.all([
      scenario().double.click(board.id, step, scenario().as(eve)),
      scenario().double.click(board.id, step, scenario().as(eve)),
    ]);
    const answers = await Promise.all([first.settled(), second.settled()]);
    const refused = [first, second].filter((r) => r.ephemeral);
    expect(refused.length).toBe(1);
    expect(answers.some((a) => a?.content?.includes('out of date') || a?.content?.includes('changed while you moved'))).toBe(true);
    expect(scenario().double.message(board.id)!.embeds[0].description.match(/E2 \+1¢/g)?.length).toBe(1);
  });

  it('refuses a click on an outdated board and a second, racing modal submit, showing the current board', async () => {
    const gil = '200000000000000009';
    const board = await start('bake', gil, { seed: 'e2e-stale' });
    const staleBake = control(board, byLabel('Bake…')).custom_id;
    const opened = await scenario().double.click(board.id, staleBake, scenario().as(gil));
    const modal = await opened.response();
    const ctx = { ...scenario().as(gil), messageId: board.id };
    const [first, second] = await Promise.all([
      scenario().double.submitModal(modal.data.custom_id, { minutes: '12' }, ctx),
      scenario().double.tampered.submitModal(modal.data.custom_id, { minutes: '13' }, ctx),
    ]);
    await Promise.all([first.settled(), second.settled()]);
    const current = scenario().double.message(board.id)!;
    expect(current.embeds[0].description.match(/^\d+\. /gm)?.length).toBe(1);
    expect([first, second].filter((r) => r.ephemeral).length).toBe(1);
    const stale = await scenario().double.tampered.click(board.id, staleBake, scenario().as(gil));
    const refusal = await stale.settled();
    expect(stale.ephemeral).toBe(true);
    expect(refusal?.content).toContain('out of date');
    expect(refusal?.embeds[0].description).toMatch(/1\. 1[23] min/);
    expect(fieldValue(scenario().double.message(board.id)!, 'Left')).toBe('7 of 8 bakes');
  });

  it('keeps a game going across a restart: the old board’s buttons still work', async () => {
    const fay = '200000000000000008';
    const board = await start('bake', fay, { seed: 'e2e-restart' });
    await (await submitThroughModal(board, 'Bake…', { minutes: '15' }, fay)).settled();
    await scenario().restart();
    const before = scenario().double.message(board.id)!;
    const submitted = await submitThroughModal(before, 'Bake…', { minutes: '16.5' }, fay);
    await submitted.settled();
    const after = scenario().double.message(board.id)!;
    expect(after.embeds[0].description).toContain('1. 15 min');
    expect(after.embeds[0].description).toContain('2. 16.5 min');
    expect(fieldValue(after, 'Left')).toBe('6 of 8 bakes');
  });

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
