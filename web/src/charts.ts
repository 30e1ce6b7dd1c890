/** The playground's three pictures: the belief with the probes, the acquisition curve, the race. */
import { BELIEF_COLOUR, HIGHLIGHT_COLOUR, PLAYER_SERIES, seriesStyle, TRUE_CURVE_COLOUR, type MarkerShape, type SeriesStyle } from '../../src/pictures/series-style.js';
import type { BeliefSlice } from './belief.js';
import { chartFrame, linearScale, niceTicks, pathOf, svgElement, svgText } from './svg.js';

/**
 * A run's look, from the one palette Discord's pictures use (src/pictures/series-style.ts): a strategy is
 * the same colour, marker and dash in the reveal and here. The playground calls the person's run "you".
 */
export function runStyle(run: string): SeriesStyle {
  return seriesStyle(run === 'you' ? PLAYER_SERIES : run);
}

const WIDTH = 600;
const MARGIN = { left: 48, right: 12, top: 12, bottom: 34 };

function marker(kind: MarkerShape, x: number, y: number, colour: string, series: string, label?: string): SVGElement {
  const common = { fill: colour, stroke: '#ffffff', 'stroke-width': 1.5, 'data-series': series };
  const polygon = (points: readonly (readonly [number, number])[]) => svgElement('polygon', { points: points.map(([dx, dy]) => `${x + dx},${y + dy}`).join(' '), ...common });
  const shape =
    kind === 'square'
      ? svgElement('rect', { x: x - 5, y: y - 5, width: 10, height: 10, ...common })
      : kind === 'diamond'
        ? polygon([[0, -7], [7, 0], [0, 7], [-7, 0]])
        : kind === 'triangle'
          ? polygon([[0, -7], [7, 6], [-7, 6]])
          : kind === 'triangle-down'
            ? polygon([[0, 7], [7, -6], [-7, -6]])
            : kind === 'cross'
              ? polygon([[-6, -3], [-3, -6], [0, -3], [3, -6], [6, -3], [3, 0], [6, 3], [3, 6], [0, 3], [-3, 6], [-6, 3], [-3, 0]])
              : svgElement('circle', { cx: x, cy: y, r: 6, ...common });
  if (label === undefined) return shape;
  return svgElement('g', { class: 'probe' }, [shape, svgText(x + 8, y - 8, label, { 'font-size': 11 })]);
}

function axes(svg: SVGSVGElement, height: number, x: { ticks: readonly { at: number; text: string }[]; label: string }, y: { low: number; high: number; label: string }): (v: number) => number {
  const bottom = height - MARGIN.bottom;
  const yScale = linearScale([y.low, y.high], [bottom, MARGIN.top]);
  svg.append(svgElement('line', { x1: MARGIN.left, y1: bottom, x2: WIDTH - MARGIN.right, y2: bottom, stroke: '#1b1b1b' }));
  svg.append(svgElement('line', { x1: MARGIN.left, y1: MARGIN.top, x2: MARGIN.left, y2: bottom, stroke: '#1b1b1b' }));
  for (const tick of x.ticks) {
    svg.append(svgElement('line', { x1: tick.at, y1: bottom, x2: tick.at, y2: bottom + 4, stroke: '#1b1b1b' }));
    svg.append(svgText(tick.at, bottom + 16, tick.text, { 'text-anchor': 'middle', 'font-size': 11 }));
  }
  for (const value of niceTicks(y.low, y.high, 4)) {
    svg.append(svgText(MARGIN.left - 6, yScale(value) + 4, String(value), { 'text-anchor': 'end', 'font-size': 11 }));
    svg.append(svgElement('line', { x1: MARGIN.left, y1: yScale(value), x2: WIDTH - MARGIN.right, y2: yScale(value), stroke: '#e4e4e4' }));
  }
  svg.append(svgText((MARGIN.left + WIDTH - MARGIN.right) / 2, height - 4, x.label, { 'text-anchor': 'middle' }));
  svg.append(svgText(12, MARGIN.top + (bottom - MARGIN.top) / 2, y.label, { 'text-anchor': 'middle', transform: `rotate(-90 12 ${MARGIN.top + (bottom - MARGIN.top) / 2})` }));
  return yScale;
}

