/**
 * The /play board through the command layer: what tune's board keeps between strums and shows as its
 * reference, and what a group round's reveal says the group was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentView, MessageView } from '../../src/command-layer/types.js';
import { revealedBoard } from '../../commands/play/render.js';
import { viewOf } from '../../commands/play/session.js';
import type { SessionState } from '../../src/play/session-state.js';
import { formatNumber } from '../../commands/play/turn-text.js';
import { GAMES } from '../../src/games/index.js';
import type { GameId, MoveInput } from '../../src/games/types.js';
import type { GameRecord } from '../../src/storage/index.js';
import { startingScore, tune } from '../../src/games/tune.js';
import { messageOf } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(() => new Date('2026-11-27T12:00:00Z'));
});

afterEach(async () => {
  await app.dispose();
});


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


/** A finished group round of two players, one move each, as the store holds it. */
function groupRecord(game: GameId, seed: string, moves: readonly MoveInput[]): GameRecord {
  const rules = GAMES[game];
  let state = rules.start({ seed });
  for (const move of moves) state = rules.play(state, rules.parseMove(move, state)).state;
  const at = new Date('2026-11-27T12:00:00Z');
  const players = [{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }];
  const session: SessionState = {
    version: 1,
    game: { ...state, status: 'spent' },
    group: { hostId: '1', perPlayer: 3, endsAt: at.toISOString(), players, movers: ['1', '2'], endedBy: 'host' },
  };
  return {
    id: 'GrOuPrOuNd', game, mode: 'group', ownerId: '1', guildId: '9', channelId: '8', messageId: null, seed,
    difficulty: state.difficulty, state: session, version: 3, status: 'finished', score: 0,
    createdAt: at, updatedAt: at, finishedAt: at,
  };
}

function groupNote(record: GameRecord): string {
  const fields = revealedBoard(viewOf(record)).embeds?.[0]?.fields ?? [];
  return fields.find((f) => f.name === 'A group is a search too')?.value ?? '';
}

describe('a group round’s note', () => {
  it('says a tune group turned one guitar together, each strum building on the ones before', () => {
    const note = groupNote(groupRecord('tune', 'group-note', [{ string: 'E2', cents: 5 }, { string: 'A2', cents: -5 }]));
    expect(note).toContain('same six pegs');
    expect(note).toContain('everyone heard every result');
    expect(note).not.toMatch(/on their own|no try learned/);
  });

  it('says a bake group saw every result on the shared board, not that each guessed on their own', () => {
    const note = groupNote(groupRecord('bake', 'group-note', [{ minutes: 11 }, { minutes: 16 }]));
    expect(note).toContain('Everyone saw every result');
    expect(note).toContain('each bake could learn from all the bakes before it');
    expect(note).not.toMatch(/on their own|no try learned/);
  });
});
