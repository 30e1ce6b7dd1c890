/**
 * The reveal part of the end-of-game message, front-end neutral: the hidden answer and the race table as
 * embed fields, a one-line summary, and the pictures as files with alt text. The /play board embeds it.
 * Every number comes from `reveal()` (which equals `npm run search` replays); nothing is recomputed here.
 */
import type { EmbedFieldView, FileView } from '../../src/command-layer/types.js';
import type { Reveal } from '../../src/games/reveal.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameState } from '../../src/games/types.js';
import { revealPictures } from './reveal-pictures.js';
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
  const pictures = revealPictures(numbers);
  return {
    fields: revealFields(numbers),
    summary: revealSummary(numbers),
    files: pictures.files,
    imageFile: pictures.imageFile,
  };
}

export { whyExplanation } from './reveal-why.js';
export { REVEAL_FILE_NAMES } from './reveal-pictures.js';
