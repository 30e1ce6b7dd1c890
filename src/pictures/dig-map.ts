/**
 * Pictures of a two-coordinate search on a map (Dig for Gold): a heat map of any field over the map with
 * digs on it, the reveal's small multiples (the true field with each searcher's digs), the belief panel
 * (mean, uncertainty and acquisition after some digs), and the board's small map, which shows the digs and
 * their grams on an empty map and never the hidden field. Plain data in, PNG and alt text out.
 */
import { altTextFrom, count, listInWords, possessive, type ChartImage } from './chart-image.js';
import { FONT, INK, MUTED, numberedMarker, title, type Rect } from './chart-frame.js';
import { colourBar, heatCells, isFlat, mapAxes, mapFrame, mapMarkers, mapScales, rimmedMarker, valueRange, type ColourRange, type HeatGrid, type MapPoint } from './heat-map.js';
import { renderPng } from './render.js';
import { formatNumber } from './scale.js';
import { seriesStyle } from './series-style.js';
import { el, group, svgDocument, text, type Markup } from './svg.js';

export type { ColourRange, HeatGrid, MapPoint } from './heat-map.js';

/** One dig: where, and the grams (or other reading) it found. */
export interface MapDig extends MapPoint {
  readonly reading: number;
}

/** Someone searching the map: a series name ('player', 'grid', 'bayes', …) picks the colour and marker shape. */
export interface MapSearcher {
  readonly name: string;
  readonly label?: string;
  readonly digs: readonly MapDig[];
}

/** Words and units shared by the map pictures; defaults suit Dig for Gold. */
export interface MapWords {
  /** The map's coordinate range, both axes. */
  readonly extent?: readonly [number, number];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Unit of the readings, written after numbers ("g"). */
  readonly unit?: string;
  /** What a move is called ("dig"). */
  readonly moveNoun?: string;
}

const WORDS = { extent: [0, 100] as const, xLabel: 'x (m east)', yLabel: 'y (m north)', unit: 'g', moveNoun: 'dig' };

function words(options: MapWords) {
  return {
    extent: options.extent ?? WORDS.extent,
    xLabel: options.xLabel ?? WORDS.xLabel,
    yLabel: options.yLabel ?? WORDS.yLabel,
    unit: options.unit ?? WORDS.unit,
    moveNoun: options.moveNoun ?? WORDS.moveNoun,
  };
}

const at = (p: MapPoint) => `(${formatNumber(p.x, { decimals: 0 })}, ${formatNumber(p.y, { decimals: 0 })})`;
const amount = (value: number, unit: string) => `${formatNumber(value, { decimals: 1 })} ${unit}`;

function bestDig(digs: readonly MapDig[]): { dig: MapDig; index: number } | undefined {
  let best: { dig: MapDig; index: number } | undefined;
  digs.forEach((dig, index) => {
    if (best === undefined || dig.reading > best.dig.reading) best = { dig, index };
  });
  return best;
}

/** The highest cell of a grid, for alt text ("brightest near (60, 40)"). */
function gridPeak(grid: HeatGrid): { point: MapPoint; value: number } {
  let index = 0;
  for (let i = 1; i < grid.values.length; i++) if ((grid.values[i] as number) > (grid.values[index] as number)) index = i;
  const columns = grid.xs.length;
  return { point: { x: grid.xs[index % columns] as number, y: grid.ys[Math.floor(index / columns)] as number }, value: grid.values[index] as number };
}

/** A white ring with a cross: where the true maximum is, visible on any colour. */
function peakMark(cx: number, cy: number): Markup {
  return group({ fill: 'none' }, [
    el('circle', { cx, cy, r: 9, stroke: '#000000', 'stroke-width': 4 }),
    el('circle', { cx, cy, r: 9, stroke: '#ffffff', 'stroke-width': 2 }),
    el('path', { d: `M${cx - 14} ${cy}H${cx - 9}M${cx + 9} ${cy}H${cx + 14}M${cx} ${cy - 14}V${cy - 9}M${cx} ${cy + 9}V${cy + 14}`, stroke: '#ffffff', 'stroke-width': 2 }),
  ]);
}

