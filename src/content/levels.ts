/** The five depths every topic is written at, from a kitchen analogy to the research papers. */

export type Level = 1 | 2 | 3 | 4 | 5;

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** "for a teenager", "for an ML expert": the article goes by sound, not spelling, so each is written out. */
export const FOR_LEVEL: Readonly<Record<Level, string>> = {
  1: 'for a five-year-old',
  2: 'for a teenager',
  3: 'for a non-expert adult',
  4: 'for a computer-science student',
  5: 'for an ML expert',
};

/** A grown-up who is not an expert: the level that fits most people who have not said otherwise. */
export const DEFAULT_LEVEL: Level = 3;

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
