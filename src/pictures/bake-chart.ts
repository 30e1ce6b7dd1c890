/**
 * The reveal after a bake game: how the player's bakes and each strategy's bakes sit on the true
 * taste curve, what the Gaussian-process belief made of the player's bakes, and where expected
 * improvement says to bake next.
 */
import { altTextFrom, lowerFirst, possessive } from './chart-image.js';
import { withoutUndefined } from './options.js';
import type { ChartImage } from './chart-image.js';
import { legend, title, type LegendEntry } from './chart-frame.js';
import {
  argmaxImprovement,
  bakeScales,
  bakeScene,
  BELIEF_COLOUR,
  TRUE_CURVE_COLOUR,
  type BakeSceneLayout,
  type BeliefSample,
  type Point,
  type StrategyPoints,
} from './bake-scene.js';
import { renderPng } from './render.js';
import { formatNumber } from './scale.js';
import { seriesStyle } from './series-style.js';
import { svgDocument } from './svg.js';

export type { BeliefSample, Point, StrategyPoints } from './bake-scene.js';

/** The axis and size options the bake chart and the bake animation share; both fill them from BAKE_CHART_DEFAULTS. */
export interface BakeAxesOptions {
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Unit written after bake times in the alt text. */
  readonly xUnit?: string;
  /** Decimals for bake times in the alt text. */
  readonly xDecimals?: number;
  readonly width?: number;
  readonly height?: number;
}

export interface BakeChartInput extends BakeAxesOptions {
  /** The hidden truth, sampled densely enough to draw a smooth line. */
  readonly trueCurve: readonly Point[];
  /** The player's bakes in the order they were made (numbered 1, 2, … on the chart). */
  readonly playerBakes: readonly Point[];
  /** The Gaussian-process belief after the player's bakes, sampled across the bake-time range. */
  readonly belief?: readonly BeliefSample[];
  /** Each strategy's bakes on the same puzzle. */
  readonly strategies?: readonly StrategyPoints[];
  readonly title?: string;
  /**
   * Whose bakes the belief was fitted to and who acts on it, for the alt text: the player's by default
   * ("your bakes", Bayesian search), the optimiser's own in a race.
   */
  readonly beliefOf?: { readonly whose: string; readonly searcher: string };
  /**
   * Where the searcher really bakes next, marked on the chart; null marks nothing. Absent: where expected
   * improvement peaks, which is where Bayesian search bakes once its opening design is done.
   */
  readonly nextBake?: number | null;
}

/** A taste is 0–100: the axis always spans that, so a belief about a few bakes is not blown up to fill it. */
const TASTE_RANGE = [0, 100] as const;

export const BAKE_CHART_DEFAULTS = {
  title: 'How each strategy would have baked',
  xLabel: 'Bake time (min)',
  yLabel: 'Taste score',
  xUnit: 'min',
  xDecimals: 1,
  width: 900,
  height: 500,
} as const;

const LEGEND_WIDTH = 215;

export function bakeChartSvg(input: BakeChartInput): string {
  const o = { ...BAKE_CHART_DEFAULTS, ...withoutUndefined(input) };
  const plotLeft = 90;
  const plotRight = o.width - LEGEND_WIDTH - 20;
  const improvementHeight = Math.round((o.height - 150) * 0.27);
  const tasteTop = 55;
  const improvementBottom = o.height - 75;
  const improvementTop = improvementBottom - improvementHeight;
  const layout: BakeSceneLayout = {
    taste: { left: plotLeft, top: tasteTop, width: plotRight - plotLeft, height: improvementTop - 12 - tasteTop },
    improvement: { left: plotLeft, top: improvementTop, width: plotRight - plotLeft, height: improvementHeight },
  };
  const strategies = input.strategies ?? [];
  const belief = input.belief ?? [];
  const allPoints = [...input.trueCurve, ...input.playerBakes, ...strategies.flatMap((s) => s.points)];
  const scales = bakeScales(
    layout,
    [...allPoints.map((p) => p.x), ...belief.map((s) => s.x)],
    [...TASTE_RANGE, ...allPoints.map((p) => p.y), ...belief.map((s) => s.mean)],
    belief.map((s) => s.expectedImprovement),
  );
  const nextX = nextBakeOf(input);

  // Only what is drawn gets a legend entry: a chart of the optimiser's own view has no true curve or player.
  const entries: LegendEntry[] = [];
  if (input.trueCurve.length > 0) entries.push({ label: 'True taste', swatch: { kind: 'line', colour: TRUE_CURVE_COLOUR, width: 4 } });
  if (input.playerBakes.length > 0) {
    entries.push({ label: `${seriesStyle('player').label} (in order)`, swatch: { kind: 'numbered', colour: seriesStyle('player').colour } });
  }
  if (belief.length > 0) {
    entries.push({ label: 'Belief (mean)', swatch: { kind: 'line', colour: BELIEF_COLOUR, dash: '8 5' } });
    entries.push({ label: 'Belief ±2σ', swatch: { kind: 'band', colour: BELIEF_COLOUR, opacity: 0.25 } });
  }
  for (const strategy of strategies) {
    entries.push({ label: seriesStyle(strategy.name, strategy.label).label, swatch: { kind: 'series', style: seriesStyle(strategy.name, strategy.label), line: false } });
  }

  return svgDocument(o.width, o.height, [
    title(o.title, o.width),
    bakeScene(
      layout,
      scales,
      {
        trueCurve: input.trueCurve,
        belief,
        numbered: { points: input.playerBakes, colour: seriesStyle('player').colour },
        strategies,
        ...(nextX !== undefined ? { nextX } : {}),
        xLabel: o.xLabel,
        yLabel: o.yLabel,
      },
      'bake',
    ),
    legend(o.width - LEGEND_WIDTH, 60, entries, 20),
  ]);
}

