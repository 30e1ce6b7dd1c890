/** Numbers as the playground writes them: three significant digits, exponents only for the very small or large. */
export function formatNumber(value: number): string {
  if (value !== 0 && (Math.abs(value) < 0.01 || Math.abs(value) >= 10_000)) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/** "12.5 g", or the bare number when there is no unit. */
export function withUnit(value: number, unit: string | undefined): string {
  return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}
