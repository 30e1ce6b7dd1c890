/**
 * The /play board through the command layer: what tune's board keeps between strums and shows as its
 * reference, and what a group round's reveal says the group was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse, ComponentView, MessageView } from '../../src/command-layer/types.js';
import { formatNumber } from '../../commands/play/turn-text.js';
import { startingScore, tune } from '../../src/games/tune.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(() => new Date('2026-11-27T12:00:00Z'));
});

afterEach(async () => {
  await app.dispose();
});

function messageOf(response: CommandResponse): MessageView {
  if (response.kind === 'modal') throw new Error('expected a board');
  return response.message;
}

function componentsOf(message: MessageView): ComponentView[] {
  return message.rows?.flat() ?? [];
}

function button(message: MessageView, label: string): string {
  const found = componentsOf(message).find((c) => c.type === 'button' && c.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.customId;
}

function stringMenu(message: MessageView) {
  const menu = componentsOf(message).find((c) => c.type === 'select' && c.customId.startsWith('play:string:'));
  if (!menu || menu.type !== 'select') throw new Error('no string menu');
  return menu;
}

describe('the tune board', () => {
  const player = person('400000000000000011', 'Tess');

  it('keeps the string you picked after a strum, so the next press turns it again', async () => {
    let board = messageOf(await app.router.slash({ ...player, command: 'play', subcommand: 'tune', options: { seed: 'keep-string' } }));
    board = messageOf(await app.router.component({ ...player, source: 'select', customId: stringMenu(board).customId, values: ['G3'], fields: {}, messageId: 'm1' }));
    expect(stringMenu(board).options.find((o) => o.isDefault)?.value).toBe('G3');
    board = messageOf(await app.router.component({ ...player, source: 'button', customId: button(board, '+5¢'), values: [], fields: {}, messageId: 'm1' }));
    expect(board.embeds?.[0]?.description).toContain('1. G3 +5¢');
    expect(stringMenu(board).options.find((o) => o.isDefault)?.value).toBe('G3');
    board = messageOf(await app.router.component({ ...player, source: 'button', customId: button(board, '+1¢'), values: [], fields: {}, messageId: 'm1' }));
    expect(board.embeds?.[0]?.description).toContain('2. G3 +1¢');
  });

  it('shows how the chord sounds as it starts, the reference for the first change', async () => {
    const start = formatNumber(startingScore(tune.start({ seed: 'start-score' })));
    let board = messageOf(await app.router.slash({ ...player, command: 'play', subcommand: 'tune', options: { seed: 'start-score' } }));
    expect(board.embeds?.[0]?.description).toContain(`As it starts, the chord sounds **${start}**`);
    board = messageOf(await app.router.component({ ...player, source: 'button', customId: button(board, '-5¢'), values: [], fields: {}, messageId: 'm2' }));
    const description = board.embeds?.[0]?.description ?? '';
    expect(description).toContain(`As it starts, the chord sounds **${start}**`);
    // The start comes before the first strum, whose change is measured from it.
    expect(description.indexOf('As it starts')).toBeLessThan(description.indexOf('1. E2 -5¢'));
  });
});

