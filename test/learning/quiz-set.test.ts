/** Picking a set's questions and moving through it: seeded, nearest level first, the person's topics first. */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/content/levels.js';
import { createQuestionBank, type QuizQuestion } from '../../src/content/quizzes.js';
import { answerQuestion, newQuizSet, nextQuestion, optionOrder, pickQuestions, scoreOf, stageOf } from '../../src/learning/quiz-set.js';

function question(id: string, topic: string, level: Level): QuizQuestion {
  return {
    id,
    topic,
    level,
    question: `Question ${id}?`,
    options: [0, 1, 2, 3].map((i) => ({ text: `${id} answer ${i}`, why: `why ${i}`, right: i === 0 })),
  };
}

const bank = createQuestionBank([
  ...[1, 2, 3, 4].map((i) => question(`lr-${i}`, 'learning-rate', 2)),
  question('lr-deep', 'learning-rate', 4),
  question('lr-easy', 'learning-rate', 1),
  ...[1, 2, 3, 4, 5, 6].map((i) => question(`bs-${i}`, 'batch-size', 2)),
  ...[1, 2, 3].map((i) => question(`do-${i}`, 'dropout', 3)),
]);

describe('picking a quiz set', () => {
  it('is the same for the same seed, and differs across seeds', () => {
    const pick = (seed: string) => pickQuestions(bank, { seed, level: 2 }).map((q) => q.id);
    expect(pick('a')).toEqual(pick('a'));
    expect(new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => pick(seed).join())).size).toBeGreaterThan(1);
  });

  it('fills a short topic from the nearest levels', () => {
    const ids = pickQuestions(bank, { seed: 's', level: 3, topic: 'learning-rate' }).map((q) => q.id);
    expect(ids).toHaveLength(5);
    // Level 3 has none: the four at level 2 and the one at level 4 are equally near, before level 1.
    expect(ids).not.toContain('lr-easy');
  });

  it('asks about the topics the person met first, and questions they have not answered before the others', () => {
    const ids = pickQuestions(bank, { seed: 's', level: 2, preferredTopics: ['batch-size'], answered: new Set(['bs-1', 'bs-2']) }).map((q) => q.id);
    expect(ids.slice(0, 4).every((id) => id.startsWith('bs-') && id !== 'bs-1' && id !== 'bs-2')).toBe(true);
    // A question not met before, on another topic, comes before one answered already.
    expect(ids[4]).toMatch(/^lr-[1-4]$/);
    const all = pickQuestions(bank, { seed: 's', level: 2, topic: 'batch-size', answered: new Set(['bs-1', 'bs-2']) }).map((q) => q.id);
    expect(all.slice(0, 4).sort()).toEqual(['bs-3', 'bs-4', 'bs-5', 'bs-6']);
    expect(all[4]).toMatch(/^bs-[12]$/);
  });
});

describe('a quiz set', () => {
  it('asks, takes an answer in the person’s order, moves on, and scores', () => {
    const questions = ['lr-1', 'lr-2'].map((id) => bank.get(id)!);
    let state = newQuizSet('quiz', questions, 2, 'learning-rate');
    expect(stageOf(state)).toEqual({ kind: 'asking', index: 0 });
    const rightPosition = optionOrder('u1', 'lr-1').indexOf(0);
    const first = answerQuestion(state, 'u1', 0, rightPosition);
    expect(first).toMatchObject({ chosen: 0, right: true });
    state = first.state;
    expect(stageOf(state)).toEqual({ kind: 'answered', index: 0 });
    expect(() => answerQuestion(state, 'u1', 0, 1)).toThrow(RangeError);
    state = nextQuestion(state);
    expect(() => nextQuestion(state)).toThrow(RangeError);
    const wrongPosition = optionOrder('u1', 'lr-2').findIndex((written) => written !== 0);
    state = answerQuestion(state, 'u1', 1, wrongPosition).state;
    state = nextQuestion(state);
    expect(stageOf(state)).toEqual({ kind: 'finished' });
    expect(scoreOf(state)).toEqual({ right: 1, asked: 2 });
  });

  it('shuffles every question’s answers into a true order of four', () => {
    for (const q of bank.all()) expect([...optionOrder('u2', q.id)].sort()).toEqual([0, 1, 2, 3]);
  });
});
