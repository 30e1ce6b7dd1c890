import type { AppServices } from '../../src/command-layer/types.js';
import { DEFAULT_LEVEL, isLevel, type Level } from '../../src/content/levels.js';

/** The level to answer at: the one asked for, else the person's saved level, else the default. */
export async function levelFor(app: AppServices, userId: string, asked: unknown): Promise<Level> {
  if (isLevel(asked)) return asked;
  return (await app.storage.preferences.getLevel(userId)) ?? DEFAULT_LEVEL;
}

/** The `level` option's choices, shared by every command that takes one. */
export const LEVEL_CHOICES = [
  { name: '1 · five-year-old', value: 1 },
  { name: '2 · teenager', value: 2 },
  { name: '3 · non-expert adult', value: 3 },
  { name: '4 · computer-science student', value: 4 },
  { name: '5 · machine-learning expert', value: 5 },
] as const;
