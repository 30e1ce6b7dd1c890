/** /progress: mastery per topic from reads, answers and review cards, its picture, and the next step. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ButtonView, CommandResponse, ComponentRequest } from '../../src/command-layer/types.js';
import { createQuestionBank, type QuizQuestion } from '../../src/content/quizzes.js';
import { nextStep, progressByTopic } from '../../src/learning/progress.js';
import { optionOrder } from '../../src/learning/quiz-set.js';
import { schedule } from '../../src/learning/review.js';
import { masteryChart } from '../../src/pictures/mastery-chart.js';
import { decodePng } from '../pictures/inspect.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

const q = (id: string, topic: string): QuizQuestion => ({
  id,
  topic,
  level: 1,
  question: `${id}?`,
  options: [0, 1, 2, 3].map((i) => ({ text: `${id} ${i}`, why: 'why', right: i === 0 })),
});
const bank = createQuestionBank([q('a-1', 'alpha'), q('a-2', 'alpha'), q('b-1', 'beta'), q('c-1', 'gamma')]);
const t0 = new Date('2026-12-01T09:00:00Z');

describe('progress per topic', () => {
  it('counts read, quizzed and recalled, and picks the next step', () => {
    const recalled = schedule(undefined, 'good', t0).card;
    const forgotten = schedule(undefined, 'again', t0).card;
    const progress = progressByTopic({
      topics: ['alpha', 'beta', 'gamma'],
      reads: [{ topic: 'alpha', deepestLevel: 3 }, { topic: 'beta', deepestLevel: 1 }],
      answeredIds: new Set(['a-1', 'a-2']),
      cards: [
        { questionId: 'a-1', card: recalled },
        { questionId: 'a-2', card: forgotten },
      ],
      bank,
    });
    expect(progress).toEqual([
      { topic: 'alpha', deepestRead: 3, questions: 2, answered: 2, recalled: 1 },
      { topic: 'beta', deepestRead: 1, questions: 1, answered: 0, recalled: 0 },
      { topic: 'gamma', deepestRead: null, questions: 1, answered: 0, recalled: 0 },
    ]);
    expect(nextStep(progress, 2)).toEqual({ kind: 'review', due: 2 });
    expect(nextStep(progress, 0)).toEqual({ kind: 'quiz', topic: 'beta' });
    expect(nextStep(progress.filter((p) => p.topic !== 'beta'), 0)).toEqual({ kind: 'read', topic: 'gamma' });
    expect(nextStep([progress[0]!], 0)).toEqual({ kind: 'done' });
  });

  it('draws one row per topic with three bars, and says each in words', () => {
    const chart = masteryChart({ rows: [{ label: 'Learning rate', read: 0.6, quizzed: 0.5, recalled: 0.25 }, { label: 'Dropout', read: 0.2, quizzed: 0, recalled: 0 }] });
    expect(decodePng(chart.png).width).toBe(900);
    expect(chart.altText).toBe(
      'Your progress per topic: read, quizzed and recalled for 2 topics. Learning rate: read 60%, quizzed 50%, recalled 25%. Dropout: read 20%, quizzed 0%, recalled 0%.',
    );
  });
});

describe('/progress', () => {
  let app: TestApp;
  let clock: Date;
  const ANA = person('720000000000000001', 'Ana');
  beforeEach(async () => {
    clock = t0;
    app = await createTestApp(() => clock);
  });
  afterEach(async () => app.dispose());

  const slash = (command: string, options: Record<string, unknown> = {}) => {
    clock = new Date(clock.getTime() + 5_000);
    return app.router.slash({ ...ANA, command, subcommand: null, options });
  };
  const click = (customId: string) => {
    clock = new Date(clock.getTime() + 5_000);
    const request: ComponentRequest = { ...ANA, source: 'button', customId, values: [], fields: {}, messageId: '1' };
    return app.router.component(request);
  };
  const buttons = (r: CommandResponse) => (message(r).rows ?? []).flat().filter((c): c is ButtonView => c.type === 'button');

  it('goes from reading to a quiz to a review, with the picture of what was done', async () => {
    const fresh = await slash('progress');
    expect(message(fresh).ephemeral).toBe(true);
    expect(text(fresh)).toContain('You have not read or quizzed any topic yet.');
    expect(text(fresh)).toMatch(/\*\*Next:\*\* read .+ — `\/explain topic:[a-z-]+`/);

    await slash('explain', { topic: 'hyperparameters', level: 3 });
    const afterReading = await slash('progress');
    expect(text(afterReading)).toContain('**Next:** test yourself on Hyperparameters — `/quiz topic:hyperparameters`.');
    expect(message(afterReading).files?.[0]?.description).toContain('Hyperparameters: read 60%, quizzed 0%, recalled 0%.');
    const quiz = await click(buttons(afterReading).find((b) => b.label === 'Quiz: Hyperparameters')!.customId);
    const answer = buttons(quiz).find((b) => b.label === 'A')!.customId;
    const questionId = answer.split(':')[4]!;
    const wrong = 'ABCD'[optionOrder(ANA.user.id, questionId).findIndex((w) => w !== 0)]!;
    await click(buttons(quiz).find((b) => b.label === wrong)!.customId);

    const afterQuiz = await slash('progress');
    expect(text(afterQuiz)).toContain('**Next:** 1 question to review today — `/review`.');
    expect(message(afterQuiz).files?.[0]?.description).toContain(`quizzed ${Math.round(100 / app.services.quizzes.forTopic('hyperparameters').length)}%`);
  });
});
