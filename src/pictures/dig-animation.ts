/**
 * An animated GIF of a map search thinking, dig by dig: on the left its belief (predicted gold), on the
 * right its expected improvement, with its digs so far numbered and the dig it makes next ringed. One
 * frame per dig; the last is held so the final belief can be read.
 */
import type { AnimationImage } from './bake-animation.js';
import { altTextFrom, count } from './chart-image.js';
import { FONT, INK, MUTED, type Rect } from './chart-frame.js';
import { colourBar, heatCells, mapAxes, mapFrame, mapMarkers, mapScales, valueRange, type ColourRange, type HeatGrid, type MapPoint } from './heat-map.js';
import type { MapDig } from './dig-map.js';
import { encodeGif } from './gif.js';
import { renderRgba } from './render.js';
import { formatNumber } from './scale.js';
import { seriesStyle } from './series-style.js';
import { el, group, svgDocument, text, type Markup } from './svg.js';

export interface MapAnimationFrame {
  /** Predicted value across the map after the digs so far. */
  readonly mean: HeatGrid;
  readonly acquisition: HeatGrid;
  readonly digs: readonly MapDig[];
  /** The dig made next, ringed; absent on the last frame, or when the belief did not choose it. */
  readonly next?: MapPoint;
}

export interface MapAnimationOptions {
  /** Series name of the searcher ('bayes' by default): its colour and marker. */
  readonly searcher?: string;
  readonly searcherLabel?: string;
  /** Shared by every frame so colours mean the same grams throughout; default: all frames' means. */
  readonly meanRange?: ColourRange;
  readonly unit?: string;
  readonly extent?: readonly [number, number];
  readonly frameDelayMs?: number;
  readonly lastFrameHoldMs?: number;
}

const SIZE = { width: 870, height: 420 } as const;
const PANEL = 280;

function resolved(options: MapAnimationOptions) {
  const searcher = options.searcher ?? 'bayes';
  return {
    searcher,
    label: options.searcherLabel ?? seriesStyle(searcher).label,
    unit: options.unit ?? 'g',
    extent: options.extent ?? ([0, 100] as const),
    frameDelayMs: options.frameDelayMs ?? 1200,
    lastFrameHoldMs: options.lastFrameHoldMs ?? 4000,
  };
}

function ring(cx: number, cy: number): Markup {
  return group({ fill: 'none' }, [el('circle', { cx, cy, r: 11, stroke: '#000000', 'stroke-width': 5 }), el('circle', { cx, cy, r: 11, stroke: '#ffffff', 'stroke-width': 2.5 })]);
}

/** One SVG per frame; exported so tests can look at a frame without decoding a GIF. */
export function mapAnimationSvgs(frames: readonly MapAnimationFrame[], options: MapAnimationOptions = {}): string[] {
  const o = resolved(options);
  const meanRange = options.meanRange ?? valueRange(frames.flatMap((f) => Array.from(f.mean.values)));
  const style = seriesStyle(o.searcher, o.label);
  return frames.map((frame, index) => {
    const best = frame.digs.reduce<MapDig | undefined>((a, b) => (a === undefined || b.reading > a.reading ? b : a), undefined);
    const parts: Markup[] = [
      el('text', { x: 80, y: 32, 'font-size': 22, 'font-weight': 'bold', fill: INK }, [text(`${o.label}: dig ${index + 1} of ${frames.length}`)]),
      el('text', { x: SIZE.width - 20, y: 32, 'text-anchor': 'end', 'font-size': FONT.legend, fill: MUTED }, [
        text(best === undefined ? '' : `best so far ${formatNumber(best.reading, { decimals: 1 })} ${o.unit}`),
      ]),
    ];
    const maps: { grid: HeatGrid; heading: string; range: ColourRange }[] = [
      { grid: frame.mean, heading: 'Belief: predicted gold', range: meanRange },
      { grid: frame.acquisition, heading: 'Expected improvement', range: valueRange(frame.acquisition.values) },
    ];
    maps.forEach((map, m) => {
      const panel: Rect = { left: 80 + m * (PANEL + 140), top: 76, width: PANEL, height: PANEL };
      const scales = mapScales(panel, o.extent);
      parts.push(el('text', { x: panel.left, y: panel.top - 12, 'font-size': FONT.legend, 'font-weight': 'bold', fill: INK }, [text(map.heading)]));
      parts.push(mapAxes(panel, scales, m === 0 ? { x: 'x (m)', y: 'y (m)' } : { x: 'x (m)' }));
      parts.push(heatCells(panel, map.grid, map.range));
      parts.push(mapFrame(panel));
      parts.push(mapMarkers(frame.digs, scales, style, { numbered: true, size: 5 }));
      if (frame.next !== undefined) parts.push(ring(scales.x(frame.next.x), scales.y(frame.next.y)));
      parts.push(colourBar({ left: panel.left + PANEL + 16, top: panel.top + 20, width: 20, height: PANEL - 40 }, map.range, o.unit));
    });
    return svgDocument(SIZE.width, SIZE.height, parts);
  });
}

export function mapAnimationAltText(frames: readonly MapAnimationFrame[], options: MapAnimationOptions = {}): string {
  const o = resolved(options);
  const last = frames[frames.length - 1];
  const digs = last?.digs ?? [];
  const trail = digs.map((d, i) => `${i + 1}: (${formatNumber(d.x, { decimals: 0 })}, ${formatNumber(d.y, { decimals: 0 })}) ${formatNumber(d.reading, { decimals: 1 })} ${o.unit}`);
  return altTextFrom([
    `Animation in ${count(frames.length, 'frame')}: ${o.label} dig by dig, with its belief about the gold as a map on the left (dark blue little, yellow most) and its expected improvement on the right; a ring marks the dig it makes next.`,
    ...(trail.length > 0 ? [`Its digs were ${trail.join('; ')}.`] : []),
  ]);
}

export function mapAnimation(frames: readonly MapAnimationFrame[], options: MapAnimationOptions = {}): AnimationImage {
  if (frames.length === 0) throw new RangeError('mapAnimation needs at least one frame');
  const o = resolved(options);
  const images = mapAnimationSvgs(frames, options).map((svg) => renderRgba(svg));
  const gif = encodeGif(images.map((image, index) => ({ image, delayMs: index === images.length - 1 ? o.lastFrameHoldMs : o.frameDelayMs })));
  return { gif, altText: mapAnimationAltText(frames, options), frameCount: frames.length };
}
