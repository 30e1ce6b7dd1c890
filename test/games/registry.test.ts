import { describe, expect, it } from 'vitest';
import { GAMES, GAME_IDS, MoveError, getGame } from '../../src/games/index.js';
import { DEFAULT_PUZZLE_SEED, gameObjectives } from '../../src/games/objectives.js';
import { Space } from '../../src/search/space.js';

const TOPICS = { bake: 'bayesian-optimisation', lock: 'bayesian-updating', tune: 'grid-search', train: 'learning-rate', dig: 'bayesian-optimisation' };

describe('game registry', () => {
  it('holds the five games under their ids with the topics behind "Why?"', () => {
    expect(Object.keys(GAMES)).toEqual(['bake', 'lock', 'tune', 'train', 'dig']);
    for (const id of GAME_IDS) {
      expect(getGame(id).id).toBe(id);
      expect(getGame(id).topic).toBe(TOPICS[id]);
      expect(getGame(id).difficulties.map((d) => d.id)).toContain(getGame(id).defaultDifficulty);
    }
    expect(() => getGame('chess')).toThrow(MoveError);
    expect(() => getGame('chess')).toThrow(/bake, lock, tune, train, dig/);
  });

  it('refuses an empty or overlong seed in every game', () => {
    for (const game of Object.values(GAMES)) {
      expect(() => game.start({ seed: '  ' })).toThrow(/1 to 100 characters/);
      expect(() => game.start({ seed: 'x'.repeat(101) })).toThrow(MoveError);
      expect(game.start({ seed: 'maple-417' }).seed).toBe('maple-417');
    }
  });

  it('starts every game at every difficulty as plain JSON that survives a reload', () => {
    for (const game of Object.values(GAMES)) {
      for (const { id } of game.difficulties) {
        const state = game.start({ seed: 'json', difficulty: id });
        expect(state).toMatchObject({ game: game.id, seed: 'json', difficulty: id, status: 'playing', history: [] });
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(game.outcome(state)).toMatchObject({ status: 'playing', best: null, movesUsed: 0, budget: state.budget });
        expect(game.moveFields(id).length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses to replay a move that has not been made, naming it in the game’s words', () => {
    const nouns = { bake: 'Bake', lock: 'Try', tune: 'Strum', train: 'Run', dig: 'Dig' };
    for (const game of Object.values(GAMES)) {
      const state = game.start({ seed: 'replay' });
      expect(() => game.moveToParams(state, 0)).toThrow(new RangeError(`${nouns[game.id]} 1 has not happened yet.`));
    }
  });
});

describe('game objectives', () => {
  it('offers one factory per game whose puzzle is the game with that seed', () => {
    expect(gameObjectives.map((f) => f.name)).toEqual(['bake', 'lock', 'tune', 'train', 'dig']);
    for (const factory of gameObjectives) {
      const game = getGame(factory.name);
      for (const { id } of game.difficulties) {
        const objective = factory.create({ puzzleSeed: 'replay-me', difficulty: id });
        const same = game.objective('replay-me', id);
        expect(objective.space).toEqual(same.space);
        const space = new Space(objective.space);
        const point = space.fromUnit(space.names.map((_, i) => (0.3 + 0.17 * i) % 1));
        expect(objective.evaluate(point)).toBe(same.evaluate(point));
      }
      const byDefault = factory.create();
      const named = game.objective(DEFAULT_PUZZLE_SEED, game.defaultDifficulty);
      expect(byDefault.description).toBe(named.description);
    }
  });

  it('hides different puzzles behind different seeds', () => {
    for (const factory of gameObjectives.filter((f) => f.name !== 'train')) {
      const space = new Space(factory.create({ puzzleSeed: 'a' }).space);
      const points = Array.from({ length: 30 }, (_, k) => space.fromUnit(space.names.map((_, i) => ((k + 1) * (0.37 + 0.11 * i)) % 1)));
      const a = factory.create({ puzzleSeed: 'a' });
      const b = factory.create({ puzzleSeed: 'b' });
      expect(points.map((p) => a.evaluate(p))).not.toEqual(points.map((p) => b.evaluate(p)));
    }
  });
});
