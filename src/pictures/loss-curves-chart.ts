/**
 * Loss over epochs, one line per curve (training loss, and validation loss where it matters): the shape a
 * quiz question asks the learner to read. Plain data in, PNG and alt text out.
 */
import { altTextFrom, type ChartImage } from './chart-image.js';
import { lineChartFrame, lineChartSvg, type LineChartOptions } from './line-chart.js';
import { withoutUndefined } from './options.js';
import { renderPng } from './render.js';
import { formatNumber, linearScale, niceDomain, niceLinearScale } from './scale.js';
import { seriesStyle } from './series-style.js';

export interface LossCurve {
  /** A short name for the series' look, e.g. `training` or `validation`. */
  readonly name: string;
  readonly label: string;
  /** Loss after each epoch, epoch 1 first. */
  readonly losses: readonly number[];
}

export interface LossCurvesChartInput extends LineChartOptions {
  readonly curves: readonly LossCurve[];
}

const DEFAULTS = { title: 'Loss after each epoch', xLabel: 'Epoch', yLabel: 'Loss', width: 900, height: 500 } as const;

export function lossCurvesChartSvg(input: LossCurvesChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const frame = lineChartFrame(o.width, o.height);
  const epochs = Math.max(2, ...input.curves.map((c) => c.losses.length));
  const { ticks } = niceDomain(1, epochs, Math.min(epochs, 10));
  const x = linearScale([1, epochs], [frame.plot.left, frame.plot.left + frame.plot.width], ticks.filter((t) => Number.isInteger(t) && t >= 1 && t <= epochs));
  const y = niceLinearScale([0, ...input.curves.flatMap((c) => c.losses)], [frame.plot.top + frame.plot.height, frame.plot.top], 4);
  return lineChartSvg(frame, {
    title: o.title,
    x,
    y,
    axes: { xLabel: o.xLabel, yLabel: o.yLabel, formatX: (v) => formatNumber(v, { decimals: 0 }) },
    series: input.curves.map((curve) => ({
      style: seriesStyle(curve.name, curve.label),
      points: curve.losses.map((loss, i) => ({ x: i + 1, y: loss })),
    })),
  });
}

/** What each curve does, in numbers: where it starts, where it is lowest, where it ends. */
export function lossCurvesAltText(input: LossCurvesChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const sentences = [`${o.title}, over ${Math.max(...input.curves.map((c) => c.losses.length))} epochs.`];
  for (const curve of input.curves) {
    const first = curve.losses[0] ?? Number.NaN;
    const last = curve.losses.at(-1) ?? Number.NaN;
    const lowest = Math.min(...curve.losses);
    const lowestAt = curve.losses.indexOf(lowest) + 1;
    sentences.push(
      `${curve.label} starts at ${formatNumber(first)}, is lowest at ${formatNumber(lowest)} in epoch ${lowestAt}, and ends at ${formatNumber(last)}.`,
    );
  }
  return altTextFrom(sentences);
}

export function lossCurvesChart(input: LossCurvesChartInput): ChartImage {
  const svg = lossCurvesChartSvg(input);
  return { png: renderPng(svg), altText: lossCurvesAltText(input), svg };
}
