/**
 * Racing the optimiser, in the player's words: the race's one rule stated on the board, and what the
 * optimiser is thinking. The race's rules themselves (when it moves, how a try is charged, who wins)
 * are the session machine's, in src/play/race.ts.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { consistentCombinations, dialsFor, paramsToCombination, combinationTable, combinationAt } from '../../src/games/lock.js';
import type { GameId } from '../../src/games/types.js';
import { BAKE_TIMES, perfectWithinMinutes } from '../../src/games/bake.js';
import { GUITAR_STRINGS, IN_TUNE_CENTS } from '../../src/games/tune.js';
import { bakeChart } from '../../src/pictures/index.js';
import { nextOptimiserMove as nextMoveOf, optimiserBudget as optimiserTries, tryCost, type NextOptimiserMove } from '../../src/play/race.js';
import { defaultInitialPoints } from '../../src/search/strategies/bayes.js';
import type { Params } from '../../src/search/types.js';
import { beliefAfter } from './reveal-belief.js';
import { MOVE_NOUNS } from './reveal-words.js';
import type { GameView } from './session.js';
import { formatNumber, moveNoun } from './turn-text.js';

export { tryCost };

/** The optimiser's tries in the whole race: the player's budget, in tries. */
export function optimiserBudget(game: GameView): number {
  return optimiserTries(game.state);
}

/** What the optimiser calls one of its moves: a strum in tune sets one peg, its try sets them all. */
export function optimiserNoun(game: GameId, count = 1): string {
  if (game === 'tune') return count === 1 ? 'try' : 'tries';
  return moveNoun(game, count);
}

/** What winning takes in this game, said once for both players. */
function finishLine(game: GameView): string | undefined {
  switch (game.rules.id) {
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
  const id = game.rules.id;
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
  const id = game.rules.id;
  const line = finishLine(game);
  const rule = line
    ? `First to ${line} wins, you or the optimiser; if neither gets there, ${BEST_READING[id]} wins.`
    : `No finish line: when both budgets are spent, ${BEST_READING[id]} wins.`;
  return `${rule} ${paceText(game)}`;
}

/** What the optimiser will do next, asked of the strategy itself; undefined once it has no move left. */
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
  if (cost === 1 || due - made <= 1) return `after your next ${moveNoun(id)}`;
  return `after your ${due}th ${moveNoun(id)} (${due - made} from now)`;
}

/** Its design, in words: why its first moves are spread out rather than aimed. */
function openingText(game: GameView, spaceDimension: number): string {
  const id = game.rules.id;
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
  const id = game.rules.id;
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