/** What a heat map shows, in the words its alt text uses. */
export type HeatMapKind = 'field' | 'mean' | 'uncertainty' | 'acquisition';

const KIND_WORDS: Readonly<Record<HeatMapKind, string>> = {
  field: 'the true amount of gold',
  mean: 'the Bayesian belief: predicted gold',
  uncertainty: 'the Bayesian belief: uncertainty (one standard deviation)',
  acquisition: 'the acquisition: expected improvement over the best dig so far',
};

export interface HeatMapInput extends MapWords {
  readonly grid: HeatGrid;
  readonly kind: HeatMapKind;
  /** Colour bar label, e.g. "gold (g)". */
  readonly barLabel?: string;
  readonly range?: ColourRange;
  readonly searchers?: readonly MapSearcher[];
  /** The true maximum, marked with a ring. */
  readonly peak?: MapPoint;
  readonly title?: string;
}

const HEAT_MAP_SIZE = { width: 820, height: 640 } as const;

function barLabelFor(kind: HeatMapKind, unit: string): string {
  switch (kind) {
    case 'field':
    case 'mean':
      return `gold (${unit})`;
    case 'uncertainty':
      return `± ${unit}`;
    case 'acquisition':
      return `gain (${unit})`;
  }
}

export function digHeatMapSvg(input: HeatMapInput): string {
  const w = words(input);
  const panel: Rect = { left: 100, top: 60, width: 500, height: 500 };
  const scales = mapScales(panel, w.extent);
  const range = input.range ?? valueRange(input.grid.values);
  const searchers = input.searchers ?? [];
  const parts: Markup[] = [
    title(input.title ?? `Dig for Gold: ${KIND_WORDS[input.kind]}`, HEAT_MAP_SIZE.width, 36),
    mapAxes(panel, scales, { x: w.xLabel, y: w.yLabel }),
    heatCells(panel, input.grid, range),
    mapFrame(panel),
  ];
  if (input.peak !== undefined) parts.push(peakMark(scales.x(input.peak.x), scales.y(input.peak.y)));
  for (const searcher of searchers) parts.push(mapMarkers(searcher.digs, scales, seriesStyle(searcher.name, searcher.label), { numbered: searchers.length === 1 }));
  parts.push(colourBar({ left: 640, top: 90, width: 24, height: 300 }, range, input.barLabel ?? barLabelFor(input.kind, w.unit)));
  searchers.forEach((searcher, index) => {
    const style = seriesStyle(searcher.name, searcher.label);
    const y = 450 + index * 28;
    parts.push(rimmedMarker(style, 650, y));
    parts.push(el('text', { x: 668, y: y + 5, 'font-size': FONT.legend - 2, fill: INK }, [text(style.label)]));
  });
  return svgDocument(HEAT_MAP_SIZE.width, HEAT_MAP_SIZE.height, parts);
}

export function digHeatMapAltText(input: HeatMapInput): string {
  const w = words(input);
  const peak = gridPeak(input.grid);
  const sentences = [
    `A heat map of ${KIND_WORDS[input.kind]} over the ${formatNumber(w.extent[1] - w.extent[0])} m by ${formatNumber(w.extent[1] - w.extent[0])} m map, dark blue for little and yellow for most.`,
    `It is highest near ${at(peak.point)}, about ${amount(peak.value, w.unit)}.`,
  ];
  if (input.peak !== undefined) sentences.push(`A white ring marks the true richest spot, ${at(input.peak)}.`);
  for (const searcher of input.searchers ?? []) sentences.push(searcherSentence(searcher, w.unit, w.moveNoun));
  return altTextFrom(sentences);
}

export function digHeatMap(input: HeatMapInput): ChartImage {
  const svg = digHeatMapSvg(input);
  return { png: renderPng(svg), altText: digHeatMapAltText(input), svg };
}

