/**
 * The reveal after a bake game: how the player's bakes and each strategy's bakes sit on the true
 * taste curve, what the Gaussian-process belief made of the player's bakes, and where expected
 * improvement says to bake next.
 */
import { altTextFrom, lowerFirst, possessive } from './chart-image.js';
import { withoutUndefined } from './options.js';
import type { ChartImage } from './chart-image.js';
import { axes, clipPath, FONT, grow, INK, legend, marker, MUTED, title, type LegendEntry, type Rect } from './chart-frame.js';
import { placeLabels } from './label-placement.js';
import { linearScale, type Scale } from './scale.js';
import { el, group, polylinePath, text, type Markup } from './svg.js';
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
  /** Sentences the caller adds after the strategies' results, e.g. why two strategies baked alike. */
  readonly notes?: readonly string[];
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

/** Extra height for the row of small panels, one per strategy, under the main chart. */
export const STRATEGY_ROW_HEIGHT = 250;

const LEGEND_WIDTH = 215;
const PANEL_GAP = 22;
const SMALL_MARKER = 5;
const ORDER_LABEL_RADIUS = 7;

/**
 * One small panel per strategy: the true curve and that strategy's bakes, each where it tasted,
 * numbered in bake order. Side by side they never hide one another, which one shared panel could not
 * promise (quasi-random and Bayesian search open with the same bakes; random search and TPE too).
 */
function strategyPanels(strategies: readonly StrategyPoints[], trueCurve: readonly Point[], x0: Scale, top: number, width: number, o: { xLabel: string; yLabel: string }): Markup[] {
  if (strategies.length === 0) return [];
  const left = 90;
  const panelWidth = (width - left - 20 - PANEL_GAP * (strategies.length - 1)) / strategies.length;
  const panelTop = top + 48;
  const panelHeight = STRATEGY_ROW_HEIGHT - 48 - 62;
  const [low, high] = x0.domain;
  const parts: Markup[] = [
    el('text', { x: left, y: top + 18, 'font-size': FONT.legend, 'font-weight': 'bold', fill: INK }, [
      text('Where each strategy baked, on the same puzzle (numbers: bake order)'),
    ]),
  ];
  strategies.forEach((strategy, index) => {
    const panel: Rect = { left: left + index * (panelWidth + PANEL_GAP), top: panelTop, width: panelWidth, height: panelHeight };
    const x = linearScale([low, high], [panel.left, panel.left + panel.width], fewTicks(low, high));
    const y = linearScale([0, 100], [panel.top + panel.height, panel.top], [0, 50, 100]);
    const style = seriesStyle(strategy.name, strategy.label);
    const clip = `strategy-clip-${index}`;
    parts.push(el('defs', {}, [clipPath(clip, panel)]));
    parts.push(
      axes(panel, x, y, {
        formatX: (v) => formatNumber(v, { decimals: 0 }),
        // Every panel shares the taste scale; only the first labels it.
        formatY: (v) => (index === 0 ? formatNumber(v) : ''),
      }),
    );
    parts.push(marker(style.marker, panel.left + 8, panel.top - 12, 5, style.colour));
    parts.push(
      el('text', { x: panel.left + 20, y: panel.top - 6, 'font-size': 15, fill: INK }, [text(shortened(style.label, panelWidth))]),
    );
    parts.push(
      group({ 'clip-path': `url(#${clip})` }, [
        el('path', {
          d: polylinePath(trueCurve.map((p) => ({ x: x(p.x), y: y(p.y) }))),
          fill: 'none',
          stroke: TRUE_CURVE_COLOUR,
          'stroke-width': 2.5,
        }),
      ]),
    );
    const points = strategy.points.flatMap((p, i) => (Number.isFinite(p.x) && Number.isFinite(p.y) ? [{ n: i + 1, pixel: { x: x(p.x), y: y(p.y) } }] : []));
    const placed = placeLabels(
      points.map((p) => p.pixel),
      {
        radius: ORDER_LABEL_RADIUS,
        bounds: grow(panel, 4),
        onPoint: false,
        obstacles: points.map((p) => ({ at: p.pixel, radius: SMALL_MARKER + 1 })),
      },
    );
    placed.forEach((label) => {
      if (label.moved) parts.push(el('line', { x1: label.anchor.x, y1: label.anchor.y, x2: label.at.x, y2: label.at.y, stroke: MUTED, 'stroke-width': 1 }));
    });
    for (const p of points) parts.push(marker(style.marker, p.pixel.x, p.pixel.y, SMALL_MARKER, style.colour));
    placed.forEach((label, i) => {
      parts.push(
        el('text', { x: label.at.x, y: label.at.y + 4.5, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold', fill: INK, ...LABEL_HALO }, [
          text(String(points[i]!.n)),
        ]),
      );
    });
  });
  parts.push(
    el('text', { x: left + (width - left - 20) / 2, y: panelTop + panelHeight + 50, 'text-anchor': 'middle', 'font-size': FONT.axisTitle, fill: INK }, [
      text(o.xLabel),
    ]),
  );
  const cy = panelTop + panelHeight / 2;
  parts.push(el('text', { x: left - 45, y: cy, 'text-anchor': 'middle', 'font-size': 15, fill: INK, transform: `rotate(-90 ${left - 45} ${cy})` }, [text('Taste')]));
  return parts;
}

