/** /quiz, /review and their buttons through the real router, on a real SQLite file and the real questions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ButtonView, CommandResponse, ComponentRequest, Invocation } from '../../src/command-layer/types.js';
import { optionOrder } from '../../src/learning/quiz-set.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
let clock: Date;
const ANA = person('700000000000000001', 'Ana');
const BO = person('700000000000000002', 'Bo');

beforeEach(async () => {
  clock = new Date('2026-12-01T09:00:00Z');
  app = await createTestApp(() => clock);
});
afterEach(async () => app.dispose());

async function slash(who: Invocation, command: string, options: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 5_000);
  return app.router.slash({ ...who, command, subcommand: null, options });
}
async function click(who: Invocation, customId: string) {
  clock = new Date(clock.getTime() + 5_000);
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: '1' };
  return app.router.component(request);
}
function buttons(response: CommandResponse): ButtonView[] {
  return (message(response).rows ?? []).flat().filter((c): c is ButtonView => c.type === 'button');
}
function button(response: CommandResponse, label: string): string {
  const found = buttons(response).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button in ${JSON.stringify(buttons(response).map((b) => b.label))}`);
  return found.customId;
}
/** The question id on screen, read from its answer buttons. */
const questionOn = (response: CommandResponse) => button(response, 'A').split(':')[4]!;
/** The letter the person must press for the right (or a wrong) answer of the question on screen. */
function letterFor(who: Invocation, response: CommandResponse, right: boolean): string {
  const order = optionOrder(who.user.id, questionOn(response));
  return 'ABCD'[right ? order.indexOf(0) : order.findIndex((written) => written !== 0)]!;
}

