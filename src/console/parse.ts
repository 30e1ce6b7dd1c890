/**
 * Reads a typed slash command the way Discord's command bar would take it:
 * `/explain topic:learning-rate level:2`, `/ask question:"why a log scale?"`, `/settings set daily-time:09:00`.
 */

export interface TypedCommand {
  command: string;
  subcommand: string | null;
  options: Record<string, string>;
}

export class ParseError extends Error {}

/** Splits on spaces, keeping "quoted text" (and name:"quoted text") together. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === '“' || char === '”') {
      quote = char === '“' ? '”' : char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) throw new ParseError('A quote is not closed. Put the closing " at the end of the text.');
  if (started) tokens.push(current);
  return tokens;
}

const OPTION = /^([a-z0-9_-]+):(.*)$/s;

export function parseCommandLine(line: string): TypedCommand {
  const tokens = tokenize(line.trim());
  const head = tokens.shift();
  if (!head?.startsWith('/') || head.length < 2) throw new ParseError('Commands start with a slash, like /help.');
  const command = head.slice(1).toLowerCase();
  let subcommand: string | null = null;
  const options: Record<string, string> = {};
  let last: string | null = null;
  for (const token of tokens) {
    const match = OPTION.exec(token);
    if (match?.[1] !== undefined) {
      last = match[1];
      options[last] = match[2] ?? '';
    } else if (last) {
      // Unquoted words after an option belong to it, as they would in Discord's text box.
      options[last] = `${options[last]} ${token}`;
    } else if (!subcommand) {
      subcommand = token.toLowerCase();
    } else {
      throw new ParseError(`I did not understand “${token}”. Options look like name:value.`);
    }
  }
  return { command, subcommand, options };
}
