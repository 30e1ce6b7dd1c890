/**
 * The train game's learning curve: training loss per epoch on top, held-out accuracy underneath,
 * sharing the epoch axis, so "loss keeps falling while accuracy turns down" is visible at a glance.
 */
import { altTextFrom, count, type ChartImage } from './chart-image.js';
import { axes, bottom, clipPath, grow, marker, title, type Rect } from './chart-frame.js';
import { withoutUndefined } from './options.js';
import { renderPng } from './render.js';
import { formatNumber, linearScale, niceDomain, niceLinearScale, type Scale } from './scale.js';
import { el, group, polylinePath, svgDocument, type Markup } from './svg.js';

export interface LearningCurveInput {
  /** Training loss after each epoch (epoch 1 first). */
  readonly trainLoss: readonly number[];
  /** Accuracy on held-out data after each epoch, as a fraction from 0 to 1. */
  readonly heldOutAccuracy: readonly number[];
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const DEFAULTS = { title: 'Learning curve', width: 900, height: 500 } as const;

const LOSS_COLOUR = '#D55E00';
const ACCURACY_COLOUR = '#0072B2';
/** How far accuracy must slip below its peak before the alt text calls it out. */
const NOTABLE_DROP = 0.02;

function curve(values: readonly number[], x: Scale, y: Scale, colour: string, shape: 'circle' | 'square'): Markup {
  const points = values.map((value, index) => ({ x: x(index + 1), y: Number.isFinite(value) ? y(value) : Number.NaN }));
  const parts: Markup[] = [
    el('path', { d: polylinePath(points), fill: 'none', stroke: colour, 'stroke-width': 3.5, 'stroke-linejoin': 'round' }),
  ];
  // Markers only while they stay apart; on a long run they would merge into a thick smear.
  if (values.length <= 40) {
    for (const point of points) if (Number.isFinite(point.y)) parts.push(marker(shape, point.x, point.y, 4.5, colour));
  }
  return group({}, parts);
}

export function learningCurveChartSvg(input: LearningCurveInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const left = 100;
  const right = o.width - 30;
  const top = 60;
  const lowest = o.height - 75;
  const gap = 16;
  const panelHeight = (lowest - top - gap) / 2;
  const lossPanel: Rect = { left, top, width: right - left, height: panelHeight };
  const accuracyPanel: Rect = { left, top: top + panelHeight + gap, width: right - left, height: panelHeight };

  const epochs = Math.max(1, input.trainLoss.length, input.heldOutAccuracy.length);
  const { ticks } = niceDomain(1, epochs, Math.min(epochs, 10));
  const x = linearScale([1, Math.max(2, epochs)], [left, right], ticks.filter((t) => Number.isInteger(t) && t >= 1 && t <= epochs));
  const loss = niceLinearScale([0, ...input.trainLoss], [bottom(lossPanel), lossPanel.top], 4);
  const accuracyValues = input.heldOutAccuracy.filter(Number.isFinite);
  const { domain: accuracyDomain, ticks: accuracyTicks } = niceDomain(
    Math.min(...accuracyValues, 1) >= 0.5 ? Math.min(...accuracyValues) : 0,
    1,
    4,
  );
  const accuracy = linearScale(accuracyDomain, [bottom(accuracyPanel), accuracyPanel.top], accuracyTicks);

  return svgDocument(o.width, o.height, [
    title(o.title, o.width),
    el('defs', {}, [clipPath('loss-clip', grow(lossPanel, 8)), clipPath('accuracy-clip', grow(accuracyPanel, 8))]),
    axes(lossPanel, x, loss, { yLabel: 'Training loss', showXTickLabels: false }),
    axes(accuracyPanel, x, accuracy, {
      xLabel: 'Epoch',
      yLabel: 'Held-out acc.',
      formatY: (v) => `${formatNumber(v * 100, { decimals: 0 })}%`,
    }),
    group({ 'clip-path': 'url(#loss-clip)' }, [curve(input.trainLoss, x, loss, LOSS_COLOUR, 'square')]),
    group({ 'clip-path': 'url(#accuracy-clip)' }, [curve(input.heldOutAccuracy, x, accuracy, ACCURACY_COLOUR, 'circle')]),
  ]);
}

function extreme(values: readonly number[], better: (a: number, b: number) => boolean): { value: number; epoch: number } | undefined {
  let found: { value: number; epoch: number } | undefined;
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    if (found === undefined || better(value, found.value)) found = { value, epoch: index + 1 };
  });
  return found;
}

const percent = (fraction: number) => `${formatNumber(fraction * 100, { decimals: 0 })}%`;

export function learningCurveAltText(input: LearningCurveInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const epochs = input.trainLoss.length;
  const sentences = [`${o.title}: training loss (top) and held-out accuracy (bottom) over ${count(epochs, 'epoch')}.`];
  const firstLoss = input.trainLoss[0];
  const lastLoss = input.trainLoss[epochs - 1];
  const lowestLoss = extreme(input.trainLoss, (a, b) => a < b);
  if (epochs > 1 && firstLoss !== undefined && lastLoss !== undefined && lowestLoss !== undefined) {
    sentences.push(
      `Training loss went from ${formatNumber(firstLoss)} at epoch 1 to ${formatNumber(lastLoss)} at epoch ${epochs}` +
        `${lowestLoss.epoch !== epochs ? ` (lowest ${formatNumber(lowestLoss.value)} at epoch ${lowestLoss.epoch})` : ''}.`,
    );
  }
  const accuracy = input.heldOutAccuracy;
  const peak = extreme(accuracy, (a, b) => a > b);
  const firstAccuracy = accuracy[0];
  const lastAccuracy = accuracy[accuracy.length - 1];
  if (accuracy.length > 1 && peak !== undefined && firstAccuracy !== undefined && lastAccuracy !== undefined) {
    sentences.push(
      `Held-out accuracy went from ${percent(firstAccuracy)} to ${percent(lastAccuracy)}, peaking at ${percent(peak.value)} at epoch ${peak.epoch}.`,
    );
    const lossStillFalling = lowestLoss !== undefined && lowestLoss.epoch > peak.epoch;
    if (peak.value - lastAccuracy >= NOTABLE_DROP && lossStillFalling) {
      sentences.push('After the peak, accuracy fell while training loss kept dropping: the model began to overfit.');
    }
  }
  if (epochs === 1 && firstLoss !== undefined) {
    const onlyAccuracy = accuracy[0];
    sentences.push(
      `After its only epoch, training loss was ${formatNumber(firstLoss)}` +
        `${onlyAccuracy !== undefined && Number.isFinite(onlyAccuracy) ? ` and held-out accuracy ${percent(onlyAccuracy)}` : ''}.`,
    );
  }
  return altTextFrom(sentences);
}

export function learningCurveChart(input: LearningCurveInput): ChartImage {
  const svg = learningCurveChartSvg(input);
  return { png: renderPng(svg), altText: learningCurveAltText(input), svg };
}
