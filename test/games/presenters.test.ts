/**
 * The presenter registry: one presenter per game, whose readings say what the rules scored and whose
 * board controls are ones /play can answer. These hold for any game added later, not only the first four.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import play from '../../commands/play.js';
import { PRESENTERS } from '../../commands/play/games/index.js';
import { decodeCustomId } from '../../src/command-layer/custom-id.js';
import { messageProblems } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { GAME_IDS, GAMES } from '../../src/games/index.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameId, GameState } from '../../src/games/types.js';
import { createTestApp, person, type TestApp } from '../support/app.js';
import { messageOf, responseText } from '../support/responses.js';

/** A few moves of each game, as a player would make them. */
const MOVES: Readonly<Record<GameId, readonly unknown[]>> = {
  bake: [{ minutes: 9 }, { minutes: 21.5 }, { minutes: 14 }],
  lock: [{ combination: [1, 2, 3] }, { combination: [4, 5, 6] }, { combination: [7, 8, 9] }],
  tune: [{ string: 'A2', cents: 5 }, { string: 'A2', cents: -20 }, { string: 'G3', cents: 1 }],
  train: [{ learningRate: 0.01, epochs: 8, hiddenUnits: 8, batchSize: 32, weightDecay: 1e-4 }],
  dig: [{ x: 12, y: 80 }, { x: 55, y: 40 }, { x: 90, y: 5 }],
};

function played(game: GameId): GameState<unknown, unknown> {
  const rules = GAMES[game];
  let state = rules.start({ seed: 'presenters' });
  for (const move of MOVES[game]) if (state.status === 'playing') state = rules.play(state, move).state;
  return state;
}

/** The number a formatted reading shows ("2/3" shows 2, "88.5%" shows 88.5). */
const shownNumber = (text: string): number => Number(/-?\d+(\.\d+)?/.exec(text)?.[0]);

describe('the presenter registry', () => {
  it('has one presenter for every game, under the game’s own id', () => {
    expect(Object.keys(PRESENTERS).sort()).toEqual([...GAME_IDS].sort());
    for (const id of GAME_IDS) expect(PRESENTERS[id].id).toBe(id);
  });

  it('writes the very reading the rules scored, to the precision it shows, and the reveal replays the same readings', () => {
    for (const id of GAME_IDS) {
      const rules = GAMES[id];
      const presenter = PRESENTERS[id];
      const state = played(id);
      const readings = state.history.map((turn) => rules.reading(turn));
      expect(readings.length, id).toBeGreaterThan(0);
      expect(rules.outcome(state).best, id).toBe(Math.max(...readings));
      expect(reveal(state).player.trials.map((t) => t.value), id).toEqual(readings);
      for (const reading of readings) {
        const written = presenter.formatReading(reading, state.difficulty);
        expect(Math.abs(shownNumber(written) - reading), `${id} ${written} for ${reading}`).toBeLessThanOrEqual(0.05);
        expect(presenter.readingInWords(reading, state.difficulty), id).toContain(String(shownNumber(written)));
      }
    }
  });
});

describe('each presenter’s board controls', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(() => new Date('2026-12-03T12:00:00Z'));
  });
  afterAll(async () => {
    await app.dispose();
  });

  const controlIds = (message: MessageView): string[] => (message.rows ?? []).flat().map((c) => c.customId);

  it('fit Discord at every difficulty, and every control is one /play parses and answers', async () => {
    const player = person('400000000000000021', 'Pat');
    for (const id of GAME_IDS) {
      for (const { id: difficulty } of GAMES[id].difficulties) {
        const board = messageOf(await app.router.slash({ ...player, command: 'play', subcommand: id, options: { seed: 'controls', difficulty } }));
        expect(messageProblems(board), `${id} ${difficulty}`).toEqual([]);
        for (const customId of controlIds(board)) {
          const decoded = decodeCustomId(customId);
          const handler = decoded && play.components?.[decoded.action];
          expect(handler, customId).toBeDefined();
          expect(handler!.parse(decoded!.args), customId).toBeDefined();
        }
      }
    }
  });

  it('keep a board’s selection through "Really give up?" and back', async () => {
    const player = person('400000000000000022', 'Lee');
    const board = messageOf(await app.router.slash({ ...player, command: 'play', subcommand: 'lock', options: { seed: 'keep-dials' } }));
    const dial = board.rows!.flat().find((c) => c.type === 'select')!.customId;
    let now = messageOf(await app.router.component({ ...player, source: 'select', customId: dial, values: ['7'], fields: {}, messageId: 'm1' }));
    const giveUp = now.rows!.flat().find((c) => c.type === 'button' && c.label === 'Give up')!.customId;
    now = messageOf(await app.router.component({ ...player, source: 'button', customId: giveUp, values: [], fields: {}, messageId: 'm1' }));
    const keep = now.rows!.flat().find((c) => c.type === 'button' && c.label === 'Keep playing')!.customId;
    now = messageOf(await app.router.component({ ...player, source: 'button', customId: keep, values: [], fields: {}, messageId: 'm1' }));
    const first = now.rows!.flat().find((c) => c.type === 'select');
    expect(first?.type === 'select' && first.options.find((o) => o.isDefault)?.value).toBe('7');
  });

  it('refuse a game’s own control pressed on another game’s board, leaving that board as it was', async () => {
    const player = person('400000000000000023', 'Sam');
    const board = messageOf(await app.router.slash({ ...player, command: 'play', subcommand: 'bake', options: { seed: 'not-a-lock' } }));
    const [, , gameId, version] = controlIds(board)[0]!.split(':');
    const answer = await app.router.component({ ...player, source: 'select', customId: `play:dial:${gameId}:${version}:0:___`, values: ['1'], fields: {}, messageId: 'm1' });
    expect(answer.kind === 'reply' && answer.message.ephemeral).toBe(true);
    expect(responseText(answer)).toMatch(/belongs to another game/);
    const still = await app.services.storage.games.get(gameId!);
    expect(still?.version).toBe(Number(version));
  });
});
