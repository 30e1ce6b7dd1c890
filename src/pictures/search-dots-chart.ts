/**
 * A search's tries as numbered dots: on one axis against the try number (a one-knob game such as the bake
 * time), or on two axes (the first two knobs of a bigger game). Plain data in, PNG and alt text out.
 */
import { altTextFrom, listInWords, type ChartImage } from './chart-image.js';
import { axes, clipPath, grow, numberedMarker, title, type Rect } from './chart-frame.js';
import { withoutUndefined } from './options.js';
import { renderPng } from './render.js';
import { formatNumber, linearScale, niceDomain, type Scale } from './scale.js';
import { el, group, svgDocument } from './svg.js';

export interface DotAxis {
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** Spaced by powers of ten (a learning rate, say). */
  readonly log?: boolean;
  /** Unit words after numbers in the alt text, e.g. `minutes`. */
  readonly unit?: string;
}

export interface SearchDotsChartInput {
  readonly title?: string;
  readonly colour?: string;
  readonly x: DotAxis;
  /** The second knob; without it the dots stand against the try number. */
  readonly y?: DotAxis;
  /** Each try's values, in the order they were tried. */
  readonly tries: readonly { readonly x: number; readonly y?: number }[];
  readonly width?: number;
  readonly height?: number;
}

const DEFAULTS = { title: 'Where the search tried', colour: '#0072B2', width: 900, height: 500 } as const;

function axisScale(axis: DotAxis, range: readonly [number, number]): { scale: Scale; format: (v: number) => string } {
  if (axis.log) {
    const lowPower = Math.floor(Math.log10(axis.low));
    const highPower = Math.ceil(Math.log10(axis.high));
    const ticks = Array.from({ length: highPower - lowPower + 1 }, (_, i) => lowPower + i);
    const pad = (highPower - lowPower) * 0.04;
    const inner = linearScale([lowPower - pad, highPower + pad], range, ticks);
    const scale = Object.assign((value: number) => inner(Math.log10(value)), { domain: inner.domain, ticks }) as Scale;
    return { scale, format: (power) => formatNumber(10 ** power) };
  }
  const { ticks } = niceDomain(axis.low, axis.high, 5);
  // A little room past each end, so a dot on the edge is drawn whole and clear of the tick labels.
  const pad = (axis.high - axis.low) * 0.04;
  const inside = ticks.filter((t) => t >= axis.low && t <= axis.high);
  return { scale: linearScale([axis.low - pad, axis.high + pad], range, inside), format: (v) => formatNumber(v) };
}

export function searchDotsChartSvg(input: SearchDotsChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const plot: Rect = { left: 110, top: 60, width: o.width - 150, height: o.height - 140 };
  const x = axisScale(input.x, [plot.left, plot.left + plot.width]);
  const tries = input.tries.length;
  const y = input.y
    ? axisScale(input.y, [plot.top + plot.height, plot.top])
    : (() => {
        const { ticks } = niceDomain(1, Math.max(2, tries), Math.min(Math.max(2, tries), 10));
        const scale = linearScale([0.5, Math.max(2, tries) + 0.5], [plot.top, plot.top + plot.height], ticks.filter((t) => Number.isInteger(t) && t >= 1));
        return { scale, format: (v: number) => formatNumber(v, { decimals: 0 }) };
      })();
  // A log axis's ticks are powers; its scale takes values, so the frame is drawn on the power scale.
  const xFrame = input.x.log ? linearScale(x.scale.domain, [plot.left, plot.left + plot.width], x.scale.ticks) : x.scale;
  const yFrame = input.y?.log ? linearScale(y.scale.domain, [plot.top + plot.height, plot.top], y.scale.ticks) : y.scale;
  const dots = input.tries.map((t, i) => numberedMarker(i + 1, x.scale(t.x), input.y ? y.scale(t.y ?? Number.NaN) : y.scale(i + 1), o.colour));
  return svgDocument(o.width, o.height, [
    title(o.title, o.width),
    el('defs', {}, [clipPath('dots-clip', grow(plot, 16))]),
    axes(plot, xFrame, yFrame, { xLabel: input.x.label, yLabel: input.y?.label ?? 'Try', formatX: x.format, formatY: y.format }),
    group({ 'clip-path': 'url(#dots-clip)' }, dots),
  ]);
}

export function searchDotsAltText(input: SearchDotsChartInput): string {
  const o = { ...DEFAULTS, ...withoutUndefined(input) };
  const value = (axis: DotAxis, v: number | undefined) => `${formatNumber(v ?? Number.NaN)}${axis.unit ? ` ${axis.unit}` : ''}`;
  const list = input.tries.map((t) => (input.y ? `(${value(input.x, t.x)}, ${value(input.y, t.y)})` : value(input.x, t.x)));
  const what = input.y ? `${input.x.label} across, ${input.y.label} up` : `${input.x.label} across, try number down`;
  return altTextFrom([`${o.title}: ${input.tries.length} numbered dots, ${what}.`, `In order: ${listInWords(list)}.`]);
}

export function searchDotsChart(input: SearchDotsChartInput): ChartImage {
  const svg = searchDotsChartSvg(input);
  return { png: renderPng(svg), altText: searchDotsAltText(input), svg };
}
