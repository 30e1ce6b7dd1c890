/** A game's state as stored in its text column. */
export function toJson(state: unknown): string {
  // undefined would vanish from the row; store it as JSON null so the column is never empty.
  return JSON.stringify(state ?? null);
}
