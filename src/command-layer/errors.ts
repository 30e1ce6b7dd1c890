/**
 * One place where failures become what a user reads.
 * A UserError is the user's to fix (a bad option, a stale button): they see its message, privately.
 * Anything else is ours: they see an apology with a short id that also appears in the log.
 */
import { randomBytes } from 'node:crypto';
import type { CommandResponse } from './types.js';
import { privateNote } from './types.js';

export class UserError extends Error {
  /** Optional full answer (e.g. the current board) instead of a bare message. */
  readonly response?: CommandResponse;
  /** The modal field whose answer was refused, when one was. */
  readonly field?: string;
  constructor(message: string, response?: CommandResponse, field?: string) {
    super(message);
    this.name = 'UserError';
    this.response = response;
    this.field = field;
  }
}

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apology(errorId: string): CommandResponse {
  return privateNote(
    `Sorry, something went wrong on our side and nothing was changed. ` +
      `If it keeps happening, tell the bot's keepers this error id: \`${errorId}\`.`,
  );
}

export function userErrorResponse(error: UserError): CommandResponse {
  if (error.response) return error.response;
  const note = privateNote(error.message);
  return error.field && note.kind === 'reply' ? { ...note, invalidField: error.field } : note;
}
