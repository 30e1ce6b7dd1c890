/** What every chart function hands back, and the rules for its alt text. */

export interface ChartImage {
  readonly png: Buffer;
  /** Words for Discord's attachment description: what the picture shows, with the key numbers. */
  readonly altText: string;
  /** The SVG the PNG was rasterised from, for debugging and for tests that look at the markup. */
  readonly svg?: string;
}

/** Discord's limit on an attachment description. */
export const ALT_TEXT_LIMIT = 1000;

/**
 * Joins sentences in priority order, dropping whole sentences from the end once the limit would be
 * passed, so the text never stops mid-number.
 */
export function altTextFrom(sentences: readonly string[], limit = ALT_TEXT_LIMIT): string {
  let out = '';
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed === '') continue;
    const next = out === '' ? trimmed : `${out} ${trimmed}`;
    if (next.length > limit) break;
    out = next;
  }
  if (out === '' && sentences.length > 0) {
    const first = sentences[0]?.trim() ?? '';
    out = first.length > limit ? `${first.slice(0, limit - 1)}…` : first;
  }
  return out;
}

/** "a, b and c": how alt text lists things. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "Your" for the player's default label "You", "Random search's" otherwise. */
export function possessive(label: string): string {
  return label === 'You' ? 'Your' : `${label}'s`;
}

/** "1 try", "3 tries": `plural` defaults to the word plus s. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
