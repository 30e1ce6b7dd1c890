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
import { consistentCombinations, dialsFor, paramsToCombination, combinationTable, combinationAt } from '../../src/games/lock.js';
import { lockReasoner } from '../../src/games/lock-reasoner.js';
import type { GameId } from '../../src/games/types.js';
import { BAKE_TIMES, perfectWithinMinutes } from '../../src/games/bake.js';
import { GUITAR_STRINGS, IN_TUNE_CENTS } from '../../src/games/tune.js';
import { bakeChart } from '../../src/pictures/index.js';
import { defaultInitialPoints, inOpeningDesign } from '../../src/search/strategies/bayes.js';
import { createStrategy } from '../../src/search/strategies/index.js';
import { Study } from '../../src/search/study.js';
import type { Objective, Params, Trial } from '../../src/search/types.js';
import { beliefAfter } from './reveal-belief.js';
import { MOVE_NOUNS } from './reveal-words.js';
import type { GameView, Race, StoredSession } from './session.js';
import { formatNumber, moveNoun, readingOf } from './turn-text.js';

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
  if (game === 'tune') return count === 1 ? 'try' : 'tries';
  return moveNoun(game, count);
}

/** The player's best reading, in the same unit as the optimiser's values. */
function playerBest(game: GameView): number {
  const id = game.rules.id as GameId;
  return Math.max(-Infinity, ...game.session.game.history.map((turn) => readingOf(id, turn)));
}

/** What winning takes in this game, said once for both players. */
function finishLine(game: GameView): string | undefined {
  switch (game.rules.id as GameId) {
    case 'bake': {
      const within = perfectWithinMinutes(game.record.difficulty);
      const closeness = within === 0 ? 'the exact best time' : `within ${formatNumber(within)} min of the best time`;
      return `a **perfect bake** (${closeness}; a high taste alone does not count)`;
    }
    case 'lock':
      return '**open the lock** (every dial right)';
    case 'tune':
      return `**every string in tune** (each within ±${IN_TUNE_CENTS} cents)`;
    case 'train':
      return undefined;
  }
}

/** What the optimiser did when it won, for the board's status line. */
export function finishWords(game: GameId): string {
  switch (game) {
    case 'bake':
      return 'made a perfect bake';
    case 'lock':
      return 'opened the lock';
    case 'tune':
      return 'tuned every string';
    case 'train':
      return 'won';
  }
}

/** When the optimiser moves, and for tune how its tries are charged. */
function paceText(game: GameView): string {
  const id = game.rules.id as GameId;
  const noun = MOVE_NOUNS[id];
  const cost = tryCost(id);
  if (cost === 1) return `It makes one ${noun.one} after each of yours, ${game.state.budget} each.`;
  return (
    `Each of its tries sets all ${cost} pegs at once, so it counts as ${cost} of your ${noun.many}: it gets ` +
    `${optimiserBudget(game)} tries to your ${game.state.budget} ${noun.many}, one after every ${cost}th ${noun.one} of yours.`
  );
}

/** The reading compared when nobody reaches the finish line, in the game's words. */
const BEST_READING: Readonly<Record<GameId, string>> = {
  bake: 'the better best taste',
  lock: 'the most clicks on one try',
  tune: 'the better best chord score',
  train: 'the better best held-out accuracy',
};

/** The race's one rule, stated on the board and in the reveal. */
export function raceRules(game: GameView): string {
  const id = game.rules.id as GameId;
  const line = finishLine(game);
  const rule = line
    ? `First to ${line} wins, you or the optimiser; if neither gets there, ${BEST_READING[id]} wins.`
    : `No finish line: when both budgets are spent, ${BEST_READING[id]} wins.`;
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
  const id = game.rules.id as GameId;
  const race = game.session.race!;
  const cost = tryCost(id);
  const due = (race.trials.length + 1) * cost;
  const made = game.state.history.length;
  if (cost === 1 || due - made <= 1) return `after your next ${moveNoun(id)}`;
  return `after your ${due}th ${moveNoun(id)} (${due - made} from now)`;
}

/** Its design, in words: why its first moves are spread out rather than aimed. */
function openingText(game: GameView, spaceDimension: number): string {
  const id = game.rules.id as GameId;
  const first = defaultInitialPoints(spaceDimension);
  const noun = optimiserNoun(id, 2);
  const budget = optimiserBudget(game);
  const short = first >= budget ? ` (it gets only ${budget} in this race)` : '';
  return game.session.race!.trials.length < first
    ? `It is still in its opening design: its first ${first} ${noun} are spread out over the whole range on purpose, before it trusts any guess${short}`
    : 'It had settled on a peak, so it has started afresh with a new spread-out design, to make sure no better peak hides elsewhere';
}

