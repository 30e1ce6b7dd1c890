/**
 * The pieces of a map picture: a panel with labelled x and y axes, a heat map of a 2-D grid of values
 * in the viridis palette, the colour bar that reads it back with its unit, and numbered markers for
 * points on the map. Pure: plain numbers in, SVG markup out.
 */
import { axes, FONT, INK, marker, MUTED, type Rect } from './chart-frame.js';
import { viridis } from './palette.js';
import { formatNumber, linearScale, niceDomain, type Scale } from './scale.js';
import type { SeriesStyle } from './series-style.js';
import { el, group, text, type Markup } from './svg.js';

/** Values on an even grid of cells covering the map: value at (xs[i], ys[j]) is `values[j * xs.length + i]`, row 0 lowest. */
export interface HeatGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly values: ArrayLike<number>;
}

export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

/** The value range a colour scale spans: low is the darkest colour, high the lightest. */
export interface ColourRange {
  readonly low: number;
  readonly high: number;
}

/** The map's coordinate scales for a panel: x to the right, y upwards, both over `extent`. */
export function mapScales(panel: Rect, extent: readonly [number, number], tickCount = 4): { x: Scale; y: Scale } {
  const { ticks } = niceDomain(extent[0], extent[1], tickCount);
  const inside = ticks.filter((t) => t >= extent[0] - 1e-9 && t <= extent[1] + 1e-9);
  return {
    x: linearScale(extent, [panel.left, panel.left + panel.width], inside),
    y: linearScale(extent, [panel.top + panel.height, panel.top], inside),
  };
}

/** Finite values' range; a flat grid gets a little room so its colour sits mid-scale. */
export function valueRange(values: ArrayLike<number>): ColourRange {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  if (!Number.isFinite(low)) return { low: 0, high: 1 };
  if (high - low < 1e-12) return { low: low - 1, high: high + 1 };
  return { low, high };
}

/** How far along the palette a value sits; out-of-range values take the nearest end. */
export function paletteShare(value: number, range: ColourRange): number {
  if (!Number.isFinite(value)) return value > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, (value - range.low) / (range.high - range.low)));
}

/** Palette steps the cells are drawn in: smooth to the eye, and neighbouring equal cells merge into one rectangle. */
export const HEAT_COLOUR_STEPS = 64;
const COLOUR_STEPS = HEAT_COLOUR_STEPS;
const STEP_COLOURS: readonly string[] = Array.from({ length: COLOUR_STEPS + 1 }, (_, k) => viridis(k / COLOUR_STEPS));

/**
 * The grid as coloured cells filling the panel. Neighbouring cells of one colour in a row are drawn as
 * one rectangle, and each reaches a hair into the next, so no seam of background shows between them.
 */
export function heatCells(panel: Rect, grid: HeatGrid, range: ColourRange): Markup {
  const columns = grid.xs.length;
  const rows = grid.ys.length;
  if (grid.values.length !== columns * rows) throw new RangeError(`A ${columns} × ${rows} grid needs ${columns * rows} values, got ${grid.values.length}`);
  const cellWidth = panel.width / columns;
  const cellHeight = panel.height / rows;
  const steps = Array.from(grid.values as ArrayLike<number>, (value) => Math.round(paletteShare(value, range) * COLOUR_STEPS));
  const cells: Markup[] = [];
  for (let j = 0; j < rows; j++) {
    const top = panel.top + panel.height - (j + 1) * cellHeight;
    let start = 0;
    while (start < columns) {
      const step = steps[j * columns + start] as number;
      const colour = STEP_COLOURS[step] as string;
      let end = start + 1;
      while (end < columns && steps[j * columns + end] === step) end++;
      cells.push(
        el('rect', {
          x: panel.left + start * cellWidth,
          y: top,
          width: (end - start) * cellWidth + (end < columns ? 0.6 : 0),
          height: cellHeight + (j > 0 ? 0.6 : 0),
          fill: colour,
        }),
      );
      start = end;
    }
  }
  return group({ 'shape-rendering': 'crispEdges' }, cells);
}

/** Axes and frame for a map panel; draw before the cells, then `mapFrame` after them. */
export function mapAxes(panel: Rect, scales: { x: Scale; y: Scale }, labels: { x?: string; y?: string; showTicks?: boolean } = {}): Markup {
  const showTicks = labels.showTicks !== false;
  return axes(panel, scales.x, scales.y, {
    ...(labels.x === undefined ? {} : { xLabel: labels.x }),
    ...(labels.y === undefined ? {} : { yLabel: labels.y }),
    showXTickLabels: showTicks,
    formatX: (v) => formatNumber(v, { decimals: 0 }),
    formatY: (v) => (showTicks ? formatNumber(v, { decimals: 0 }) : ''),
  });
}

