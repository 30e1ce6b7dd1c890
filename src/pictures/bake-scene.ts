/**
 * The two-panel bake picture shared by the still chart and the animation: taste over bake time on
 * top (true curve, belief band and mean, bakes), expected improvement underneath on the same x axis.
 */
import { bandPath, el, group, polylinePath, text, type Markup, type XY } from './svg.js';
import { axes, bottom, clipPath, FONT, grow, marker, MUTED, numberedMarker, right, type Rect } from './chart-frame.js';
import { placeLabels } from './label-placement.js';
import { linearScale, niceDomain, niceLinearScale, type Scale } from './scale.js';
import { BELIEF_COLOUR, HIGHLIGHT_COLOUR, seriesStyle, TRUE_CURVE_COLOUR } from './series-style.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The Gaussian-process belief at one bake time. */
export interface BeliefSample {
  readonly x: number;
  readonly mean: number;
  /** Standard deviation of the belief (the band drawn is mean ± 2 sd). */
  readonly sd: number;
  readonly expectedImprovement: number;
}

/** The points one search strategy tried on the same puzzle, in the order it tried them. */
export interface StrategyPoints {
  /** A series name such as 'bayes' or 'random' (picks the fixed colour); see series-style.ts. */
  readonly name: string;
  /** Display name; defaults to the series' usual name ("Bayesian search"). */
  readonly label?: string;
  readonly points: readonly Point[];
}

// One palette with the web pages: the belief's colours live beside the series' (series-style.ts).
export { BELIEF_COLOUR, HIGHLIGHT_COLOUR, TRUE_CURVE_COLOUR };
/** The largest numbered disc's radius (two digits), for keeping discs apart. */
const NUMBERED_RADIUS = 15;

