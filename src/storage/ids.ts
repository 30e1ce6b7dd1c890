import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this would favour the first letters of the alphabet (256 is not a multiple of 62). */
const UNBIASED_LIMIT = 256 - (256 % BASE62.length);

export const GAME_ID_LENGTH = 10;

/** About 59 bits of randomness: safe in a custom id or URL, and not worth guessing. */
export function newGameId(length = GAME_ID_LENGTH): string {
  let id = '';
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT) id += BASE62[byte % BASE62.length];
      if (id.length === length) break;
    }
  }
  return id;
}
