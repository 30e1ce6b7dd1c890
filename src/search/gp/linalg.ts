/**
 * The little dense linear algebra a Gaussian process needs: Cholesky factors of symmetric
 * positive-definite matrices and the triangular solves built on them. Matrices are row-major
 * Float64Arrays of size n×n, because these loops are the hot path of every Bayesian `ask`.
 */

export class NotPositiveDefiniteError extends Error {
  override readonly name = 'NotPositiveDefiniteError';
}

export interface CholeskyFactor {
  readonly size: number;
  /** Lower-triangular L with L·Lᵀ = A + jitter·I (entries above the diagonal are zero). */
  readonly lower: Float64Array;
  /** What had to be added to the diagonal for the factorisation to succeed (0 when nothing). */
  readonly jitter: number;
}

/** Factorises A + jitter·I in place into `out`; false when a pivot is not positive. */
function tryCholesky(matrix: Float64Array, size: number, jitter: number, out: Float64Array): boolean {
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * size;
      let sum = matrix[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (out[rowI + k] as number) * (out[rowJ + k] as number);
      if (i === j) {
        sum += jitter;
        if (!(sum > 0)) return false;
        out[rowI + i] = Math.sqrt(sum);
      } else {
        out[rowI + j] = sum / (out[rowJ + j] as number);
      }
    }
    for (let j = i + 1; j < size; j++) out[rowI + j] = 0;
  }
  return true;
}

/**
 * Cholesky factor of a symmetric matrix that should be positive definite but may be numerically
 * singular (two nearly equal inputs give two nearly equal rows). On failure the diagonal gets a
 * jitter that grows tenfold per attempt, starting at 1e-10 of the mean diagonal.
 */
export function choleskyWithJitter(matrix: Float64Array, size: number, maxAttempts = 10): CholeskyFactor {
  const lower = new Float64Array(size * size);
  if (tryCholesky(matrix, size, 0, lower)) return { size, lower, jitter: 0 };
  let meanDiagonal = 0;
  for (let i = 0; i < size; i++) meanDiagonal += Math.abs(matrix[i * size + i] as number);
  meanDiagonal = size > 0 ? meanDiagonal / size : 1;
  let jitter = 1e-10 * (meanDiagonal > 0 ? meanDiagonal : 1);
  for (let attempt = 0; attempt < maxAttempts; attempt++, jitter *= 10) {
    if (tryCholesky(matrix, size, jitter, lower)) return { size, lower, jitter };
  }
  throw new NotPositiveDefiniteError(`Matrix of size ${size} is not positive definite even with jitter ${jitter / 10}`);
}

/** Solves L·x = b (forward substitution); writes into `out` when given. */
export function solveLower(factor: CholeskyFactor, b: ArrayLike<number>, out: Float64Array = new Float64Array(factor.size)): Float64Array {
  const { size, lower } = factor;
  for (let i = 0; i < size; i++) {
    const row = i * size;
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (lower[row + k] as number) * (out[k] as number);
    out[i] = sum / (lower[row + i] as number);
  }
  return out;
}

/** Solves Lᵀ·x = b (back substitution). */
export function solveLowerTransposed(
  factor: CholeskyFactor,
  b: ArrayLike<number>,
  out: Float64Array = new Float64Array(factor.size),
): Float64Array {
  const { size, lower } = factor;
  for (let i = size - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (lower[k * size + i] as number) * (out[k] as number);
    out[i] = sum / (lower[i * size + i] as number);
  }
  return out;
}

/** Solves A·x = b given the Cholesky factor of A. */
export function choleskySolve(factor: CholeskyFactor, b: ArrayLike<number>): Float64Array {
  return solveLowerTransposed(factor, solveLower(factor, b));
}

/** log det(A) = 2·Σ log Lᵢᵢ. */
export function logDeterminant(factor: CholeskyFactor): number {
  let sum = 0;
  for (let i = 0; i < factor.size; i++) sum += Math.log(factor.lower[i * factor.size + i] as number);
  return 2 * sum;
}