/** A white outline under text so it stays legible where it crosses lines or shading. */
const HALO = { stroke: '#ffffff', 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

export interface BakeSceneLayout {
  readonly taste: Rect;
  readonly improvement: Rect;
}

export interface BakeSceneScales {
  readonly x: Scale;
  readonly taste: Scale;
  readonly improvement: Scale;
}

export interface BakeSceneContent {
  readonly trueCurve: readonly Point[];
  readonly belief?: readonly BeliefSample[];
  /** Moves drawn as numbered discs (the player's bakes, or the optimiser's in the animation). */
  readonly numbered?: { readonly points: readonly Point[]; readonly colour: string };
  readonly strategies?: readonly StrategyPoints[];
  /** Bake time to highlight as the next choice (a dashed line through both panels). */
  readonly nextX?: number;
  readonly xLabel: string;
  readonly yLabel: string;
}

/**
 * Scales fixed from all the data a picture (or every frame of an animation) will show, so frames
 * share axes. The belief (band and mean) is left out of the taste range on purpose: an early, very
 * uncertain belief would otherwise squash the curve flat, and a mean a little below 0 would add a
 * tick (−20) that collides with the panel below; the belief is clipped to the tastes instead.
 */
export function bakeScales(
  layout: BakeSceneLayout,
  xValues: readonly number[],
  tasteValues: readonly number[],
  improvementValues: readonly number[],
): BakeSceneScales {
  const x = niceLinearScale(xValues, [layout.taste.left, right(layout.taste)], 7);
  const taste = niceLinearScale(tasteValues, [bottom(layout.taste), layout.taste.top], 5);
  const finiteImprovement = improvementValues.filter(Number.isFinite);
  const maxImprovement = finiteImprovement.length > 0 ? Math.max(...finiteImprovement) : 0;
  const { domain, ticks } = niceDomain(0, maxImprovement > 0 ? maxImprovement : 1, 2);
  const improvement = linearScale(domain, [bottom(layout.improvement), layout.improvement.top], ticks);
  return { x, taste, improvement };
}

export function argmaxImprovement(belief: readonly BeliefSample[]): BeliefSample | undefined {
  let best: BeliefSample | undefined;
  for (const sample of belief) {
    if (!Number.isFinite(sample.expectedImprovement)) continue;
    if (best === undefined || sample.expectedImprovement > best.expectedImprovement) best = sample;
  }
  return best;
}

export function bakeScene(layout: BakeSceneLayout, scales: BakeSceneScales, content: BakeSceneContent, idPrefix: string): Markup {
  const { x, taste, improvement } = scales;
  const tasteClip = `${idPrefix}-taste-clip`;
  const improvementClip = `${idPrefix}-ei-clip`;
  const parts: Markup[] = [el('defs', {}, [clipPath(tasteClip, layout.taste), clipPath(improvementClip, layout.improvement)])];

  parts.push(axes(layout.taste, x, taste, { yLabel: content.yLabel, showXTickLabels: false }));
  parts.push(axes(layout.improvement, x, improvement, { xLabel: content.xLabel, formatY: formatImprovementTick(improvement) }));

  const tasteLayer: Markup[] = [];
  const improvementLayer: Markup[] = [];
  const belief = content.belief ?? [];
  if (belief.length > 0) {
    const upper: XY[] = belief.map((s) => ({ x: x(s.x), y: taste(s.mean + 2 * s.sd) }));
    const lower: XY[] = belief.map((s) => ({ x: x(s.x), y: taste(s.mean - 2 * s.sd) }));
    tasteLayer.push(el('path', { d: bandPath(upper, lower), fill: BELIEF_COLOUR, 'fill-opacity': 0.18, stroke: 'none' }));
  }
  tasteLayer.push(
    el('path', {
      d: polylinePath(content.trueCurve.map((p) => ({ x: x(p.x), y: taste(p.y) }))),
      fill: 'none',
      stroke: TRUE_CURVE_COLOUR,
      'stroke-width': 4,
      'stroke-linejoin': 'round',
    }),
  );
  if (belief.length > 0) {
    tasteLayer.push(
      el('path', {
        d: polylinePath(belief.map((s) => ({ x: x(s.x), y: taste(s.mean) }))),
        fill: 'none',
        stroke: BELIEF_COLOUR,
        'stroke-width': 3.5,
        'stroke-dasharray': '10 6',
      }),
    );
    const baseline = improvement(0);
    const area: XY[] = [
      { x: x(belief[0]?.x ?? 0), y: baseline },
      ...belief.map((s) => ({ x: x(s.x), y: improvement(Math.max(0, s.expectedImprovement)) })),
      { x: x(belief[belief.length - 1]?.x ?? 0), y: baseline },
    ];
    improvementLayer.push(
      el('path', { d: `${polylinePath(area)}Z`, fill: BELIEF_COLOUR, 'fill-opacity': 0.35, stroke: BELIEF_COLOUR, 'stroke-width': 2.5 }),
    );
  }

  // Markers stay outside the clip: the scales include every point, so they are never off the chart,
  // and one sitting on the frame should be drawn whole.
  const strategyMarkers: Markup[] = [];
  for (const strategy of content.strategies ?? []) {
    const style = seriesStyle(strategy.name, strategy.label);
    for (const point of strategy.points) {
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
      strategyMarkers.push(marker(style.marker, x(point.x), taste(point.y), 6, style.colour));
    }
  }

  const highlight: Markup[] = [];
  if (content.nextX !== undefined && Number.isFinite(content.nextX)) {
    const px = x(content.nextX);
    highlight.push(
      el('line', {
        x1: px,
        x2: px,
        y1: layout.taste.top,
        y2: bottom(layout.improvement),
        stroke: HIGHLIGHT_COLOUR,
        'stroke-width': 3,
        'stroke-dasharray': '6 5',
      }),
    );
    const nearest = nearestSample(belief, content.nextX);
    if (nearest !== undefined) {
      highlight.push(marker('circle', px, improvement(Math.max(0, nearest.expectedImprovement)), 7, HIGHLIGHT_COLOUR));
    }
    const anchorEnd = px > layout.taste.left + layout.taste.width * 0.75;
    highlight.push(
      el(
        'text',
        {
          x: px + (anchorEnd ? -8 : 8),
          // At the foot of the panel: the top is where the best bakes and their numbers crowd.
          y: bottom(layout.taste) - 10,
          'text-anchor': anchorEnd ? 'end' : 'start',
          'font-size': FONT.tick,
          'font-weight': 'bold',
          fill: HIGHLIGHT_COLOUR,
          ...HALO,
        },
        [text('next')],
      ),
    );
  }

  const numberedMarkers: Markup[] = [];
  if (content.numbered !== undefined) {
    const colour = content.numbered.colour;
    const drawn = content.numbered.points.flatMap((point, index) =>
      Number.isFinite(point.x) && Number.isFinite(point.y) ? [{ n: index + 1, pixel: { x: x(point.x), y: taste(point.y) } }] : [],
    );
    // Discs that would cover one another step aside with a leader line; the dot stays on the value.
    const placed = placeLabels(
      drawn.map((d) => d.pixel),
      { radius: NUMBERED_RADIUS, bounds: grow(layout.taste, NUMBERED_RADIUS + 2), onPoint: true },
    );
    const leaders: Markup[] = [];
    const dots: Markup[] = [];
    placed.forEach((label) => {
      if (!label.moved) return;
      leaders.push(el('line', { x1: label.anchor.x, y1: label.anchor.y, x2: label.at.x, y2: label.at.y, stroke: colour, 'stroke-width': 2 }));
      dots.push(el('circle', { cx: label.anchor.x, cy: label.anchor.y, r: 4.5, fill: colour, stroke: '#ffffff', 'stroke-width': 1.5 }));
    });
    numberedMarkers.push(...leaders, ...placed.map((label, i) => numberedMarker(drawn[i]!.n, label.at.x, label.at.y, colour)), ...dots);
  }

  parts.push(group({ 'clip-path': `url(#${tasteClip})` }, tasteLayer));
  parts.push(group({ 'clip-path': `url(#${improvementClip})` }, improvementLayer));
  parts.push(...strategyMarkers);
  parts.push(
    el(
      'text',
      { x: layout.improvement.left + 10, y: layout.improvement.top + 22, 'font-size': FONT.tick, fill: MUTED, ...HALO },
      [text('Expected improvement: where Bayesian search looks next')],
    ),
  );
  parts.push(...highlight, ...numberedMarkers);
  return group({}, parts);
}

function nearestSample(belief: readonly BeliefSample[], at: number): BeliefSample | undefined {
  let nearest: BeliefSample | undefined;
  for (const sample of belief) {
    if (nearest === undefined || Math.abs(sample.x - at) < Math.abs(nearest.x - at)) nearest = sample;
  }
  return nearest;
}

function formatImprovementTick(scale: Scale): (value: number) => string {
  const top = scale.ticks[scale.ticks.length - 1] ?? 1;
  const decimals = top >= 10 ? 0 : top >= 1 ? 1 : 2;
  return (value) => value.toFixed(value === 0 ? 0 : decimals);
}
