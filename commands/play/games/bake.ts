/** Grandma's Bake as the player sees it: bakes and tastes, one button, the taste chart and its belief. */
import { bake, bakeRules, bakeRulesText, BAKE_TIMES, perfectWithinMinutes, type BakeReveal } from '../../../src/games/bake.js';
import { bakeChart } from '../../../src/pictures/index.js';
import { beliefAfter } from '../reveal-belief.js';
import { formatNumber } from '../turn-text.js';
import { bakePictures } from './bake-pictures.js';
import { halfOfBest, presenterFor, type ThinkingContext } from './presenter.js';

function minutesText(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function bakeAnswer(reveal: BakeReveal): string {
  const { bestTime, ovenTastes, playerBakes } = reveal.extras;
  const rules = bakeRules(reveal.difficulty);
  const atBest = ovenTastes.find((point) => point.x === bestTime)?.y;
  const oven = atBest === undefined ? '' : `; this oven's wobble makes a bake there taste **${atBest}**`;
  const best = `Grandma's best time was **${bestTime} minutes**, the top of the true taste curve${oven}.`;
  // "Best" is the highest taste, as on the board and in the table; the first bake to reach it.
  const bestBake = playerBakes.reduce<{ x: number; y: number } | undefined>((top, p) => (top === undefined || p.y > top.y ? p : top), undefined);
  if (bestBake === undefined) return `${best} You made no bakes.`;
  const off = Math.abs(bestBake.x - bestTime);
  const how = off === 0 ? 'right on it' : `${minutesText(off)} ${bestBake.x < bestTime ? 'short' : 'over'}`;
  const perfect =
    off <= rules.perfectWithin + 1e-9
      ? `perfect: within ${minutesText(rules.perfectWithin)} of the best time`
      : `not perfect: that needs ${rules.perfectWithin === 0 ? 'exactly the best time' : `within ${minutesText(rules.perfectWithin)}`}`;
  const yours = `Your best bake tasted **${bestBake.y}**, at ${bestBake.x} minutes (${how}; ${perfect}).`;
  const wobble =
    atBest !== undefined && bestBake.y > atBest
      ? ` It beat the best time's taste because the oven wobbles by up to ${rules.maxWobble} points; perfect goes by time, not taste.`
      : '';
  return `${best} ${yours}${wobble}`;
}

/** Its belief drawn as the reveal draws the player's, from its own bakes only, and where it bakes next. */
function bakeThoughts({ game, objective, next, done, when, opening }: ThinkingContext) {
  const race = game.session.race!;
  const nextBake = next === undefined ? undefined : Number(next.params.bakeTime);
  const plan =
    next === undefined || nextBake === undefined
      ? done
      : next.opening
        ? `${opening}, so it bakes next at **${formatNumber(nextBake)} min**, ${when}, whatever its guess says.`
        : `It bakes next at **${formatNumber(nextBake)} min**, ${when}: where the bottom curve, how much a bake there might beat its best, peaks (a good guess, or a big unknown, or both).`;
  if (race.trials.length === 0) return { content: `It has not baked yet, so it believes nothing yet. ${plan}` };
  const belief = beliefAfter(
    { space: objective.space, direction: objective.direction, parameter: 'bakeTime', xs: BAKE_TIMES },
    race.trials.map((t) => ({ params: t.params, value: t.value, best: null })),
    game.state.budget,
  );
  if (belief.length === 0) return { content: `It has just started afresh and believes nothing yet. ${plan}` };
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
    content: `The line is its guess of the taste at each time, the band how unsure it is. ${plan}`,
    embeds: [{ title: 'What is it thinking?', imageFile: 'optimiser-belief.png' }],
    files: [{ name: 'optimiser-belief.png', data: chart.png, description: chart.altText }],
  };
}

const formatTaste = (value: number): string => String(Math.round(value));

export const bakePresenter = presenterFor(bake, {
  nouns: { one: 'bake', many: 'bakes' },
  invitation: 'guess grandma’s bake time.',

  formatReading: formatTaste,
  readingInWords: (value) => `a taste of ${Math.round(value)}`,
  readingName: 'reading',

  rulesText: bakeRulesText,
  turnText: ({ move, feedback }) => `${move.minutes} min → tastes **${feedback.taste}** (${feedback.word})`,
  controls: ({ id, giveUp }) => [[{ type: 'button', customId: id('ask'), label: 'Bake…', style: 'primary' }, giveUp]],

  finishLine(difficulty) {
    const within = perfectWithinMinutes(difficulty);
    const closeness = within === 0 ? 'the exact best time' : `within ${formatNumber(within)} min of the best time`;
    return `a **perfect bake** (${closeness}; a high taste alone does not count)`;
  },
  finishWords: 'made a perfect bake',
  bestReadingWords: 'the better best taste',
  raceMoveText: (params, value) => `${String(params.bakeTime)} min → ${value}`,
  optimiserThoughts: bakeThoughts,

  unsolvedScore: (outcome) => halfOfBest('taste', outcome, formatTaste),
  answerText: bakeAnswer,
  pictures: bakePictures,
  pictureWords: {
    simple:
      'The grey line shows how good the cake tastes at each bake time. Nobody could see it while you played. ' +
      'Your bakes are the black dots with numbers. The oven wobbles, so a taste can be a few points above or below ' +
      'the grey line. A bake close to the best time wins, even if the wobble made it taste worse. ' +
      'The dashed line is a guess made from your bakes, and the shaded band ' +
      'shows how unsure that guess is: thin where you baked, wide where you did not. The bottom strip shows where one more ' +
      'bake might beat your best. The small pictures below show where each helper baked. The TPE helper starts by ' +
      'guessing at random, so at first it bakes the same times as the random helper. The moving picture shows the Bayesian ' +
      'helper making a new guess after every bake.',
    plain:
      'The grey curve is the true taste at each bake time, hidden during the game. Your bakes are numbered in order. ' +
      'Each taste includes the oven’s wobble, a few points up or down, so a bake near the best time can taste as good ' +
      'as the best time itself. Perfect goes by time, not taste: a bake close enough to the best time wins. ' +
      'The dashed line and shaded band are a Gaussian process’s belief after your bakes: its best guess of the taste, and ' +
      'how unsure it is (two standard deviations either side). The lower panel is expected improvement: how much a bake ' +
      'there is expected to beat your best, counting both a high guess and a wide band. The small panels show each ' +
      'strategy’s bakes on the same puzzle. TPE starts with random bakes from the same seed as random search and only ' +
      'uses its model after 10 bakes, so the two bake alike at first. The GIF replays Bayesian search bake by bake: its ' +
      'first few bakes are spread out on purpose, then it bakes where expected improvement peaks.',
    technical:
      'Grey: the noise-free objective; the oven adds noise frozen per bake time, so re-baking repeats a taste. Numbered ' +
      'points: your evaluations. Dashed mean and ±2σ band: the GP posterior (Matérn 5/2, MAP hyperparameters) fitted to ' +
      'your bakes exactly as the Bayesian strategy fits its own. Lower panel: expected improvement over your incumbent; ' +
      'its argmax is where BO would evaluate next. Small panels: every strategy’s trials with the same budget and seed; ' +
      'TPE’s 10 random start-up trials use the same seed as random search, so the two coincide until its density model ' +
      'takes over. The GIF is the BO run’s posterior after each trial; its opening trials come from a scrambled Halton ' +
      'design before EI takes over.',
  },
});
