/**
 * End to end: a quiz set of five played to its score, a wrong answer brought back by /review, and
 * "Test yourself" from /explain, and the first step of /path, with the real bot process against the Discord test double on SQLite.
 */
import { describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import { loadQuestionBank } from '../../src/content/quizzes.js';
import { optionOrder } from '../../src/learning/quiz-set.js';
import type { StoredMessage } from '../discord-double/index.js';
import { waitFor } from './board.js';
import { clearOfUtcMidnight } from './clock.js';
import { useScenario } from './scenario.js';

const bank = loadQuestionBank(new Set(loadTopicLibrary().all().map((t) => t.slug)));
const scenario = useScenario();

type Button = { custom_id: string; label?: string; type: number };
const buttons = (message: StoredMessage): Button[] => (message.components as { components: Button[] }[]).flatMap((row) => row.components);
function button(message: StoredMessage, label: string): string {
  const found = buttons(message).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button in ${JSON.stringify(buttons(message).map((b) => b.label))}`);
  return found.custom_id;
}
/** The question on screen, from its answer buttons (quiz:answer:<set>:<version>:<question>:<position>). */
const questionOn = (message: StoredMessage) => button(message, 'A').split(':')[4]!;
function letterFor(userId: string, message: StoredMessage, right: boolean): string {
  const order = optionOrder(userId, questionOn(message));
  return 'ABCD'[right ? order.indexOf(0) : order.findIndex((written) => written !== 0)]!;
}

/** Clicks a button on the quiz message and returns the message as the click left it. */
async function press(message: StoredMessage, label: string, ctx: ReturnType<ReturnType<typeof scenario>['as']>): Promise<StoredMessage> {
  const clicked = await scenario().double.click(message.id, button(message, label), ctx);
  expect((await clicked.response()).type).toBe(7);
  await clicked.settled();
  return scenario().double.message(message.id)!;
}

describe('quizzes on Discord', () => {
  it('plays a quiz set of five to its score, privately', async () => {
    const userId = '140000000000000001';
    const ann = scenario().as(userId);
    // Level 3 holds a question with a picture, which comes as an attachment with alt text.
    const started = await scenario().double.slash('quiz', { topic: 'hyperparameters', level: 3 }, ann);
    let message = (await started.settled())!;
    expect(started.ephemeral).toBe(true);
    const pattern = [true, true, false, true, true];
    let pictures = 0;
    for (const [i, right] of pattern.entries()) {
      expect(message.embeds[0].title).toBe(`Quiz · Hyperparameters · question ${i + 1} of 5`);
      const question = bank.get(questionOn(message))!;
      expect(question.topic).toBe('hyperparameters');
      if (question.picture) {
        pictures++;
        // The first answer goes out at once; the picture follows in an edit once drawn.
        const id = message.id;
        message = await waitFor(() => {
          const edited = scenario().double.message(id);
          return edited?.attachments.length === 1 ? edited : undefined;
        }, 'the question picture');
        expect(message.embeds[0].description).not.toContain('being drawn');
        expect(message.attachments[0]?.description).toMatch(/numbered dots/);
        expect(message.embeds[0].image.url).toBe(`attachment://${message.attachments[0]?.filename}`);
      }
      const shownPicture = question.picture ? message.attachments[0] : undefined;
      const since = scenario().double.requests.length;
      message = await press(message, letterFor(userId, message, right), ann);
      if (shownPicture) {
        // The answer keeps the picture the question showed: the very attachment, and no file sent with the edit.
        expect(message.attachments).toEqual([shownPicture]);
        expect(message.embeds[0].image.url).toBe(`attachment://${shownPicture.filename}`);
        const answers = scenario().double.requests.slice(since).filter((r) => /^\/(interactions|webhooks)\//.test(r.route));
        expect(answers.map((r) => r.route)).toEqual([expect.stringMatching(/\/callback$/)]);
        expect(answers.flatMap((r) => r.uploads)).toEqual([]);
      }
      const fields = (message.embeds[0].fields as { name: string; value: string }[]).map((f) => `${f.name}: ${f.value}`).join('\n');
      expect(fields).toContain(question.options[0]!.why);
      expect(fields).toMatch(right ? /^Right!/ : /^Not quite: you chose/);
      expect(message.attachments).toHaveLength(question.picture ? 1 : 0);
      message = await press(message, i === 4 ? 'See your score' : 'Next', ann);
    }
    expect(message.embeds[0].title).toBe('Quiz done: 4 of 5 right');
    expect(pictures).toBe(1);
  }, 120_000);

  it('brings a wrong answer back in /review the same day', async () => {
    await clearOfUtcMidnight(15 * 60_000);
    const userId = '140000000000000002';
    const bea = scenario().as(userId);
    expect((await (await scenario().double.slash('review', {}, bea)).settled())?.content).toContain('Nothing to review yet');
    let message = (await (await scenario().double.slash('quiz', { topic: 'hyperparameters', level: 3 }, bea)).settled())!;
    const missed = questionOn(message);
    message = await press(message, letterFor(userId, message, false), bea);
    expect(message.embeds[0].footer.text).toBe('It comes back in today’s /review.');

    const review = await scenario().double.slash('review', {}, bea);
    const shown = (await review.settled())!;
    expect(review.ephemeral).toBe(true);
    expect(shown.embeds[0].title).toBe('Review · Hyperparameters · question 1 of 1');
    expect(questionOn(shown)).toBe(missed);
    const stats = await (await scenario().double.slash('stats', {}, bea)).settled();
    expect(stats?.content).toContain('Quiz reviews due today: **1**');
  }, 120_000);

  it('opens a private quiz on the topic and level from Test yourself under /explain', async () => {
    const cy = scenario().as('140000000000000003');
    const explained = (await (await scenario().double.slash('explain', { topic: 'hyperparameters', level: 4 }, cy)).settled())!;
    const clicked = await scenario().double.click(explained.id, button(explained, 'Test yourself'), cy);
    expect((await clicked.response()).type).toBe(4);
    expect(clicked.ephemeral).toBe(true);
    const quiz = (await clicked.settled())!;
    expect(bank.get(questionOn(quiz))).toMatchObject({ topic: 'hyperparameters', level: 4 });
    // The explanation itself is untouched.
    expect(scenario().double.message(explained.id)?.embeds[0].title).toBe('Hyperparameters');
  }, 120_000);

  it('walks the first step of /path: read, then quiz, then on to step two', async () => {
    const userId = '140000000000000004';
    const dee = scenario().as(userId);
    const path = async () => (await (await scenario().double.slash('path', {}, dee)).settled())!;
    const start = await path();
    expect(start.embeds[0].title).toMatch(/^Your learning path: step 1 of \d+$/);
    const read = await scenario().double.click(start.id, button(start, 'Read: Hyperparameters'), dee);
    expect((await read.settled())?.embeds[0].title).toBe('Hyperparameters');
    const afterRead = await path();
    expect(afterRead.embeds[0].description).toContain('read ✓, now the quiz');
    const quizClick = await scenario().double.click(afterRead.id, button(afterRead, 'Quiz: Hyperparameters'), dee);
    const quiz = (await quizClick.settled())!;
    await press(quiz, letterFor(userId, quiz, true), dee);
    const next = await path();
    expect(next.embeds[0].title).toMatch(/^Your learning path: step 2 of \d+$/);
    expect(next.embeds[0].description).toContain('✅ 1. Hyperparameters');
  }, 120_000);

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
