/**
 * Replay links: `/replay/<token>`, where the token names a finished game and carries its own expiry,
 * signed with a key only the server knows (HMAC-SHA256). Nobody can make a token for a game they were
 * not shown, or stretch one past its 30 days, and a forged or altered token is refused whole.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerSecretStore } from '../storage/types.js';

export const REPLAY_LINK_DAYS = 30;
const DAY_MS = 86_400_000;
/** The name of the generated key in the server's secret store. */
export const REPLAY_KEY_NAME = 'replay-link-key';
/** 128 bits of HMAC: unguessable, and short enough for a link. */
const SIGNATURE_BYTES = 16;
const TOKEN_PATTERN = /^([0-9A-Za-z]{10})\.([0-9a-z]{1,9})\.([A-Za-z0-9_-]{22})$/;

export type ReplayTokenCheck =
  | { readonly ok: true; readonly gameId: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

export interface ReplayLinks {
  /** A token for this game, valid for 30 days from `now`. */
  sign(gameId: string, now: Date): string;
  check(token: string, now: Date): ReplayTokenCheck;
}

export function replayLinks(key: string): ReplayLinks {
  if (key.length === 0) throw new RangeError('The replay link key is empty');
  const signature = (gameId: string, expires: string) =>
    createHmac('sha256', key).update(`replay\u0000${gameId}\u0000${expires}`).digest().subarray(0, SIGNATURE_BYTES);
  return {
    sign(gameId, now) {
      // Whole seconds in base 36 keep the link short.
      const expires = Math.floor((now.getTime() + REPLAY_LINK_DAYS * DAY_MS) / 1000).toString(36);
      return `${gameId}.${expires}.${signature(gameId, expires).toString('base64url')}`;
    },
    check(token, now) {
      const match = TOKEN_PATTERN.exec(token);
      if (!match) return { ok: false, reason: 'malformed' };
      const [, gameId = '', expires = '', given = ''] = match;
      const expected = signature(gameId, expires);
      const received = Buffer.from(given, 'base64url');
      if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'forged' };
      const expiresAt = new Date(parseInt(expires, 36) * 1000);
      if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, gameId, expiresAt };
    },
  };
}

/** The server's replay key: generated once and kept in the database, so links survive restarts. */
export async function replayLinkKey(secrets: ServerSecretStore): Promise<string> {
  return secrets.getOrCreate(REPLAY_KEY_NAME, randomBytes(32).toString('hex'));
}