function searcherSentence(searcher: MapSearcher, unit: string, noun: string): string {
  const style = seriesStyle(searcher.name, searcher.label);
  const best = bestDig(searcher.digs);
  if (best === undefined) return `${style.label}: no ${noun}s.`;
  return `${possessive(style.label)} ${count(searcher.digs.length, noun)}: best ${amount(best.dig.reading, unit)} at ${at(best.dig)} on ${noun} ${best.index + 1}.`;
}

export interface RevealMapInput extends MapWords {
  /** The true field. */
  readonly field: HeatGrid;
  readonly range?: ColourRange;
  /** One small map each, in this order (grid, random, quasi-random, Bayesian, you). */
  readonly searchers: readonly MapSearcher[];
  /** The true richest spot and its gold, marked on every map. */
  readonly peak?: MapPoint & { readonly reading: number };
  readonly title?: string;
}

const SMALL = { panel: 250, gapX: 50, gapY: 100, left: 70, top: 116, columns: 3, barWidth: 120 } as const;

function revealLayout(count: number) {
  const columns = Math.min(SMALL.columns, Math.max(1, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = SMALL.left + columns * SMALL.panel + (columns - 1) * SMALL.gapX + SMALL.barWidth;
  const height = SMALL.top + rows * SMALL.panel + (rows - 1) * SMALL.gapY + 64;
  return { columns, rows, width, height };
}

/** Side by side: the same true field under each searcher's digs, so the patterns compare at a glance. */
export function digRevealMapSvg(input: RevealMapInput): string {
  const w = words(input);
  const { columns, width, height } = revealLayout(input.searchers.length);
  const range = input.range ?? valueRange(input.field.values);
  const parts: Markup[] = [
    title(input.title ?? 'Where each searcher dug, on the same hidden gold', width, 36),
    el('text', { x: width / 2, y: 62, 'text-anchor': 'middle', 'font-size': FONT.legend - 2, fill: MUTED }, [
      text(`Numbers: ${w.moveNoun} order. White ring: the richest spot.`),
    ]),
  ];
  input.searchers.forEach((searcher, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const panel: Rect = {
      left: SMALL.left + column * (SMALL.panel + SMALL.gapX),
      top: SMALL.top + row * (SMALL.panel + SMALL.gapY),
      width: SMALL.panel,
      height: SMALL.panel,
    };
    const scales = mapScales(panel, w.extent);
    const style = seriesStyle(searcher.name, searcher.label);
    const best = bestDig(searcher.digs);
    parts.push(mapAxes(panel, scales, { showTicks: true }));
    parts.push(heatCells(panel, input.field, range));
    parts.push(mapFrame(panel));
    if (input.peak !== undefined) parts.push(peakMark(scales.x(input.peak.x), scales.y(input.peak.y)));
    parts.push(mapMarkers(searcher.digs, scales, style, { numbered: true, size: 5 }));
    parts.push(rimmedMarker(style, panel.left + 7, panel.top - 30, 5));
    parts.push(
      el('text', { x: panel.left + 20, y: panel.top - 24, 'font-size': FONT.legend - 1, 'font-weight': 'bold', fill: INK }, [
        text(`${style.label}${best === undefined ? '' : `: best ${amount(best.dig.reading, w.unit)}`}`),
      ]),
    );
  });
  const barLeft = width - SMALL.barWidth + 30;
  parts.push(colourBar({ left: barLeft, top: SMALL.top + 20, width: 22, height: 220 }, range, `gold (${w.unit})`));
  parts.push(
    el('text', { x: SMALL.left + (width - SMALL.left - SMALL.barWidth) / 2, y: height - 16, 'text-anchor': 'middle', 'font-size': FONT.axisTitle - 2, fill: INK }, [
      text(`${w.xLabel} across, ${w.yLabel} up`),
    ]),
  );
  return svgDocument(width, height, parts);
}

export function digRevealMapAltText(input: RevealMapInput): string {
  const w = words(input);
  const labels = input.searchers.map((s) => seriesStyle(s.name, s.label).label);
  const sentences = [
    `${count(input.searchers.length, 'small map')} of the same hidden gold (dark blue little, yellow most), one each for ${listInWords(labels)}, with their ${w.moveNoun}s numbered in order.`,
  ];
  if (input.peak !== undefined) sentences.push(`The richest spot is ${at(input.peak)} with ${amount(input.peak.reading, w.unit)}.`);
  for (const searcher of input.searchers) sentences.push(searcherSentence(searcher, w.unit, w.moveNoun));
  return altTextFrom(sentences);
}

export function digRevealMap(input: RevealMapInput): ChartImage {
  const svg = digRevealMapSvg(input);
  return { png: renderPng(svg), altText: digRevealMapAltText(input), svg };
}

export interface BeliefMapsInput extends MapWords {
  readonly mean: HeatGrid;
  readonly uncertainty: HeatGrid;
  readonly acquisition: HeatGrid;
  /** The digs the belief was fitted to, numbered. */
  readonly digs: readonly MapDig[];
  /** Whose digs ("your digs", "its digs"), for the title and alt text. */
  readonly whose?: string;
  /** Series name of whoever dug them, for their marker ('player' by default). */
  readonly searcher?: string;
  /** Where the searcher would dig next (the acquisition's peak, usually), marked on the acquisition map. */
  readonly next?: MapPoint;
  readonly meanRange?: ColourRange;
}

const BELIEF = { panel: 280, left: 80, top: 90, gap: 140, bar: 22 } as const;

/** Three maps side by side: what the model predicts, how unsure it is, and where it would dig next. */
export function digBeliefMapsSvg(input: BeliefMapsInput): string {
  const w = words(input);
  const whose = input.whose ?? `your ${w.moveNoun}s`;
  const width = BELIEF.left + 3 * BELIEF.panel + 3 * BELIEF.gap - 40;
  const height = BELIEF.top + BELIEF.panel + 90;
  const maps: { grid: HeatGrid; heading: string; bar: string; range: ColourRange }[] = [
    { grid: input.mean, heading: 'Belief: predicted gold', bar: w.unit, range: input.meanRange ?? valueRange(input.mean.values) },
    { grid: input.uncertainty, heading: 'Uncertainty (±1 sd)', bar: w.unit, range: valueRange(input.uncertainty.values) },
    { grid: input.acquisition, heading: 'Expected improvement', bar: w.unit, range: valueRange(input.acquisition.values) },
  ];
  const style = seriesStyle(input.searcher ?? 'player');
  const parts: Markup[] = [title(`What Bayesian search believes after ${whose}`, width, 36)];
  maps.forEach((map, index) => {
    const panel: Rect = { left: BELIEF.left + index * (BELIEF.panel + BELIEF.gap), top: BELIEF.top, width: BELIEF.panel, height: BELIEF.panel };
    const scales = mapScales(panel, w.extent);
    parts.push(el('text', { x: panel.left, y: panel.top - 14, 'font-size': FONT.legend, 'font-weight': 'bold', fill: INK }, [text(map.heading)]));
    parts.push(mapAxes(panel, scales, index === 0 ? { x: w.xLabel, y: w.yLabel } : { x: w.xLabel }));
    parts.push(heatCells(panel, map.grid, map.range));
    parts.push(mapFrame(panel));
    parts.push(mapMarkers(input.digs, scales, style, { numbered: true, size: 5 }));
    if (index === 2 && input.next !== undefined) parts.push(peakMark(scales.x(input.next.x), scales.y(input.next.y)));
    parts.push(colourBar({ left: panel.left + panel.width + 18, top: panel.top + 20, width: BELIEF.bar, height: panel.height - 40 }, map.range, map.bar));
  });
  return svgDocument(width, height, parts);
}

export function digBeliefMapsAltText(input: BeliefMapsInput): string {
  const w = words(input);
  const whose = input.whose ?? `your ${w.moveNoun}s`;
  const mean = gridPeak(input.mean);
  const unsure = gridPeak(input.uncertainty);
  const sentences = [
    `Three maps of what Bayesian search believes after ${whose} (${count(input.digs.length, w.moveNoun)}), dark blue low and yellow high.`,
    isFlat(input.mean.values)
      ? `Predicted gold is the same everywhere, about ${amount(mean.value, w.unit)}: one ${w.moveNoun} cannot show where it rises.`
      : `Predicted gold is highest near ${at(mean.point)}, about ${amount(mean.value, w.unit)}.`,
    `It is least sure near ${at(unsure.point)}, give or take ${amount(unsure.value, w.unit)}.`,
  ];
  if (input.next !== undefined) sentences.push(`Expected improvement peaks at ${at(input.next)}, marked with a ring: that is where it would dig next.`);
  return altTextFrom(sentences);
}

export function digBeliefMaps(input: BeliefMapsInput): ChartImage {
  const svg = digBeliefMapsSvg(input);
  return { png: renderPng(svg), altText: digBeliefMapsAltText(input), svg };
}

export interface BoardMapInput extends MapWords {
  /**
   * The digs so far. Nothing else: the board map is drawn from what the player has learnt, so it cannot
   * show the hidden field.
   */
  readonly digs: readonly MapDig[];
}

const BOARD = { width: 500, height: 500, panel: { left: 80, top: 24, width: 400, height: 400 } } as const;

/** The board's small map: an empty map with each dig so far, numbered, and what it found; the best in gold. */
export function digBoardMapSvg(input: BoardMapInput): string {
  const w = words(input);
  const panel: Rect = BOARD.panel;
  const scales = mapScales(panel, w.extent, 5);
  const best = bestDig(input.digs);
  const parts: Markup[] = [
    el('rect', { x: panel.left, y: panel.top, width: panel.width, height: panel.height, fill: '#f4efe4' }),
    mapAxes(panel, scales, { x: w.xLabel, y: w.yLabel }),
  ];
  input.digs.forEach((dig, index) => {
    const cx = scales.x(dig.x);
    const cy = scales.y(dig.y);
    const isBest = best?.index === index;
    parts.push(numberedMarker(index + 1, cx, cy, isBest ? '#a66f00' : '#333333'));
    const label = amount(dig.reading, w.unit);
    const onLeft = cx > panel.left + panel.width - 70;
    parts.push(
      el(
        'text',
        {
          x: onLeft ? cx - 18 : cx + 18,
          y: cy + 5,
          'text-anchor': onLeft ? 'end' : 'start',
          'font-size': 14,
          'font-weight': isBest ? 'bold' : 'normal',
          fill: INK,
          stroke: '#f4efe4',
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        [text(label)],
      ),
    );
  });
  if (input.digs.length === 0) {
    parts.push(
      el('text', { x: panel.left + panel.width / 2, y: panel.top + panel.height / 2, 'text-anchor': 'middle', 'font-size': FONT.legend, fill: MUTED }, [
        text(`No ${w.moveNoun}s yet`),
      ]),
    );
  }
  return svgDocument(BOARD.width, BOARD.height, parts);
}

export function digBoardMapAltText(input: BoardMapInput): string {
  const w = words(input);
  if (input.digs.length === 0) return `An empty map, ${formatNumber(w.extent[1] - w.extent[0])} m on each side: no ${w.moveNoun}s yet.`;
  const best = bestDig(input.digs);
  const list = input.digs.map((dig, i) => `${i + 1}: ${at(dig)} ${amount(dig.reading, w.unit)}`);
  return altTextFrom([
    `A map of the ${count(input.digs.length, w.moveNoun)} so far, numbered in order; the hidden gold is not shown.`,
    ...(best === undefined ? [] : [`The best is ${w.moveNoun} ${best.index + 1} at ${at(best.dig)} with ${amount(best.dig.reading, w.unit)}.`]),
    `${list.join('; ')}.`,
  ]);
}

export function digBoardMap(input: BoardMapInput): ChartImage {
  const svg = digBoardMapSvg(input);
  return { png: renderPng(svg), altText: digBoardMapAltText(input), svg };
}
