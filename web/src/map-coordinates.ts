/**
 * Between a 2-D game's field (x and y in the game's units, y growing north) and a map picture's pixels
 * (y growing down), and the keyboard cursor's steps across it. Pure: no DOM, so it is unit-tested alone.
 */
import type { MoveField } from '../../src/games/types.js';
import { withUnit } from './format.js';

/** One axis of the field, as a game's move field gives it. */
export interface FieldAxis {
  readonly min: number;
  readonly max: number;
  /** Allowed spacing of values (whole metres: 1); absent for any real value. */
  readonly step?: number;
}

/** The plotted area of a map picture, in the picture's own coordinates, and the field it shows. */
export interface MapFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly x: FieldAxis;
  readonly y: FieldAxis;
}

/** A map's axis: the move field it sets (whose name is also the engine parameter's) and its words. */
export interface MapAxis extends FieldAxis {
  readonly name: string;
  /** "x (metres east)". */
  readonly label: string;
  /** "m", or '' for none. */
  readonly unit: string;
}

/**
 * The map of a game whose move is exactly two numbers (Dig for Gold's x and y): the first across, the
 * second up, as the engine's belief maps lay them out. Undefined for any other game.
 */
export function mapAxesOf(fields: readonly MoveField[]): { x: MapAxis; y: MapAxis } | undefined {
  const numbers = fields.filter((f): f is MoveField & { kind: 'number' } => f.kind === 'number');
  const [x, y] = numbers;
  if (fields.length !== 2 || x === undefined || y === undefined || x.logScale === true || y.logScale === true) return undefined;
  const axis = (f: MoveField & { kind: 'number' }): MapAxis => ({
    name: f.name,
    min: f.min,
    max: f.max,
    ...(f.step === undefined ? {} : { step: f.step }),
    label: f.label,
    unit: f.unit ?? '',
  });
  return { x: axis(x), y: axis(y) };
}

export interface FieldPoint {
  readonly x: number;
  readonly y: number;
}

/** A value kept inside its axis and on its steps (counted from the axis minimum). */
export function snapToAxis(axis: FieldAxis, value: number): number {
  const clamped = Math.min(axis.max, Math.max(axis.min, value));
  if (axis.step === undefined) return clamped;
  const snapped = axis.min + Math.round((clamped - axis.min) / axis.step) * axis.step;
  // Rounding can step past the top when the range is not a whole number of steps.
  const inside = snapped > axis.max ? snapped - axis.step : snapped;
  return Number(inside.toPrecision(12));
}

/** Where a field point is drawn. */
export function fieldToPixel(frame: MapFrame, point: FieldPoint): { px: number; py: number } {
  const fx = (point.x - frame.x.min) / (frame.x.max - frame.x.min);
  const fy = (point.y - frame.y.min) / (frame.y.max - frame.y.min);
  return { px: frame.left + fx * frame.width, py: frame.top + (1 - fy) * frame.height };
}

/**
 * The allowed field point under a pixel, or undefined outside the plotted area (a click on the axes'
 * labels digs nowhere).
 */
export function pixelToField(frame: MapFrame, px: number, py: number): FieldPoint | undefined {
  const fx = (px - frame.left) / frame.width;
  const fy = 1 - (py - frame.top) / frame.height;
  if (!(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)) return undefined;
  return {
    x: snapToAxis(frame.x, frame.x.min + fx * (frame.x.max - frame.x.min)),
    y: snapToAxis(frame.y, frame.y.min + fy * (frame.y.max - frame.y.min)),
  };
}

/** How far one arrow key moves the cursor: a step, or a tenth of the axis with Shift (at least a step). */
export function keyStep(axis: FieldAxis, big: boolean): number {
  const span = axis.max - axis.min;
  if (axis.step === undefined) return big ? span / 10 : span / 100;
  return big ? Math.max(axis.step, Math.round(span / 10 / axis.step) * axis.step) : axis.step;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** The cursor after an arrow key (up is north), or undefined for any other key. */
export function moveCursor(frame: MapFrame, cursor: FieldPoint, key: string, big: boolean): FieldPoint | undefined {
  const arrow = ARROWS[key];
  if (arrow === undefined) return undefined;
  return {
    x: snapToAxis(frame.x, cursor.x + arrow[0] * keyStep(frame.x, big)),
    y: snapToAxis(frame.y, cursor.y + arrow[1] * keyStep(frame.y, big)),
  };
}

/** "x 40 m, y 62 m": a field point named by the nearest spot a move can take. */
export function spotText(x: MapAxis, y: MapAxis, point: { readonly x: number; readonly y: number }): string {
  return `x ${withUnit(snapToAxis(x, point.x), x.unit)}, y ${withUnit(snapToAxis(y, point.y), y.unit)}`;
}
