import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS_DIR, loadTopicLibrary, TopicLoadError, type TopicLibrary } from '../../src/content/library.js';
import { MAX_LEVEL_LENGTH } from '../../src/content/topic.js';
import { CONFIDENT_COVERAGE } from '../../src/content/topic-search.js';

// Fixture topics are written into temp folders, so these tests never touch content/topics/.

interface FixtureTopic {
  slug: string;
  title: string;
  summary: string;
  aliases?: string[];
  symptoms?: string[];
  related?: string[];
  game?: string;
  /** Text of levels 1..5; defaults to a short sentence each. */
  levels?: string[];
}

function topicSource(topic: FixtureTopic): string {
  const lines = ['---', `title: ${JSON.stringify(topic.title)}`];
  if (topic.aliases) lines.push(`aliases: [${topic.aliases.map((a) => JSON.stringify(a)).join(', ')}]`);
  if (topic.symptoms) lines.push(`symptoms: [${topic.symptoms.map((a) => JSON.stringify(a)).join(', ')}]`);
  lines.push(`summary: ${JSON.stringify(topic.summary)}`);
  if (topic.related) lines.push(`related: [${topic.related.join(', ')}]`);
  if (topic.game) lines.push(`game: ${topic.game}`);
  lines.push('---', '');
  const levels = topic.levels ?? [1, 2, 3, 4, 5].map((n) => `Plain words about ${topic.title} for level ${n}.`);
  levels.forEach((text, i) => lines.push(`## Level ${i + 1}`, text, ''));
  return lines.join('\n');
}

/** A fresh temp folder holding the given files (name → contents). */
function topicFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-topics-'));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

function folderOf(topics: readonly FixtureTopic[], extra: Record<string, string> = {}): string {
  return topicFolder({ ...Object.fromEntries(topics.map((t) => [`${t.slug}.md`, topicSource(t)])), ...extra });
}

/** A small library in the real topics' image, with text written for the ranking tests. */
const SAMPLE_TOPICS: readonly FixtureTopic[] = [
  {
    slug: 'learning-rate',
    title: 'Learning rate',
    aliases: ['lr', 'step size', 'eta'],
    summary: 'How big a step the model takes each time it learns from a mistake.',
    related: ['learning-rate-schedules', 'batch-size', 'search-spaces-and-log-scales'],
    game: 'train',
    levels: [
      'When you learn to ride a bike, you fix a wobble with a small push. A big push makes you fall.',
      'A learning rate is like how hard you turn the wheel in a racing game. Turn too hard and you spin out.',
      'The learning rate sets how far the model moves after each mistake. Too small is slow, too large bounces around.',
      'Gradient descent updates weights by the gradient times the learning rate. Too large and the loss diverges.',
      'The step size interacts with curvature: stability needs it below two over the largest Hessian eigenvalue.',
    ],
  },
  {
    slug: 'search-spaces-and-log-scales',
    title: 'Search spaces and log scales',
    aliases: ['search space', 'log scale', 'log-uniform'],
    summary: 'Which ranges to search, and why some knobs are searched by powers of ten.',
    related: ['learning-rate', 'grid-search', 'random-search'],
    game: 'train',
    levels: [
      'Some toys come in tiny, small, big and giant. Each one is much bigger than the last.',
      'Volume knobs feel even because each notch multiplies the sound, not adds to it.',
      'Knobs such as the learning rate matter by their size in powers of ten, so we try 0.001, 0.01 and 0.1 on a log scale.',
      'Sampling log-uniformly gives each order of magnitude the same share of trials; a learning rate is the classic case.',
      'A log scale is a prior: it says the effect of the knob is roughly scale-free over its range.',
    ],
  },
  {
    slug: 'learning-rate-schedules',
    title: 'Learning-rate schedules',
    aliases: ['lr schedule', 'warm-up', 'learning rate decay'],
    summary: 'Changing the learning rate while the model trains.',
    related: ['learning-rate'],
    game: 'train',
  },
  {
    slug: 'batch-size',
    title: 'Batch size',
    aliases: ['batch', 'minibatch'],
    summary: 'How many examples the model looks at before each change.',
    related: ['learning-rate'],
    levels: [
      'You taste a few cookies from the tray, not all of them.',
      'A coach watches a few plays before changing the plan.',
      'The model looks at a handful of examples, called a batch, before it adjusts.',
      'Larger batches give smoother gradient estimates but fewer updates per epoch.',
      'Batch size trades gradient noise against parallel hardware use; see the linear scaling rule.',
    ],
  },
  {
    slug: 'dropout',
    title: 'Dropout',
    aliases: ['dropout rate', 'drop out'],
    summary: 'Switching off random parts of the network while it trains.',
    related: ['batch-size'],
  },
  {
    slug: 'grid-search',
    title: 'Grid search',
    aliases: ['grid'],
    summary: 'Try every combination of a few values for each knob.',
    related: ['random-search', 'search-spaces-and-log-scales'],
  },
  {
    slug: 'random-search',
    title: 'Random search',
    aliases: ['random sampling'],
    summary: 'Pick each try at random from the search space.',
    related: ['grid-search', 'search-spaces-and-log-scales'],
    game: 'bake',
  },
];

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function load(topics: readonly FixtureTopic[], extra: Record<string, string> = {}): TopicLibrary {
  const dir = folderOf(topics, extra);
  folders.push(dir);
  return loadTopicLibrary(dir);
}

