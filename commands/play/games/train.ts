/** Train a Model as the player sees it: settings and accuracy, the race of staircases, the best model's curve. */
import type { FileView } from '../../../src/command-layer/types.js';
import { train, type TrainReveal, type TrainState } from '../../../src/games/train.js';
import { bestSoFarChart, learningCurveChart } from '../../../src/pictures/index.js';
import type { Params } from '../../../src/search/types.js';
import { scoreSeries } from '../reveal-pictures.js';
import { racerNames } from '../reveal-words.js';
import { formatNumber } from '../turn-text.js';
import { modelThoughts, presenterFor } from './presenter.js';

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const TRAIN_FILE_NAMES = { chart: 'train-reveal.png', curve: 'train-curve.png' } as const;

const NOUNS = { one: 'run', many: 'runs' };

function trainAnswer(reveal: TrainReveal): string {
  const model = reveal.extras.bestModel;
  if (model === null) return 'Nobody trained a model.';
  const who = model.by === 'player' ? 'you' : racerNames({ name: model.by, label: model.by }).long;
  const s = model.settings;
  const settings = `learning rate ${formatNumber(s.learningRate)}, ${s.epochs} epochs, ${s.hiddenUnits} hidden units, batch size ${s.batchSize}, weight decay ${formatNumber(s.weightDecay)}`;
  const yours = reveal.extras.playerBestModel;
  const mine =
    yours === null || model.by === 'player'
      ? ''
      : ` Your best was **${yours.accuracy.toFixed(1)}%** with learning rate ${formatNumber(yours.settings.learningRate)}, ${yours.settings.epochs} epochs.`;
  return `Best held-out accuracy found by anyone: **${model.accuracy.toFixed(1)}%**, by ${who}, with ${settings}.${mine}`;
}

function trainPictures(reveal: TrainReveal) {
  const race = bestSoFarChart({
    series: scoreSeries(reveal),
    direction: reveal.direction,
    title: 'Best held-out accuracy so far after each run',
    xLabel: 'Run',
    yLabel: 'Accuracy (%)',
  });
  const files: FileView[] = [{ name: TRAIN_FILE_NAMES.chart, data: race.png, description: race.altText }];
  const model = reveal.extras.bestModel;
  if (model !== null) {
    const who = model.by === 'player' ? 'yours' : racerNames({ name: model.by, label: model.by }).long;
    const curve = learningCurveChart({
      title: `Learning curve of the best model (${who}, ${model.accuracy.toFixed(1)}%)`,
      // A blown-up epoch has no loss to draw.
      trainLoss: model.curve.trainLoss.map((loss) => loss ?? Number.NaN),
      heldOutAccuracy: model.curve.heldOutAccuracy,
    });
    files.push({ name: TRAIN_FILE_NAMES.curve, data: curve.png, description: curve.altText });
  }
  return { files, imageFile: TRAIN_FILE_NAMES.chart };
}

/** A rise in training loss from one epoch to the next bigger than this is a swing worth naming. */
const SWING_RISE = 0.5;

/**
 * The player's own run whose loss swung up the most, in words: the lesson a too-large learning rate
 * teaches. Empty when no run's loss rose by more than SWING_RISE in one epoch or blew up.
 */
function lossSwing(state: TrainState): string {
  let worst: { learningRate: number; loss: number | null; epoch: number; rise: number } | undefined;
  for (const turn of state.history) {
    const losses = turn.feedback.curve.trainLoss;
    for (let epoch = 1; epoch < losses.length; epoch++) {
      const before = losses[epoch - 1];
      const now = losses[epoch];
      if (before === null || before === undefined) continue;
      const rise = now === null || now === undefined ? Number.POSITIVE_INFINITY : now - before;
      if (rise > SWING_RISE && (worst === undefined || rise > worst.rise)) {
        worst = { learningRate: turn.move.learningRate, loss: now ?? null, epoch: epoch + 1, rise };
      }
    }
  }
  if (worst === undefined) return '';
  const jump = worst.loss === null ? 'blew up' : `jumped to ${formatNumber(worst.loss)}`;
  return `With learning rate ${formatNumber(worst.learningRate)}, your loss ${jump} at epoch ${worst.epoch}: the steps were too big, so they overshot.`;
}