export function mapFrame(panel: Rect): Markup {
  return el('rect', { x: panel.left, y: panel.top, width: panel.width, height: panel.height, fill: 'none', stroke: '#555555', 'stroke-width': 1.5 });
}

/** A vertical colour bar: the palette from low (bottom) to high (top), ticked in the value's unit. */
export function colourBar(bar: Rect, range: ColourRange, unit: string): Markup {
  const steps = 48;
  const swatches: Markup[] = [];
  for (let k = 0; k < steps; k++) {
    const share = (k + 0.5) / steps;
    swatches.push(
      el('rect', {
        x: bar.left,
        y: bar.top + bar.height - ((k + 1) * bar.height) / steps,
        width: bar.width,
        height: bar.height / steps + (k < steps - 1 ? 0.6 : 0),
        fill: viridis(share),
      }),
    );
  }
  const parts: Markup[] = [group({ 'shape-rendering': 'crispEdges' }, swatches)];
  parts.push(el('rect', { x: bar.left, y: bar.top, width: bar.width, height: bar.height, fill: 'none', stroke: '#555555', 'stroke-width': 1 }));
  const { ticks } = niceDomain(range.low, range.high, 4);
  const scale = linearScale([range.low, range.high], [bar.top + bar.height, bar.top]);
  const span = Math.abs(range.high - range.low);
  const decimals = span >= 10 ? 0 : span >= 1 ? 1 : 2;
  for (const tick of ticks) {
    if (tick < range.low - 1e-9 || tick > range.high + 1e-9) continue;
    const y = scale(tick);
    // tick + 0 turns a -0 into 0, so no label reads "-0".
    parts.push(el('line', { x1: bar.left + bar.width, x2: bar.left + bar.width + 5, y1: y, y2: y, stroke: INK, 'stroke-width': 1.5 }));
    parts.push(el('text', { x: bar.left + bar.width + 8, y: y + 5, 'font-size': FONT.tick - 2, fill: INK }, [text(formatNumber(tick + 0, { decimals }))]));
  }
  parts.push(el('text', { x: bar.left + bar.width / 2, y: bar.top - 12, 'text-anchor': 'middle', 'font-size': FONT.tick - 2, fill: MUTED }, [text(unit)]));
  return group({}, parts);
}

/** A searcher's marker shape in its colour with a white rim, readable on dark and light cells alike. */
export function rimmedMarker(style: SeriesStyle, cx: number, cy: number, size = 6): Markup {
  return group({}, [marker(style.marker, cx, cy, size + 1.5, '#ffffff', '#ffffff'), marker(style.marker, cx, cy, size, style.colour)]);
}

export interface MarkerOptions {
  readonly size?: number;
  /** Number each point in order, 1 first. */
  readonly numbered?: boolean;
}

/**
 * A searcher's points on a map, each a rimmed marker, numbered in order with a white label outlined in
 * black.
 */
export function mapMarkers(points: readonly MapPoint[], scales: { x: Scale; y: Scale }, style: SeriesStyle, options: MarkerOptions = {}): Markup {
  const size = options.size ?? 6;
  const parts: Markup[] = [];
  points.forEach((point, index) => {
    const cx = scales.x(point.x);
    const cy = scales.y(point.y);
    parts.push(rimmedMarker(style, cx, cy, size));
    if (options.numbered === true) {
      parts.push(
        el(
          'text',
          {
            x: cx + size + 2,
            y: cy - size - 1,
            'font-size': 13,
            'font-weight': 'bold',
            fill: '#ffffff',
            stroke: '#000000',
            'stroke-width': 3,
            'paint-order': 'stroke',
          },
          [text(String(index + 1))],
        ),
      );
    }
  });
  return group({}, parts);
}

/**
 * Whether a map's values are all the same: after a single trial the model predicts that trial's value
 * everywhere, and no cell is richer than another, whatever the first cell's index says.
 */
export function isFlat(values: ArrayLike<number>): boolean {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    low = Math.min(low, values[i] as number);
    high = Math.max(high, values[i] as number);
  }
  return high - low <= 1e-9 * Math.max(1, Math.abs(high));
}
