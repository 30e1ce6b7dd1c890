/**
 * The topic library: every topic file loaded and checked once at start-up, then answered from memory
 * for /explain (resolve, text, related), its autocomplete, and /ask's full-text search.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChoiceIndex, MAX_CHOICES, suggestTopics, type Choice, type ChoiceIndex } from './autocomplete.js';
import type { Level } from './levels.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { parseTopic, type Topic } from './topic.js';
import { TopicSearch, type SearchHit } from './topic-search.js';
import { compactKey } from './words.js';

export type { Topic } from './topic.js';
export type { Choice } from './autocomplete.js';
export type { SearchHit } from './topic-search.js';

/** Resolved from the package, not the working directory, so the bot finds its topics from anywhere. */
export const DEFAULT_TOPICS_DIR = join(PACKAGE_ROOT, 'content/topics/');

export class TopicLoadError extends Error {
  override readonly name = 'TopicLoadError';
  constructor(
    readonly dir: string,
    /** One line per problem, each starting with the file it is in. */
    readonly problems: readonly string[],
  ) {
    super(`The topics in ${dir} have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

export interface TopicLibrary {
  /** Every topic, most useful first (the ones most other topics point to). */
  all(): readonly Topic[];
  get(slug: string): Topic | undefined;
  /** The topic a person means by a slug, title or alias, ignoring case and punctuation. */
  resolve(text: string): Topic | undefined;
  /** A topic's text at one level; throws for an unknown slug. */
  text(slug: string, level: Level): string;
  /** The topics a topic points to, in its own order. */
  related(slug: string): Topic[];
  /** Up to 25 suggestions for a partly typed topic name. */
  autocomplete(query: string): Choice[];
  /** Topics that answer a free-text question, best first; [] when nothing matches. */
  ask(question: string, limit?: number): SearchHit[];
}

/** Reads and checks every `*.md` in `dir`; throws TopicLoadError listing all problems at once. */
export function loadTopicLibrary(dir: string = DEFAULT_TOPICS_DIR): TopicLibrary {
  if (!existsSync(dir)) throw new TopicLoadError(dir, [`the folder ${dir} does not exist`]);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new TopicLoadError(dir, [`there are no .md topic files in ${dir}`]);

  const problems: string[] = [];
  const topics: Topic[] = [];
  for (const file of files) {
    const result = parseTopic(file.slice(0, -'.md'.length), readFileSync(join(dir, file), 'utf8'));
    if (result.ok) topics.push(result.topic);
    else problems.push(...result.problems.map((problem) => `${file}: ${problem}`));
  }
  problems.push(...crossCheck(topics, new Set(files.map((file) => file.slice(0, -'.md'.length)))));
  if (problems.length > 0) throw new TopicLoadError(dir, problems);
  return createTopicLibrary(topics);
}

/** Problems between files: links to topics that do not exist. */
function crossCheck(topics: readonly Topic[], slugs: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const topic of topics) {
    const file = `${topic.slug}.md`;
    const seen = new Set<string>();
    for (const related of topic.related) {
      if (related === topic.slug) problems.push(`${file}: related lists the topic itself`);
      else if (!slugs.has(related)) problems.push(`${file}: related topic "${related}" does not exist (there is no ${related}.md)`);
      if (seen.has(related)) problems.push(`${file}: related lists "${related}" twice`);
      seen.add(related);
    }
  }
  return problems;
}

/** A library over topics already parsed and checked (the loader's job). */
export function createTopicLibrary(topics: readonly Topic[]): TopicLibrary {
  // "Most useful" = most linked to: the hub ideas others build on come first when nothing is typed.
  const inbound = new Map<string, number>();
  for (const topic of topics) for (const slug of topic.related) inbound.set(slug, (inbound.get(slug) ?? 0) + 1);
  const byUsefulness = [...topics].sort(
    (a, b) => (inbound.get(b.slug) ?? 0) - (inbound.get(a.slug) ?? 0) || a.title.localeCompare(b.title, 'en'),
  );

  const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  // Slugs first, then titles, then aliases, so a slug always means its own topic; a name two topics
  // share goes to the more useful one (the content test keeps names unique).
  const byName = new Map<string, Topic>();
  for (const names of [(t: Topic) => [t.slug], (t: Topic) => [t.title], (t: Topic) => t.aliases]) {
    for (const topic of byUsefulness) {
      for (const name of names(topic)) {
        const key = compactKey(name);
        if (key && !byName.has(key)) byName.set(key, topic);
      }
    }
  }
  const choices: ChoiceIndex[] = buildChoiceIndex(byUsefulness);
  const search = new TopicSearch(byUsefulness);

  const mustGet = (slug: string): Topic => {
    const topic = bySlug.get(slug);
    if (!topic) throw new RangeError(`No topic "${slug}"`);
    return topic;
  };

  return {
    all: () => byUsefulness,
    get: (slug) => bySlug.get(slug),
    resolve: (text) => bySlug.get(text) ?? byName.get(compactKey(text)),
    text: (slug, level) => mustGet(slug).levels[level],
    related: (slug) => (bySlug.get(slug)?.related ?? []).flatMap((r) => bySlug.get(r) ?? []),
    autocomplete: (query) => suggestTopics(choices, query, MAX_CHOICES),
    ask: (question, limit = 5) => search.search(question, limit),
  };
}
