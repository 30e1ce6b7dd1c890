/**
 * Typo distance for /ask. A swap of two neighbouring letters ("dropuot") is one slip when typing, so it
 * counts as one edit here, like a letter added, dropped or changed (optimal string alignment distance).
 */

/** Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (a.length === b.length) {
    const rest = start + 1;
    // One letter changed, or two neighbours swapped.
    if (a.slice(rest) === b.slice(rest)) return true;
    return a[start] === b[rest] && a[rest] === b[start] && a.slice(rest + 1) === b.slice(rest + 1);
  }
  // One letter added or dropped.
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(start) === longer.slice(start + 1);
}
