/** A quiz set and a review in the console: the answer buttons are numbered keys like any other. */
import { afterEach, describe, expect, it } from 'vitest';
import { optionOrder } from '../../src/learning/quiz-set.js';
import { startConsole, type ConsoleDriver } from '../support/console-driver.js';

let driver: ConsoleDriver | undefined;
afterEach(async () => {
  await driver?.finish();
  driver = undefined;
});

/** The console's person is user 1: the key of the right (or a wrong) answer to the question on screen. */
function keyFor(questionId: string, right: boolean): string {
  const order = optionOrder('1', questionId);
  return String((right ? order.indexOf(0) : order.findIndex((written) => written !== 0)) + 1);
}

describe('quizzes in the console', { timeout: 60_000 }, () => {
  it('plays a set of five by keys, then reviews the wrong answer', async () => {
    driver = await startConsole({ interactive: false });
    const bank = driver.app.services.quizzes;
    driver.type('/quiz topic:hyperparameters level:3\n');
    let from = 0;
    for (let i = 0; i < 5; i++) {
      await driver.waitFor(`question ${i + 1} of 5 ==`, from);
      await driver.waitFor('[4] D', from);
      const screen = driver.text().slice(from);
      const question = bank.all().find((q) => q.topic === 'hyperparameters' && screen.includes(q.question));
      expect(question, `question ${i + 1} shown`).toBeDefined();
      from = driver.text().length;
      driver.type(`${keyFor(question!.id, i !== 0)}\n`);
      await driver.waitFor(i === 0 ? 'Not quite: you chose' : 'Right!', from);
      await driver.waitFor(i === 4 ? '[1] See your score  [2] Explain this topic' : '[1] Next  [2] Explain this topic', from);
      from = driver.text().length;
      driver.type('1\n');
    }
    await driver.waitFor('== Quiz done: 4 of 5 right ==', from);
    from = driver.text().length;
    driver.type('/review\n');
    await driver.waitFor('== Review · Hyperparameters · question 1 of 1 ==', from);
  });
});
