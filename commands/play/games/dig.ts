/**
 * Dig for Gold as the player sees it: digs and grams, a Dig… button asking for x and y, the map of the
 * digs so far on the board, and at the end the true field under every searcher's digs and the Bayesian
 * belief as maps.
 */
import type { FileView, MessageView } from '../../../src/command-layer/types.js';
import { dig, digRules, digRulesText, type DigRevealExtras, type DigState } from '../../../src/games/dig.js';
import { digBelief, digBeliefFrames, digFieldGrid, type DigSpot } from '../../../src/games/dig-reveal.js';
import type { Reveal, RevealRun } from '../../../src/games/reveal-types.js';
import { ALT_TEXT_LIMIT, digBeliefMaps, digBoardMap, digRevealMap, mapAnimation, type MapDig } from '../../../src/pictures/index.js';
import type { Params } from '../../../src/search/types.js';
import { racerNames } from '../reveal-words.js';
import type { GameView } from '../session.js';
import { presenterFor, type RevealPictures, type ThinkingContext } from './presenter.js';

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const DIG_FILE_NAMES = {
  board: 'dig-map.png',
  reveal: 'dig-reveal.png',
  belief: 'dig-belief.png',
  animation: 'dig-belief.gif',
  thinking: 'optimiser-belief.png',
} as const;

type DigReveal = Reveal<DigRevealExtras>;

const grams = (value: number): string => `${value.toFixed(1)} g`;
const spot = (x: number, y: number): string => `(${Math.round(x)}, ${Math.round(y)})`;

/** A run's digs with a reading, as the map pictures take them. */
function runDigs(run: Pick<RevealRun, 'trials'>): DigSpot[] {
  return run.trials.flatMap((trial) => (trial.value === null ? [] : [{ x: Number(trial.params.x), y: Number(trial.params.y), grams: trial.value }]));
}

const mapDigs = (digs: readonly DigSpot[]): MapDig[] => digs.map((d) => ({ x: d.x, y: d.y, reading: d.grams }));

/** The board's map, shown in its embed: the digs so far and nothing hidden, replacing the last one in a console. */
function boardMapFile(game: GameView, state: DigState): FileView {
  const digs = state.history.map((turn) => ({ x: turn.move.x, y: turn.move.y, reading: turn.feedback.grams }));
  const map = digBoardMap({ digs });
  return { name: DIG_FILE_NAMES.board, series: `dig-map-${game.record.id}`, data: map.png, description: map.altText };
}

function digAnswer(reveal: DigReveal): string {
  const { peak } = reveal.extras;
  const rules = digRules(reveal.difficulty);
  const lode = `The mother lode was at **${spot(peak.x, peak.y)}**, with **${grams(peak.grams)}** of gold in the ground there.`;
  const digs = runDigs(reveal.player);
  if (digs.length === 0) return `${lode} You made no digs.`;
  const best = digs.reduce((top, d) => (d.grams > top.grams ? d : top));
  const away = Math.round(Math.hypot(best.x - peak.x, best.y - peak.y));
  const struck = digs.findIndex((d) => dig.winsAt(reveal.seed, reveal.difficulty, { x: d.x, y: d.y }));
  const verdict =
    struck === -1
      ? `none of your digs came within ${rules.winWithin} g of it`
      : `your dig ${struck + 1} at ${spot(digs[struck]!.x, digs[struck]!.y)} struck it`;
  return (
    `${lode} Your best dig found **${grams(best.grams)}** at ${spot(best.x, best.y)}, ${away} m from it; ${verdict}. ` +
    `A reading can be up to ${rules.maxWobble} g off the true gold, so the ground itself decides a win, not one lucky reading.`
  );
}

/** The side-by-side maps, the belief after the player's digs, and Bayesian search's belief dig by dig. */
function digPictures(reveal: DigReveal): RevealPictures {
  const { peak } = reveal.extras;
  const range = { low: 0, high: peak.grams };
  const runs = [...reveal.strategies, reveal.player];
  const revealMap = digRevealMap({
    field: digFieldGrid(reveal.seed, reveal.difficulty),
    range,
    peak: { x: peak.x, y: peak.y, reading: peak.grams },
    searchers: runs.map((run) => ({ name: racerNames(run).series, label: racerNames(run).long, digs: mapDigs(runDigs(run)) })),
  });
  const files: FileView[] = [{ name: DIG_FILE_NAMES.reveal, data: revealMap.png, description: revealMap.altText }];

  const playerDigs = runDigs(reveal.player);
  const belief = digBelief(playerDigs);
  if (belief !== undefined) {
    const maps = digBeliefMaps({ ...belief, digs: mapDigs(playerDigs), whose: 'your digs', searcher: 'player', meanRange: range });
    files.push({ name: DIG_FILE_NAMES.belief, data: maps.png, description: maps.altText });
  }

  const bayes = reveal.strategies.find((run) => run.name === 'bayes');
  if (bayes !== undefined && bayes.trials.length > 0) {
    const frames = digBeliefFrames({ name: 'bayes', digs: runDigs(bayes) }, { bayesOpening: true }).map((frame) => ({
      mean: frame.belief.mean,
      acquisition: frame.belief.acquisition,
      digs: mapDigs(frame.digs),
      ...(frame.next === undefined ? {} : { next: frame.next }),
    }));
    const animation = mapAnimation(frames, { searcher: 'bayes', searcherLabel: racerNames(bayes).long, meanRange: range });
    files.push({ name: DIG_FILE_NAMES.animation, data: animation.gif, description: animation.altText.slice(0, ALT_TEXT_LIMIT) });
  }
  return { files, imageFile: DIG_FILE_NAMES.reveal };
}

