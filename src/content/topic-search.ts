/**
 * Full-text search for /ask: a question in anyone's words finds the topics that answer it. Names
 * (title, slug, aliases) and symptoms weigh most, then the summary, then the five levels' text; words
 * are lightly stemmed, so "scaling" finds "scale".
 *
 * People describe symptoms in everyday words ("my loss explodes", "great on train, trash on test"), so
 * three things keep common words from deciding the answer:
 * - a word counts by how rare it is across whole topics, not within one field: "train" is in a title
 *   once but in nearly every topic's text, so it says little about which topic is meant;
 * - only words the topics never use are corrected (one edit, a swap of two letters included), so
 *   "explode" never turns into "explore" and "dropuot" still finds "dropout";
 * - every hit carries how much of the question it covers, so a weak best match is offered as a guess,
 *   not answered as if it were the topic.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { LEVELS } from './levels.js';
import { editDistanceAtMostOne } from './spelling.js';
import type { Topic } from './topic.js';
import { lightStem, normaliseWords, STOP_WORDS } from './words.js';

export interface SearchHit {
  readonly topic: Topic;
  readonly score: number;
  /**
   * How much of the question this topic answers, 0–1: the share of the question's weight (rare words
   * weigh more) found in the topic, counted fully in its names and symptoms and partly in its text.
   * A question that names the topic or one of its symptoms outright counts as 1.
   */
  readonly coverage: number;
}

/** Below half the question's weight a best hit is a guess: /ask says so and offers the closest topics. */
export const CONFIDENT_COVERAGE = 0.5;

interface TopicDocument {
  readonly slug: string;
  readonly title: string;
  readonly aliases: string;
  readonly symptoms: string;
  readonly summary: string;
  readonly text: string;
}

type Field = Exclude<keyof TopicDocument, 'slug'>;

const FIELDS: readonly Field[] = ['title', 'aliases', 'symptoms', 'summary', 'text'];
export const FIELD_BOOST: Readonly<Record<Field, number>> = { title: 4, aliases: 3, symptoms: 3, summary: 2, text: 1 };
/** How strongly a word found in a field says the topic is about it (for coverage). */
const FIELD_STRENGTH: Readonly<Record<Field, number>> = { title: 1, aliases: 1, symptoms: 1, summary: 0.7, text: 0.35 };
/** A question that names a topic outright ("…learning rate…") is most likely about that topic. */
export const NAMED_TOPIC_BOOST = 2;
/** A question that describes a topic's symptom outright is about the problem, more than any name it drops. */
export const SYMPTOM_BOOST = 3;

function tokenize(text: string): string[] {
  return normaliseWords(text).split(' ').filter(Boolean);
}

/** Small words and bare numbers ("100 steps", "99%") say nothing about which topic is meant. */
function isNoise(word: string): boolean {
  return STOP_WORDS.has(word) || /^\d+$/.test(word);
}

function processTerm(term: string): string | null {
  return isNoise(term) ? null : lightStem(term);
}

function contentTerms(text: string): string[] {
  return tokenize(text).flatMap((word) => processTerm(word) ?? []);
}

/** Words stemmed but none dropped, space-padded, for finding a name as a phrase inside a question. */
function phraseKey(text: string): string {
  return ` ${tokenize(text).map(lightStem).join(' ')} `;
}

function distinctWords(text: string): string {
  return [...new Set(contentTerms(text))].join(' ');
}

export class TopicSearch {
  readonly #index: MiniSearch<TopicDocument>;
  readonly #topics: ReadonlyMap<string, Topic>;
  readonly #names: ReadonlyMap<string, readonly string[]>;
  /** Each topic's symptoms as sets of content words: order and small words do not matter. */
  readonly #symptoms: ReadonlyMap<string, ReadonlyArray<ReadonlySet<string>>>;
  /** In how many topics each stemmed word appears, in any field. */
  readonly #topicCount = new Map<string, number>();
  readonly #maxWeight: number;

