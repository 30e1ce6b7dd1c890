/**
 * Topic suggestions while someone types: titles, slugs and aliases, ranked so the most obvious
 * completion comes first. Pure and in memory; Discord asks on every keystroke.
 */
import { compactKey, normaliseWords } from './words.js';
import type { Topic } from './topic.js';

export interface Choice {
  /** What the menu shows, at most 100 characters. */
  readonly name: string;
  /** The topic's slug. */
  readonly value: string;
}

export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;

/** How well a typed query matches one name; higher is better, 0 is no match. */
const MATCH = { exact: 4, prefix: 3, wordPrefix: 2, substring: 1 } as const;

interface Name {
  readonly words: string;
  readonly compact: string;
  readonly label: string;
  /** Titles outrank slugs outrank aliases when a query matches several equally well. */
  readonly kindRank: number;
}

export interface ChoiceIndex {
  readonly topic: Topic;
  readonly names: readonly Name[];
  /** Position in the "most useful first" order. */
  readonly usefulness: number;
}

export function buildChoiceIndex(topicsByUsefulness: readonly Topic[]): ChoiceIndex[] {
  return topicsByUsefulness.map((topic, usefulness) => ({
    topic,
    usefulness,
    names: [
      { label: topic.title, kindRank: 2 },
      { label: topic.slug, kindRank: 1 },
      ...topic.aliases.map((alias) => ({ label: alias, kindRank: 0 })),
    ].map(({ label, kindRank }) => ({ label, kindRank, words: normaliseWords(label), compact: compactKey(label) })),
  }));
}

function matchStrength(name: Name, queryWords: string, queryCompact: string): number {
  if (name.compact === queryCompact) return MATCH.exact;
  if (name.words.startsWith(queryWords) || name.compact.startsWith(queryCompact)) return MATCH.prefix;
  const nameWords = name.words.split(' ');
  const typed = queryWords.split(' ');
  // Every typed word starts some word of the name: "rate learn" and "nearest" both find their topics.
  if (typed.every((word) => nameWords.some((w) => w.startsWith(word)))) return MATCH.wordPrefix;
  if (name.compact.includes(queryCompact)) return MATCH.substring;
  return 0;
}

interface Ranked {
  readonly entry: ChoiceIndex;
  readonly strength: number;
  readonly name: Name;
}

/** Ranked topics whose names match `query`; an empty query lists the most useful topics first. */
export function suggestTopics(index: readonly ChoiceIndex[], query: string, limit = MAX_CHOICES): Choice[] {
  const queryWords = normaliseWords(query);
  const queryCompact = queryWords.replace(/ /g, '');
  const cap = Math.min(limit, MAX_CHOICES);
  if (queryCompact === '') {
    return index.slice(0, cap).map((entry) => toChoice(entry.topic));
  }
  const ranked: Ranked[] = [];
  for (const entry of index) {
    let best: Ranked | undefined;
    for (const name of entry.names) {
      const strength = matchStrength(name, queryWords, queryCompact);
      if (strength > 0 && (!best || compareMatch({ entry, strength, name }, best) < 0)) best = { entry, strength, name };
    }
    if (best) ranked.push(best);
  }
  ranked.sort(compareMatch);
  return ranked.slice(0, cap).map(({ entry, name }) => toChoice(entry.topic, name.kindRank === 0 ? name.label : undefined));
}

function compareMatch(a: Ranked, b: Ranked): number {
  return (
    b.strength - a.strength ||
    b.name.kindRank - a.name.kindRank ||
    // A shorter name that matches is the closer completion: "lr" before "lr schedule".
    a.name.compact.length - b.name.compact.length ||
    a.entry.usefulness - b.entry.usefulness
  );
}

/** "Title (alias) — summary", clipped to Discord's 100 characters. */
export function toChoice(topic: Topic, matchedAlias?: string): Choice {
  const showAlias = matchedAlias !== undefined && !normaliseWords(topic.title).includes(normaliseWords(matchedAlias));
  const head = showAlias ? `${topic.title} (${matchedAlias})` : topic.title;
  return { name: clip(`${head} — ${topic.summary}`, MAX_CHOICE_NAME), value: topic.slug };
}

/** Cuts at a word boundary where one is near, so a menu never shows half a word. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = /\s/.test(text.charAt(max - 1)) || lastSpace < max * 0.6 ? cut : cut.slice(0, lastSpace);
  return `${atWord.replace(/[\s,;:—–-]+$/u, '')}…`;
}
