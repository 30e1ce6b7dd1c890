/**
 * The reveal part of the end-of-game message, front-end neutral: the hidden answer and the race table as
 * embed fields, a one-line summary, and the pictures as files with alt text. The /play board embeds it.
 * Every number comes from `reveal()` (which equals `npm run search` replays); nothing is recomputed here.
 */
import type { EmbedFieldView, FileView } from '../../src/command-layer/types.js';
import type { Reveal } from '../../src/games/reveal.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameState } from '../../src/games/types.js';
import { BAKE_FILE_NAMES } from './games/bake-pictures.js';
import { presenterOf } from './games/index.js';
import { LOCK_FILE_NAMES } from './games/lock.js';
import { TRAIN_FILE_NAMES } from './games/train.js';
import { TUNE_FILE_NAMES } from './games/tune.js';
import { revealFields, revealSummary } from './reveal-table.js';

export interface RevealView {
  /** Embed fields (name ≤ 256, value ≤ 1024): the hidden answer, then the race table. */
  fields: EmbedFieldView[];
  /** One line in the learner's words saying what happened. */
  summary: string;
  /** The PNG (and for bake the GIF), each with alt text naming what the picture shows. */
  files: FileView[];
  /** The file to show as the embed image (a PNG). */
  imageFile: string;
}

/**
 * @param computed the game's reveal when the caller already has it (it is the slow part: every strategy
 *   replays the puzzle); computed from the state otherwise.
 */
export function revealView(state: GameState<unknown, unknown>, computed?: Reveal): RevealView {
  const numbers = computed ?? reveal(state);
  if (numbers.game !== state.game || numbers.seed !== state.seed) {
    throw new RangeError(`This reveal is for ${numbers.game} "${numbers.seed}", not ${state.game} "${state.seed}".`);
  }
  const pictures = presenterOf(numbers.game).pictures(numbers);
  return {
    fields: revealFields(numbers),
    summary: revealSummary(numbers),
    files: pictures.files,
    imageFile: pictures.imageFile,
  };
}

export { whyExplanation } from './reveal-why.js';
/** The pictures' file names in the four first games, for the front ends' and tests' convenience. */
export const REVEAL_FILE_NAMES = {
  bakeChart: BAKE_FILE_NAMES.chart,
  bakeBelief: BAKE_FILE_NAMES.belief,
  lockChart: LOCK_FILE_NAMES.chart,
  tuneChart: TUNE_FILE_NAMES.chart,
  trainChart: TRAIN_FILE_NAMES.chart,
  trainCurve: TRAIN_FILE_NAMES.curve,
} as const;