/** The optimiser's settings in the learner's words, without a result. */
function settingsText(params: Params): string {
  return `lr ${formatNumber(Number(params.learningRate))} · ${String(params.epochs)} ep · ${String(params.hiddenUnits)} units · batch ${String(params.batchSize)} · wd ${formatNumber(Number(params.weightDecay))}`;
}

const formatAccuracy = (value: number): string => `${value.toFixed(1)}%`;

export const trainPresenter = presenterFor(train, {
  nouns: NOUNS,
  invitation: 'tune a real neural network.',

  formatReading: formatAccuracy,
  readingInWords: (value) => `${value.toFixed(1)}% accuracy`,
  readingName: 'reading',

  turnText({ move, feedback }) {
    const settings = `lr ${formatNumber(move.learningRate)} · ${move.epochs} ep · ${move.hiddenUnits} units · batch ${move.batchSize} · wd ${formatNumber(move.weightDecay)}`;
    return `${settings} → **${feedback.accuracy}%**${feedback.diverged ? ' (diverged)' : ''}`;
  },
  controls: ({ id, giveUp }) => [[{ type: 'button', customId: id('ask'), label: 'Train…', style: 'primary' }, giveUp]],

  // Training has no finish line: only the better best accuracy decides.
  finishLine: () => undefined,
  finishWords: 'won',
  bestReadingWords: 'the better best held-out accuracy',
  raceMoveText: (params, value) =>
    `lr ${formatNumber(Number(params.learningRate))} · ${String(params.epochs)} ep · ${String(params.hiddenUnits)} units → ${value}%`,
  optimiserThoughts: (context) => modelThoughts(context, NOUNS, settingsText),

  unsolvedScore: () => 'your best held-out accuracy, rounded.',
  answerTitle: 'The best model',
  answerText: trainAnswer,
  pictures: trainPictures,
  pictureWords: {
    simple:
      'The first picture shows the best score so far after each try. Each try taught a small computer brain. ' +
      'Higher is better. The second picture shows the best brain as it learned. The top line is its mistakes, and it ' +
      'should go down. The bottom line is how often it got new examples right, and it should go up. If the mistakes ' +
      'line jumps up and down, the brain took steps that were too big: it kept jumping past the answer.',
    plain:
      'The first chart is the best held-out accuracy so far after each run: the share of examples the model never trained ' +
      'on that it got right. The second is the learning curve of the best model anyone found: training loss (top) should ' +
      'fall and held-out accuracy (bottom) should rise. A loss that jumps up instead of falling is the learning rate at ' +
      'work: each step is so big that it overshoots the bottom and lands higher on the other side. If accuracy drops while ' +
      'loss keeps falling, the model is memorising instead of learning. Hyperband trains many models briefly and keeps ' +
      'only the promising ones going; a short run counts only until a fully trained one exists.',
    technical:
      'First: incumbent held-out accuracy per trial for each strategy on a 5-D mixed space (log-scaled learning rate, ' +
      'hidden units and weight decay; integer epochs; categorical batch size). Hyperband’s trials may run at reduced ' +
      'fidelity (fewer epochs); the incumbent counts only full-fidelity trials once one exists, so its line can step down. ' +
      'Second: the best configuration’s per-epoch training cross-entropy and held-out accuracy. Loss spikes mean the step ' +
      'size exceeds what the loss surface’s curvature allows (roughly 2/λ_max of the Hessian): SGD oscillates across ' +
      'the valley or diverges; a gap in the loss marks divergence.',
  },
  whyMore: lossSwing,
});
