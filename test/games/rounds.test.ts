/**
 * Group rounds close on their clock without a click: the job ends the round, records every player's
 * result and edits the board into its reveal, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse } from '../../src/command-layer/types.js';
import { closeExpiredRounds, ROUNDS_PAGE } from '../../commands/play/rounds.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let clock = new Date('2026-11-27T12:00:00Z');
let app: TestApp;

beforeEach(async () => {
  clock = new Date('2026-11-27T12:00:00Z');
  app = await createTestApp(() => clock);
});

afterEach(async () => {
  await app.dispose();
});

function customIdOf(response: CommandResponse, label: string): string {
  if (response.kind === 'modal') throw new Error('expected a board');
  const found = response.message.rows?.flat().find((c) => c.type === 'button' && c.label === label);
  if (!found) throw new Error(`no ${label}`);
  return found.customId;
}

describe('group rounds on the clock', () => {
  it('closes a round whose time is up, records results and shows the reveal on the board, once', async () => {
    const host = person('400000000000000001', 'Host');
    const player = person('400000000000000002', 'Pat');
    const board = await app.router.slash({ ...host, command: 'play', subcommand: 'tune', options: { seed: 'clock', mode: 'group', minutes: '2' } });
    const step = customIdOf(board, '+5¢');
    const moved = await app.router.component({ ...player, source: 'button', customId: step, values: [], fields: {}, messageId: 'board-1' });
    expect(moved.kind).toBe('update');

    clock = new Date(clock.getTime() + 60_000);
    expect(await closeExpiredRounds(app.services)).toBe(0);
    expect(app.edited).toEqual([]);

    clock = new Date(clock.getTime() + 90_000);
    expect(await closeExpiredRounds(app.services)).toBe(1);
    expect(app.edited).toHaveLength(1);
    const [edit] = app.edited;
    expect(edit?.messageId).toBe('board-1');
    expect(edit?.channelId).toBe(host.channelId);
    expect(edit?.message.embeds?.[0]?.description).toContain('Time is up');
    expect(edit?.message.files?.some((f) => f.name.endsWith('.png'))).toBe(true);
    const standing = await app.services.storage.results.rankOf({ guildId: host.guildId!, game: 'tune' }, player.user.id);
    expect(standing?.rank).toBe(1);

    expect(await closeExpiredRounds(app.services)).toBe(0);
    expect(app.edited).toHaveLength(1);
  });

  it('refuses a move after the time is up and ends the round on that click instead', async () => {
    const host = person('400000000000000003', 'Host');
    const board = await app.router.slash({ ...host, command: 'play', subcommand: 'tune', options: { seed: 'late', mode: 'group', minutes: '1' } });
    clock = new Date(clock.getTime() + 120_000);
    const late = await app.router.component({ ...host, source: 'button', customId: customIdOf(board, '+1¢'), values: [], fields: {}, messageId: 'board-2' });
    if (late.kind !== 'update') throw new Error('expected the board to update');
    expect(late.message.content).toContain('Time was up before that move');
    expect(late.message.embeds?.[0]?.description).toContain('No strums yet');
  });

  it('pages through every open round: due rounds behind more than a page of rounds still running are closed', async () => {
    // A host each, as in a busy bot (one person starting this many would be slowed down by the rate limit).
    let hosts = 0;
    const open = async (seed: string, minutes: string) => {
      const host = person(String(410_000_000_000_000_000n + BigInt(hosts++)), 'Host');
      const board = await app.router.slash({ ...host, command: 'play', subcommand: 'bake', options: { seed, mode: 'group', minutes } });
      if (board.kind !== 'reply') throw new Error(`no round opened: ${JSON.stringify(board)}`);
    };
    // The least recently touched come first: a full page and more of long rounds, then short ones behind them.
    const running = ROUNDS_PAGE + 20;
    for (let i = 0; i < running; i++) await open(`long-${i}`, '30');
    const due = 15;
    for (let i = 0; i < due; i++) await open(`short-${i}`, '1');

    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await closeExpiredRounds(app.services)).toBe(due);
    expect(await app.services.storage.games.listActive('group')).toHaveLength(Math.min(running, ROUNDS_PAGE));
    expect(await closeExpiredRounds(app.services)).toBe(0);

    // Later every long round is due too: all of them close in one pass, well over a page.
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect(await closeExpiredRounds(app.services)).toBe(running);
    expect(await app.services.storage.games.listActive('group')).toEqual([]);
  }, 120_000);
});