/** The problems loading would report, one string per problem. */
function loadProblems(files: Record<string, string>): readonly string[] {
  const dir = topicFolder(files);
  folders.push(dir);
  try {
    loadTopicLibrary(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(TopicLoadError);
    return (error as TopicLoadError).problems;
  }
  throw new Error('expected the library to refuse these files');
}

const plain: FixtureTopic = { slug: 'plain', title: 'Plain', summary: 'A topic with nothing wrong.' };
const sampleLibrary = load(SAMPLE_TOPICS);

describe('loading topic files', () => {
  it('loads every topic with its fields and five levels', () => {
    expect(sampleLibrary.all()).toHaveLength(SAMPLE_TOPICS.length);
    const topic = sampleLibrary.get('learning-rate');
    expect(topic).toMatchObject({
      slug: 'learning-rate',
      title: 'Learning rate',
      aliases: ['lr', 'step size', 'eta'],
      summary: 'How big a step the model takes each time it learns from a mistake.',
      related: ['learning-rate-schedules', 'batch-size', 'search-spaces-and-log-scales'],
      game: 'train',
    });
    expect(sampleLibrary.text('learning-rate', 1)).toMatch(/^When you learn to ride a bike/);
    expect(sampleLibrary.text('learning-rate', 5)).toMatch(/Hessian eigenvalue\.$/);
    expect(sampleLibrary.get('dropout')?.game).toBeUndefined();
    expect(sampleLibrary.get('nope')).toBeUndefined();
    expect(() => sampleLibrary.text('nope', 1)).toThrow(RangeError);
  });

  it('gives related topics in the order the file lists them', () => {
    expect(sampleLibrary.related('learning-rate').map((t) => t.slug)).toEqual(['learning-rate-schedules', 'batch-size', 'search-spaces-and-log-scales']);
    expect(sampleLibrary.related('nope')).toEqual([]);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const library = load([], { 'plain.md': `\uFEFF${topicSource(plain).replace(/\n/g, '\r\n')}` });
    expect(library.text('plain', 3)).toBe('Plain words about Plain for level 3.');
  });

  it('keeps ### headings and fenced code inside a level', () => {
    const levels = ['One.', 'Two.', '### A subheading\nThree.\n\n```\n## Level 9 is code here\n```', 'Four.', 'Five.'];
    const library = load([{ ...plain, levels }]);
    expect(library.text('plain', 3)).toContain('## Level 9 is code here');
  });

  it('looks in content/topics next to the code by default, wherever it is run from', () => {
    expect(DEFAULT_TOPICS_DIR).toBe(fileURLToPath(new URL('../../content/topics/', import.meta.url)));
  });
});

describe('topic file problems', () => {
  const withLevels = (levelsMarkdown: string) => topicSource(plain).replace(/## Level 1[\s\S]*$/, levelsMarkdown);

  it('names a missing level', () => {
    const text = withLevels('## Level 1\na\n\n## Level 2\nb\n\n## Level 3\nc\n\n## Level 5\ne\n');
    expect(loadProblems({ 'plain.md': text })).toEqual(['plain.md: missing "## Level 4": every topic has all five levels']);
  });

  it('names levels out of order', () => {
    const text = withLevels('## Level 1\na\n\n## Level 3\nc\n\n## Level 2\nb\n\n## Level 4\nd\n\n## Level 5\ne\n');
    const problems = loadProblems({ 'plain.md': text });
    expect(problems).toEqual(['plain.md: levels are out of order: "## Level 2" comes after "## Level 3"']);
  });

  it('names a repeated level, an empty level and an unexpected heading', () => {
    const text = withLevels('## Level 1\na\n\n## Level 2\n\n## Level 2\nb\n\n## Notes\nx\n\n## Level 3\nc\n\n## Level 4\nd\n\n## Level 5\ne\n');
    const problems = loadProblems({ 'plain.md': text }).join('\n');
    expect(problems).toContain('Level 2 is empty');
    expect(problems).toContain('"## Level 2" appears twice');
    expect(problems).toContain('unexpected heading "## Notes"');
  });

  it('names text before the first level', () => {
    const text = topicSource(plain).replace('## Level 1', 'Stray intro.\n\n## Level 1');
    expect(loadProblems({ 'plain.md': text })[0]).toMatch(/^plain\.md: there is text before "## Level 1"/);
  });

  it('names an unknown related slug', () => {
    const problems = loadProblems({ 'plain.md': topicSource({ ...plain, related: ['missing-topic'] }) });
    expect(problems).toEqual(['plain.md: related topic "missing-topic" does not exist (there is no missing-topic.md)']);
  });

  it('names a topic that lists itself or a duplicate as related', () => {
    const files = {
      'plain.md': topicSource({ ...plain, related: ['plain', 'other', 'other'] }),
      'other.md': topicSource({ ...plain, slug: 'other', title: 'Other' }),
    };
    const problems = loadProblems(files).join('\n');
    expect(problems).toContain('plain.md: related lists the topic itself');
    expect(problems).toContain('plain.md: related lists "other" twice');
  });

  it('names a game that does not exist', () => {
    expect(loadProblems({ 'plain.md': topicSource({ ...plain, game: 'chess' }) })).toEqual([
      'plain.md: game "chess" is not one of bake, lock, tune, train, dig',
    ]);
  });

  it('names an oversize level with its length', () => {
    const long = 'word '.repeat(700).trim() + ' end.';
    const levels = ['a', long, 'c', 'd', 'e'];
    expect(loadProblems({ 'plain.md': topicSource({ ...plain, levels }) })).toEqual([
      `plain.md: Level 2 is ${long.length} characters; the limit is ${MAX_LEVEL_LENGTH} so it fits one Discord embed`,
    ]);
  });

  it('accepts a level of exactly the limit', () => {
    const exact = 'x'.repeat(MAX_LEVEL_LENGTH);
    expect(load([{ ...plain, levels: ['a', exact, 'c', 'd', 'e'] }]).text('plain', 2)).toHaveLength(MAX_LEVEL_LENGTH);
  });

  it('names front-matter problems: long summary, missing title, unknown field, bad slug in related', () => {
    const source = [
      '---',
      `summary: ${'s'.repeat(101)}`,
      'related: [Not A Slug]',
      'alias: [typo]',
      '---',
      ...topicSource(plain).split('---\n')[2]!.split('\n'),
    ].join('\n');
    const problems = loadProblems({ 'plain.md': source }).join('\n');
    expect(problems).toContain('plain.md: title is required');
    expect(problems).toContain('plain.md: summary is 101 characters; keep it to 100');
    expect(problems).toContain('plain.md: related.0: "Not A Slug" is not a topic slug');
    expect(problems).toContain('plain.md: unknown front-matter field alias');
  });

  it('names a file without front matter, broken YAML, and a file name that is not a slug', () => {
    const problems = loadProblems({
      'no-front.md': '## Level 1\nhello\n',
      'bad-yaml.md': topicSource(plain).replace('title: "Plain"', 'title: [unclosed'),
      'Bad Name.md': topicSource(plain),
    }).join('\n');
    expect(problems).toContain('no-front.md: the file must start with YAML front matter');
    expect(problems).toMatch(/bad-yaml\.md: the front matter is not valid YAML/);
    expect(problems).toContain('Bad Name.md: the file name "Bad Name.md" is not a slug');
  });

  it('reports every problem in every file at once, and ignores files that are not .md', () => {
    const problems = loadProblems({
      'one.md': topicSource({ ...plain, slug: 'one', game: 'chess' }),
      'two.md': topicSource({ ...plain, slug: 'two', related: ['ghost'] }),
      'notes.txt': 'not a topic',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['one.md', 'two.md']);
  });

  it('puts the folder and the count of problems in the error message', () => {
    const dir = topicFolder({ 'plain.md': topicSource({ ...plain, game: 'chess' }) });
    folders.push(dir);
    expect(() => loadTopicLibrary(dir)).toThrow(/have 1 problem:\n- plain\.md: game "chess"/);
  });

  it('refuses a missing or empty folder', () => {
    expect(() => loadTopicLibrary('/no/such/folder')).toThrow(/does not exist/);
    const empty = topicFolder({});
    folders.push(empty);
    expect(() => loadTopicLibrary(empty)).toThrow(/no \.md topic files/);
  });
});

describe('resolve', () => {
  it.each([
    ['learning-rate', 'learning-rate'],
    ['Learning Rate', 'learning-rate'],
    ['learning rate', 'learning-rate'],
    ['LEARNING_RATE!', 'learning-rate'],
    ['lr', 'learning-rate'],
    ['Step-Size', 'learning-rate'],
    ['log uniform', 'search-spaces-and-log-scales'],
    ['  warm up ', 'learning-rate-schedules'],
  ])('%j means %s', (text, slug) => {
    expect(sampleLibrary.resolve(text)?.slug).toBe(slug);
  });

  it('finds nothing for a name no topic has, or for blank text', () => {
    expect(sampleLibrary.resolve('learning')).toBeUndefined();
    expect(sampleLibrary.resolve('')).toBeUndefined();
    expect(sampleLibrary.resolve('?!')).toBeUndefined();
  });
});

describe('autocomplete', () => {
  const slugs = (query: string) => sampleLibrary.autocomplete(query).map((c) => c.value);

  it('lists the most linked-to topics first when nothing is typed', () => {
    // learning-rate and search-spaces are each linked from three others; dropout from none.
    const listed = slugs('');
    expect(listed.slice(0, 2).sort()).toEqual(['learning-rate', 'search-spaces-and-log-scales']);
    expect(listed.at(-1)).toBe('dropout');
    expect(listed).toHaveLength(SAMPLE_TOPICS.length);
  });

  it('ranks an exact name, then a prefix, then a word prefix, then a substring', () => {
    expect(slugs('lr')).toEqual(['learning-rate', 'learning-rate-schedules']);
    expect(slugs('learn')).toEqual(['learning-rate', 'learning-rate-schedules']);
    expect(slugs('rate')).toEqual(['learning-rate', 'learning-rate-schedules', 'dropout']);
    expect(slugs('scale')).toEqual(['search-spaces-and-log-scales']);
    expect(slugs('earn')).toEqual(['learning-rate', 'learning-rate-schedules']);
  });

  it('ignores case and punctuation and shows the alias that matched', () => {
    expect(slugs('MINI-BATCH')).toEqual(['batch-size']);
    const [choice] = sampleLibrary.autocomplete('Log-Uni');
    expect(choice).toEqual({
      name: 'Search spaces and log scales (log-uniform) — Which ranges to search, and why some knobs are…',
      value: 'search-spaces-and-log-scales',
    });
  });

  it('answers nothing for a name no topic has', () => {
    expect(sampleLibrary.autocomplete('zzz')).toEqual([]);
  });

  it('never offers more than 25 choices or a name over 100 characters', () => {
    const many: FixtureTopic[] = Array.from({ length: 40 }, (_, i) => ({
      slug: `topic-${i}`,
      title: `Topic number ${i} with a long title that goes on and on for a while`,
      summary: 'x'.repeat(100),
      aliases: [`alias ${i}`],
    }));
    const library = load(many);
    for (const query of ['', 'topic', 'to', 'alias', 'x']) {
      const choices = library.autocomplete(query);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
      }
    }
    expect(library.autocomplete('')).toHaveLength(25);
    expect(library.autocomplete('topic')).toHaveLength(25);
  });
});

describe('ask', () => {
  const best = (question: string) => sampleLibrary.ask(question)[0]?.topic.slug;

  it('ranks the log-scale topic first for a question about the learning rate on a log scale', () => {
    const hits = sampleLibrary.ask('why learning rate on a log scale');
    expect(hits[0]?.topic.slug).toBe('search-spaces-and-log-scales');
    expect(hits.map((h) => h.topic.slug)).toContain('learning-rate');
  });

  it('finds topics by alias, by stemmed word, and through a typo', () => {
    expect(best('what is a good step size')).toBe('learning-rate');
    expect(best('how many batches')).toBe('batch-size');
    expect(best('what does droput do')).toBe('dropout');
    expect(best('should I try every combination')).toBe('grid-search');
  });

  it('returns scores best first and respects the limit', () => {
    const hits = sampleLibrary.ask('learning rate', 3);
    expect(hits).toHaveLength(3);
    expect(hits[0]?.topic.slug).toBe('learning-rate');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(sampleLibrary.ask('learning rate', 0)).toEqual([]);
  });

  it('returns nothing for a question that matches nothing, or only small words', () => {
    expect(sampleLibrary.ask('qwertyuiop zxcvbnm')).toEqual([]);
    expect(sampleLibrary.ask('why is it so')).toEqual([]);
    expect(sampleLibrary.ask('')).toEqual([]);
  });
});

describe('ask, as people type', () => {
  // Three topics built to reproduce what went wrong on the real ones: a word in one title that every
  // topic's text uses ("training"), a symptom word one letter from another topic's word (explode /
  // explore), and a symptom phrase in an order people do not keep.
  const dir = folderOf([
    {
      slug: 'population-based-training',
      title: 'Population-based training',
      summary: 'Tune while training by copying the winners.',
      levels: [1, 2, 3, 4, 5].map(() => 'Members explore nearby settings and exploit the best checkpoint during training.'),
    },
    {
      slug: 'training-instability',
      title: 'Training instability',
      aliases: ['exploding loss'],
      symptoms: ['loss explodes', 'loss is nan'],
      summary: 'When the loss blows up or turns into NaN during training.',
      levels: [1, 2, 3, 4, 5].map(() => 'Clip gradients and lower the step when training diverges.'),
    },
    {
      slug: 'validation-and-overfitting',
      title: 'Validation and overfitting',
      symptoms: ['great on train, bad on test'],
      summary: 'Held-out data tells memorising from learning.',
      levels: [1, 2, 3, 4, 5].map(() => 'Check the model on data it never saw during training.'),
    },
  ]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const library = loadTopicLibrary(dir);
  const best = (question: string) => library.ask(question)[0];

  it('lets a word every topic uses (training) decide nothing, even when one title has it', () => {
    expect(best('my model does great on train but bad on test')?.topic.slug).toBe('validation-and-overfitting');
  });

  it('does not stretch a word the topics know into a neighbour: explode stays explode', () => {
    expect(best('why does my loss explode lol')?.topic.slug).toBe('training-instability');
  });

  it('finds a symptom whatever the word order and small words', () => {
    const hit = best('nan loss after like 100 steps help');
    expect(hit?.topic.slug).toBe('training-instability');
    expect(hit?.coverage).toBe(1);
  });

  it('counts a swap of two letters as one slip', () => {
    expect(best('cilp gradients')?.topic.slug).toBe('training-instability');
    expect(best('trainnig instability')?.topic.slug).toBe('training-instability');
  });

  it('says how little of a question the best topic covers', () => {
    const hit = best('checkpoint recommendations for anime fans');
    expect(hit?.topic.slug).toBe('population-based-training');
    expect(hit?.coverage).toBeLessThan(CONFIDENT_COVERAGE);
  });
});
