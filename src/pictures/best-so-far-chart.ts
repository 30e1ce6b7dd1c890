/**
 * The tune and train games' reveal: the best score found so far after each try, one staircase per
 * player or strategy, with the best possible score as a dashed line when it is known.
 */
import { altTextFrom, type ChartImage } from './chart-image.js';
import { lineChartFrame, lineChartSvg, type LineChartOptions } from './line-chart.js';
import { withoutUndefined } from './options.js';
import { renderPng } from './render.js';
import { formatNumber, linearScale, niceDomain, niceLinearScale } from './scale.js';
import { PLAYER_SERIES, seriesStyle } from './series-style.js';
import { el } from './svg.js';

export type ScoreDirection = 'maximize' | 'minimize';

export interface ScoreSeries {
  readonly name: string;
  readonly label?: string;
  /** The score of each try in order (raw; the chart keeps the running best). */
  readonly scores: readonly number[];
  /**
   * The best so far after each try as the run itself counts it, when that is not simply the running
   * best of `scores`: a multi-fidelity run counts only fully trained tries, so a high score from a
   * shortened try does not count. NaN until something counts. Chart and words both use it, so they say
   * what the reveal's table says.
   */
  readonly bests?: readonly number[];
  /** A sentence the words add after this series' result, e.g. why its line can step down. */
  readonly note?: string;
}

export interface BestSoFarChartInput extends LineChartOptions {
  readonly series: readonly ScoreSeries[];
  readonly direction?: ScoreDirection;
  /** The best achievable score, drawn dashed. */
  readonly target?: number;
  readonly targetLabel?: string;
}

const DEFAULTS = {
  title: 'Best score so far after each try',
  xLabel: 'Try',
  yLabel: 'Best so far',
  targetLabel: 'Best possible',
  direction: 'maximize' as ScoreDirection,
  width: 900,
  height: 500,
};

const TARGET_COLOUR = '#444444';

/** The series' own best so far after each try, or the running best of its scores. */
function bestsOf(series: ScoreSeries, direction: ScoreDirection): number[] {
  return series.bests === undefined ? runningBest(series.scores, direction) : series.bests.map((b) => (Number.isFinite(b) ? b : Number.NaN));
}

/** Running best; failed (non-finite) tries keep the previous best. Leading failures stay NaN. */
export function runningBest(scores: readonly number[], direction: ScoreDirection): number[] {
  let best = Number.NaN;
  return scores.map((score) => {
    if (Number.isFinite(score) && (!Number.isFinite(best) || (direction === 'maximize' ? score > best : score < best))) {
      best = score;
    }
    return best;
  });
}

export function bestSoFarChartSvg(input: BestSoFarChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const frame = lineChartFrame(o.width, o.height);
  const bests = input.series.map((s) => bestsOf(s, o.direction));
  const longest = Math.max(1, ...input.series.map((s) => s.scores.length));
  const { domain, ticks } = niceDomain(1, longest, Math.min(longest, 10));
  const xTicks = ticks.filter((t) => Number.isInteger(t) && t >= 1);
  const x = linearScale([Math.max(1, domain[0]) - 0.3, domain[1] + 0.3], [frame.plot.left, frame.plot.left + frame.plot.width], xTicks);
  const y = niceLinearScale([...bests.flat(), ...(input.target !== undefined ? [input.target] : [])], [
    frame.plot.top + frame.plot.height,
    frame.plot.top,
  ]);
  const underlay =
    input.target !== undefined && Number.isFinite(input.target)
      ? [
          el('line', {
            x1: frame.plot.left,
            x2: frame.plot.left + frame.plot.width,
            y1: y(input.target),
            y2: y(input.target),
            stroke: TARGET_COLOUR,
            'stroke-width': 3,
            'stroke-dasharray': '10 7',
          }),
        ]
      : [];
  return lineChartSvg(frame, {
    title: o.title,
    x,
    y,
    axes: { xLabel: o.xLabel, yLabel: o.yLabel, formatX: (v) => formatNumber(v, { decimals: 0 }) },
    series: input.series.map((series, index) => ({
      style: seriesStyle(series.name, series.label),
      points: (bests[index] ?? []).map((best, tryIndex) => ({ x: tryIndex + 1, y: best })),
      step: true,
      markersOnChangeOnly: true,
      onTop: series.name === PLAYER_SERIES,
    })),
    underlay,
    extraLegend:
      underlay.length > 0 ? [{ label: o.targetLabel, swatch: { kind: 'line', colour: TARGET_COLOUR, dash: '8 5', width: 3 } }] : [],
  });
}

export function bestSoFarChartAltText(input: BestSoFarChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const sentences = [`${o.title} (${o.direction === 'maximize' ? 'higher' : 'lower'} is better).`];
  if (input.target !== undefined) sentences.push(`${o.targetLabel}: ${formatNumber(input.target)}.`);
  for (const series of input.series) {
    const label = seriesStyle(series.name, series.label).label;
    const bests = bestsOf(series, o.direction);
    const final = bests[bests.length - 1];
    if (final === undefined || !Number.isFinite(final)) {
      sentences.push(`${label} had no successful tries.`);
      continue;
    }
    const reachedAt = bests.findIndex((b) => b === final);
    const gap = input.target !== undefined ? Math.abs(input.target - final) : undefined;
    const gapWords = gap === undefined ? '' : gap < 1e-9 ? ', the best possible' : `, ${formatNumber(gap)} short of the best possible`;
    sentences.push(`${label} reached ${formatNumber(final)} by try ${reachedAt + 1} of ${series.scores.length}${gapWords}.`);
    if (series.note !== undefined) sentences.push(series.note);
  }
  return altTextFrom(sentences);
}

export function bestSoFarChart(input: BestSoFarChartInput): ChartImage {
  const svg = bestSoFarChartSvg(input);
  return { png: renderPng(svg), altText: bestSoFarChartAltText(input), svg };
}

