/**
 * Discord's markdown and mentions as terminal text: what a person reading Discord would see, without
 * the syntax. `**bold**` becomes bold (or plain text without colours), `<@123>` a name, `<t:…:R>` "in 5
 * minutes", code keeps its text exactly, and a backslash-escaped character is shown as itself.
 */
import type { Style } from './render.js';

/** Names the console knows for the ids in mentions. */
export interface MentionNames {
  person(id: string): string;
  channel(id: string): string;
}

export interface MarkdownContext {
  style: Style;
  names: MentionNames;
  now: () => Date;
}

// Private-use characters never appear in our text: they mark where protected pieces go back in.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

export function renderMarkdown(text: string, context: MarkdownContext): string {
  const { style } = context;
  const kept: string[] = [];
  const keep = (piece: string) => `${OPEN}${kept.push(piece) - 1}${CLOSE}`;

  // Escapes and code in one left-to-right pass: an escaped backtick opens no code, and nothing inside code is
  // markup. A fence without its closing fence is plain text, as on Discord.
  let out = text.replace(
    /\\([^\sA-Za-z0-9])|```(?:[\w+-]*\n)?([\s\S]*?)\n?```|``([^`]+?)``|`([^`\n]+?)`/g,
    (_m, escaped?: string, block?: string, double?: string, single?: string) => keep(escaped ?? block ?? double ?? single ?? ''),
  );

  out = out
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_m, seconds: string, format?: string) => keep(timestamp(Number(seconds), format ?? 'f', context.now())))
    .replace(/<@!?(\d+)>/g, (_m, id: string) => keep(`@${context.names.person(id)}`))
    .replace(/<@&(\d+)>/g, () => keep('@role'))
    .replace(/<#(\d+)>/g, (_m, id: string) => keep(`#${context.names.channel(id)}`))
    .replace(/<a?(:\w+:)\d+>/g, (_m, name: string) => keep(name))
    .replace(/<(https?:\/\/[^\s>]+)>/g, (_m, url: string) => keep(url))
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => `${label} (${keep(url)})`);

  out = quoteAndHeadings(out, style);

  out = out
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, (_m, inner: string) => style.bold(inner))
    .replace(/__(?=\S)([\s\S]*?\S)__/g, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\|\|(?=\S)([\s\S]*?\S)\|\|/g, '$1')
    .replace(/\*(?=[^\s*])([^*\n]*?[^\s*])\*/g, '$1')
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, '$1$2');

  // Twice: a kept piece (a link's label) may hold another.
  for (let i = 0; i < 2; i++) out = out.replace(PLACEHOLDER, (_m, index: string) => kept[Number(index)] ?? '');
  return out;
}

/** `> quote`, `>>> rest of the message`, `# heading` and `-# small print`, line by line. */
function quoteAndHeadings(text: string, style: Style): string {
  const lines = text.split('\n');
  let quoteRest = false;
  return lines
    .map((line) => {
      if (quoteRest) return `│ ${line}`;
      const rest = /^>>> ?(.*)$/.exec(line);
      if (rest) {
        quoteRest = true;
        return `│ ${rest[1] ?? ''}`;
      }
      const quote = /^> ?(.*)$/.exec(line);
      if (quote) return `│ ${quote[1] ?? ''}`;
      const heading = /^#{1,3} (.*)$/.exec(line);
      if (heading) return style.bold(heading[1] ?? '');
      const small = /^-# (.*)$/.exec(line);
      if (small) return style.dim(small[1] ?? '');
      return line;
    })
    .join('\n');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A Discord timestamp in the reader's words: "in 5 minutes", or a date and time in the local zone. */
export function timestamp(seconds: number, format: string, now: Date): string {
  const date = new Date(seconds * 1000);
  if (format === 'R') {
    const diff = seconds - now.getTime() / 1000;
    const [unit, size] = UNITS.find(([, s]) => Math.abs(diff) >= s) ?? ['second', 1];
    return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(Math.round(diff / size), unit);
  }
  const options: Record<string, Intl.DateTimeFormatOptions> = {
    t: { timeStyle: 'short' },
    T: { timeStyle: 'medium' },
    d: { dateStyle: 'short' },
    D: { dateStyle: 'long' },
    f: { dateStyle: 'long', timeStyle: 'short' },
    F: { dateStyle: 'full', timeStyle: 'short' },
  };
  return new Intl.DateTimeFormat('en-GB', options[format] ?? options.f).format(date);
}
