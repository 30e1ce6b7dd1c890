/**
 * Flesch–Kincaid grade of a topic section, as the content test measures it.
 * Markdown syntax is stripped first so that asterisks and link targets do not count as words.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~>|]/g, ' ');
}

export interface ReadabilityCounts extends Record<string, number> {
  sentence: number;
  word: number;
  syllable: number;
}

export function countText(markdown: string): ReadabilityCounts {
  const text = plainText(markdown);
  // A list item or line without final punctuation still ends a sentence for a reader.
  const sentences = text
    .split(/[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*\S)/)
    .filter((s) => /[A-Za-z0-9]/.test(s));
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  return { sentence: sentences.length, word: words.length, syllable: syllables };
}

export function gradeLevel(markdown: string): number {
  return fleschKincaid(countText(markdown));
}

/** Highest US grade each level may read at; levels 4 and 5 are technical and have no cap. */
export const GRADE_CAP: Readonly<Record<number, number>> = { 1: 4, 2: 7, 3: 10 };

// `npx tsx test/support/readability.ts content/topics/x.md` prints each level's grade while writing.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const { readFileSync } = await import('node:fs');
  for (const file of process.argv.slice(2)) {
    const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const sections = body.split(/^## Level (\d)\s*$/m);
    for (let i = 1; i < sections.length; i += 2) {
      const level = Number(sections[i]);
      const text = sections[i + 1] ?? '';
      const grade = gradeLevel(text);
      const cap = GRADE_CAP[level];
      const flag = cap !== undefined && grade > cap ? `  ABOVE CAP ${cap}` : '';
      console.log(`${file} level ${level}: grade ${grade.toFixed(1)}, ${text.trim().length} chars${flag}`);
    }
  }
}
