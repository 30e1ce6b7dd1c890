/** Tune the Guitar as the player sees it: a string menu, peg buttons, the strum to hear, the pegs at the end. */
import { UserError } from '../../../src/command-layer/errors.js';
import { clip, LIMITS } from '../../../src/command-layer/limits.js';
import type { ComponentView, FileView } from '../../../src/command-layer/types.js';
import {
  GUITAR_STRINGS,
  IN_TUNE_CENTS,
  PEG_STEPS,
  startingScore,
  stringFrequencies,
  tune,
  type TuneReveal,
  type TuneState,
} from '../../../src/games/tune.js';
import type { Params } from '../../../src/search/types.js';
import { bestSoFarChart, strumWav } from '../../../src/pictures/index.js';
import { scoreSeries } from '../reveal-pictures.js';
import type { GameView } from '../session.js';
import { formatNumber } from '../turn-text.js';
import { boardAction, halfOfBest, modelThoughts, presenterFor } from './presenter.js';

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const TUNE_FILE_NAMES = { chart: 'tune-reveal.png' } as const;

const OPTIMISER_NOUNS = { one: 'try', many: 'tries' };

const isGuitarString = (name: string | undefined): name is string => GUITAR_STRINGS.some((s) => s.name === name);

/** The string menu picks which peg the buttons turn: the board changes, the guitar does not. */
const pickString = boardAction({
  arguments: 0,
  parse: () => ({}),
  answer(_game, _parsed, values) {
    const string = values[0];
    if (!isGuitarString(string) || values.length !== 1) throw new UserError('Pick one of the six strings from the menu.');
    return { selection: string };
  },
});

const turnPeg = boardAction({
  arguments: 2,
  parse: ([string, cents]) => (isGuitarString(string) && cents !== undefined && /^-?[1-9]\d{0,3}$/.test(cents) ? { string, cents } : undefined),
  answer: (_game, { string, cents }) => ({ move: { string, cents } }),
});

/** "+16", "-32", "0": signed cents as a musician writes them. */
function signedCents(cents: number): string {
  if (cents === 0) return '0';
  return cents > 0 ? `+${cents}` : `-${Math.abs(cents)}`;
}

/** The strum as it sounds now, so an out-of-tune guitar really sounds out of tune. */
function strumFile(game: GameView, state: TuneState): FileView {
  const score = state.history.at(-1)?.feedback.score;
  return {
    name: 'strum.wav',
    // Each strum replaces the last: a console keeps only the newest unless asked to keep them all.
    series: `strum-${game.record.id}`,
    data: strumWav(stringFrequencies(state), { seed: `${game.record.seed}/${state.history.length}` }),
    description: clip(
      score === undefined
        ? 'The guitar strummed as it starts: all six strings, out of tune.'
        : `The guitar strummed after move ${state.history.length}: the chord sounds ${score} out of 100 in tune.`,
      LIMITS.altText,
    ),
  };
}