const digSetting = (params: Params): string => `x ${String(params.x)} m, y ${String(params.y)} m`;

/** Its belief drawn as maps from its own digs only, and where it digs next. */
function digThoughts({ game, next, done, when, opening }: ThinkingContext): MessageView {
  const race = game.session.race!;
  const plan =
    next === undefined
      ? done
      : next.opening
        ? `${opening}, so it digs next at **${digSetting(next.params)}**, ${when}, whatever its maps say.`
        : `It digs next at **${digSetting(next.params)}**, ${when}: where the right-hand map, how much a dig there might beat its best, is brightest.`;
  const digs = race.trials.map((t) => ({ x: Number(t.params.x), y: Number(t.params.y), grams: t.value }));
  // Its maps are fitted exactly as its own run fits them, on the same budget.
  const belief = digBelief(digs, { strategyBudget: game.state.budget });
  if (belief === undefined) return { content: `It has not dug yet, so it believes nothing yet. ${plan}` };
  // The true field and the player's digs stay hidden while the race is on: only the optimiser's own view is drawn.
  const nextSpot = next === undefined ? undefined : { x: Number(next.params.x), y: Number(next.params.y) };
  const maps = digBeliefMaps({
    ...belief,
    digs: mapDigs(digs),
    whose: 'its digs',
    searcher: 'bayes',
    ...(nextSpot === undefined ? {} : { next: nextSpot }),
  });
  return {
    content: `Left: its guess of the gold under every spot. Middle: how unsure that guess is. Right: where a dig might beat its best. ${plan}`,
    embeds: [{ title: 'What is it thinking?', imageFile: DIG_FILE_NAMES.thinking }],
    files: [{ name: DIG_FILE_NAMES.thinking, data: maps.png, description: maps.altText }],
  };
}

export const digPresenter = presenterFor(dig, {
  nouns: { one: 'dig', many: 'digs' },
  invitation: 'find the gold on a map in 12 digs.',

  formatReading: (value) => value.toFixed(1),
  readingInWords: (value) => `${grams(value)} of gold`,
  readingName: 'grams',

  rulesText: digRulesText,
  turnText: ({ move, feedback }) => `${spot(move.x, move.y)} → **${grams(feedback.grams)}**${feedback.motherLode ? ' mother lode!' : ''}`,
  // The modal asks for x and y, the rules' two move fields.
  controls: ({ id, giveUp }) => [[{ type: 'button', customId: id('ask'), label: 'Dig…', style: 'primary' }, giveUp]],
  boardPicture: boardMapFile,

  finishLine(difficulty) {
    return `a dig that **strikes the mother lode** (true gold within ${digRules(difficulty).winWithin} g of the richest spot's; a lucky reading alone does not count)`;
  },
  finishWords: 'struck the mother lode',
  bestReadingWords: 'the better best dig',
  raceMoveText: (params, value) => `${spot(Number(params.x), Number(params.y))} → ${grams(value)}`,
  optimiserThoughts: digThoughts,

  unsolvedScore: (outcome) =>
    `not struck, so up to 50 for your best dig (${outcome.best === null ? 'no digs yet' : grams(outcome.best)}) as a share of the mother lode's gold; a strike scores 50 to 100.`,
  answerTitle: 'The mother lode',
  answerText: digAnswer,
  pictures: digPictures,
  pictureWords: {
    simple:
      'The small maps all show the same hidden ground. Yellow means lots of gold. Dark blue means little gold. ' +
      'Nobody could see it while you played. Each map shows where one helper dug. The last one shows your digs. ' +
      'The grid helper digs in neat rows, so it can miss gold between its rows. The random helper digs here and there. ' +
      'The Bayesian helper makes a guess map after each dig, then digs where gold might be. The next picture is that ' +
      'guess map, made from your digs. It shows what it thinks is in the ground, how sure it is, and where one more dig ' +
      'looks best. The moving picture shows the guess map change dig by dig.',
    plain:
      'The small maps share one heat map: the true gold at every spot, hidden during the game, with the richest spot ' +
      'marked. On top, each strategy’s digs with the same budget on the same puzzle, and yours. A grid spends its digs on ' +
      'a lattice, so with 12 digs it tests only a few values of each coordinate; random search scatters them; quasi-random ' +
      'search spreads them evenly. Bayesian optimisation keeps a belief that is itself a map. The three panels show that ' +
      'belief after your digs: a Gaussian process’s best guess of the gold, how unsure it is (low near your digs, high far ' +
      'away), and expected improvement, how much a dig there is expected to beat your best. The GIF replays Bayesian ' +
      'search: its first digs follow a spread-out opening, then it digs where expected improvement is highest.',
    technical:
      'Heat map: the noise-free 2-D objective (a sum of Gaussian deposits) on a 40 × 40 grid, viridis, with every ' +
      'strategy’s evaluations at an equal budget and study seed equal to the puzzle seed. Grid search on 12 points over 2 ' +
      'dimensions gets a 3 × 4 lattice, so only 3 or 4 distinct values per axis: in 2-D a grid wastes evaluations ' +
      're-testing the same coordinates. Belief panels: GP posterior mean and standard deviation (Matérn 5/2, MAP ' +
      'hyperparameters) fitted to your digs as the Bayesian strategy fits its own, and expected improvement over your ' +
      'incumbent; its argmax is where BO would dig next. The GIF is the BO run’s posterior after each evaluation; its ' +
      'opening comes from a scrambled Halton design, and those frames mark no next dig, as the model did not choose it.',
  },
});
