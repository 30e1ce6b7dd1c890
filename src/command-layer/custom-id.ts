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

// ---- Parsing the arguments of a custom id: each handler says exactly what it takes ----

/** The arguments when there are exactly `count` of them; a forged id with more or fewer is refused. */
export function exactly(args: readonly string[], count: number): readonly string[] | undefined {
  return args.length === count ? args : undefined;
}

/** A Discord user id (a snowflake); anything else is not one of ours. */
export function parseUserId(text: string | undefined): string | undefined {
  return text !== undefined && /^\d{1,20}$/.test(text) ? text : undefined;
}

/** A small whole number written plainly (no sign, exponent, hex or leading zeros) within [min, max]. */
export function parseSmallInt(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^(0|[1-9]\d{0,5})$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** A topic slug as topic files are named: lowercase words joined by hyphens, starting with a letter. */
export function parseSlug(text: string | undefined): string | undefined {
  return text !== undefined && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(text) && text.length <= 64 ? text : undefined;
}
