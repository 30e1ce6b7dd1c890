/**
 * What shape of answer a question asks for. Most questions want one topic; "A vs B", "difference
 * between A and B" and "A or B?" want two things weighed against each other, so /ask shows one and
 * offers the other first instead of burying it among "did you mean" guesses.
 */
import { normaliseWords } from './words.js';

export type QuestionIntent = { readonly kind: 'compare'; readonly sides: readonly [string, string] } | { readonly kind: 'single' };

const BETWEEN = /\bdifferences? between (.+?) and (.+)$/;
const VERSUS = /^(.+?) (?:vs|versus|or|compared to|compared with|against|better than) (.+)$/;
/** Words around a comparison that belong to neither side ("which is better", "should i use"). */
const FRAMING = /^(?:(?:what|whats|which|is|are|should|do|does|i|we|use|the|a|an|better|best|one|to)\s+)+|(?:\s+(?:which|what|is|are|better|best|one|to|use|for|me|it|worth|more|faster|good|when))+$/g;

export function questionIntent(question: string): QuestionIntent {
  const text = normaliseWords(question);
  const match = BETWEEN.exec(text) ?? VERSUS.exec(text);
  if (!match) return { kind: 'single' };
  const [first, second] = [match[1] ?? '', match[2] ?? ''].map((side) => side.replace(FRAMING, '').trim());
  return first && second ? { kind: 'compare', sides: [first, second] } : { kind: 'single' };
}
