/**
 * Places round labels (numbered discs, bake-order numbers) near the points they name without covering
 * one another. A point is never moved: its label sits on it when there is room, otherwise it is set
 * beside it and joined to it by a leader line, so every value is still drawn where it is.
 */
import type { Rect } from './chart-frame.js';
import type { XY } from './svg.js';

export interface PlacedLabel {
  /** Where the point is. */
  readonly anchor: XY;
  /** Where the label's centre goes. */
  readonly at: XY;
  /** True when the label sits away from its point and needs a leader line. */
  readonly moved: boolean;
}

export interface PlacementOptions {
  /** Radius of each label, in pixels. */
  readonly radius: number;
  /** Labels stay inside this rectangle. */
  readonly bounds: Rect;
  /** Try the point itself first (numbered discs) or always set the label beside it (plain numbers). */
  readonly onPoint: boolean;
  /** Circles the labels must also keep clear of, such as the markers of the points themselves. */
  readonly obstacles?: readonly { readonly at: XY; readonly radius: number }[];
}

/** Up first, then the sides, then below: a label above its point reads most naturally. */
const DIRECTIONS = [-90, -45, -135, 0, 180, 45, 135, 90].map((degrees) => (degrees * Math.PI) / 180);
const RINGS = [1, 1.9, 2.8, 3.7, 4.6];
const GAP = 1.5;

function clear(at: XY, radius: number, taken: readonly { at: XY; radius: number }[]): boolean {
  return taken.every((other) => Math.hypot(at.x - other.at.x, at.y - other.at.y) >= radius + other.radius + GAP);
}

function inside(at: XY, radius: number, bounds: Rect): boolean {
  return at.x - radius >= bounds.left && at.x + radius <= bounds.left + bounds.width && at.y - radius >= bounds.top && at.y + radius <= bounds.top + bounds.height;
}

/** Labels in the order given (earlier points get the better places). */
export function placeLabels(anchors: readonly XY[], options: PlacementOptions): PlacedLabel[] {
  const { radius, bounds } = options;
  const taken: { at: XY; radius: number }[] = [];
  const obstacles = options.obstacles ?? [];
  return anchors.map((anchor) => {
    const candidates: { at: XY; moved: boolean }[] = [];
    if (options.onPoint) candidates.push({ at: anchor, moved: false });
    const base = options.onPoint ? 2 * radius + GAP : radius + (obstacles[0]?.radius ?? 0) + GAP;
    RINGS.forEach((ring, r) => {
      for (const angle of DIRECTIONS) {
        const distance = base * ring;
        // Plain numbers right beside their point read as belonging to it; only farther ones need a line.
        candidates.push({ at: { x: anchor.x + distance * Math.cos(angle), y: anchor.y + distance * Math.sin(angle) }, moved: options.onPoint || r > 0 });
      }
    });
    const blocked = [...taken, ...obstacles];
    const chosen =
      candidates.find((c) => inside(c.at, radius, bounds) && clear(c.at, radius, blocked)) ??
      candidates.find((c) => clear(c.at, radius, blocked)) ??
      (candidates[0] as { at: XY; moved: boolean });
    taken.push({ at: chosen.at, radius });
    return { anchor, at: chosen.at, moved: chosen.moved };
  });
}