export interface PlottedProbe {
  /** Unit position along the slice's knob. */
  readonly unit: number;
  readonly value: number | null;
  readonly run: string;
  readonly label: string;
}

export interface BeliefChartOptions {
  readonly slice: BeliefSlice | undefined;
  readonly probes: readonly PlottedProbe[];
  readonly axisLabel: string;
  /** Knob value → text, for the ticks. */
  readonly formatValue: (value: number) => string;
  /** Unit position → knob value, for the ticks. */
  readonly valueAt: (unit: number) => number;
  readonly yLabel: string;
  readonly yRange: readonly [number, number];
  /** Where the slider stands now (unit), drawn as a thin line while dragging. */
  readonly cursor?: number;
  /** The hidden truth, drawn only once a game is over (the replay). */
  readonly truth?: readonly { unit: number; value: number }[];
  readonly description: string;
}

const HEIGHT = 260;

export function beliefChart(options: BeliefChartOptions): SVGSVGElement {
  const svg = chartFrame(WIDTH, HEIGHT, `Belief along ${options.axisLabel}`, options.description);
  svg.dataset.probes = String(options.probes.length);
  const x = linearScale([0, 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((u) => ({ at: x(u), text: options.formatValue(options.valueAt(u)) }));
  const y = axes(svg, HEIGHT, { ticks, label: options.axisLabel }, { low: options.yRange[0], high: options.yRange[1], label: options.yLabel });
  const clampY = (v: number) => y(Math.max(options.yRange[0] - 5, Math.min(options.yRange[1] + 5, v)));
  const slice = options.slice;
  if (slice) {
    const upper = slice.units.map((u, i) => [x(u), clampY((slice.mean[i] ?? 0) + 2 * (slice.sd[i] ?? 0))] as const);
    const lower = slice.units.map((u, i) => [x(u), clampY((slice.mean[i] ?? 0) - 2 * (slice.sd[i] ?? 0))] as const).reverse();
    // As Discord's bake pictures draw it: a band in the belief's colour, the mean dashed, the next probe's line.
    svg.append(svgElement('path', { d: `${pathOf([...upper, ...lower])}Z`, fill: BELIEF_COLOUR, 'fill-opacity': 0.18, stroke: 'none', class: 'band' }));
    svg.append(svgElement('path', { d: pathOf(slice.units.map((u, i) => [x(u), clampY(slice.mean[i] ?? 0)])), fill: 'none', stroke: BELIEF_COLOUR, 'stroke-width': 2, 'stroke-dasharray': '8 5', class: 'mean' }));
    svg.append(svgElement('line', { x1: x(slice.peak), x2: x(slice.peak), y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom, stroke: HIGHLIGHT_COLOUR, 'stroke-dasharray': '4 3', class: 'next' }));
  }
  if (options.truth) {
    svg.append(svgElement('path', { d: pathOf(options.truth.map((p) => [x(p.unit), clampY(p.value)])), fill: 'none', stroke: TRUE_CURVE_COLOUR, 'stroke-width': 2, 'stroke-dasharray': '2 2', class: 'truth' }));
  }
  if (options.cursor !== undefined) {
    svg.append(svgElement('line', { x1: x(options.cursor), x2: x(options.cursor), y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom, stroke: '#5a5a5a', class: 'cursor' }));
  }
  for (const probe of options.probes) {
    if (probe.value === null) continue;
    const style = runStyle(probe.run);
    svg.append(marker(style.marker, x(probe.unit), clampY(probe.value), style.colour, probe.run, probe.label));
  }
  return svg;
}

export function acquisitionChart(slice: BeliefSlice | undefined, axisLabel: string, formatValue: (value: number) => string, valueAt: (unit: number) => number): SVGSVGElement {
  const height = 130;
  const description = slice
    ? `Expected improvement along ${axisLabel}: it peaks at ${formatValue(valueAt(slice.peak))}, where Bayesian search would probe next.`
    : 'Expected improvement appears after the first probe.';
  const svg = chartFrame(WIDTH, height, 'Acquisition: expected improvement', description);
  const x = linearScale([0, 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const ticks = [0, 0.5, 1].map((u) => ({ at: x(u), text: formatValue(valueAt(u)) }));
  const y = axes(svg, height, { ticks, label: `${axisLabel} — where probing should help most` }, { low: 0, high: 1, label: 'EI' });
  if (slice) {
    const top = Math.max(...slice.expectedImprovement, 1e-12);
    svg.append(svgElement('path', { d: pathOf(slice.units.map((u, i) => [x(u), y((slice.expectedImprovement[i] ?? 0) / top)])), fill: 'none', stroke: BELIEF_COLOUR, 'stroke-width': 2, class: 'acquisition' }));
    svg.append(svgElement('line', { x1: x(slice.peak), x2: x(slice.peak), y1: MARGIN.top, y2: height - MARGIN.bottom, stroke: HIGHLIGHT_COLOUR, 'stroke-dasharray': '4 3', class: 'next' }));
  }
  return svg;
}

export interface RaceLine {
  readonly run: string;
  readonly label: string;
  readonly best: readonly (number | null)[];
}

const LEGEND_CHARS = 19;

export function raceChart(lines: readonly RaceLine[], budget: number, yLabel: string, yRange: readonly [number, number]): SVGSVGElement {
  const height = 220;
  const summary = lines
    .filter((line) => line.best.length > 0)
    .map((line) => `${line.label}: best ${line.best.at(-1) ?? 'none'} after ${line.best.length} tries`)
    .join('; ');
  const svg = chartFrame(WIDTH, height, 'Best so far, try by try', summary || 'No tries yet.');
  const x = linearScale([1, Math.max(2, budget)], [MARGIN.left + 10, WIDTH - MARGIN.right - 145]);
  const ticks = Array.from({ length: budget }, (_, i) => ({ at: x(i + 1), text: String(i + 1) }));
  const y = axes(svg, height, { ticks, label: 'try' }, { low: yRange[0], high: yRange[1], label: yLabel });
  lines.forEach((line, row) => {
    const style = runStyle(line.run);
    const points = line.best.flatMap((v, i) => (v === null ? [] : [[x(i + 1), y(v)] as const]));
    if (points.length === 0) return;
    const dash = { 'stroke-dasharray': style.dash || 'none' };
    svg.append(svgElement('path', { d: pathOf(points), fill: 'none', stroke: style.colour, 'stroke-width': 2.5, ...dash, class: `race-${line.run}`, 'data-series': line.run }));
    for (const [px, py] of points) svg.append(marker(style.marker, px, py, style.colour, line.run));
    // The legend: the run's dash and marker beside its name, in ink (a coloured name would need 4.5:1).
    const legendY = MARGIN.top + 10 + row * 18;
    const legendX = WIDTH - MARGIN.right - 136;
    svg.append(svgElement('line', { x1: legendX, x2: legendX + 22, y1: legendY, y2: legendY, stroke: style.colour, 'stroke-width': 2.5, ...dash, 'data-series': line.run }));
    svg.append(marker(style.marker, legendX + 11, legendY, style.colour, line.run));
    // Long names ("Tree-structured Parzen estimator") are shortened to fit; the description has them whole.
    const name = line.label.length > LEGEND_CHARS ? `${line.label.slice(0, LEGEND_CHARS - 1).trimEnd()}…` : line.label;
    svg.append(svgText(legendX + 28, legendY + 4, name, { 'font-size': 11 }));
  });
  return svg;
}
