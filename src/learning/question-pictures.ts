/**
 * The small pictures some quiz questions carry, drawn with the reveal's picture code: a strategy's tries
 * on a game's puzzle (a fixed puzzle and seed, so every learner sees the same dots) and learning curves of
 * four characteristic shapes. Deterministic; each picture is drawn once per process and kept.
 */
import type { QuestionPicture } from '../content/quizzes.js';
import { gameObjectives } from '../games/objectives.js';
import { KNOBS } from '../games/train.js';
import { GUITAR_STRINGS, PEG_RANGE_CENTS } from '../games/tune.js';
import { BAKE_MAX_MINUTES, BAKE_MIN_MINUTES } from '../games/bake.js';
import type { ChartImage } from '../pictures/chart-image.js';
import { lossCurvesChart, type LossCurve } from '../pictures/loss-curves-chart.js';
import { searchDotsChart, type DotAxis } from '../pictures/search-dots-chart.js';
import { seriesStyle } from '../pictures/series-style.js';
import { replay } from '../search/replay.js';

/** The puzzle and search seed every question picture uses. */
export const PICTURE_SEED = 'quiz-picture';

type DotsPicture = Extract<QuestionPicture, { kind: 'search-dots' }>;
type CurvePicture = Extract<QuestionPicture, { kind: 'learning-curve' }>;

/** The knobs each game's dots are drawn on: its one knob, or its first two. */
const GAME_AXES: Readonly<Record<DotsPicture['game'], { x: [string, DotAxis]; y?: [string, DotAxis] }>> = {
  bake: { x: ['bakeTime', { label: 'Bake time (minutes)', low: BAKE_MIN_MINUTES, high: BAKE_MAX_MINUTES, unit: 'minutes' }] },
  tune: {
    x: [`peg${GUITAR_STRINGS[0].name}`, { label: `${GUITAR_STRINGS[0].name} peg (cents)`, low: -PEG_RANGE_CENTS, high: PEG_RANGE_CENTS, unit: 'cents' }],
    y: [`peg${GUITAR_STRINGS[1].name}`, { label: `${GUITAR_STRINGS[1].name} peg (cents)`, low: -PEG_RANGE_CENTS, high: PEG_RANGE_CENTS, unit: 'cents' }],
  },
  train: {
    x: ['learningRate', { label: 'Learning rate', ...KNOBS.learningRate, log: true }],
    y: ['hiddenUnits', { label: 'Hidden units', ...KNOBS.hiddenUnits, log: true }],
  },
};

function searchDots(picture: DotsPicture): ChartImage {
  const factory = gameObjectives.find((f) => f.name === picture.game);
  if (!factory) throw new Error(`no objective for game ${picture.game}`);
  const run = replay({ objective: factory.create({ puzzleSeed: PICTURE_SEED }), strategy: picture.strategy, budget: picture.budget, seed: PICTURE_SEED });
  const axes = GAME_AXES[picture.game];
  const style = seriesStyle(picture.strategy);
  const [xName, xAxis] = axes.x;
  const [yName, yAxis] = axes.y ?? [];
  return searchDotsChart({
    title: `${style.label}: ${run.trials.length} tries in order`,
    colour: style.colour,
    x: xAxis,
    ...(yAxis && { y: yAxis }),
    tries: run.trials.map(({ params }) => ({ x: Number(params[xName]), ...(yName && { y: Number(params[yName]) }) })),
  });
}

const EPOCHS = 20;
const epochs = Array.from({ length: EPOCHS }, (_, i) => i + 1);
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Training loss with the shape each learning-rate or fit story has; pure formulas, no noise. */
function curves(shape: CurvePicture['shape']): LossCurve[] {
  const training = (losses: number[]): LossCurve => ({ name: 'training', label: 'Training loss', losses: losses.map(round) });
  switch (shape) {
    case 'too-high':
      // Steps overshoot: the loss jumps up and down and never settles.
      return [training(epochs.map((e) => 1.6 + 0.6 * Math.sin(1.9 * e) + 0.02 * e))];
    case 'too-low':
      // Tiny steps: the loss creeps down and is still high at the end.
      return [training(epochs.map((e) => 2.3 - 0.025 * e))];
    case 'just-right':
      return [training(epochs.map((e) => 0.15 + 2.15 * Math.exp(-(e - 1) / 3.5)))];
    case 'overfitting':
      return [
        training(epochs.map((e) => 0.03 + 2.27 * Math.exp(-(e - 1) / 3))),
        // Validation loss falls with training loss at first, then turns up as the model memorises.
        { name: 'validation', label: 'Validation loss', losses: epochs.map((e) => round(0.55 + 1.75 * Math.exp(-(e - 1) / 2.5) + 0.0045 * Math.max(0, e - 7) ** 2)) },
      ];
  }
}

const drawn = new Map<string, ChartImage>();

/** The picture if it was drawn already in this process; drawing a search's dots can take seconds (a GP on the train game). */
export function drawnPicture(picture: QuestionPicture): ChartImage | undefined {
  return drawn.get(JSON.stringify(picture));
}

/** The picture for a question (drawn once per process: the same picture key is always the same image). */
export function questionPicture(picture: QuestionPicture): ChartImage {
  const key = JSON.stringify(picture);
  let image = drawn.get(key);
  if (!image) {
    image = picture.kind === 'search-dots' ? searchDots(picture) : lossCurvesChart({ curves: curves(picture.shape) });
    drawn.set(key, image);
  }
  return image;
}