/** What the optimiser believes now and what it will really do next, for the "What is it thinking?" button. */
export function optimiserThoughts(game: GameView): MessageView {
  const race = game.session.race!;
  const id = game.rules.id as GameId;
  const objective = game.rules.objective(game.record.seed, game.record.difficulty);
  const next = nextOptimiserMove(game);
  const dimension = Object.keys(objective.space).length;
  const done = `It has made all its ${optimiserNoun(id, 2)}.`;
  switch (id) {
    case 'bake': {
      const nextBake = next === undefined ? undefined : Number(next.params.bakeTime);
      const plan =
        next === undefined || nextBake === undefined
          ? done
          : next.opening
            ? `${openingText(game, dimension)}, so it bakes next at **${formatNumber(nextBake)} min**, ${whenText(game)}, whatever its guess says.`
            : `It bakes next at **${formatNumber(nextBake)} min**, ${whenText(game)}: where the bottom curve, how much a bake there might beat its best, peaks (a good guess, or a big unknown, or both).`;
      if (race.trials.length === 0) return { content: clip(`It has not baked yet, so it believes nothing yet. ${plan}`, LIMITS.content) };
      const belief = beliefAfter(
        { space: objective.space, direction: objective.direction, parameter: 'bakeTime', xs: BAKE_TIMES },
        race.trials.map((t) => ({ params: t.params, value: t.value, best: null })),
        game.state.budget,
      );
      if (belief.length === 0) return { content: clip(`It has just started afresh and believes nothing yet. ${plan}`, LIMITS.content) };
      // The true curve and the player's bakes stay hidden while the race is on: only the optimiser's own view is drawn.
      const chart = bakeChart({
        trueCurve: [],
        playerBakes: [],
        belief,
        strategies: [{ name: 'bayes', label: 'Optimiser', points: race.trials.map((t) => ({ x: Number(t.params.bakeTime), y: t.value })) }],
        title: 'What the optimiser believes now',
        beliefOf: { whose: 'its own bakes', searcher: 'it' },
        nextBake: nextBake ?? null,
      });
      return {
        content: clip(`The line is its guess of the taste at each time, the band how unsure it is. ${plan}`, LIMITS.content),
        embeds: [{ title: 'What is it thinking?', imageFile: 'optimiser-belief.png' }],
        files: [{ name: 'optimiser-belief.png', data: chart.png, description: chart.altText }],
      };
    }
    case 'lock': {
      const dials = dialsFor(game.record.difficulty);
      const clues = race.trials.map((t) => ({ combination: paramsToCombination(t.params, dials), clicks: t.value }));
      const left = consistentCombinations(clues, dials);
      const table = combinationTable(dials);
      const sample = left.slice(0, 12).map((i) => `\`${combinationAt(table, i).join(' ')}\``);
      const plan =
        next === undefined
          ? done
          : `It tries next \`${paramsToCombination(next.params, dials).join(' ')}\`, ${whenText(game)}: the try that splits them most evenly, whatever the answer.`;
      return {
        content: clip(
          `It keeps every combination that fits all the clicks it heard: **${left.length}** of ${10 ** dials} are still possible` +
            `${left.length <= 12 ? `: ${sample.join(', ')}` : `, such as ${sample.join(', ')}…`}. ${plan}`,
          LIMITS.content,
        ),
      };
    }
    default: {
      const best = race.trials.reduce<{ value: number } | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
      const sofar =
        best === undefined
          ? `It has not made a ${optimiserNoun(id)} yet.`
          : `Its best so far is ${formatNumber(best.value)} after ${race.trials.length} ${optimiserNoun(id, race.trials.length)}.`;
      const setting = next === undefined ? '' : settingText(id, next.params);
      const plan =
        next === undefined
          ? done
          : next.opening
            ? `${openingText(game, dimension)}, so next it tries ${setting}, ${whenText(game)}.`
            : `It keeps a smooth guess of the score over all the knobs at once and tries next where that guess, plus how unsure it is, looks most promising: ${setting}, ${whenText(game)}.`;
      return { content: clip(`${sofar} ${plan}`, LIMITS.content) };
    }
  }
}

/** A tune or train setting in the learner's words, without a result. */
function settingText(game: GameId, params: Params): string {
  if (game === 'tune') {
    return `pegs ${GUITAR_STRINGS.map((s) => {
      const cents = Number(params[`peg${s.name}`]);
      return `${s.name} ${cents > 0 ? '+' : ''}${cents}`;
    }).join(', ')} (cents from where they started)`;
  }
  return `lr ${formatNumber(Number(params.learningRate))} · ${String(params.epochs)} ep · ${String(params.hiddenUnits)} units · batch ${String(params.batchSize)} · wd ${formatNumber(Number(params.weightDecay))}`;
}