const LABEL_HALO = { stroke: '#ffffff', 'stroke-width': 3.5, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/** "Bayesian search" becomes "Bayesian" before anything is cut. */
function shortened(label: string, width: number): string {
  const room = Math.max(4, Math.floor((width - 24) / 8.5));
  const short = label.length > room ? label.replace(/ search$/, '') : label;
  return short.length > room ? `${short.slice(0, room - 1)}…` : short;
}

/** Two or three round ticks inside the range, none on its ends, so neighbouring panels' labels never meet. */
function fewTicks(low: number, high: number): number[] {
  for (const step of [10, 5, 2, 1]) {
    const ticks: number[] = [];
    for (let t = Math.ceil(low / step) * step; t <= high; t += step) if (t > low && t < high) ticks.push(t);
    if (ticks.length >= 2 && ticks.length <= 3) return ticks;
  }
  return [(low + high) / 2];
}

export function bakeChartSvg(input: BakeChartInput): string {
  const o = { ...BAKE_CHART_DEFAULTS, ...withoutUndefined(input) };
  const strategies = input.strategies ?? [];
  // Several strategies get a panel each so none hides another; a single one (the race's "What is it
  // thinking?" view) has nothing to hide behind and is drawn on the belief it produced.
  const panelled = strategies.length > 1 ? strategies : [];
  const onMain = strategies.length > 1 ? [] : strategies;
  const mainHeight = o.height;
  const totalHeight = mainHeight + (panelled.length > 0 ? STRATEGY_ROW_HEIGHT : 0);
  const plotLeft = 90;
  const plotRight = o.width - LEGEND_WIDTH - 20;
  const improvementHeight = Math.round((mainHeight - 150) * 0.25);
  const tasteTop = 55;
  const improvementBottom = mainHeight - 75;
  const improvementTop = improvementBottom - improvementHeight;
  const layout: BakeSceneLayout = {
    // A wide gap, so the taste panel's bottom tick and the panel below's top tick never touch.
    taste: { left: plotLeft, top: tasteTop, width: plotRight - plotLeft, height: improvementTop - 30 - tasteTop },
    improvement: { left: plotLeft, top: improvementTop, width: plotRight - plotLeft, height: improvementHeight },
  };
  const belief = input.belief ?? [];
  const tastePoints = [...input.trueCurve, ...input.playerBakes, ...strategies.flatMap((s) => s.points)];
  const scales = bakeScales(
    layout,
    [...tastePoints.map((p) => p.x), ...belief.map((s) => s.x)],
    // The taste axis always spans the whole 0–100 scale, so charts compare at a glance.
    [...TASTE_RANGE, ...tastePoints.map((p) => p.y)],
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
  for (const strategy of onMain) {
    entries.push({ label: seriesStyle(strategy.name, strategy.label).label, swatch: { kind: 'series', style: seriesStyle(strategy.name, strategy.label), line: false } });
  }

  return svgDocument(o.width, totalHeight, [
    title(o.title, o.width),
    bakeScene(
      layout,
      scales,
      {
        trueCurve: input.trueCurve,
        belief,
        numbered: { points: input.playerBakes, colour: seriesStyle('player').colour },
        strategies: onMain,
        ...(nextX !== undefined ? { nextX } : {}),
        xLabel: o.xLabel,
        yLabel: o.yLabel,
      },
      'bake',
    ),
    legend(o.width - LEGEND_WIDTH, 60, entries, 20),
    ...strategyPanels(panelled, input.trueCurve, scales.x, mainHeight, o.width, o),
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

  sentences.push(...(input.notes ?? []));

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
