/**
 * The single-panel "one line per series over tries" layout shared by the remaining-combinations and
 * best-so-far charts: title, one plot, a legend column on the right.
 */
import { axes, clipPath, grow, legend, marker, title, type AxesOptions, type LegendEntry, type Rect } from './chart-frame.js';
import type { Scale } from './scale.js';
import type { SeriesStyle } from './series-style.js';
import { el, group, polylinePath, svgDocument, type Markup, type XY } from './svg.js';

/** The text and size options every chart drawn with this layout takes from its caller. */
export interface LineChartOptions {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly width?: number;
  readonly height?: number;
}

export interface LineChartFrame {
  readonly width: number;
  readonly height: number;
  readonly plot: Rect;
  readonly legendLeft: number;
}

const LEGEND_WIDTH = 215;

export function lineChartFrame(width: number, height: number): LineChartFrame {
  const left = 100;
  const top = 60;
  const right = width - LEGEND_WIDTH - 20;
  const bottom = height - 75;
  return { width, height, plot: { left, top, width: right - left, height: bottom - top }, legendLeft: width - LEGEND_WIDTH };
}

export interface DrawnSeries {
  readonly style: SeriesStyle;
  /** Points in data units. */
  readonly points: readonly XY[];
  /** Hold each value until the next x (a staircase) instead of joining points diagonally. */
  readonly step?: boolean;
  /** Draw a marker only where the value changes (keeps long flat runs uncluttered). */
  readonly markersOnChangeOnly?: boolean;
  readonly lineWidth?: number;
  /** Drawn last and thinnest, over every stacked line (the player in a reveal), so it is never hidden. */
  readonly onTop?: boolean;
}

/**
 * Series that end up on the same values would hide one another exactly. Nudging them apart would draw
 * values where they are not, so every line stays on its value and overlap is shown by width instead:
 * each series is drawn a little wider than the ones drawn after it, so where lines coincide they show
 * as nested stripes, every colour visible at the edge of the one above it. A series marked `onTop`
 * is drawn last and thinnest, a line over the stripes.
 */
const STACK_STEP = 2;

const REPEAT_DASH = '14 10';

function stackedWidth(base: number, index: number, count: number): number {
  return base + STACK_STEP * (count - 1 - index);
}

function stackedMarkerSize(index: number, count: number): number {
  return 5 + 1.1 * (count - 1 - index);
}

function staircase(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (previous !== undefined) out.push({ x: point.x, y: previous.y });
    out.push(point);
  });
  return out;
}

export interface LineChartContent {
  readonly title: string;
  readonly x: Scale;
  readonly y: Scale;
  readonly axes: AxesOptions;
  readonly series: readonly DrawnSeries[];
  /** Drawn under the series (reference lines and the like). */
  readonly underlay?: readonly Markup[];
  readonly extraLegend?: readonly LegendEntry[];
}

export function lineChartSvg(frame: LineChartFrame, content: LineChartContent): string {
  const { x, y } = content;
  const lines: Markup[] = [];
  const markers: Markup[] = [];
  const drawnPaths = new Set<string>();
  // Stacked series first (widest first), then the ones drawn on top.
  const stacked = content.series.filter((series) => series.onTop !== true);
  const ordered = [...stacked, ...content.series.filter((series) => series.onTop === true)];
  ordered.forEach((series, position) => {
    // The lines on top are the thinnest of the stack, so every line under them still shows.
    const count = ordered.length;
    const index = position;
    const pixels = series.points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((p) => ({ x: x(p.x), y: y(p.y) }));
    const path = series.step ? staircase(pixels) : pixels;
    const d = polylinePath(path);
    // A line that exactly repeats one drawn before it is dashed, so the earlier one shows in the gaps.
    const repeats = series.onTop !== true && drawnPaths.has(d);
    drawnPaths.add(d);
    lines.push(
      el('path', {
        d,
        ...(repeats ? { 'stroke-dasharray': REPEAT_DASH } : {}),
        fill: 'none',
        stroke: series.style.colour,
        'stroke-width': stackedWidth(series.lineWidth ?? 3, index, count),
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
    );
    pixels.forEach((pixel, pointIndex) => {
      const previous = pixels[pointIndex - 1];
      const isLast = pointIndex === pixels.length - 1;
      if (series.markersOnChangeOnly && !isLast && previous !== undefined && Math.abs(previous.y - pixel.y) < 1e-6) return;
      markers.push(marker(series.style.marker, pixel.x, pixel.y, stackedMarkerSize(index, count), series.style.colour));
    });
  });
  const entries: LegendEntry[] = [
    ...content.series.map((series) => ({ label: series.style.label, swatch: { kind: 'series' as const, style: series.style, line: true } })),
    ...(content.extraLegend ?? []),
  ];
  return svgDocument(frame.width, frame.height, [
    title(content.title, frame.width),
    // The clip is a little larger than the plot so markers sitting on its edge are drawn whole.
    el('defs', {}, [clipPath('plot-clip', grow(frame.plot, 12))]),
    axes(frame.plot, x, y, content.axes),
    group({ 'clip-path': 'url(#plot-clip)' }, [...(content.underlay ?? []), ...lines, ...markers]),
    legend(frame.legendLeft, 64, entries, 20),
  ]);
}
