/**
 * The daily share line of a played game: one square per move from the move's own reading (taste,
 * clicks), against the best before it, so a new best is green, a near miss yellow, the rest black.
 */
import { describe, expect, it } from 'vitest';
import { bestBakeTime } from '../../src/games/bake.js';
import { GAMES } from '../../src/games/index.js';
import type { GameId, GameState, MoveInput } from '../../src/games/types.js';
import type { StoredGame } from '../../src/play/service.js';
import { SESSION_STATE_VERSION } from '../../src/play/session-state.js';
import { dailyShareText } from '../../src/play/share.js';

function played(game: GameId, seed: string, moves: readonly MoveInput[]): StoredGame {
  const rules = GAMES[game];
  let state: GameState<unknown, unknown> = rules.start({ seed });
  for (const move of moves) state = rules.play(state, rules.parseMove(move, state)).state;
  const at = new Date('2026-12-03T12:00:00Z');
  return {
    rules,
    state,
    session: { version: SESSION_STATE_VERSION, game: state },
    record: {
      id: 'ShArEdGaMe', game, mode: 'daily', ownerId: '1', guildId: null, channelId: null, messageId: null, seed: `daily-2026-12-03-${game}`,
      difficulty: state.difficulty, state: {}, version: 2, status: 'finished', score: 40, createdAt: at, updatedAt: at, finishedAt: at,
    },
  };
}

/** The squares the rule gives for these readings: green for a new best, yellow within 10% of it, else black. */
function expectedSquares(readings: readonly number[]): string {
  let best = -Infinity;
  return readings
    .map((reading) => {
      const square = reading > best ? '🟩' : reading >= best * 0.9 ? '🟨' : '⬛';
      best = Math.max(best, reading);
      return square;
    })
    .join('');
}

describe('a daily share line', () => {
  it('marks each bake by its own taste against the best before it', () => {
    // Never a perfect bake, so the game runs to its fourth move: low, close below the best, a little lower, burnt.
    const best = bestBakeTime('share-bake');
    const game = played('bake', 'share-bake', [5, best - 3, best - 3.5, 25].map((minutes) => ({ minutes: String(minutes) })));
    const tastes = game.state.history.map((turn) => (turn.feedback as { taste: number }).taste);
    const line = dailyShareText(game);
    expect(line.split('\n')[1]).toBe(expectedSquares(tastes));
    expect(line).toContain('4 moves');
    expect(new Set(expectedSquares(tastes)).size).toBeGreaterThan(1);
  });

  it('marks each lock try by its own clicks', () => {
    const game = played('lock', 'share-lock', [
      { dial1: '1', dial2: '2', dial3: '3' },
      { dial1: '4', dial2: '5', dial3: '6' },
      { dial1: '7', dial2: '8', dial3: '9' },
    ]);
    const clicks = game.state.history.map((turn) => (turn.feedback as { clicks: number }).clicks);
    expect(dailyShareText(game).split('\n')[1]).toBe(expectedSquares(clicks));
  });
});
