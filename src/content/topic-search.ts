/**
 * Full-text search for /ask: a question in anyone's words finds the topics that answer it. Titles and
 * aliases weigh most, then the summary, then the five levels' text; matching is fuzzy and by prefix
 * over lightly stemmed words, so "scaling" finds "scale" and "lerning" finds "learning".
 */
import MiniSearch from 'minisearch';
import { LEVELS } from './levels.js';
import type { Topic } from './topic.js';
import { lightStem, normaliseWords, STOP_WORDS } from './words.js';

export interface SearchHit {
  readonly topic: Topic;
  readonly score: number;
}

interface TopicDocument {
  readonly slug: string;
  readonly title: string;
  readonly aliases: string;
  readonly summary: string;
  readonly text: string;
}

export const FIELD_BOOST = { title: 4, aliases: 3, summary: 2, text: 1 } as const;
/** A question that names a topic outright ("…learning rate…") is most likely about that topic. */
export const NAMED_TOPIC_BOOST = 2;

function tokenize(text: string): string[] {
  return normaliseWords(text).split(' ').filter(Boolean);
}

function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : lightStem(term);
}

/** Words stemmed but none dropped, space-padded, for finding a name as a phrase inside a question. */
function phraseKey(text: string): string {
  return ` ${tokenize(text).map(lightStem).join(' ')} `;
}

function distinctWords(text: string): string {
  return [...new Set(tokenize(text).map((word) => processTerm(word) ?? ''))].join(' ');
}

export class TopicSearch {
  readonly #index: MiniSearch<TopicDocument>;
  readonly #topics: ReadonlyMap<string, Topic>;
  readonly #names: ReadonlyMap<string, readonly string[]>;

  constructor(topics: readonly Topic[]) {
    this.#topics = new Map(topics.map((topic) => [topic.slug, topic]));
    this.#names = new Map(
      topics.map((topic) => [topic.slug, [topic.title, topic.slug, ...topic.aliases].map(phraseKey).filter((key) => key.trim() !== '')]),
    );
    this.#index = new MiniSearch<TopicDocument>({
      idField: 'slug',
      fields: ['title', 'aliases', 'summary', 'text'],
      tokenize,
      processTerm,
      searchOptions: {
        boost: FIELD_BOOST,
        combineWith: 'OR',
        // Short words are too easily one typo from another ("lr" → "l2"); long ones forgive a slip.
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        prefix: (term) => term.length >= 3,
      },
    });
    this.#index.addAll(
      topics.map((topic) => ({
        slug: topic.slug,
        // The slug's words count as title words: "svm-c-and-gamma" should be found by "svm". Names are
        // indexed as sets of words so a topic with many similar aliases ("learning rate warm-up",
        // "learning rate decay") does not outscore the topic that is simply called "learning rate".
        title: distinctWords(`${topic.title} ${topic.slug}`),
        aliases: distinctWords(topic.aliases.join(' ')),
        summary: topic.summary,
        text: LEVELS.map((level) => topic.levels[level]).join('\n\n'),
      })),
    );
  }

  /** Best first; [] when nothing in the question matches any topic. */
  search(question: string, limit = 5): SearchHit[] {
    if (limit <= 0) return [];
    const asked = phraseKey(question);
    const hits: SearchHit[] = [];
    for (const result of this.#index.search(question)) {
      const topic = this.#topics.get(String(result.id));
      if (!topic) continue;
      const named = this.#names.get(topic.slug)?.some((name) => asked.includes(name)) ?? false;
      hits.push({ topic, score: named ? result.score * NAMED_TOPIC_BOOST : result.score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
