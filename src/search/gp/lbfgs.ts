/**
 * A small limited-memory BFGS minimiser for smooth functions inside a box. Used twice by the
 * Bayesian optimiser: to fit kernel hyperparameters (log space, loose bounds) and to polish the
 * acquisition function (the unit cube). Bounds are handled by projection: coordinates pinned at a
 * bound with the gradient pushing outward are frozen for that step, the rest follow the quasi-Newton
 * direction, and a backtracking Armijo search runs along the projected path.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface BoxMinimizeOptions {
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
  readonly maxIterations?: number;
  /** Stop when the largest projected-gradient component falls below this. */
  readonly gradientTolerance?: number;
  /** Stop when an iteration improves f by less than this fraction of |f| (plus a tiny absolute floor). */
  readonly relativeTolerance?: number;
  /** Curvature pairs to remember. */
  readonly memory?: number;
}

export interface BoxMinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
}

const clampInto = (x: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): void => {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, x[i] as number));
};

export function minimizeInBox(f: ObjectiveWithGradient, start: ArrayLike<number>, options: BoxMinimizeOptions): BoxMinimizeResult {
  const { lower, upper } = options;
  const maxIterations = options.maxIterations ?? 50;
  const gradientTolerance = options.gradientTolerance ?? 1e-5;
  const relativeTolerance = options.relativeTolerance ?? 1e-9;
  const memory = options.memory ?? 8;
  const n = start.length;

  let x = Float64Array.from(start);
  clampInto(x, lower, upper);
  let gradient = new Float64Array(n);
  let value = f(x, gradient);
  let evaluations = 1;
  if (!Number.isFinite(value)) return { x, value, iterations: 0, evaluations };

  const steps: Float64Array[] = [];
  const gradientChanges: Float64Array[] = [];
  const curvatures: number[] = [];
  const direction = new Float64Array(n);
  const free = new Uint8Array(n);
  const alphas = new Float64Array(memory);
  let candidate = new Float64Array(n);
  let candidateGradient = new Float64Array(n);

  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    let largestProjected = 0;
    for (let i = 0; i < n; i++) {
      const g = gradient[i] as number;
      const pinned = (x[i] as number) <= (lower[i] as number) && g > 0 || (x[i] as number) >= (upper[i] as number) && g < 0;
      free[i] = pinned ? 0 : 1;
      if (!pinned) largestProjected = Math.max(largestProjected, Math.abs(g));
    }
    if (largestProjected < gradientTolerance) break;

    // Two-loop recursion on the free coordinates.
    for (let i = 0; i < n; i++) direction[i] = free[i] === 1 ? -(gradient[i] as number) : 0;
    for (let m = steps.length - 1; m >= 0; m--) {
      const s = steps[m] as Float64Array;
      const y = gradientChanges[m] as Float64Array;
      let dot = 0;
      for (let i = 0; i < n; i++) if (free[i] === 1) dot += (s[i] as number) * (direction[i] as number);
      const alpha = dot / (curvatures[m] as number);
      alphas[m] = alpha;
      for (let i = 0; i < n; i++) if (free[i] === 1) direction[i] = (direction[i] as number) - alpha * (y[i] as number);
    }
    if (steps.length > 0) {
      // Scale the initial Hessian guess by sᵀy/yᵀy of the newest pair, the usual L-BFGS choice.
      const y = gradientChanges[gradientChanges.length - 1] as Float64Array;
      let yy = 0;
      for (let i = 0; i < n; i++) yy += (y[i] as number) * (y[i] as number);
      const scale = (curvatures[curvatures.length - 1] as number) / yy;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * scale;
    }
    for (let m = 0; m < steps.length; m++) {
      const s = steps[m] as Float64Array;
      const y = gradientChanges[m] as Float64Array;
      let dot = 0;
      for (let i = 0; i < n; i++) if (free[i] === 1) dot += (y[i] as number) * (direction[i] as number);
      const beta = dot / (curvatures[m] as number);
      const alpha = alphas[m] as number;
      for (let i = 0; i < n; i++) if (free[i] === 1) direction[i] = (direction[i] as number) + (alpha - beta) * (s[i] as number);
    }

    let slope = 0;
    for (let i = 0; i < n; i++) slope += (direction[i] as number) * (gradient[i] as number);
    if (!(slope < 0)) {
      // The memory produced an uphill direction: forget it and fall back to steepest descent.
      steps.length = 0;
      gradientChanges.length = 0;
      curvatures.length = 0;
      for (let i = 0; i < n; i++) direction[i] = free[i] === 1 ? -(gradient[i] as number) : 0;
    }

    let stepLength = 1;
    if (steps.length === 0) {
      let norm = 0;
      for (let i = 0; i < n; i++) norm += (direction[i] as number) ** 2;
      stepLength = Math.min(1, 1 / Math.sqrt(norm));
    }
    let accepted = false;
    let candidateValue = value;
    for (let attempt = 0; attempt < 30; attempt++, stepLength *= 0.5) {
      let predicted = 0;
      for (let i = 0; i < n; i++) candidate[i] = (x[i] as number) + stepLength * (direction[i] as number);
      clampInto(candidate, lower, upper);
      for (let i = 0; i < n; i++) predicted += (gradient[i] as number) * ((candidate[i] as number) - (x[i] as number));
      candidateValue = f(candidate, candidateGradient);
      evaluations++;
      if (Number.isFinite(candidateValue) && candidateValue <= value + 1e-4 * predicted) {
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      if (steps.length === 0) break;
      steps.length = 0;
      gradientChanges.length = 0;
      curvatures.length = 0;
      continue;
    }

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (candidate[i] as number) - (x[i] as number);
      y[i] = (candidateGradient[i] as number) - (gradient[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    if (sy > 1e-12) {
      if (steps.length === memory) {
        steps.shift();
        gradientChanges.shift();
        curvatures.shift();
      }
      steps.push(s);
      gradientChanges.push(y);
      curvatures.push(sy);
    }

    const improvement = value - candidateValue;
    [x, candidate] = [candidate, x];
    [gradient, candidateGradient] = [candidateGradient, gradient];
    value = candidateValue;
    if (improvement <= relativeTolerance * Math.max(1, Math.abs(value))) {
      iteration++;
      break;
    }
  }
  return { x, value, iterations: iteration, evaluations };
}