  constructor(topics: readonly Topic[]) {
    this.#topics = new Map(topics.map((topic) => [topic.slug, topic]));
    this.#names = new Map(
      topics.map((topic) => [topic.slug, [topic.title, topic.slug, ...topic.aliases].map(phraseKey).filter((key) => key.trim() !== '')]),
    );
    this.#symptoms = new Map(
      topics.map((topic) => [topic.slug, topic.symptoms.map((symptom) => new Set(contentTerms(symptom))).filter((words) => words.size > 0)]),
    );
    const documents = topics.map(
      (topic): TopicDocument => ({
        slug: topic.slug,
        // The slug's words count as title words: "svm-c-and-gamma" should be found by "svm". Names are
        // indexed as sets of words so a topic with many similar aliases ("learning rate warm-up",
        // "learning rate decay") does not outscore the topic that is simply called "learning rate".
        title: distinctWords(`${topic.title} ${topic.slug}`),
        aliases: distinctWords(topic.aliases.join(' ')),
        symptoms: distinctWords(topic.symptoms.join(' ')),
        summary: topic.summary,
        text: LEVELS.map((level) => topic.levels[level]).join('\n\n'),
      }),
    );
    for (const document of documents) {
      for (const term of new Set(FIELDS.flatMap((field) => contentTerms(document[field])))) {
        this.#topicCount.set(term, (this.#topicCount.get(term) ?? 0) + 1);
      }
    }
    this.#maxWeight = Math.log(topics.length + 1);
    this.#index = new MiniSearch<TopicDocument>({
      idField: 'slug',
      fields: [...FIELDS],
      tokenize,
      processTerm,
      searchOptions: {
        boost: FIELD_BOOST,
        combineWith: 'OR',
        // Words the topics use are taken as meant; only unknown ones are stretched to reach a topic's.
        fuzzy: (term) => (!this.#topicCount.has(term) && term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 3,
        boostTerm: (term) => this.#weight(term) / this.#maxWeight,
      },
    });
    this.#index.addAll(documents);
  }

  /** A word's weight: how rare it is across topics (inverse topic frequency); unknown words weigh most. */
  #weight(term: string): number {
    return Math.log((this.#topics.size + 1) / (this.#topicCount.get(term) ?? 1));
  }

  /**
   * The question's words, stemmed, each unknown one replaced by the topics' word one edit away (the most
   * common such word, if there are several). Small words stay, so names can be found as phrases.
   */
  #understood(words: readonly string[]): string[] {
    return words.map((word) => {
      const term = lightStem(word);
      if (isNoise(word) || this.#topicCount.has(term) || term.length < 4) return term;
      let best: string | undefined;
      let bestCount = 0;
      for (const [known, count] of this.#topicCount) {
        if (count > bestCount && editDistanceAtMostOne(term, known)) [best, bestCount] = [known, count];
      }
      return best ?? term;
    });
  }

  /** Best first; [] when nothing in the question matches any topic. */
  search(question: string, limit = 5): SearchHit[] {
    if (limit <= 0) return [];
    const typed = tokenize(question);
    const words = this.#understood(typed);
    const terms = words.filter((_term, i) => !isNoise(typed[i] ?? ''));
    if (terms.length === 0) return [];
    const asked = ` ${words.join(' ')} `;
    const askedWords = new Set(terms);
    const questionWeight = [...askedWords].reduce((sum, term) => sum + this.#weight(term), 0);
    const hits: SearchHit[] = [];
    // The terms are already processed: searching must not stem them a second time.
    for (const result of this.#index.search(terms.join(' '), { processTerm: (term) => term })) {
      const topic = this.#topics.get(String(result.id));
      if (!topic) continue;
      const named = this.#names.get(topic.slug)?.some((name) => asked.includes(name)) ?? false;
      const described = this.#symptoms.get(topic.slug)?.some((words) => [...words].every((word) => askedWords.has(word))) ?? false;
      const boost = (named ? NAMED_TOPIC_BOOST : 1) * (described ? SYMPTOM_BOOST : 1);
      const coverage = named || described ? 1 : this.#coverage(result, askedWords, questionWeight);
      hits.push({ topic, score: result.score * boost * coverage, coverage });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  #coverage(result: SearchResult, askedWords: ReadonlySet<string>, questionWeight: number): number {
    if (questionWeight <= 0) return 0;
    let found = 0;
    for (const term of askedWords) {
      // A query word matches the topic's word itself, one it is a prefix of, or one a slip away.
      let strength = 0;
      for (const [matched, fields] of Object.entries(result.match)) {
        if (matched !== term && !matched.startsWith(term) && !editDistanceAtMostOne(term, matched)) continue;
        // A word that only begins or nearly spells the topic's word ("div" → "divergence") is weaker evidence.
        const exactness = matched === term ? 1 : 0.5;
        for (const field of fields as Field[]) strength = Math.max(strength, FIELD_STRENGTH[field] * exactness);
      }
      found += strength * this.#weight(term);
    }
    return Math.min(1, found / questionWeight);
  }
}
