/**
 * The session machine's service on real databases (a SQLite file and PostgreSQL): rows stored before
 * sessions had a version still load and play on; two clicks racing on one board make exactly one move;
 * results are recorded from the step's events, once; an unreadable row is a clear private message and
 * a log line through the command layer, never a crash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { bake, bestBakeTime } from '../../src/games/bake.js';
import { loadGame, playAction, startGame, UnreadableGameError } from '../../src/play/service.js';
import { SESSION_STATE_VERSION } from '../../src/play/session-state.js';
import type { NewGameRecord } from '../../src/storage/index.js';
import { createTestApp, person, type TestApp } from '../support/app.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { openTempStorage, type TempStorage } from '../social/storage-fixture.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const ann = { id: '100000000000000001', name: 'Ann' };
const bob = { id: '100000000000000002', name: 'Bob' };

let temp: TempStorage | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await temp?.dispose();
  await app?.dispose();
  temp = undefined;
  app = undefined;
});

/** A group round as the bot stored it before sessions had a version: no `version` field. */
function unversionedRound(seed: string): NewGameRecord {
  const game = bake.start({ seed });
  const state = {
    game: { ...game, budget: 75 },
    group: { hostId: ann.id, perPlayer: 3, endsAt: '2026-12-03T12:10:00.000Z', players: [], movers: [] },
  };
  return { game: 'bake', mode: 'group', ownerId: ann.id, guildId: '9', channelId: '8', seed: game.seed, difficulty: game.difficulty, state };
}

describe.each(DATABASE_KINDS)('play on %s', (kind) => {
  it('loads a row stored before sessions had a version and plays on, saving it in the current version', async () => {
    temp = await openTempStorage(kind);
    const { storage } = temp;
    const created = await storage.games.create(unversionedRound('old-row'));
    const game = await loadGame(storage, created.id);
    expect(game?.session.version).toBe(SESSION_STATE_VERSION);
    const played = await playAction(storage, game!, { kind: 'move', by: bob, input: { minutes: '12' } }, { now: NOW });
    expect(played.kind).toBe('saved');
    const stored = await storage.games.get(created.id);
    expect(stored?.state).toMatchObject({ version: SESSION_STATE_VERSION, group: { players: [bob], movers: [bob.id] } });
    expect(stored?.version).toBe(created.version + 1);
  });

  it('makes exactly one move of two clicks racing on one board', async () => {
    temp = await openTempStorage(kind);
    const { storage } = temp;
    const game = await startGame(storage, { game: 'bake', mode: 'solo', seed: 'two-clicks', difficulty: undefined, owner: ann, guildId: null, channelId: null }, NOW);
    const click = (minutes: number) => playAction(storage, game, { kind: 'move', by: ann, input: { minutes: String(minutes) } }, { now: NOW });
    const outcomes = await Promise.all([click(10), click(20)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['lost-race', 'saved']);
    const lost = outcomes.find((o) => o.kind === 'lost-race');
    expect(lost?.kind === 'lost-race' && lost.current?.state.history).toHaveLength(1);
    const stored = await loadGame(storage, game.record.id);
    expect(stored?.state.history).toHaveLength(1);
    expect(stored?.record.version).toBe(game.record.version + 1);
  });

  it('records each player’s result from the step’s events, once, and finishes the row', async () => {
    temp = await openTempStorage(kind);
    const { storage } = temp;
    const seed = 'results-once';
    const game = await startGame(storage, { game: 'bake', mode: 'solo', seed, difficulty: undefined, owner: ann, guildId: '9', channelId: null }, NOW);
    const played = await playAction(storage, game, { kind: 'move', by: ann, input: { minutes: String(bestBakeTime(seed)) } }, { now: NOW });
    if (played.kind !== 'saved') throw new Error(`expected the move saved, got ${played.kind}`);
    expect(played.game.record.status).toBe('finished');
    expect(played.game.record.score).toBeGreaterThanOrEqual(50);
    const stats = await storage.results.statsFor(ann.id);
    expect(stats).toMatchObject({ played: 1, wins: 1 });
    // The finished game refuses more, and records nothing more.
    const again = await playAction(storage, played.game, { kind: 'move', by: ann, input: { minutes: '12' } }, { now: NOW });
    expect(again).toEqual({ kind: 'refused', refusal: { code: 'game-over' } });
    expect((await storage.results.statsFor(ann.id)).played).toBe(1);
  });

  it('throws a typed error for a row it cannot read', async () => {
    temp = await openTempStorage(kind);
    const { storage } = temp;
    const created = await storage.games.create({ ...unversionedRound('newer'), state: { version: 99, anything: true } });
    await expect(loadGame(storage, created.id)).rejects.toBeInstanceOf(UnreadableGameError);
  });
});

describe('an unreadable game through /play', () => {
  it('answers privately that an older version saved it, logs it, and changes nothing', { timeout: 60_000 }, async () => {
    app = await createTestApp(() => NOW);
    const created = await app.services.storage.games.create({
      ...unversionedRound('ancient'),
      mode: 'solo',
      state: { board: 'a shape no version of this bot reads' },
    });
    const customId = encodeCustomId('play', 'ask', created.id, created.version);
    const answer = await app.router.component({ ...person(ann.id, ann.name), source: 'button', customId, values: [], fields: {}, messageId: 'board' });
    expect(answer.kind).toBe('reply');
    if (answer.kind !== 'reply') return;
    expect(answer.message.ephemeral).toBe(true);
    expect(answer.message.content).toContain('This game was saved by an older version of Tuning Fork');
    expect(app.logs()).toContain('a stored game could not be read');
    expect(app.logs()).toContain(created.id);
    expect((await app.services.storage.games.get(created.id))?.version).toBe(created.version);
  });
});
