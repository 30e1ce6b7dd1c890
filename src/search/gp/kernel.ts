/**
 * The Matérn 5/2 kernel with one length scale per input dimension (ARD). Matérn 5/2 is the usual
 * choice for hyperparameter tuning: twice differentiable, so it models smooth trends without the
 * squared exponential's overconfidence. Categorical dimensions use a Hamming distance (0 when the two
 * points pick the same choice, 1 otherwise), scaled by their own length scale.
 */

const SQRT5 = Math.sqrt(5);

/** k(r²)/σ² = (1 + √5r + 5r²/3)·exp(−√5r). */
export function matern52(squaredDistance: number): number {
  const s = SQRT5 * Math.sqrt(squaredDistance);
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

/** d(k/σ²)/d(r²) = −(5/6)(1 + √5r)·exp(−√5r): finite at r = 0, which keeps gradients clean. */
export function matern52SlopeInSquaredDistance(squaredDistance: number): number {
  const s = SQRT5 * Math.sqrt(squaredDistance);
  return (-5 / 6) * (1 + s) * Math.exp(-s);
}

export class MaternKernel {
  readonly dimension: number;
  /** 1/ℓ² per dimension: the scaled squared distance is Σ (Δ_d)²/ℓ_d². */
  readonly inverseSquaredLengthScales: Float64Array;
  readonly signalVariance: number;
  /** 1 where the dimension is categorical (Hamming distance), 0 where it is numeric. */
  readonly categorical: Uint8Array;

  constructor(lengthScales: ArrayLike<number>, signalVariance: number, categorical: Uint8Array) {
    this.dimension = lengthScales.length;
    this.inverseSquaredLengthScales = new Float64Array(this.dimension);
    for (let d = 0; d < this.dimension; d++) {
      const l = lengthScales[d] as number;
      this.inverseSquaredLengthScales[d] = 1 / (l * l);
    }
    this.signalVariance = signalVariance;
    this.categorical = categorical;
  }

  /** Scaled squared distance between row `i` of `a` and row `j` of `b` (both row-major, width = dimension). */
  squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number): number {
    const dim = this.dimension;
    const inv = this.inverseSquaredLengthScales;
    const cat = this.categorical;
    const ai = i * dim;
    const bj = j * dim;
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const delta = (a[ai + d] as number) - (b[bj + d] as number);
      sum += cat[d] === 1 ? (delta === 0 ? 0 : inv[d] as number) : delta * delta * (inv[d] as number);
    }
    return sum;
  }

  /** The n×n Gram matrix of the rows of `inputs` (without noise). */
  gram(inputs: Float64Array, count: number): Float64Array {
    const gram = new Float64Array(count * count);
    const variance = this.signalVariance;
    for (let i = 0; i < count; i++) {
      gram[i * count + i] = variance;
      for (let j = 0; j < i; j++) {
        const value = variance * matern52(this.squaredDistance(inputs, i, inputs, j));
        gram[i * count + j] = value;
        gram[j * count + i] = value;
      }
    }
    return gram;
  }

  /**
   * Copies rows with numeric coordinates divided by their length scale, so distances between
   * scaled rows need no per-dimension multiply. Categorical coordinates are copied unchanged.
   */
  scaleRows(points: Float64Array, count: number): Float64Array {
    const dim = this.dimension;
    const scaled = new Float64Array(count * dim);
    const factors = new Float64Array(dim);
    for (let d = 0; d < dim; d++) factors[d] = this.categorical[d] === 1 ? 1 : Math.sqrt(this.inverseSquaredLengthScales[d] as number);
    for (let i = 0; i < count; i++) {
      for (let d = 0; d < dim; d++) scaled[i * dim + d] = (points[i * dim + d] as number) * (factors[d] as number);
    }
    return scaled;
  }

  /**
   * k(x, inputsⱼ) for every training row j, with x = row `row` of `scaledPoints`; both arguments
   * come from `scaleRows`. This is the innermost loop of candidate scoring.
   */
  crossCovarianceScaled(scaledPoints: Float64Array, row: number, scaledInputs: Float64Array, count: number, out: Float64Array): Float64Array {
    const dim = this.dimension;
    const variance = this.signalVariance;
    const offset = row * dim;
    if (!this.#hasCategorical) {
      for (let j = 0; j < count; j++) {
        const base = j * dim;
        let r2 = 0;
        for (let d = 0; d < dim; d++) {
          const delta = (scaledPoints[offset + d] as number) - (scaledInputs[base + d] as number);
          r2 += delta * delta;
        }
        const s = SQRT5 * Math.sqrt(r2);
        out[j] = variance * (1 + s + (s * s) / 3) * Math.exp(-s);
      }
      return out;
    }
    const inv = this.inverseSquaredLengthScales;
    const cat = this.categorical;
    for (let j = 0; j < count; j++) {
      const base = j * dim;
      let r2 = 0;
      for (let d = 0; d < dim; d++) {
        const delta = (scaledPoints[offset + d] as number) - (scaledInputs[base + d] as number);
        r2 += cat[d] === 1 ? (delta === 0 ? 0 : (inv[d] as number)) : delta * delta;
      }
      const s = SQRT5 * Math.sqrt(r2);
      out[j] = variance * (1 + s + (s * s) / 3) * Math.exp(-s);
    }
    return out;
  }

  get #hasCategorical(): boolean {
    return this.categorical.some((flag) => flag === 1);
  }

  /** k(x, inputsⱼ) for every training row j, with x = row `row` of `points`. */
  crossCovariance(points: Float64Array, row: number, inputs: Float64Array, count: number, out: Float64Array): Float64Array {
    const variance = this.signalVariance;
    for (let j = 0; j < count; j++) out[j] = variance * matern52(this.squaredDistance(points, row, inputs, j));
    return out;
  }
}