export function bakeChartAltText(input: BakeChartInput): string {
  const o = { ...BAKE_CHART_DEFAULTS, ...withoutUndefined(input) };
  const at = (x: number) => `${formatNumber(x, { decimals: o.xDecimals })}${o.xUnit ? ` ${o.xUnit}` : ''}`;
  const score = (y: number) => formatNumber(y);
  const sentences: string[] = [`${o.yLabel} against ${lowerFirst(o.xLabel)}.`];

  const peak = bestPoint(input.trueCurve);
  if (peak !== undefined) sentences.push(`The true curve peaks at ${score(peak.point.y)} at ${at(peak.point.x)}.`);

  const playerBest = bestPoint(input.playerBakes);
  if (playerBest !== undefined) {
    sentences.push(
      `${possessive(seriesStyle('player').label)} best was ${score(playerBest.point.y)} at ${at(playerBest.point.x)} ` +
        `(bake ${playerBest.index + 1} of ${input.playerBakes.length}).`,
    );
  } else if (input.beliefOf === undefined) {
    sentences.push('There are no bakes from you on this chart.');
  }

  for (const strategy of input.strategies ?? []) {
    const label = seriesStyle(strategy.name, strategy.label).label;
    const best = bestPoint(strategy.points);
    if (best === undefined) continue;
    sentences.push(
      `${label} found ${score(best.point.y)} at ${at(best.point.x)} by bake ${best.index + 1} of ${strategy.points.length}.`,
    );
  }

  const peakImprovement = argmaxImprovement(input.belief ?? []);
  if (peakImprovement !== undefined) {
    const { whose, searcher } = input.beliefOf ?? { whose: 'your bakes', searcher: 'Bayesian search' };
    const next = nextBakeOf(input);
    const where =
      next === undefined
        ? ''
        : next === peakImprovement.x
          ? `, where ${searcher} would bake next`
          : `; ${searcher} bakes next at ${at(next)}`;
    sentences.push(
      `The shaded band is the Gaussian-process belief after ${whose} (mean ± 2 standard deviations); ` +
        `expected improvement, in the lower panel, is highest at ${at(peakImprovement.x)}${where}.`,
    );
  }
  return altTextFrom(sentences);
}

/** The bake to mark as next: the one given, else where expected improvement peaks. */
function nextBakeOf(input: BakeChartInput): number | undefined {
  if (input.nextBake === null) return undefined;
  return input.nextBake ?? argmaxImprovement(input.belief ?? [])?.x;
}

export function bakeChart(input: BakeChartInput): ChartImage {
  const svg = bakeChartSvg(input);
  return { png: renderPng(svg), altText: bakeChartAltText(input), svg };
}

/** The highest point and its position; the first one wins a tie (it got there first). */
export function bestPoint(points: readonly Point[]): { point: Point; index: number } | undefined {
  let best: { point: Point; index: number } | undefined;
  points.forEach((point, index) => {
    if (!Number.isFinite(point.y)) return;
    if (best === undefined || point.y > best.point.y) best = { point, index };
  });
  return best;
}
