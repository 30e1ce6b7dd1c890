/**
 * A monotone warp of the targets before the GP sees them. Objectives such as Goldstein–Price span
 * six orders of magnitude: standardised as they are, a few terrible values set the scale and every
 * good point looks the same. The warp centres on the median, scales by a robust spread (the
 * interquartile range), keeps the good side (below the median, since the model minimises) and the
 * moderately bad side linear, and compresses far-out bad values logarithmically. Order is preserved,
 * so the best point stays the best, and improvements (always on the linear side) convert to
 * objective units by one constant.
 */

/**
 * Robust spreads above the median that stay linear. Compressing sooner flattens ordinary bad values
 * too, and the model then sees a flat world with one dip (measured: Branin searches stall at a
 * boundary); compressing later lets the outliers of Goldstein–Price set the scale again.
 */
const LINEAR_LIMIT = 3;

/**
 * The spread assumed when the targets show none (one trial, or all equal). A fixed 1 is no neutral
 * choice: on a taste scale of 0–100 it claims the model knows every value to within a point after one
 * bake. With no spread to measure, the values' own size is the only hint to their scale, so that is
 * what the model is told to expect; 1 for values near zero.
 */
export function unmeasuredSpread(centre: number): number {
  return Math.max(Math.abs(centre), 1);
}

export class OutputWarp {
  readonly centre: number;
  /** Objective units per warped unit on the good (linear) side. */
  readonly scale: number;

  /** `spreadIfUnmeasured`: the spread to use when the targets show none (see unmeasuredSpread). */
  constructor(targets: ArrayLike<number>, spreadIfUnmeasured?: number) {
    const sorted = Array.from(targets).sort((a, b) => a - b);
    const quantile = (q: number): number => {
      if (sorted.length === 0) return 0;
      const position = q * (sorted.length - 1);
      const low = Math.floor(position);
      const high = Math.ceil(position);
      return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
    };
    this.centre = quantile(0.5);
    const interquartile = quantile(0.75) - quantile(0.25);
    const range = sorted.length > 0 ? (sorted[sorted.length - 1] as number) - (sorted[0] as number) : 0;
    // 1.349 × σ is the interquartile range of a normal distribution. Once the search has crowded
    // many points around one value the interquartile range collapses, which would squash every
    // other value flat; a floor of 1 % of the range keeps them apart.
    const spread = Math.max(interquartile / 1.349, range / 100);
    this.scale = spread > 1e-300 ? spread : (spreadIfUnmeasured ?? unmeasuredSpread(this.centre));
  }

  forward(y: number): number {
    const u = (y - this.centre) / this.scale;
    return u <= LINEAR_LIMIT ? u : LINEAR_LIMIT + Math.log1p(u - LINEAR_LIMIT);
  }

  /** log of d forward / dy, for comparing models of differently transformed targets. */
  logSlope(y: number): number {
    const u = (y - this.centre) / this.scale;
    return -Math.log(this.scale) - (u <= LINEAR_LIMIT ? 0 : Math.log1p(u - LINEAR_LIMIT));
  }

  inverse(w: number): number {
    return this.centre + this.scale * (w <= LINEAR_LIMIT ? w : LINEAR_LIMIT + Math.expm1(w - LINEAR_LIMIT));
  }
}