function tuneAnswer(reveal: TuneReveal): string {
  const { detuning, playerFinalErrors } = reveal.extras;
  const lines = [
    `${'string'.padEnd(7)}${'start'.padStart(6)}${'you'.padStart(6)}`,
    ...GUITAR_STRINGS.map((s, i) => `${s.name.padEnd(7)}${signedCents(detuning[i] ?? 0).padStart(6)}${signedCents(playerFinalErrors[i] ?? 0).padStart(6)}`),
  ];
  return `How far each peg was off, in cents (*start*), and after your strums (*you*); within ±2 is in tune:\n\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

/** An optimiser's try sets every peg: the setting in the learner's words, without a result. */
function pegSetting(params: Params): string {
  return `pegs ${GUITAR_STRINGS.map((s) => {
    const cents = Number(params[`peg${s.name}`]);
    return `${s.name} ${cents > 0 ? '+' : ''}${cents}`;
  }).join(', ')} (cents from where they started)`;
}

const formatScore = (value: number): string => value.toFixed(1);

export const tunePresenter = presenterFor(tune, {
  nouns: { one: 'strum', many: 'strums' },
  invitation: 'tune the guitar by ear.',
  optimiserNouns: OPTIMISER_NOUNS,
  tryKnobs: 'pegs',

  formatReading: formatScore,
  readingInWords: (value) => `a chord score of ${value.toFixed(1)}`,
  readingName: 'reading',

  // The first change is measured from the chord as it starts, so the board shows that score too.
  startText: (state) => `As it starts, the chord sounds **${formatNumber(startingScore(state))}**.`,
  turnText({ move, feedback }) {
    const change = feedback.change > 0 ? `+${feedback.change}` : String(feedback.change);
    return `${move.string} ${move.cents > 0 ? '+' : ''}${move.cents}¢ → sounds **${feedback.score}** (${change})${feedback.inTune ? ' in tune!' : ''}`;
  },
  controls({ state, selection, id, giveUp }) {
    // The string last turned stays picked, so the next press turns it again without a wasted strum.
    const chosen = selection ?? state.history.at(-1)?.move.string ?? GUITAR_STRINGS[0].name;
    const step = (cents: number): ComponentView => ({
      type: 'button',
      customId: id('peg', chosen, cents),
      label: `${cents > 0 ? '+' : ''}${cents}¢`,
      style: 'secondary',
    });
    return [
      [
        {
          type: 'select',
          customId: id('string'),
          placeholder: 'String to turn',
          options: GUITAR_STRINGS.map((s) => ({ label: `String ${s.name}`, value: s.name, isDefault: s.name === chosen })),
        },
      ],
      PEG_STEPS.filter((s) => s < 0).map(step),
      [...PEG_STEPS.filter((s) => s > 0).map(step), giveUp],
    ];
  },
  selection: {
    shape: new RegExp(`^(${GUITAR_STRINGS.map((s) => s.name).join('|')})$`),
    initial: () => GUITAR_STRINGS[0].name,
    accepts: (_game, text) => isGuitarString(text),
  },
  actions: { string: pickString, peg: turnPeg },
  boardFiles: (game, state) => [strumFile(game, state)],

  finishLine: () => `**every string in tune** (each within ±${IN_TUNE_CENTS} cents)`,
  finishWords: 'tuned every string',
  bestReadingWords: 'the better best chord score',
  raceMoveText: (params, value) => `pegs ${Object.values(params).map((v) => `${Number(v) > 0 ? '+' : ''}${String(v)}`).join(' ')} → ${value}`,
  optimiserThoughts: (context) => modelThoughts(context, OPTIMISER_NOUNS, pegSetting),

  unsolvedScore: (outcome) => halfOfBest('chord score', outcome, formatScore),
  answerText: tuneAnswer,
  pictures(reveal) {
    const chart = bestSoFarChart({
      series: scoreSeries(reveal),
      direction: reveal.direction,
      target: 100,
      targetLabel: 'In tune (100)',
      title: 'Best chord score so far after each strum',
      xLabel: 'Strum',
      yLabel: 'Chord score',
    });
    return { files: [{ name: TUNE_FILE_NAMES.chart, data: chart.png, description: chart.altText }], imageFile: TUNE_FILE_NAMES.chart };
  },
  pictureWords: {
    simple:
      'Each line shows the best the guitar had sounded so far, strum after strum. Higher is better. The dashed line at 100 ' +
      'means every string is in tune. When a line stays flat, nothing new helped.',
    plain:
      'Each staircase is the best chord score so far after each strum, for you and for each strategy tuning the same ' +
      'guitar with the same number of strums. The dashed line is 100: all six strings in tune. A step up marks a strum ' +
      'that beat the best so far. Six pegs make a six-dimensional search, so a grid spreads its few strums very thinly.',
    technical:
      'Incumbent curves over the budget for a 6-D integer objective (peg offsets in cents) whose value is the mean over ' +
      'strings of 1/(1 + (e/20)²): separable and smooth. Dashed: the optimum, 100. A grid of this budget covers about two ' +
      'values per dimension; model-based strategies exploit the smooth, separable structure.',
  },
  // In tune the moves add up on one guitar: the group was one search taking turns, not many hands.
  groupNote:
    'You all turned the same six pegs on one guitar: each strum started where the strum before left it, and ' +
    'everyone heard every result. Together you were one search taking turns, each strum building on all the ' +
    'ones before; only strums made at the same moment could not learn from each other.',
});
