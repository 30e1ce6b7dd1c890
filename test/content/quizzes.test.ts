/**
 * Guards the real question files in content/quizzes/: every file present must load, each question read
 * at its level's grade, and together they must cover every topic at every level. The coverage test fails
 * until every topic's file is written; the others check whatever files exist.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS_DIR } from '../../src/content/library.js';
import { LEVELS } from '../../src/content/levels.js';
import { DEFAULT_QUIZZES_DIR, loadQuestionBank, parseQuizFile, QuizLoadError, type QuizQuestion } from '../../src/content/quizzes.js';
import { GRADE_CAP, gradeLevel } from '../support/readability.js';

const topicSlugs = new Set(
  readdirSync(DEFAULT_TOPICS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -'.md'.length)),
);
const MIN_PER_LEVEL = 3;

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
/** The question as a reader meets it: question, all four answers, all four explanations. */
function readingText(q: QuizQuestion): string {
  return [q.question, ...q.options.map((o) => o.text), ...q.options.map((o) => o.why)].map(sentence).join(' ');
}

describe('the question files in content/quizzes/', () => {
  const bank = loadQuestionBank(topicSlugs);

  it('all load: the format, unique ids, and a topic for each file', () => {
    expect(bank.all().length).toBeGreaterThan(0);
    for (const q of bank.all()) {
      expect(q.options).toHaveLength(4);
      expect(q.options.filter((o) => o.right)).toHaveLength(1);
    }
  });

  it.each([1, 2, 3] as const)('read at level %i within its grade cap', (level) => {
    const cap = GRADE_CAP[level]!;
    const over = bank
      .all()
      .filter((q) => q.level === level)
      .map((q) => ({ id: q.id, grade: Math.round(gradeLevel(readingText(q)) * 10) / 10 }))
      .filter((q) => q.grade > cap);
    expect(over, `questions above grade ${cap}`).toEqual([]);
  });

  it(`cover every topic with at least ${MIN_PER_LEVEL} questions at each level`, () => {
    const missing: string[] = [];
    for (const slug of [...topicSlugs].sort()) {
      for (const level of LEVELS) {
        const count = bank.forTopic(slug, level).length;
        if (count < MIN_PER_LEVEL) missing.push(`${slug} level ${level}: ${count}`);
      }
    }
    expect(missing, 'topics and levels short of questions').toEqual([]);
  });
});

describe('the question file checks', () => {
  const good = readdirSync(DEFAULT_QUIZZES_DIR).includes('hyperparameters.yaml');
  const base = `topic: hyperparameters
questions:
  - id: sample-one
    level: 1
    question: What is it?
    answer: A knob
    why: It is set first.
    wrong:
      - answer: A cookie
        why: Cookies are the result.
      - answer: A taste
        why: Taste is the score.
      - answer: An oven
        why: The oven is the tool.
`;

  it('accepts a well-formed file', () => {
    expect(good).toBe(true);
    const result = parseQuizFile('hyperparameters', base, topicSlugs);
    expect(result.problems).toEqual([]);
    expect(result.questions[0]!.options.map((o) => o.right)).toEqual([true, false, false, false]);
  });

  it.each([
    ['a bad id', base.replace('sample-one', 'Sample One'), /id must be/],
    ['two wrong answers', base.replace(/ {6}- answer: An oven\n {8}why: The oven is the tool.\n/, ''), /exactly three wrong answers/],
    ['a repeated answer', base.replace('answer: A taste', 'answer: a knob'), /all be different/],
    ['all of the above', base.replace('answer: A taste', 'answer: All of the above'), /all of the above/],
    ['level 6', base.replace('level: 1', 'level: 6'), /level/],
    ['an unknown picture kind', base.replace('    level: 1\n', '    level: 1\n    picture:\n      kind: pie-chart\n'), /picture/],
    ['a budget over 30', base.replace('    level: 1\n', '    level: 1\n    picture: { kind: search-dots, strategy: grid, game: bake, budget: 31 }\n'), /budget/],
    ['the lock as a search-dots game', base.replace('    level: 1\n', '    level: 1\n    picture: { kind: search-dots, strategy: grid, game: lock, budget: 9 }\n'), /game/],
    ['an over-long question', base.replace('What is it?', 'x'.repeat(301)), /question/],
    ['an unknown field', base.replace('    level: 1\n', '    level: 1\n    hint: look up\n'), /hint|unrecognized/i],
  ])('refuses %s', (_name, source, problem) => {
    const result = parseQuizFile('hyperparameters', source, topicSlugs);
    expect(result.problems.join('\n')).toMatch(problem);
  });

  it('refuses a topic that does not match the file or does not exist', () => {
    expect(parseQuizFile('learning-rate', base, topicSlugs).problems.join('\n')).toMatch(/file is named learning-rate/);
    expect(parseQuizFile('cooking', base.replace('topic: hyperparameters', 'topic: cooking'), topicSlugs).problems.join('\n')).toMatch(/no topic/);
  });

  it('refuses an id used in two files, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizzes-'));
    try {
      writeFileSync(join(dir, 'hyperparameters.yaml'), base);
      writeFileSync(join(dir, 'learning-rate.yaml'), base.replace('topic: hyperparameters', 'topic: learning-rate'));
      expect(() => loadQuestionBank(topicSlugs, dir)).toThrow(QuizLoadError);
      expect(() => loadQuestionBank(topicSlugs, dir)).toThrow(/"sample-one" is also used in hyperparameters.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
