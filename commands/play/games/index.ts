/**
 * The presenters, one per game, by game id: the one place a new game's presenter is registered. The
 * board, the race's words and the reveal look a game's presenter up here.
 */
import type { GameId } from '../../../src/games/types.js';
import { bakePresenter } from './bake.js';
import { digPresenter } from './dig.js';
import { lockPresenter } from './lock.js';
import type { AnyGamePresenter } from './presenter.js';
import { trainPresenter } from './train.js';
import { tunePresenter } from './tune.js';

export const PRESENTERS: Readonly<Record<GameId, AnyGamePresenter>> = {
  bake: bakePresenter,
  lock: lockPresenter,
  tune: tunePresenter,
  train: trainPresenter,
  dig: digPresenter,
};

export function presenterOf(game: GameId): AnyGamePresenter {
  return PRESENTERS[game];
}

export type { AnyGamePresenter, Depth } from './presenter.js';
export { counted, noun } from './presenter.js';
