/**
 * A finished daily game as the spoiler-free line players paste into chat: one square per move, saying
 * how good the move was (a new best or the win, close to the best, or neither) without saying what it was.
 */
import { GAMES } from '../games/index.js';
import type { GameState } from '../games/types.js';
import { dayOfDailySeed } from '../social/daily-puzzles.js';
import { utcDay } from '../social/days.js';
import { shareLine } from '../social/share.js';
import type { StoredGame } from './service.js';

/** One move's reading in the game's own unit. */
function readingOfMove(game: GameState<unknown, unknown>, index: number): number {
  const turn = game.history[index];
  return turn ? GAMES[game.game].reading(turn) : -Infinity;
}

/** Each move's quality: 1 when it beat every earlier move (or won), ½ when within 10% of the best so far, else 0. */
function moveQualities(game: GameState<unknown, unknown>): number[] {
  let best = -Infinity;
  return game.history.map((_turn, i) => {
    const reading = readingOfMove(game, i);
    const won = game.status === 'won' && i === game.history.length - 1;
    const quality = won || reading > best ? 1 : reading >= best * 0.9 ? 0.5 : 0;
    best = Math.max(best, reading);
    return quality;
  });
}

/** The share line of a daily game (or of any game, dated by the day it started). */
export function dailyShareText(game: StoredGame): string {
  return shareLine({
    game: game.rules.id,
    day: dayOfDailySeed(game.record.seed) ?? utcDay(game.record.createdAt),
    score: game.record.score ?? game.rules.outcome(game.state).score,
    history: moveQualities(game.state),
  });
}
