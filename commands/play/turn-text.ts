/**
 * Numbers as people write them, the same on the board, in the race and in the reveal. What each game's
 * moves are called and how they read lives in its presenter (games/).
 */

/**
 * 0.003, 0.000152, 12.5, 250: whole numbers stay whole; others keep three significant digits, so settings
 * copied from the reveal train the same model.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}
