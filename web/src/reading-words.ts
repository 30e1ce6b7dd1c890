/**
 * Any game's readings in its own words, from its rules' readingScale, so a game needs no playground code
 * of its own to be shown: "taste 82", "gold 23.4 g", and the span of a chart's reading axis.
 */
import type { AnyGameRules } from '../../src/games/types.js';
import { formatNumber } from './format.js';

/** A reading in the game's own words: "taste 82", "gold 23.4 g", "held-out accuracy 87.5%". */
export function readingText(rules: AnyGameRules, value: number | null): string {
  if (value === null) return 'failed';
  const { name, unit } = rules.readingScale;
  return `${name} ${formatNumber(value)}${unit === undefined ? '' : unit === '%' ? unit : ` ${unit}`}`;
}

/** The reading's name and unit, for an axis: "gold (g)". */
export function readingLabel(rules: AnyGameRules): string {
  const { name, unit } = rules.readingScale;
  return unit === undefined ? name : `${name} (${unit})`;
}

/**
 * The span of a chart's reading axis: the game's own range, or from zero to a round number above every
 * reading so far (grams vary by puzzle).
 */
export function readingRange(rules: AnyGameRules, values: readonly (number | null)[]): [number, number] {
  if (rules.readingScale.range !== undefined) return [rules.readingScale.range[0], rules.readingScale.range[1]];
  let high = 0;
  for (const value of values) if (value !== null && value > high) high = value;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(high, 1)));
  return [0, Math.max(10, Math.ceil((high * 1.1) / magnitude) * magnitude)];
}