/** A⁻¹ (full, symmetric) from the Cholesky factor of A: A⁻¹ = L⁻ᵀ·L⁻¹. */
export function inverseFromCholesky(factor: CholeskyFactor): Float64Array {
  const { size, lower } = factor;
  // L⁻¹ is lower triangular; row i follows from rows 0..i−1, read contiguously.
  const inverseLower = new Float64Array(size * size);
  const accumulator = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const row = i * size;
    accumulator.fill(0, 0, i);
    for (let k = 0; k < i; k++) {
      const a = lower[row + k] as number;
      if (a === 0) continue;
      const rowK = k * size;
      for (let j = 0; j <= k; j++) accumulator[j] = (accumulator[j] as number) + a * (inverseLower[rowK + j] as number);
    }
    const pivot = lower[row + i] as number;
    for (let j = 0; j < i; j++) inverseLower[row + j] = -(accumulator[j] as number) / pivot;
    inverseLower[row + i] = 1 / pivot;
  }
  // (L⁻ᵀL⁻¹)ᵢⱼ = Σ_{k ≥ max(i,j)} L⁻¹ₖᵢ·L⁻¹ₖⱼ.
  const inverse = new Float64Array(size * size);
  for (let k = 0; k < size; k++) {
    const row = k * size;
    for (let i = 0; i <= k; i++) {
      const a = inverseLower[row + i] as number;
      if (a === 0) continue;
      const target = i * size;
      for (let j = 0; j <= i; j++) inverse[target + j] = (inverse[target + j] as number) + a * (inverseLower[row + j] as number);
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) inverse[j * size + i] = inverse[i * size + j] as number;
  }
  return inverse;
}

/**
 * ‖L⁻¹·bᵣ‖² for each row bᵣ of `rows` (count × size, row-major), overwriting `rows` with L⁻¹·bᵣ.
 * Four right-hand sides share each pass over L, which roughly halves the time of scoring many
 * candidate points (the forward substitution is the inner loop of the acquisition search).
 */
export function whitenedSquaredNorms(factor: CholeskyFactor, rows: Float64Array, count: number, out: Float64Array): void {
  const { size, lower } = factor;
  let r = 0;
  for (; r + 4 <= count; r += 4) {
    const o0 = r * size;
    const o1 = o0 + size;
    const o2 = o1 + size;
    const o3 = o2 + size;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    for (let i = 0; i < size; i++) {
      const row = i * size;
      let s0 = rows[o0 + i] as number;
      let s1 = rows[o1 + i] as number;
      let s2 = rows[o2 + i] as number;
      let s3 = rows[o3 + i] as number;
      for (let k = 0; k < i; k++) {
        const l = lower[row + k] as number;
        s0 -= l * (rows[o0 + k] as number);
        s1 -= l * (rows[o1 + k] as number);
        s2 -= l * (rows[o2 + k] as number);
        s3 -= l * (rows[o3 + k] as number);
      }
      const pivot = lower[row + i] as number;
      s0 /= pivot;
      s1 /= pivot;
      s2 /= pivot;
      s3 /= pivot;
      rows[o0 + i] = s0;
      rows[o1 + i] = s1;
      rows[o2 + i] = s2;
      rows[o3 + i] = s3;
      n0 += s0 * s0;
      n1 += s1 * s1;
      n2 += s2 * s2;
      n3 += s3 * s3;
    }
    out[r] = n0;
    out[r + 1] = n1;
    out[r + 2] = n2;
    out[r + 3] = n3;
  }
  for (; r < count; r++) {
    const offset = r * size;
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const row = i * size;
      let s = rows[offset + i] as number;
      for (let k = 0; k < i; k++) s -= (lower[row + k] as number) * (rows[offset + k] as number);
      s /= lower[row + i] as number;
      rows[offset + i] = s;
      norm += s * s;
    }
    out[r] = norm;
  }
}
