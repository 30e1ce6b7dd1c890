/**
 * Guards the real topics in content/topics/: every file must load, fit Discord, read at its level's
 * grade, and together they must cover the required ideas. It fails while the writers are mid-way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAME_IDS } from '../../src/games/types.js';
import { DEFAULT_TOPICS_DIR, loadTopicLibrary } from '../../src/content/library.js';
import { LEVELS } from '../../src/content/levels.js';
import { MAX_LEVEL_LENGTH, parseTopic, type Topic } from '../../src/content/topic.js';
import { compactKey } from '../../src/content/words.js';
import { GRADE_CAP, gradeLevel } from '../support/readability.js';

const REQUIRED_SLUGS = [
  'hyperparameters',
  'parameters-vs-hyperparameters',
  'learning-rate',
  'batch-size',
  'epochs-and-early-stopping',
  'layers-and-units',
  'dropout',
  'weight-decay',
  'momentum-and-adam',
  'learning-rate-schedules',
  'tree-depth-and-number-of-trees',
  'k-nearest-neighbours',
  'svm-c-and-gamma',
  'search-spaces-and-log-scales',
  'validation-and-overfitting',
  'grid-search',
  'random-search',
  'bayesian-optimisation',
  'tpe',
  'successive-halving-and-hyperband',
  'population-based-training',
];
const MIN_TOPICS = 20;

/** Discord's embed limits. */
const EMBED = { title: 256, description: 4096, total: 6000 } as const;
/**
 * Room the answer adds around a level's text: /ask's "**You asked:** …" preface (question up to 300),
 * the game hint line, paragraph breaks, and the footer naming the level.
 */
const PREFACE_ROOM = 320;
const GAME_HINT_ROOM = 100;
const FOOTER_ROOM = 120;
const MAX_RELATED = 5;

const files = readdirSync(DEFAULT_TOPICS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort();

function parse(file: string): Topic {
  const result = parseTopic(file.slice(0, -'.md'.length), readFileSync(join(DEFAULT_TOPICS_DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}:\n${result.problems.map((p) => `- ${p}`).join('\n')}`);
  return result.topic;
}

describe('the topic library as a whole', () => {
  it(`has at least ${MIN_TOPICS} topics`, () => {
    expect(files.length).toBeGreaterThanOrEqual(MIN_TOPICS);
  });

  it('has every required topic', () => {
    const present = new Set(files.map((file) => file.slice(0, -'.md'.length)));
    expect(REQUIRED_SLUGS.filter((slug) => !present.has(slug))).toEqual([]);
  });

  it('loads without a problem (all levels, known games, related links that exist)', () => {
    expect(() => loadTopicLibrary()).not.toThrow();
  });

  it('gives every name (slug, title, alias) to one topic only, so typing it is never ambiguous', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of files) {
      const result = parseTopic(file.slice(0, -'.md'.length), readFileSync(join(DEFAULT_TOPICS_DIR, file), 'utf8'));
      if (!result.ok) continue;
      const { slug, title, aliases } = result.topic;
      for (const key of new Set([slug, title, ...aliases].map(compactKey))) {
        const owner = owners.get(key);
        if (owner) clashes.push(`"${key}" is a name of both ${owner} and ${slug}`);
        else owners.set(key, slug);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('/ask on the real topics', () => {
  // A few questions a learner would type, each with the topic that plainly answers it.
  it.each([
    ['why learning rate on a log scale', 'search-spaces-and-log-scales'],
    ['what is the difference between weights and hyperparameters', 'parameters-vs-hyperparameters'],
    ['how many trees in a random forest', 'tree-depth-and-number-of-trees'],
    ['what does gamma do in an svm', 'svm-c-and-gamma'],
    ['what is hyperband', 'successive-halving-and-hyperband'],
    ['how big should batches be', 'batch-size'],
  ])('%j → %s', (question, slug) => {
    expect(loadTopicLibrary().ask(question, 3)[0]?.topic.slug).toBe(slug);
  });

  it('resolves every topic by its slug and its title', () => {
    const library = loadTopicLibrary();
    for (const topic of library.all()) {
      expect(library.resolve(topic.slug)).toBe(topic);
      expect(library.resolve(topic.title)).toBe(topic);
    }
  });
});

describe.each(files)('%s', (file) => {
  it('parses: front matter, five levels in order, each within the length limit', () => {
    const topic = parse(file);
    for (const level of LEVELS) expect(topic.levels[level].length).toBeLessThanOrEqual(MAX_LEVEL_LENGTH);
  });

  it('names a known game and at most five related topics, none of them itself', () => {
    const topic = parse(file);
    if (topic.game !== undefined) expect(GAME_IDS).toContain(topic.game);
    expect(topic.related.length).toBeLessThanOrEqual(MAX_RELATED);
    expect(topic.related).not.toContain(topic.slug);
  });

  it('fits one Discord embed at every level, with room for the preface, game hint and footer', () => {
    const topic = parse(file);
    expect(topic.title.length).toBeLessThanOrEqual(EMBED.title);
    for (const level of LEVELS) {
      const description = topic.levels[level].length + PREFACE_ROOM + GAME_HINT_ROOM;
      expect(description, `level ${level} description`).toBeLessThanOrEqual(EMBED.description);
      expect(topic.title.length + description + FOOTER_ROOM, `level ${level} whole embed`).toBeLessThanOrEqual(EMBED.total);
    }
  });

  it('reads at or below the grade band of levels 1 to 3', () => {
    const topic = parse(file);
    const tooHard = LEVELS.flatMap((level) => {
      const cap = GRADE_CAP[level];
      if (cap === undefined) return [];
      const grade = gradeLevel(topic.levels[level]);
      return grade > cap ? [`level ${level} reads at grade ${grade.toFixed(1)}, above ${cap}`] : [];
    });
    expect(tooHard).toEqual([]);
  });
});
