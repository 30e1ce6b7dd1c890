/**
 * One topic file: YAML front matter and five `## Level N` sections (the format is in content/README.md).
 * Parsing reports every problem it finds, each in words a topic writer can act on.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { GAME_IDS, type GameId } from '../games/types.js';
import { LEVELS, type Level } from './levels.js';

export interface Topic {
  /** The file name without `.md`: what people type after /explain. */
  readonly slug: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** How people describe the problem this topic solves ("loss is nan", "great on train, bad on test"). */
  readonly symptoms: readonly string[];
  /** One line, at most 100 characters, for menus and autocomplete. */
  readonly summary: string;
  readonly related: readonly string[];
  /** The game that lets people play with the idea, if there is one. */
  readonly game?: GameId;
  readonly levels: Readonly<Record<Level, string>>;
}

/** Each level must fit one Discord embed with room for a title, preface and game hint. */
export const MAX_LEVEL_LENGTH = 3000;
export const MAX_SUMMARY_LENGTH = 100;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, {
  error: (issue) => `"${String(issue.input)}" is not a topic slug (lower-case words joined by hyphens)`,
});

/** A list of short phrases people type (aliases, symptoms); messages name the kind of phrase. */
function phraseList(one: 'an alias' | 'a symptom') {
  const noun = one.slice(one.indexOf(' ') + 1);
  return z
    .array(
      z
        .string({ error: `each ${noun} must be text; quote it if YAML reads it as a number` })
        .trim()
        .min(1, { error: `${one} is empty` })
        .max(100, { error: `${one} is over 100 characters` }),
    )
    .default([]);
}

const frontMatterSchema = z.strictObject(
  {
    title: z
      .string({ error: 'title is required (a short heading, such as "Learning rate")' })
      .trim()
      .min(1, { error: 'title is empty' })
      .max(256, { error: 'title is over 256 characters, more than an embed title holds' }),
    aliases: phraseList('an alias'),
    symptoms: phraseList('a symptom'),
    summary: z
      .string({ error: 'summary is required (one line shown in menus)' })
      .trim()
      .min(1, { error: 'summary is empty' })
      .max(MAX_SUMMARY_LENGTH, { error: (issue) => `summary is ${String((issue.input as string).length)} characters; keep it to ${MAX_SUMMARY_LENGTH}` }),
    related: z.array(slug).default([]),
    game: z
      .enum(GAME_IDS as [GameId, ...GameId[]], {
        error: (issue) => `game "${String(issue.input)}" is not one of ${GAME_IDS.join(', ')}`,
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown front-matter field ${issue.keys.join(', ')}` : 'the front matter must be a YAML mapping',
  },
);

export type TopicParseResult = { ok: true; topic: Topic } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)([\s\S]*)$/;
const SECTION_HEADING = /^##[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const LEVEL_HEADING = /^Level[ \t]+(\d+)$/i;

/** Parses one topic file's text. `slugFromName` is its file name without `.md`. */
export function parseTopic(slugFromName: string, source: string): TopicParseResult {
  const problems: string[] = [];
  if (!SLUG_PATTERN.test(slugFromName)) {
    problems.push(`the file name "${slugFromName}.md" is not a slug: use lower-case words joined by hyphens`);
  }
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parts = FRONT_MATTER.exec(text);
  if (!parts) {
    return { ok: false, problems: [...problems, 'the file must start with YAML front matter between two "---" lines'] };
  }
  const [, yamlText = '', body = ''] = parts;

  let frontMatter: z.infer<typeof frontMatterSchema> | undefined;
  try {
    const parsed = frontMatterSchema.safeParse(parseYaml(yamlText));
    if (parsed.success) frontMatter = parsed.data;
    else problems.push(...parsed.error.issues.map(describeIssue));
  } catch (error) {
    problems.push(`the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }

  const levels = parseLevels(body, problems);
  if (problems.length > 0 || !frontMatter || !levels) return { ok: false, problems };
  return {
    ok: true,
    topic: {
      slug: slugFromName,
      title: frontMatter.title,
      aliases: frontMatter.aliases,
      symptoms: frontMatter.symptoms,
      summary: frontMatter.summary,
      related: frontMatter.related,
      ...(frontMatter.game !== undefined && { game: frontMatter.game }),
      levels,
    },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  // Messages written above already name their field; zod's built-in ones need it prefixed.
  return field && !issue.message.startsWith(String(issue.path[0])) ? `${field}: ${issue.message}` : issue.message;
}

function parseLevels(body: string, problems: string[]): Record<Level, string> | undefined {
  const sections: { heading: string; lines: string[] }[] = [];
  const preamble: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : SECTION_HEADING.exec(line);
    if (heading) sections.push({ heading: heading[1] ?? '', lines: [] });
    else (sections.at(-1)?.lines ?? preamble).push(line);
  }
  if (preamble.join('').trim() !== '') problems.push('there is text before "## Level 1": every line of the body belongs under a level heading');

  const found = new Map<Level, string>();
  let previous = 0;
  for (const { heading, lines } of sections) {
    const number = Number(LEVEL_HEADING.exec(heading)?.[1]);
    if (!Number.isInteger(number) || number < 1 || number > 5) {
      problems.push(`unexpected heading "## ${heading}": the body has only "## Level 1" … "## Level 5" (use ### inside a level)`);
      continue;
    }
    const level = number as Level;
    if (found.has(level)) {
      problems.push(`"## Level ${level}" appears twice`);
      continue;
    }
    // A level that skips ahead is reported as missing below; one that goes back is out of order.
    if (level < previous) problems.push(`levels are out of order: "## Level ${level}" comes after "## Level ${previous}"`);
    previous = level;
    const content = lines.join('\n').trim();
    if (content === '') problems.push(`Level ${level} is empty`);
    if (content.length > MAX_LEVEL_LENGTH) {
      problems.push(`Level ${level} is ${content.length} characters; the limit is ${MAX_LEVEL_LENGTH} so it fits one Discord embed`);
    }
    found.set(level, content);
  }
  const missing = LEVELS.filter((level) => !found.has(level));
  if (missing.length > 0) problems.push(`missing ${missing.map((l) => `"## Level ${l}"`).join(', ')}: every topic has all five levels`);
  if (missing.length > 0) return undefined;
  return Object.fromEntries(LEVELS.map((level) => [level, found.get(level) ?? ''])) as Record<Level, string>;
}
