/**
 * The spoiler-free result line players paste into chat: the game, the day's puzzle number, the score,
 * and one square per move that shows how good the move was without showing what it was.
 */
import { GAMES, type GameId } from '../games/index.js';
import { dayNumber } from './days.js';

/** At or above: the move improved on the best so far, or hit. */
export const GOOD_MOVE = 0.9;
/** At or above: close. */
export const CLOSE_MOVE = 0.5;

const SQUARES_PER_ROW = 10;

export function moveSquare(quality: number): string {
  if (quality >= GOOD_MOVE) return '🟩';
  if (quality >= CLOSE_MOVE) return '🟨';
  return '⬛';
}

export interface ShareInput {
  game: GameId;
  /** The puzzle's UTC day, YYYY-MM-DD. */
  day: string;
  /** 0–100. */
  score: number;
  /** Each move's quality from 0 (no help) to 1 (improved on the best so far, or hit), in play order. */
  history: readonly number[];
}

export function shareLine({ game, day, score, history }: ShareInput): string {
  const squares = history.map(moveSquare);
  const rows: string[] = [];
  for (let i = 0; i < squares.length; i += SQUARES_PER_ROW) rows.push(squares.slice(i, i + SQUARES_PER_ROW).join(''));
  const moves = `${history.length} ${history.length === 1 ? 'move' : 'moves'}`;
  const header = `Tuning Fork ${GAMES[game].title} #${dayNumber(day)} · ${Math.round(score)}/100 · ${moves}`;
  return [header, ...rows].join('\n');
}
