/**
 * Custom ids are how a button remembers what it is for, across restarts: `command:action:arg:arg…`.
 * The first part routes to a command module, the second to one of its component handlers, and the rest
 * is that handler's own data, which it parses (and may refuse) before acting.
 */

/** Discord's limit on a custom id's length. */
export const CUSTOM_ID_MAX_LENGTH = 100;

const SEPARATOR = ':';
const PART = /^[A-Za-z0-9_.~-]*$/;

export class CustomIdError extends Error {}

export function encodeCustomId(command: string, action: string, ...args: ReadonlyArray<string | number>): string {
  const parts = [command, action, ...args.map(String)];
  for (const part of parts) {
    if (!PART.test(part)) throw new CustomIdError(`custom id part ${JSON.stringify(part)} has characters outside [A-Za-z0-9_.~-]`);
  }
  const id = parts.join(SEPARATOR);
  if (id.length > CUSTOM_ID_MAX_LENGTH) throw new CustomIdError(`custom id ${id} is longer than ${CUSTOM_ID_MAX_LENGTH}`);
  return id;
}

export interface DecodedCustomId {
  command: string;
  action: string;
  args: string[];
}

/** Undefined for anything that is not one of ours: a forged or garbled id is refused, not thrown on. */
export function decodeCustomId(id: string): DecodedCustomId | undefined {
  if (id.length === 0 || id.length > CUSTOM_ID_MAX_LENGTH) return undefined;
  const [command, action, ...args] = id.split(SEPARATOR);
  if (!command || !action) return undefined;
  if (![command, action, ...args].every((part) => PART.test(part))) return undefined;
  return { command, action, args };
}
