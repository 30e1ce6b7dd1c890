/** The game registry: one entry per game, so a front end can drive any of them by id. */
import { bake } from './bake.js';
import { dig } from './dig.js';
import { lock } from './lock.js';
import { train } from './train.js';
import { tune } from './tune.js';
import type { AnyGameRules, GameId } from './types.js';
import { GAME_IDS, MoveError } from './types.js';

export const GAMES: Readonly<Record<GameId, AnyGameRules>> = {
  bake: bake,
  lock: lock,
  tune: tune,
  train: train,
  dig: dig,
};

export function isGameId(id: string): id is GameId {
  return (GAME_IDS as readonly string[]).includes(id);
}

/** The game with this id; throws MoveError naming the games there are. */
export function getGame(id: string): AnyGameRules {
  if (!isGameId(id)) throw new MoveError(`Unknown game "${id}". Choose one of: ${GAME_IDS.join(', ')}.`);
  return GAMES[id];
}

export { bake, dig, lock, tune, train };
export type * from './types.js';
export { GAME_IDS, MoveError } from './types.js';
