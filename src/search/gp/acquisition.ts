/**
 * Expected improvement and its logarithm. Plain EI underflows to exactly 0 a few standard
 * deviations away from the incumbent, which leaves the acquisition optimiser on a flat plateau;
 * log-EI (Ament et al., 2023) stays finite and informative there. Everything here is for
 * minimisation in the model's standardised units: improvement = best − f.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT2 = Math.SQRT2;

/** erf(x) by its Maclaurin series; accurate to ~1e-15 for |x| ≤ 2.5. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= -x2 / n;
    const contribution = term / (2 * n + 1);
    sum += contribution;
    if (Math.abs(contribution) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

/**
 * c(t) = 1/(t + 2/(t + 3/(t + 4/(t + …)))), evaluated backwards, for t ≥ 3. It ties the Mills ratio
 * R(t) = Φ(−t)/φ(t) = 1/(t + c(t)) to the quantities log-EI needs without cancellation.
 */
function millsTail(t: number): number {
  const terms = t > 10 ? 40 : 120;
  let tail = t;
  for (let k = terms; k >= 2; k--) tail = t + k / tail;
  return 1 / tail;
}

/** Mills ratio R(t) = Φ(−t)/φ(t) for t ≥ 0. */
function millsRatio(t: number): number {
  if (t >= 3) return 1 / (t + millsTail(t));
  // Φ(−t) = ½·erfc(t/√2), with erfc from the series: fine for t/√2 < 2.2.
  return (0.5 * (1 - erfSeries(t / SQRT2))) / normalPdf(t);
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  if (z >= 0) return 1 - normalPdf(z) * millsRatio(z);
  return normalPdf(z) * millsRatio(-z);
}

/**
 * h(z) = φ(z) + z·Φ(z), so that EI = σ·h((best − μ)/σ). For z < 0, h(z) = φ(z)·(1 − t·R(t)) with
 * t = −z, and 1 − t·R(t) = c/(t + c) for t ≥ 3, which never cancels.
 */
function logH(z: number): number {
  if (z >= -3) {
    if (z >= 0) return Math.log(normalPdf(z) + z * normalCdf(z));
    const t = -z;
    return Math.log(normalPdf(z)) + Math.log(1 - t * millsRatio(t));
  }
  const t = -z;
  const c = millsTail(t);
  return -0.5 * z * z - LOG_SQRT_2PI + Math.log(c / (t + c));
}

/** d log h / dz = Φ(z)/h(z); for z < −3 this is exactly 1/c(−z). */
function logHSlope(z: number): number {
  if (z >= -3) return normalCdf(z) / (normalPdf(z) + z * normalCdf(z));
  return 1 / millsTail(-z);
}

/** EI for minimisation: E[max(best − f, 0)] with f ~ N(mean, sd²). Underflows to 0 far from best. */
export function expectedImprovement(mean: number, sd: number, best: number): number {
  if (!(sd > 0)) return Math.max(best - mean, 0);
  const z = (best - mean) / sd;
  return sd * (normalPdf(z) + z * normalCdf(z));
}

/** log EI, finite for every finite z (≈ −z²/2 − 2·log|z| as z → −∞). −∞ only when sd is 0 and there is no improvement. */
export function logExpectedImprovement(mean: number, sd: number, best: number): number {
  if (!(sd > 0)) return Math.log(Math.max(best - mean, 0));
  return Math.log(sd) + logH((best - mean) / sd);
}

/**
 * log EI and its partial derivatives in the mean and the variance, which the acquisition optimiser
 * chains with the model's gradients.
 */
export function logExpectedImprovementWithSlopes(
  mean: number,
  variance: number,
  best: number,
): { value: number; slopeInMean: number; slopeInVariance: number } {
  const sd = Math.sqrt(variance);
  const z = (best - mean) / sd;
  const g = logHSlope(z);
  // log EI = log σ + log h(z), z = (best − μ)/σ; ∂σ/∂v = 1/(2σ).
  const slopeInSd = 1 / sd - (g * z) / sd;
  return { value: Math.log(sd) + logH(z), slopeInMean: -g / sd, slopeInVariance: slopeInSd / (2 * sd) };
}
