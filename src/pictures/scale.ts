/** Mapping data values to pixels, and picking tick values a person would choose. */

export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/** Tick step of 1, 2 or 5 times a power of ten giving roughly `count` ticks across the span. */
export function niceStep(span: number, count: number): number {
  const rough = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / magnitude;
  const nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/** Widens [min, max] outwards to whole tick steps and lists the ticks. Degenerate spans get padding. */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    low = 0;
    high = 1;
  }
  if (high - low < 1e-12) {
    const pad = Math.abs(low) > 1e-12 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const niceLow = Math.floor(low / step + 1e-9) * step;
  const niceHigh = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; niceLow + i * step <= niceHigh + step * 1e-9; i++) {
    // Rounding to the step's precision keeps 0.30000000000000004 out of the labels.
    ticks.push(roundToStep(niceLow + i * step, step));
  }
  return { domain: [roundToStep(niceLow, step), roundToStep(niceHigh, step)], ticks };
}

function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  ticks: readonly number[] = [],
): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  return Object.assign(scale, { domain: [d0, d1] as const, ticks });
}

/** A nice linear scale covering the values, with `count` ticks or so. */
export function niceLinearScale(values: readonly number[], range: readonly [number, number], count = 5): Scale {
  const finite = values.filter(Number.isFinite);
  const min = finite.length > 0 ? Math.min(...finite) : 0;
  const max = finite.length > 0 ? Math.max(...finite) : 1;
  const { domain, ticks } = niceDomain(min, max, count);
  return linearScale(domain, range, ticks);
}

/** Base-10 log scale from 1 up to the next power of ten at or above `max`; ticks at the powers. */
export function logScale(max: number, range: readonly [number, number]): Scale {
  const topPower = Math.max(1, Math.ceil(Math.log10(Math.max(max, 10)) - 1e-9));
  const ticks = Array.from({ length: topPower + 1 }, (_, power) => 10 ** power);
  const [r0, r1] = range;
  const scale = ((value: number) => r0 + (Math.log10(Math.max(value, 1)) / topPower) * (r1 - r0)) as Scale;
  return Object.assign(scale, { domain: [1, 10 ** topPower] as const, ticks });
}

/**
 * A number as a reader would write it: at most `significant` significant digits, no trailing zeros,
 * thousands grouped. `decimals` forces a fixed number of decimals instead.
 */
export function formatNumber(value: number, options: { decimals?: number; significant?: number } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  if (options.decimals !== undefined) {
    return value.toLocaleString('en-US', {
      minimumFractionDigits: options.decimals,
      maximumFractionDigits: options.decimals,
    });
  }
  const significant = options.significant ?? 3;
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, significant - 1 - magnitude);
  const rounded = Number(value.toFixed(Math.min(decimals, 12)));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 12) });
}

/** Tick labels: enough decimals to tell neighbouring ticks apart, and no more. */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  let decimals = 0;
  for (let i = 1; i < ticks.length; i++) {
    const step = Math.abs((ticks[i] ?? 0) - (ticks[i - 1] ?? 0));
    if (step > 0) decimals = Math.max(decimals, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  }
  return (value) => formatNumber(value, { decimals: Math.min(decimals, 6) });
}
