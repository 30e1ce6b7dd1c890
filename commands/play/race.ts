/**
 * Racing the optimiser: after the player's moves, the engine makes its own on the same puzzle (Bayesian
 * optimisation; for the lock, the exact reasoner), asked and told through a Study rebuilt from its stored
 * tries, so the race carries on the same after a restart.
 *
 * One rule for both: the first to stand where the game's own win check passes (`winsAt`: a perfect bake,
 * an open lock, every string in tune) wins; else the better best reading once both budgets are spent.
 * The study is the reveal's own (puzzle seed, game budget), so the reveal's row for this strategy is the
 * very run the player raced, carried on. A try that sets every knob at once is charged as many of the
 * player's moves as it sets knobs (tune: six pegs, six strums), and never runs ahead of the player.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { lockReasoner } from '../../src/games/lock-reasoner.js';
import type { GameId } from '../../src/games/types.js';
import { GUITAR_STRINGS } from '../../src/games/tune.js';
import { defaultInitialPoints, inOpeningDesign } from '../../src/search/strategies/bayes.js';
import { createStrategy } from '../../src/search/strategies/index.js';
import { Study } from '../../src/search/study.js';
import type { Objective, Params, Trial } from '../../src/search/types.js';
import { noun, presenterOf } from './games/index.js';
import type { GameView, Race, StoredSession } from './session.js';

function studyFor(game: GameView, race: Race, objective: Objective): Study {
  const trials: Trial[] = race.trials.map((t, index) => ({ index, params: t.params, state: 'complete', value: t.value }));
  return new Study({
    space: objective.space,
    direction: objective.direction,
    strategy: race.opponent === 'lock-reasoner' ? lockReasoner : createStrategy('bayes'),
    // The reveal replays every strategy with the puzzle seed and the game's budget: the same study here
    // makes the race's tries the first tries of the reveal's row.
    seed: game.record.seed,
    budget: game.state.budget,
    ...(objective.maxFidelity === undefined ? {} : { maxFidelity: objective.maxFidelity }),
    trials,
  });
}

/** How many of the player's moves one optimiser try is worth: in tune it sets all six pegs, six strums' worth. */
export function tryCost(game: GameId): number {
  return game === 'tune' ? GUITAR_STRINGS.length : 1;
}

/** The optimiser's tries in the whole race: the player's budget, in tries. */
export function optimiserBudget(game: GameView): number {
  return Math.floor(game.state.budget / tryCost(game.rules.id as GameId));
}

/** Tries the optimiser may have made once the player has made `moves`: its spending never runs ahead. */
function triesAllowedAfter(game: GameView, moves: number): number {
  return Math.min(optimiserBudget(game), Math.floor(moves / tryCost(game.rules.id as GameId)));
}

/** What the optimiser calls one of its moves: a strum in tune sets one peg, its try sets them all. */
export function optimiserNoun(game: GameId, count = 1): string {
  const presenter = presenterOf(game);
  return noun(presenter.optimiserNouns ?? presenter.nouns, count);
}

/** The player's best reading, in the same unit as the optimiser's values. */
function playerBest(game: GameView): number {
  return Math.max(-Infinity, ...game.session.game.history.map((turn) => game.rules.reading(turn)));
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

/** After the player's move: settle the race if it is decided, else let the optimiser move. */
export function raceMove(game: GameView, session: StoredSession): StoredSession {
  const race = session.race;
  if (!race || race.winner) return session;
  const player = session.game;
  if (player.status === 'won') return { ...session, race: { ...race, winner: 'player' } };
  if (player.status === 'gave-up') return { ...session, race: { ...race, winner: 'optimiser' } };
  const { record, rules } = game;
  const objective = rules.objective(record.seed, record.difficulty);
  let trials = race.trials;
  while (trials.length < triesAllowedAfter(game, player.history.length)) {
    const trial = studyFor(game, { ...race, trials }, objective).ask();
    const value = objective.evaluate(trial.params);
    trials = [...trials, { params: trial.params, value }];
    if (rules.winsAt(record.seed, record.difficulty, trial.params)) {
      return { ...session, game: { ...player, status: 'spent' }, race: { ...race, trials, winner: 'optimiser' } };
    }
  }
  if (player.status === 'playing') return { ...session, race: { ...race, trials } };
  const mine = playerBest({ ...game, session });
  const theirs = Math.max(-Infinity, ...trials.map((t) => t.value));
  const winner = mine > theirs ? 'player' : mine < theirs ? 'optimiser' : 'tie';
  return { ...session, race: { ...race, trials, winner } };
}

/** What the optimiser will do next, asked of the strategy itself on a throwaway copy of its study. */
interface NextMove {
  params: Params;
  /** Placed by the opening design (spread-out points), not by its model. */
  opening: boolean;
}

export function nextOptimiserMove(game: GameView): NextMove | undefined {
  const race = game.session.race;
  if (!race || race.winner || race.trials.length >= optimiserBudget(game)) return undefined;
  const objective = game.rules.objective(game.record.seed, game.record.difficulty);
  const study = studyFor(game, race, objective);
  const opening =
    race.opponent === 'bayes' &&
    inOpeningDesign({
      space: study.space,
      direction: study.direction,
      history: study.trials,
      ...(study.budget === undefined ? {} : { budget: study.budget }),
      ...(study.maxFidelity === undefined ? {} : { maxFidelity: study.maxFidelity }),
    });
  return { params: study.ask().params, opening };
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
