/**
 * An animated GIF of Bayesian search thinking: one frame per bake, showing its belief (mean and
 * ±2σ band) against the true curve, expected improvement underneath, its bakes so far, and the
 * bake time it picks next. The last frame is held so the final belief can be read.
 */
import { altTextFrom, count, lowerFirst } from './chart-image.js';
import { FONT, INK, MUTED } from './chart-frame.js';
import { bakeScales, bakeScene, type BakeSceneLayout, type BeliefSample, type Point } from './bake-scene.js';
import { BAKE_CHART_DEFAULTS, bestPoint, type BakeAxesOptions } from './bake-chart.js';
import { withoutUndefined } from './options.js';
import { encodeGif } from './gif.js';
import { renderRgba } from './render.js';
import { formatNumber } from './scale.js';
import { seriesStyle } from './series-style.js';
import { el, svgDocument, text } from './svg.js';

export interface BakeAnimationFrame {
  /** The belief after the bakes so far. */
  readonly belief: readonly BeliefSample[];
  /** The optimiser's bakes so far, in order. */
  readonly bakes: readonly Point[];
  /** The bake time it chooses next, highlighted; leave out on a final frame with no next bake. */
  readonly nextX?: number;
}

export interface BakeAnimationOptions extends BakeAxesOptions {
  readonly trueCurve: readonly Point[];
  /** Who is searching, for the caption; defaults to the usual label of 'bayes'. */
  readonly searcherLabel?: string;
  readonly frameDelayMs?: number;
  readonly lastFrameHoldMs?: number;
}

export interface AnimationImage {
  readonly gif: Buffer;
  readonly altText: string;
  readonly frameCount: number;
}

const ANIMATION_DEFAULTS = {
  width: 640,
  height: 360,
  // Long enough to read the caption and see where the band shrank; GIF delays are in 10 ms steps.
  frameDelayMs: 1200,
  lastFrameHoldMs: 4000,
} as const;

function resolved(options: BakeAnimationOptions) {
  return {
    ...BAKE_CHART_DEFAULTS,
    ...ANIMATION_DEFAULTS,
    searcherLabel: seriesStyle('bayes').label,
    ...withoutUndefined(options),
    trueCurve: options.trueCurve,
  };
}

/** One SVG per frame; exported so tests and the console can look at a frame without decoding a GIF. */
export function bakeAnimationSvgs(frames: readonly BakeAnimationFrame[], options: BakeAnimationOptions): string[] {
  const o = resolved(options);
  const plotLeft = 80;
  const plotRight = o.width - 20;
  const tasteTop = 48;
  const improvementBottom = o.height - 68;
  const improvementHeight = Math.round((improvementBottom - tasteTop) * 0.3);
  const improvementTop = improvementBottom - improvementHeight;
  const layout: BakeSceneLayout = {
    // A gap wide enough that the two panels' tick labels (taste 0, the top improvement tick) never touch.
    taste: { left: plotLeft, top: tasteTop, width: plotRight - plotLeft, height: improvementTop - 24 - tasteTop },
    improvement: { left: plotLeft, top: improvementTop, width: plotRight - plotLeft, height: improvementHeight },
  };
  // Shared scales across frames, so the axes stand still while the belief moves.
  const allBakes = frames.flatMap((f) => f.bakes);
  const allBelief = frames.flatMap((f) => f.belief);
  const scales = bakeScales(
    layout,
    [...o.trueCurve.map((p) => p.x), ...allBakes.map((p) => p.x), ...allBelief.map((s) => s.x)],
    // Tastes only: the belief is clipped to them (see bakeScales).
    [...o.trueCurve.map((p) => p.y), ...allBakes.map((p) => p.y)],
    allBelief.map((s) => s.expectedImprovement),
  );
  const colour = seriesStyle('bayes').colour;

  return frames.map((frame, index) => {
    const best = bestPoint(frame.bakes);
    const caption = `${o.searcherLabel}: bake ${frame.bakes.length}`;
    const status = best === undefined ? 'no bakes yet' : `best so far ${formatNumber(best.point.y)}`;
    return svgDocument(o.width, o.height, [
      el('text', { x: plotLeft, y: 30, 'font-size': 22, 'font-weight': 'bold', fill: INK }, [text(caption)]),
      el('text', { x: plotRight, y: 30, 'text-anchor': 'end', 'font-size': FONT.legend, fill: MUTED }, [text(status)]),
      bakeScene(
        layout,
        scales,
        {
          trueCurve: o.trueCurve,
          belief: frame.belief,
          numbered: { points: frame.bakes, colour },
          ...(frame.nextX !== undefined ? { nextX: frame.nextX } : {}),
          xLabel: o.xLabel,
          yLabel: o.yLabel,
        },
        `frame${index}`,
      ),
    ]);
  });
}

export function bakeAnimationAltText(frames: readonly BakeAnimationFrame[], options: BakeAnimationOptions): string {
  const o = resolved(options);
  const at = (x: number) => `${formatNumber(x, { decimals: o.xDecimals })}${o.xUnit ? ` ${o.xUnit}` : ''}`;
  const last = frames[frames.length - 1];
  const sentences = [
    `Animation in ${count(frames.length, 'frame')}: ${o.searcherLabel} bake by bake, with its belief about ${lowerFirst(o.yLabel)} ` +
      `(dashed mean and a shaded ±2σ band) over the grey true curve, and expected improvement below.`,
  ];
  const trail = (last?.bakes ?? []).map((p, i) => `${i + 1}: ${at(p.x)} → ${formatNumber(p.y)}`);
  if (trail.length > 0) sentences.push(`Its bakes were ${trail.join('; ')}.`);
  const best = bestPoint(last?.bakes ?? []);
  if (best !== undefined) {
    sentences.push(`Its best was ${formatNumber(best.point.y)} at ${at(best.point.x)}, found on bake ${best.index + 1}.`);
  }
  const peak = bestPoint(o.trueCurve);
  if (peak !== undefined) sentences.push(`The true peak is ${formatNumber(peak.point.y)} at ${at(peak.point.x)}.`);
  return altTextFrom(sentences);
}

export function bakeAnimation(frames: readonly BakeAnimationFrame[], options: BakeAnimationOptions): AnimationImage {
  if (frames.length === 0) throw new RangeError('bakeAnimation needs at least one frame');
  const o = resolved(options);
  const images = bakeAnimationSvgs(frames, options).map((svg) => renderRgba(svg));
  const gif = encodeGif(
    images.map((image, index) => ({
      image,
      delayMs: index === images.length - 1 ? o.lastFrameHoldMs : o.frameDelayMs,
    })),
  );
  return { gif, altText: bakeAnimationAltText(frames, options), frameCount: frames.length };
}
