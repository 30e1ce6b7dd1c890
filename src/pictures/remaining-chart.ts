/**
 * The lock game's reveal: how many combinations were still possible after each try, for the player
 * and each strategy, on a log scale so "1000 → 100 → 10 → 1" reads as even steps.
 */
import { altTextFrom, count, possessive, type ChartImage } from './chart-image.js';
import { lineChartFrame, lineChartSvg, type LineChartOptions } from './line-chart.js';
import { withoutUndefined } from './options.js';
import { renderPng } from './render.js';
import { formatNumber, linearScale, niceDomain, logScale } from './scale.js';
import { PLAYER_SERIES, seriesStyle } from './series-style.js';

export interface RemainingSeries {
  /** Series name ('player', 'bayes', …): picks the fixed colour and marker. */
  readonly name: string;
  readonly label?: string;
  /** remaining[i] = combinations still possible after try i + 1. */
  readonly remaining: readonly number[];
}

export interface RemainingChartInput extends LineChartOptions {
  /** Combinations possible before the first try. */
  readonly total: number;
  readonly series: readonly RemainingSeries[];
}

const DEFAULTS = {
  title: 'Combinations still possible after each try',
  xLabel: 'Try',
  yLabel: 'Still possible (log scale)',
  width: 900,
  height: 500,
} as const;

export function remainingChartSvg(input: RemainingChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const frame = lineChartFrame(o.width, o.height);
  const longest = Math.max(1, ...input.series.map((s) => s.remaining.length));
  const { domain, ticks } = niceDomain(0, longest, Math.min(longest, 10));
  const x = linearScale(domain, [frame.plot.left, frame.plot.left + frame.plot.width], ticks.filter(Number.isInteger));
  const y = logScale(Math.max(input.total, ...input.series.flatMap((s) => s.remaining)), [
    frame.plot.top + frame.plot.height,
    frame.plot.top,
  ]);
  return lineChartSvg(frame, {
    title: o.title,
    x,
    y,
    axes: { xLabel: o.xLabel, yLabel: o.yLabel, formatY: (v) => formatNumber(v, { decimals: 0 }) },
    series: input.series.map((series) => ({
      style: seriesStyle(series.name, series.label),
      // Try 0 is the starting point: everything is possible.
      points: [input.total, ...series.remaining].map((count, index) => ({ x: index, y: Math.max(1, count) })),
      step: true,
      onTop: series.name === PLAYER_SERIES,
    })),
  });
}

export function remainingChartAltText(input: RemainingChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const sentences = [
    `${o.title}, out of ${formatNumber(input.total, { decimals: 0 })} at the start, on a log scale.`,
  ];
  for (const series of input.series) {
    const label = seriesStyle(series.name, series.label).label;
    const tries = series.remaining.length;
    const solvedAt = series.remaining.findIndex((count) => count <= 1);
    if (solvedAt >= 0) {
      sentences.push(`${label} got down to one combination by try ${solvedAt + 1}.`);
    } else if (tries > 0) {
      const left = series.remaining[tries - 1] ?? input.total;
      sentences.push(
        `${label} still had ${formatNumber(left, { decimals: 0 })} possible after ${count(tries, 'try', 'tries')}.`,
      );
    } else {
      sentences.push(`${label} made no tries.`);
    }
  }
  const player = input.series.find((s) => s.name === 'player');
  const firstCut = player?.remaining[0];
  if (player !== undefined && firstCut !== undefined) {
    const label = seriesStyle(player.name, player.label).label;
    sentences.push(
      `${possessive(label)} first try left ${formatNumber(firstCut, { decimals: 0 })} of ${formatNumber(input.total, { decimals: 0 })}.`,
    );
  }
  return altTextFrom(sentences);
}

export function remainingChart(input: RemainingChartInput): ChartImage {
  const svg = remainingChartSvg(input);
  return { png: renderPng(svg), altText: remainingChartAltText(input), svg };
}