describe('/quiz', () => {
  it('plays a set of five to its score, privately, with the why of each answer', async () => {
    let screen = await slash(ANA, 'quiz', { topic: 'hyperparameters', level: 1 });
    expect(screen.kind).toBe('reply');
    expect(message(screen).ephemeral).toBe(true);
    const pattern = [true, false, true, true, false];
    const seen: string[] = [];
    for (const [i, right] of pattern.entries()) {
      expect(message(screen).embeds?.[0]?.title).toBe(`Quiz · Hyperparameters · question ${i + 1} of 5`);
      expect(buttons(screen).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
      const body = message(screen).embeds?.[0]?.description ?? '';
      expect(body).toMatch(/\*\*A\.\*\* .+\n\*\*B\.\*\* .+\n\*\*C\.\*\* .+\n\*\*D\.\*\* .+$/);
      const question = app.services.quizzes.get(questionOn(screen))!;
      seen.push(question.id);
      expect(question.topic).toBe('hyperparameters');
      // Three questions at level 1, then the nearest level fills the set.
      expect(question.level).toBe(i < 3 ? 1 : 2);

      const letter = letterFor(ANA, screen, right);
      screen = await click(ANA, button(screen, letter));
      expect(screen.kind).toBe('update');
      const shown = text(screen);
      expect(shown).toContain(question.options[0]!.why);
      if (right) expect(shown).toContain(`Right! ${letter} it is`);
      else {
        expect(shown).toContain(`Not quite: you chose ${letter}`);
        const chosen = question.options[optionOrder(ANA.user.id, question.id)['ABCD'.indexOf(letter)]!]!;
        expect(shown).toContain(chosen.why);
      }
      expect(buttons(screen).map((b) => b.label)).toEqual([i === 4 ? 'See your score' : 'Next', 'Explain this topic']);
      screen = await click(ANA, button(screen, i === 4 ? 'See your score' : 'Next'));
    }
    expect(new Set(seen).size).toBe(5);
    expect(message(screen).embeds?.[0]?.title).toBe('Quiz done: 3 of 5 right');
    expect(buttons(screen).map((b) => b.label)).toEqual(['Another set on Hyperparameters']);

    const answers = await app.services.storage.quizzes.answers(ANA.user.id, 10);
    expect(answers.map((a) => a.right).reverse()).toEqual(pattern);
    expect(answers.every((a) => a.mode === 'quiz')).toBe(true);
    expect(await app.services.storage.quizzes.cards(ANA.user.id)).toHaveLength(5);

    const again = await click(ANA, button(screen, 'Another set on Hyperparameters'));
    expect(again.kind).toBe('reply');
    expect(message(again).embeds?.[0]?.title).toBe('Quiz · Hyperparameters · question 1 of 5');
  });

  it('shuffles answers per person, the same way every time', async () => {
    const ids = app.services.quizzes.all().map((q) => q.id);
    for (const id of ids) expect(optionOrder(ANA.user.id, id)).toEqual(optionOrder(ANA.user.id, id));
    expect(ids.some((id) => optionOrder(ANA.user.id, id).join() !== optionOrder(BO.user.id, id).join())).toBe(true);
    expect(new Set(ids.map((id) => optionOrder(ANA.user.id, id).indexOf(0))).size).toBeGreaterThan(1);
  });

  it('answers a doubled or stale click with the set as it is, recording one answer', async () => {
    const first = await slash(ANA, 'quiz', { topic: 'hyperparameters', level: 4 });
    const press = button(first, letterFor(ANA, first, false));
    const answered = await click(ANA, press);
    const doubled = await click(ANA, press);
    expect(doubled.kind).toBe('update');
    expect(text(doubled)).toBe(text(answered));
    expect(await app.services.storage.quizzes.answers(ANA.user.id, 10)).toHaveLength(1);

    const second = await click(ANA, button(answered, 'Next'));
    // The first question's other buttons are stale now: they show question 2, still unanswered.
    const stale = await click(ANA, button(first, letterFor(ANA, first, true)));
    expect(text(stale)).toBe(text(second));
    expect(await app.services.storage.quizzes.answers(ANA.user.id, 10)).toHaveLength(1);
    // So is Next on the answered screen.
    expect(text(await click(ANA, button(answered, 'Next')))).toBe(text(second));
  });

  it('refuses someone else’s quiz plainly, changing nothing', async () => {
    const screen = await slash(ANA, 'quiz', { topic: 'hyperparameters' });
    const response = await click(BO, button(screen, 'A'));
    expect(response.kind).toBe('reply');
    expect(message(response).ephemeral).toBe(true);
    expect(text(response)).toContain('someone else’s');
    expect(await app.services.storage.quizzes.answers(BO.user.id, 10)).toHaveLength(0);
    expect(await app.services.storage.quizzes.answers(ANA.user.id, 10)).toHaveLength(0);
  });

  it('defaults to the person’s level and offers the topic’s explanation at the question’s level', async () => {
    await slash(ANA, 'level', { level: 5 });
    const screen = await slash(ANA, 'quiz', { topic: 'hyperparameters' });
    expect(app.services.quizzes.get(questionOn(screen))?.level).toBe(5);
    const answered = await click(ANA, button(screen, 'A'));
    const explained = await click(ANA, button(answered, 'Explain this topic'));
    expect(explained.kind).toBe('reply');
    expect(message(explained).ephemeral).toBe(true);
    expect(message(explained).embeds?.[0]?.title).toBe('Hyperparameters');
    expect(message(explained).embeds?.[0]?.footer).toContain('Level 5 of 5');
    // Reading it counts as reading, for /quiz without a topic.
    expect(await app.services.storage.quizzes.reads(ANA.user.id)).toMatchObject([{ topic: 'hyperparameters', deepestLevel: 5 }]);
  });

  it('remembers what the person read with /explain, at the deepest level', async () => {
    await slash(ANA, 'explain', { topic: 'learning-rate', level: 2 });
    await slash(ANA, 'explain', { topic: 'hyperparameters', level: 1 });
    expect((await app.services.storage.quizzes.reads(ANA.user.id)).map((r) => [r.topic, r.deepestLevel])).toEqual([
      ['hyperparameters', 1],
      ['learning-rate', 2],
    ]);
    expect(await app.services.storage.quizzes.reads(BO.user.id)).toEqual([]);
  });

  it('picks questions without a topic, and says so clearly for an unknown topic or one without questions', async () => {
    const screen = await slash(ANA, 'quiz');
    expect(app.services.quizzes.get(questionOn(screen))).toBeDefined();
    expect(text(await slash(ANA, 'quiz', { topic: 'no-such-thing-at-all' }))).toMatch(/I don't have a topic called/);
    const unquizzed = app.services.topics.all().find((t) => app.services.quizzes.forTopic(t.slug).length === 0);
    if (unquizzed) expect(text(await slash(ANA, 'quiz', { topic: unquizzed.slug }))).toContain(`I have no questions on ${unquizzed.title} yet`);
  });
});

describe('/review', () => {
  it('has nothing before any answer, then brings back today what was answered wrong', async () => {
    expect(text(await slash(ANA, 'review'))).toContain('Nothing to review yet');
    const screen = await slash(ANA, 'quiz', { topic: 'hyperparameters', level: 3 });
    const wrongId = questionOn(screen);
    let next = await click(ANA, button(screen, letterFor(ANA, screen, false)));
    next = await click(ANA, button(next, 'Next'));
    const rightId = questionOn(next);
    await click(ANA, button(next, letterFor(ANA, next, true)));

    const review = await slash(ANA, 'review');
    expect(message(review).ephemeral).toBe(true);
    expect(message(review).embeds?.[0]?.title).toBe('Review · Hyperparameters · question 1 of 1');
    expect(questionOn(review)).toBe(wrongId);
    const done = await click(ANA, button(review, letterFor(ANA, review, true)));
    expect(text(done)).toContain('Right!');
    const score = await click(ANA, button(done, 'See your score'));
    expect(message(score).embeds?.[0]?.title).toBe('Review done: 1 of 1 right');
    const answers = await app.services.storage.quizzes.answers(ANA.user.id, 10);
    expect(answers[0]).toMatchObject({ questionId: wrongId, right: true, mode: 'review' });

    // Both are answered right now: nothing is due today, and the next review is not before tomorrow.
    const nothing = text(await slash(ANA, 'review'));
    expect(nothing).toMatch(/Nothing to review today\. Your next review is due <t:\d+:R>/);
    const dueAt = Number(/<t:(\d+):R>/.exec(nothing)![1]) * 1000;
    expect(dueAt - clock.getTime()).toBeGreaterThan(12 * 3_600_000);

    // Days later, both are due again.
    clock = new Date(clock.getTime() + 30 * 24 * 3_600_000);
    const later = await slash(ANA, 'review');
    expect(message(later).embeds?.[0]?.title).toMatch(/question 1 of 2$/);
    expect([wrongId, rightId]).toContain(questionOn(later));
  });
});

describe('quiz answers in /stats, /privacy and under /explain', () => {
  it('shows the reviews due in the person’s own /stats only', async () => {
    expect(text(await slash(ANA, 'stats'))).toContain('No quiz reviews due today.');
    const screen = await slash(ANA, 'quiz', { topic: 'hyperparameters', level: 2 });
    await click(ANA, button(screen, letterFor(ANA, screen, false)));
    expect(text(await slash(ANA, 'stats'))).toContain('Quiz reviews due today: **1**. `/review` asks them.');
    expect(text(await slash(BO, 'stats', { user: ANA.user.id }))).not.toContain('review');
  });

  it('counts answers and review schedules in /privacy show, and /privacy forget deletes them', async () => {
    const screen = await slash(ANA, 'quiz', { topic: 'hyperparameters', level: 2 });
    const answered = await click(ANA, button(screen, letterFor(ANA, screen, true)));
    const second = await click(ANA, button(answered, 'Next'));
    await click(ANA, button(second, letterFor(ANA, second, false)));
    const shown = text(await app.router.slash({ ...ANA, command: 'privacy', subcommand: 'show', options: {} }));
    expect(shown).toContain('**Quiz answers:** 2 (2026-12-01 to 2026-12-01, UTC)');
    expect(shown).toContain('**Review schedules:** 2');
    const ask = await app.router.slash({ ...ANA, command: 'privacy', subcommand: 'forget', options: {} });
    const done = text(await click(ANA, button(ask, 'Delete my data')));
    expect(done).toContain('2 quiz answers and 2 review schedules');
    expect(await app.services.storage.quizzes.answers(ANA.user.id, 10)).toEqual([]);
    expect(text(await slash(ANA, 'review'))).toContain('Nothing to review yet');
  });

  it('puts a Test yourself button under /explain that opens a private quiz at that topic and level, for anyone', async () => {
    const explained = await slash(ANA, 'explain', { topic: 'hyperparameters', level: 4 });
    const test = button(explained, 'Test yourself');
    for (const who of [ANA, BO]) {
      const quiz = await click(who, test);
      expect(quiz.kind).toBe('reply');
      expect(message(quiz).ephemeral).toBe(true);
      const question = app.services.quizzes.get(questionOn(quiz))!;
      expect(question).toMatchObject({ topic: 'hyperparameters', level: 4 });
      // Each person's quiz is their own.
      expect(text(await click(who, button(quiz, letterFor(who, quiz, true))))).toContain('Right!');
    }
  });
});
