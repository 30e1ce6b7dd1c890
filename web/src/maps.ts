/**
 * Map pictures of a 2-D game (Dig for Gold): the field you click to dig, and heat maps of a value over it
 * (the belief's mean and uncertainty, the expected improvement, the hidden field once the game is over),
 * each with the digs on it. Colours are the Discord pictures' own: viridis for values, each searcher's
 * series colour and marker shape. A heat map is one small image (a pixel per cell) the browser stretches,
 * so a redraw after every probe stays cheap.
 */
import { GRID, INK, MUTED } from '../../src/pictures/chart-frame.js';
import { VIRIDIS_ANCHORS, viridisRgb, hexColour } from '../../src/pictures/palette.js';
import { seriesStyle, type MarkerShape } from '../../src/pictures/series-style.js';
import { formatNumber, withUnit } from './format.js';
import { fieldToPixel, type FieldAxis, type FieldPoint, type MapFrame } from './map-coordinates.js';
import { chartFrame, niceTicks, svgElement, svgText } from './svg.js';

/** Values at cell centres; row 0 is the lowest y (south), as src/search/belief-map.ts lays them out. */
export interface MapGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly values: ArrayLike<number>;
}

/** A dig drawn on a map: whose it was (a run or series name) and its number in that run. */
export interface MapMark extends FieldPoint {
  readonly run: string;
  readonly label: string;
}

export interface MapPictureOptions {
  /** Width and height of the picture's own coordinates; the page scales it. */
  readonly size: number;
  readonly x: FieldAxis & { readonly label: string };
  readonly y: FieldAxis & { readonly label: string };
  readonly title: string;
  /** What a screen reader says instead of the picture. */
  readonly description: string;
  readonly grid?: MapGrid;
  /** Unit of the grid's values, for its colour key ("g"). */
  readonly gridUnit?: string;
  readonly marks: readonly MapMark[];
  /** Where expected improvement peaks: "Bayes would dig here next". */
  readonly next?: FieldPoint;
  /** The field's true best spot, shown once the game is over. */
  readonly lode?: FieldPoint;
  readonly className: string;
}

const MARGIN = { left: 42, top: 24, bottom: 38, right: 12 };
const KEY_WIDTH = 64;

/** The plotted square of a map picture of this size. */
export function mapFrameOf(options: Pick<MapPictureOptions, 'size' | 'x' | 'y' | 'grid'>): MapFrame {
  const right = MARGIN.right + (options.grid ? KEY_WIDTH : 0);
  const side = Math.min(options.size - MARGIN.left - right, options.size - MARGIN.top - MARGIN.bottom);
  return { left: MARGIN.left, top: MARGIN.top, width: side, height: side, x: options.x, y: options.y };
}

/** The lowest and highest finite value of a grid (0 and 1 when it has none). */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return low <= high ? [low, high] : [0, 1];
}

