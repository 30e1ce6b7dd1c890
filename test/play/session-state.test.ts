/**
 * Stored sessions are an API: versioned, checked when read back, and rows written before the version
 * field (version 0) still read, so games in progress survive a deploy.
 */
import { describe, expect, it } from 'vitest';
import { bake } from '../../src/games/bake.js';
import { withoutPlayer } from '../../src/play/former-players.js';
import { parseSessionState, readSessionState, SESSION_STATE_VERSION } from '../../src/play/session-state.js';

const game = bake.play(bake.start({ seed: 'stored-1' }), { minutes: 12 }).state;
const row = { game: 'bake', seed: 'stored-1' };
const group = {
  hostId: '1',
  perPlayer: 3,
  endsAt: '2026-12-03T12:10:00.000Z',
  players: [{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }],
  movers: ['2'],
};

describe('reading a stored session', () => {
  it('reads today’s unversioned rows (version 0) as version 1, unchanged otherwise', () => {
    // Exactly what the bot stored before sessions had a version: the game's state, and what a mode adds.
    const legacy = JSON.parse(JSON.stringify({ game, group })) as unknown;
    const read = readSessionState(legacy, row);
    expect(read).toEqual({ ok: true, state: { version: SESSION_STATE_VERSION, game, group } });
    const race = JSON.parse(JSON.stringify({ game, race: { opponent: 'bayes', trials: [{ params: { bakeTime: 11 }, value: 40 }] } })) as unknown;
    expect(readSessionState(race, row).ok).toBe(true);
  });

  it('reads what it writes', () => {
    const state = { version: SESSION_STATE_VERSION, game, group: { ...group, endedBy: 'host' } };
    expect(readSessionState(JSON.parse(JSON.stringify(state)), row)).toEqual({ ok: true, state });
  });

  it('refuses a newer version, an older shape it cannot migrate, damage, and another game’s state', () => {
    expect(readSessionState({ version: 2, game }, row)).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(readSessionState({ board: [1, 2, 3] }, row)).toMatchObject({ ok: false, reason: 'older-version' });
    expect(readSessionState({ version: 1, game: { ...game, status: 'sleeping' } }, row)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readSessionState({ version: 1, game, group: { ...group, endsAt: 'soon' } }, row)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readSessionState('{"game":', row)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readSessionState(null, row)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readSessionState({ version: 1, game }, { game: 'lock', seed: 'stored-1' })).toMatchObject({ ok: false, reason: 'not-this-game' });
    expect(readSessionState({ version: 1, game }, { game: 'bake', seed: 'another' })).toMatchObject({ ok: false, reason: 'not-this-game' });
  });

  it('says what was wrong, for the log', () => {
    const read = readSessionState({ version: 1, game: { ...game, budget: -1 } }, row);
    expect(!read.ok && read.detail).toContain('budget');
  });
});

describe('forgetting a player in a round others keep', () => {
  it('turns them into a numbered stand-in, in the current version, even in an unversioned row', () => {
    const after = withoutPlayer({ game, group }, '2');
    const read = parseSessionState(after);
    expect(read.ok && read.state.version).toBe(SESSION_STATE_VERSION);
    expect(read.ok && read.state.group?.players).toEqual([{ id: '1', name: 'Ann' }, { id: 'former-player-1', name: 'Former player 1' }]);
    expect(read.ok && read.state.group?.movers).toEqual(['former-player-1']);
    expect(JSON.stringify(after)).not.toContain('Bob');
  });

  it('leaves a round without them, and a state it cannot read, as they were', () => {
    const state = { game, group };
    expect(withoutPlayer(state, '3')).toBe(state);
    expect(withoutPlayer('garbage', '2')).toBe('garbage');
  });
});
