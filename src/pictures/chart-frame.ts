/**
 * The parts every chart shares: title, plot panels with grid lines and tick labels, axis titles,
 * markers and the legend. Sizes are chosen to stay readable in Discord's shrunken preview.
 */
import { el, group, polylinePath, text, type Markup } from './svg.js';
import { tickFormatter, type Scale } from './scale.js';
import type { MarkerShape, SeriesStyle } from './series-style.js';

export const FONT = {
  title: 24,
  axisTitle: 18,
  tick: 16,
  legend: 16,
} as const;

export const INK = '#222222';
export const GRID = '#e3e3e3';
export const MUTED = '#666666';

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const right = (rect: Rect): number => rect.left + rect.width;
export const bottom = (rect: Rect): number => rect.top + rect.height;

export function grow(rect: Rect, by: number): Rect {
  return { left: rect.left - by, top: rect.top - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}

export function title(content: string, width: number, y = 32): Markup {
  return el('text', { x: width / 2, y, 'text-anchor': 'middle', 'font-size': FONT.title, 'font-weight': 'bold', fill: INK }, [
    text(content),
  ]);
}

export interface AxesOptions {
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** False for an upper panel whose x ticks are labelled by the panel below it. */
  readonly showXTickLabels?: boolean;
  readonly formatX?: (value: number) => string;
  readonly formatY?: (value: number) => string;
}

/** Grid lines, frame, tick labels and axis titles for one panel. Draw it before the data. */
export function axes(panel: Rect, x: Scale, y: Scale, options: AxesOptions = {}): Markup {
  const formatX = options.formatX ?? tickFormatter(x.ticks);
  const formatY = options.formatY ?? tickFormatter(y.ticks);
  const parts: Markup[] = [];
  for (const tick of y.ticks) {
    const py = y(tick);
    parts.push(el('line', { x1: panel.left, x2: right(panel), y1: py, y2: py, stroke: GRID, 'stroke-width': 1.5 }));
    parts.push(
      el('text', { x: panel.left - 8, y: py + 6, 'text-anchor': 'end', 'font-size': FONT.tick, fill: INK }, [
        text(formatY(tick)),
      ]),
    );
  }
  for (const tick of x.ticks) {
    const px = x(tick);
    parts.push(el('line', { x1: px, x2: px, y1: panel.top, y2: bottom(panel), stroke: GRID, 'stroke-width': 1.5 }));
    if (options.showXTickLabels !== false) {
      parts.push(
        el('text', { x: px, y: bottom(panel) + 22, 'text-anchor': 'middle', 'font-size': FONT.tick, fill: INK }, [
          text(formatX(tick)),
        ]),
      );
    }
  }
  parts.push(
    el('rect', {
      x: panel.left,
      y: panel.top,
      width: panel.width,
      height: panel.height,
      fill: 'none',
      stroke: '#888888',
      'stroke-width': 1.5,
    }),
  );
  if (options.xLabel !== undefined) {
    parts.push(
      el(
        'text',
        { x: panel.left + panel.width / 2, y: bottom(panel) + 48, 'text-anchor': 'middle', 'font-size': FONT.axisTitle, fill: INK },
        [text(options.xLabel)],
      ),
    );
  }
  if (options.yLabel !== undefined) {
    const cx = panel.left - 62;
    const cy = panel.top + panel.height / 2;
    parts.push(
      el(
        'text',
        { x: cx, y: cy, 'text-anchor': 'middle', 'font-size': FONT.axisTitle, fill: INK, transform: `rotate(-90 ${cx} ${cy})` },
        [text(options.yLabel)],
      ),
    );
  }
  return group({}, parts);
}

/** Keeps data drawing inside its panel (a line through an off-scale point must not cross the title). */
export function clipPath(id: string, panel: Rect): Markup {
  return el('clipPath', { id }, [el('rect', { x: panel.left, y: panel.top, width: panel.width, height: panel.height })]);
}

export function marker(shape: MarkerShape, cx: number, cy: number, size: number, colour: string, fill = colour): Markup {
  const stroke = { stroke: colour, 'stroke-width': 2, fill };
  const h = size;
  switch (shape) {
    case 'circle':
      return el('circle', { cx, cy, r: h, ...stroke });
    case 'square':
      return el('rect', { x: cx - h * 0.9, y: cy - h * 0.9, width: h * 1.8, height: h * 1.8, ...stroke });
    case 'triangle':
      return el('path', { d: `M${cx} ${cy - h * 1.15}L${cx + h} ${cy + h * 0.75}L${cx - h} ${cy + h * 0.75}Z`, ...stroke });
    case 'triangle-down':
      return el('path', { d: `M${cx} ${cy + h * 1.15}L${cx + h} ${cy - h * 0.75}L${cx - h} ${cy - h * 0.75}Z`, ...stroke });
    case 'diamond':
      return el('path', { d: `M${cx} ${cy - h * 1.2}L${cx + h} ${cy}L${cx} ${cy + h * 1.2}L${cx - h} ${cy}Z`, ...stroke });
    case 'cross':
      return el('path', {
        d: `M${cx - h} ${cy - h}L${cx + h} ${cy + h}M${cx - h} ${cy + h}L${cx + h} ${cy - h}`,
        stroke: colour,
        'stroke-width': 3.5,
        fill: 'none',
      });
  }
}

export type LegendSwatch =
  | { readonly kind: 'series'; readonly style: SeriesStyle; readonly line: boolean }
  | { readonly kind: 'line'; readonly colour: string; readonly dash?: string; readonly width?: number }
  | { readonly kind: 'band'; readonly colour: string; readonly opacity: number }
  | { readonly kind: 'numbered'; readonly colour: string };

export interface LegendEntry {
  readonly label: string;
  readonly swatch: LegendSwatch;
}

export const LEGEND_ROW_HEIGHT = 28;

/** A column of legend entries starting at (left, top). Long labels are shortened, never wrapped. */
export function legend(left: number, top: number, entries: readonly LegendEntry[], maxLabelChars = 18): Markup {
  const rows = entries.map((entry, index) => {
    const y = top + index * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2;
    const label = entry.label.length > maxLabelChars ? `${entry.label.slice(0, maxLabelChars - 1)}…` : entry.label;
    return group({}, [
      swatch(entry.swatch, left, y),
      el('text', { x: left + 40, y: y + 6, 'font-size': FONT.legend, fill: INK }, [text(label)]),
    ]);
  });
  return group({}, rows);
}

function swatch(kind: LegendSwatch, left: number, y: number): Markup {
  switch (kind.kind) {
    case 'series': {
      const parts: Markup[] = [];
      if (kind.line) {
        parts.push(
          el('path', { d: polylinePath([{ x: left, y }, { x: left + 30, y }]), stroke: kind.style.colour, 'stroke-width': 3.5, fill: 'none' }),
        );
      }
      parts.push(marker(kind.style.marker, left + 15, y, 6, kind.style.colour));
      return group({}, parts);
    }
    case 'line':
      return el('line', {
        x1: left,
        x2: left + 30,
        y1: y,
        y2: y,
        stroke: kind.colour,
        'stroke-width': kind.width ?? 3.5,
        'stroke-dasharray': kind.dash,
      });
    case 'band':
      return el('rect', { x: left, y: y - 8, width: 30, height: 16, fill: kind.colour, 'fill-opacity': kind.opacity });
    case 'numbered':
      return group({}, [
        el('circle', { cx: left + 15, cy: y, r: 11, fill: kind.colour }),
        el('text', { x: left + 15, y: y + 5, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold', fill: '#ffffff' }, [
          text('1'),
        ]),
      ]);
  }
}

/** A numbered disc for the player's n-th move, readable against any line behind it. */
export function numberedMarker(n: number, cx: number, cy: number, colour: string): Markup {
  const label = String(n);
  const radius = label.length > 1 ? 15 : 13;
  return group({}, [
    el('circle', { cx, cy, r: radius, fill: colour, stroke: '#ffffff', 'stroke-width': 2 }),
    el('text', { x: cx, y: cy + 5.8, 'text-anchor': 'middle', 'font-size': label.length > 1 ? 14 : 16, 'font-weight': 'bold', fill: '#ffffff' }, [
      text(label),
    ]),
  ]);
}
