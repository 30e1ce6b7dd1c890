/**
 * Racing the optimiser, in the player's words: the race's one rule stated on the board, and what the
 * optimiser is thinking. The race's rules themselves (when it moves, how a try is charged, who wins)
 * are the session machine's, in src/play/race.ts.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import type { GameId } from '../../src/games/types.js';
import { nextOptimiserMove as nextMoveOf, optimiserBudget as optimiserTries, tryCost, type NextOptimiserMove } from '../../src/play/race.js';
import { defaultInitialPoints } from '../../src/search/strategies/bayes.js';
import { noun, presenterOf } from './games/index.js';
import type { GameView } from './session.js';

export { tryCost };

/** The optimiser's tries in the whole race: the player's budget, in tries. */
export function optimiserBudget(game: GameView): number {
  return optimiserTries(game.state);
}

/** What the optimiser calls one of its moves: a strum in tune sets one peg, its try sets them all. */
export function optimiserNoun(game: GameId, count = 1): string {
  const presenter = presenterOf(game);
  return noun(presenter.optimiserNouns ?? presenter.nouns, count);
}

/** When the optimiser moves, and when one of its tries sets several knobs, how it is charged. */
function paceText(game: GameView): string {
  const presenter = presenterOf(game.rules.id);
  const nouns = presenter.nouns;
  const cost = tryCost(game.rules.id);
  if (cost === 1) return `It makes one ${nouns.one} after each of yours, ${game.state.budget} each.`;
  return (
    `Each of its tries sets all ${cost} ${presenter.tryKnobs ?? 'knobs'} at once, so it counts as ${cost} of your ${nouns.many}: it gets ` +
    `${optimiserBudget(game)} tries to your ${game.state.budget} ${nouns.many}, one after every ${cost}th ${nouns.one} of yours.`
  );
}

/** The race's one rule, stated on the board and in the reveal. */
export function raceRules(game: GameView): string {
  const presenter = presenterOf(game.rules.id);
  const line = presenter.finishLine(game.record.difficulty);
  const rule = line
    ? `First to ${line} wins, you or the optimiser; if neither gets there, ${presenter.bestReadingWords} wins.`
    : `No finish line: when both budgets are spent, ${presenter.bestReadingWords} wins.`;
  return `${rule} ${paceText(game)}`;
}

/** What the optimiser will do next, asked of the strategy itself on a throwaway copy of its study. */
export function nextOptimiserMove(game: GameView): NextOptimiserMove | undefined {
  return game.session.race && nextMoveOf(game.state, game.session.race);
}

/** When its next move comes, counted in the player's moves. */
function whenText(game: GameView): string {
  const id = game.rules.id;
  const race = game.session.race!;
  const cost = tryCost(id);
  const due = (race.trials.length + 1) * cost;
  const made = game.state.history.length;
  const one = presenterOf(id).nouns.one;
  if (cost === 1 || due - made <= 1) return `after your next ${one}`;
  return `after your ${due}th ${one} (${due - made} from now)`;
}

/** Its design, in words: why its first moves are spread out rather than aimed. */
function openingText(game: GameView, spaceDimension: number): string {
  const first = defaultInitialPoints(spaceDimension);
  const noun = optimiserNoun(game.rules.id, 2);
  const budget = optimiserBudget(game);
  const short = first >= budget ? ` (it gets only ${budget} in this race)` : '';
  return game.session.race!.trials.length < first
    ? `It is still in its opening design: its first ${first} ${noun} are spread out over the whole range on purpose, before it trusts any guess${short}`
    : 'It had settled on a peak, so it has started afresh with a new spread-out design, to make sure no better peak hides elsewhere';
}

/**
 * What the optimiser believes now and what it will really do next, for the "What is it thinking?" button:
 * the race works out its next move and timing; the game's presenter says it and draws its belief.
 */
export function optimiserThoughts(game: GameView): MessageView {
  const id = game.rules.id;
  const objective = game.rules.objective(game.record.seed, game.record.difficulty);
  const thoughts = presenterOf(id).optimiserThoughts({
    game,
    objective,
    next: nextOptimiserMove(game),
    done: `It has made all its ${optimiserNoun(id, 2)}.`,
    when: whenText(game),
    opening: openingText(game, Object.keys(objective.space).length),
  });
  return { ...thoughts, ...(thoughts.content === undefined ? {} : { content: clip(thoughts.content, LIMITS.content) }) };
}