/** The grid as one image, a pixel per cell, stretched over the plotted square. */
function heatImage(grid: MapGrid, frame: MapFrame, range: readonly [number, number]): SVGImageElement {
  const columns = grid.xs.length;
  const rows = grid.ys.length;
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw a canvas');
  const image = context.createImageData(columns, rows);
  const span = range[1] - range[0] || 1;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const [r, g, b] = viridisRgb(((grid.values[j * columns + i] as number) - range[0]) / span);
      // Row 0 is the south edge, drawn at the bottom.
      const at = ((rows - 1 - j) * columns + i) * 4;
      image.data[at] = Math.round(r);
      image.data[at + 1] = Math.round(g);
      image.data[at + 2] = Math.round(b);
      image.data[at + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return svgElement('image', { href: canvas.toDataURL(), x: frame.left, y: frame.top, width: frame.width, height: frame.height, preserveAspectRatio: 'none', class: 'heat' });
}

/** A vertical colour key beside the map, low at the bottom. */
function colourKey(svg: SVGSVGElement, frame: MapFrame, range: readonly [number, number], unit: string | undefined): void {
  const id = `key-${Math.random().toString(36).slice(2, 9)}`;
  const gradient = svgElement('linearGradient', { id, x1: 0, y1: 1, x2: 0, y2: 0 });
  VIRIDIS_ANCHORS.forEach((rgb, i) => gradient.append(svgElement('stop', { offset: i / (VIRIDIS_ANCHORS.length - 1), 'stop-color': hexColour(rgb) })));
  svg.append(svgElement('defs', {}, [gradient]));
  const left = frame.left + frame.width + 12;
  svg.append(svgElement('rect', { x: left, y: frame.top, width: 12, height: frame.height, fill: `url(#${id})`, stroke: INK, 'stroke-width': 0.5 }));
  // Expected improvement far from every promising spot underflows to 1e-273 and the like: that is 0 to a reader.
  const label = (value: number) => withUnit(Math.abs(value) < (range[1] - range[0]) / 1000 ? 0 : value, unit);
  svg.append(svgText(left + 15, frame.top + 10, label(range[1]), { 'font-size': 10, class: 'key-high' }));
  svg.append(svgText(left + 15, frame.top + frame.height, label(range[0]), { 'font-size': 10, class: 'key-low' }));
}

function mapAxes(svg: SVGSVGElement, frame: MapFrame, x: MapPictureOptions['x'], y: MapPictureOptions['y']): void {
  const bottom = frame.top + frame.height;
  svg.append(svgElement('rect', { x: frame.left, y: frame.top, width: frame.width, height: frame.height, fill: 'none', stroke: INK, class: 'plot' }));
  for (const value of niceTicks(x.min, x.max, 4)) {
    const { px } = fieldToPixel(frame, { x: value, y: y.min });
    svg.append(svgElement('line', { x1: px, y1: frame.top, x2: px, y2: bottom, stroke: GRID, 'stroke-opacity': 0.5, class: 'grid-line' }));
    svg.append(svgText(px, bottom + 13, formatNumber(value), { 'text-anchor': 'middle', 'font-size': 10 }));
  }
  for (const value of niceTicks(y.min, y.max, 4)) {
    const { py } = fieldToPixel(frame, { x: x.min, y: value });
    svg.append(svgElement('line', { x1: frame.left, y1: py, x2: frame.left + frame.width, y2: py, stroke: GRID, 'stroke-opacity': 0.5, class: 'grid-line' }));
    svg.append(svgText(frame.left - 5, py + 3, formatNumber(value), { 'text-anchor': 'end', 'font-size': 10 }));
  }
  svg.append(svgText(frame.left + frame.width / 2, bottom + 30, x.label, { 'text-anchor': 'middle', 'font-size': 11 }));
  const middle = frame.top + frame.height / 2;
  svg.append(svgText(11, middle, y.label, { 'text-anchor': 'middle', 'font-size': 11, transform: `rotate(-90 11 ${middle})` }));
}

function shape(kind: MarkerShape, px: number, py: number, colour: string): SVGElement {
  const common = { fill: colour, stroke: '#ffffff', 'stroke-width': 1.5 };
  switch (kind) {
    case 'square':
      return svgElement('rect', { x: px - 5, y: py - 5, width: 10, height: 10, ...common });
    case 'diamond':
      return svgElement('polygon', { points: `${px},${py - 7} ${px + 7},${py} ${px},${py + 7} ${px - 7},${py}`, ...common });
    case 'triangle':
      return svgElement('polygon', { points: `${px},${py - 7} ${px + 7},${py + 6} ${px - 7},${py + 6}`, ...common });
    case 'triangle-down':
      return svgElement('polygon', { points: `${px},${py + 7} ${px + 7},${py - 6} ${px - 7},${py - 6}`, ...common });
    case 'cross':
      return svgElement('path', { d: `M${px - 6},${py - 6}L${px + 6},${py + 6}M${px - 6},${py + 6}L${px + 6},${py - 6}`, stroke: colour, 'stroke-width': 3 });
    default:
      return svgElement('circle', { cx: px, cy: py, r: 6, ...common });
  }
}

/** The playground calls the person's run 'you'; the pictures call it 'player'. */
const seriesOf = (run: string) => seriesStyle(run === 'you' ? 'player' : run);

function drawMarks(svg: SVGSVGElement, frame: MapFrame, marks: readonly MapMark[]): void {
  for (const mark of marks) {
    const { px, py } = fieldToPixel(frame, mark);
    const style = seriesOf(mark.run);
    // Above and to the right of the dig, unless that would run over the title or off the map's east edge.
    const below = py - 18 < frame.top;
    const west = px > frame.left + frame.width - 16;
    const label = svgText(west ? px - 8 : px + 8, below ? py + 16 : py - 7, mark.label, {
      'font-size': 11,
      'font-weight': 700,
      'text-anchor': west ? 'end' : 'start',
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
    svg.append(svgElement('g', { class: 'dig', 'data-x': mark.x, 'data-y': mark.y }, [shape(style.marker, px, py, style.colour), label]));
  }
}

/** A ring with a centre dot: where Bayesian search would dig next. */
function drawNext(svg: SVGSVGElement, frame: MapFrame, next: FieldPoint): void {
  const { px, py } = fieldToPixel(frame, next);
  const colour = seriesStyle('bayes').colour;
  // Near the east edge the word goes on the ring's west side, so it stays inside the map.
  const east = px > frame.left + frame.width * 0.8;
  svg.append(
    svgElement('g', { class: 'next', 'data-x': next.x, 'data-y': next.y }, [
      svgElement('circle', { cx: px, cy: py, r: 10, fill: 'none', stroke: '#ffffff', 'stroke-width': 5 }),
      svgElement('circle', { cx: px, cy: py, r: 10, fill: 'none', stroke: colour, 'stroke-width': 2.5 }),
      svgElement('circle', { cx: px, cy: py, r: 2.5, fill: colour }),
      svgText(east ? px - 13 : px + 13, py + 4, 'next', { 'text-anchor': east ? 'end' : 'start', 'font-size': 11, 'font-weight': 700, fill: colour, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }),
    ]),
  );
}

function drawLode(svg: SVGSVGElement, frame: MapFrame, lode: FieldPoint): void {
  const { px, py } = fieldToPixel(frame, lode);
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 10 : 4;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    return `${(px + r * Math.cos(angle)).toFixed(1)},${(py + r * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
  svg.append(svgElement('polygon', { points, fill: INK, stroke: '#ffffff', 'stroke-width': 1.5, class: 'lode', 'data-x': lode.x, 'data-y': lode.y }));
}

/** A map picture: the field (a heat map when `grid` is given) with its digs, the next dig and the best spot. */
export function mapPicture(options: MapPictureOptions): SVGSVGElement {
  const frame = mapFrameOf(options);
  const svg = chartFrame(options.size, options.size, options.title, options.description);
  svg.classList.add('map', options.className);
  svg.dataset.digs = String(options.marks.length);
  if (options.grid) {
    const range = valueRange(options.grid.values);
    svg.append(heatImage(options.grid, frame, range));
    colourKey(svg, frame, range, options.gridUnit);
    svg.dataset.range = `${formatNumber(range[0])}–${formatNumber(range[1])}`;
  }
  mapAxes(svg, frame, options.x, options.y);
  svg.append(svgText(frame.left, 15, options.title, { 'font-size': 13, 'font-weight': 700, class: 'map-title' }));
  if (options.lode) drawLode(svg, frame, options.lode);
  drawMarks(svg, frame, options.marks);
  if (options.next) {
    drawNext(svg, frame, options.next);
    svg.dataset.next = `${options.next.x},${options.next.y}`;
  }
  return svg;
}

/** Shows (or, with undefined, hides) the pointer's or keyboard's cursor on a map picture, in place. */
export function placeCursor(svg: SVGSVGElement, frame: MapFrame, cursor: FieldPoint | undefined): void {
  svg.querySelector('g.cursor')?.remove();
  if (cursor === undefined) return;
  const { px, py } = fieldToPixel(frame, cursor);
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  const label = `${formatNumber(cursor.x)}, ${formatNumber(cursor.y)}`;
  const labelX = px > frame.left + frame.width * 0.7 ? px - 8 : px + 8;
  svg.append(
    svgElement('g', { class: 'cursor', 'data-x': cursor.x, 'data-y': cursor.y }, [
      svgElement('line', { x1: frame.left, y1: py, x2: right, y2: py, stroke: MUTED, 'stroke-dasharray': '3 3' }),
      svgElement('line', { x1: px, y1: frame.top, x2: px, y2: bottom, stroke: MUTED, 'stroke-dasharray': '3 3' }),
      svgElement('rect', { x: px - 6, y: py - 6, width: 12, height: 12, fill: 'none', stroke: INK, 'stroke-width': 2 }),
      svgText(labelX, py + 18, label, { 'font-size': 11, 'text-anchor': px > frame.left + frame.width * 0.7 ? 'end' : 'start', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }),
    ]),
  );
}

/** Maps side by side (mean beside uncertainty). */
export function wrapMaps(...svgs: SVGSVGElement[]): HTMLDivElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'maps';
  wrapper.append(...svgs);
  return wrapper;
}
