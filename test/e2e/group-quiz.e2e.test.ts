/**
 * End to end, a group quiz round through the real bot and the Discord test double: three people join,
 * answer privately (one person's second click is refused, their first answer kept), the first question
 * closes when everyone has answered, the second closes on time with no click, and the board ends with
 * a scoreboard of names.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../discord-double/types.js';
import { loadQuestionBank } from '../../src/content/quizzes.js';
import { control, waitFor } from './board.js';
import { REPO_ROOT } from './harness.js';
import { useScenario } from './scenario.js';

const scenario = useScenario();
const bank = loadQuestionBank(new Set(readdirSync(join(REPO_ROOT, 'content/topics')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3))));

/** The letter of the right (or a wrong) answer on the board, read from its text and the question files. */
function letterFor(board: StoredMessage, right: boolean): string {
  const description: string = board.embeds[0]?.description ?? '';
  const question = bank.all().find((q) => description.startsWith(`${q.question}\n`));
  if (!question) throw new Error(`no question matches the board: ${description}`);
  const lines = description.split('\n').filter((line) => /^\*\*[ABCD]\.\*\* /.test(line));
  const index = lines.findIndex((line) => (line.slice(7) === question.options[0]!.text) === right);
  return 'ABCD'[index]!;
}

const footer = (message: StoredMessage | undefined): string => message?.embeds[0]?.footer?.text ?? '';

describe('a group quiz round', () => {
  it('plays with three people to its scoreboard: answers private, a second click refused, a question closed on time', { timeout: 180_000 }, async () => {
    const double = scenario().double;
    const [ann, bob, cy] = ['310000000000000001', '310000000000000002', '310000000000000003'].map((id) => scenario().as(id));
    const started = await double.slash('quiz', { mode: 'group', topic: 'hyperparameters', level: 1, questions: 2, seconds: 15 }, ann!);
    let board = (await started.settled())!;
    expect(started.ephemeral).toBe(false);
    expect(board.embeds[0].title).toBe('Group quiz · Hyperparameters · 2 questions');
    for (const who of [bob!, cy!]) await (await double.click(board.id, control(board, 'Join').custom_id, who)).settled();
    board = double.message(board.id)!;
    expect(board.embeds[0].fields[0].name).toBe('Joined (3)');

    await (await double.click(board.id, control(board, 'Start').custom_id, ann!)).settled();
    board = double.message(board.id)!;
    expect(board.embeds[0].title).toBe('Group quiz · Hyperparameters · question 1 of 2');
    const right = letterFor(board, true);
    const wrong = letterFor(board, false);

    const annAnswer = await double.click(board.id, control(board, right).custom_id, ann!);
    expect((await annAnswer.settled())?.content).toContain(`Your answer: **${right}**`);
    expect(annAnswer.ephemeral).toBe(true);
    await (await double.click(board.id, control(board, wrong).custom_id, bob!)).settled();
    const again = await double.click(board.id, control(board, right).custom_id, bob!);
    expect((await again.settled())?.content).toContain(`You answered ${wrong} already; your first answer is the one that counts.`);
    expect(again.ephemeral).toBe(true);
    await (await double.click(board.id, control(board, right).custom_id, cy!)).settled();

    // Everyone answered: the board shows the split (Bob's first answer, not his second) and the whys.
    board = await waitFor(() => {
      const shown = double.message(board.id);
      return footer(shown).startsWith('Everyone answered') ? shown : undefined;
    }, 'the first question to close');
    expect(footer(board)).toMatch(/^Everyone answered · 2 of 3 right/);
    expect(board.attachments.map((a: { filename: string }) => a.filename)).toEqual([expect.stringMatching(/^split-.+-1\.png$/)]);
    expect(board.attachments[0]?.description).toContain(`The right answer, ${right}, was chosen by 2 of 3.`);

    await (await double.click(board.id, control(board, 'Next question').custom_id, ann!)).settled();
    board = double.message(board.id)!;
    expect(board.embeds[0].title).toBe('Group quiz · Hyperparameters · question 2 of 2');
    await (await double.click(board.id, control(board, letterFor(board, true)).custom_id, ann!)).settled();

    // Bob and Cy never answer: the clock closes the question, with no click.
    board = await waitFor(
      () => {
        const shown = double.message(board.id);
        return footer(shown).startsWith('Time is up') ? shown : undefined;
      },
      'the second question to close on time',
      120_000,
    );
    expect(footer(board)).toMatch(/^Time is up · 1 of 1 right/);

    await (await double.click(board.id, control(board, 'See the scoreboard').custom_id, ann!)).settled();
    board = double.message(board.id)!;
    expect(board.embeds[0].title).toBe('Group quiz done · Hyperparameters');
    const lines = (board.embeds[0].description as string).split('\n');
    expect(lines[0]).toMatch(/^🥇 \S+ — 2 of 2 right$/);
    expect(lines.slice(1).map((line) => line.replace(/^\S+ \S+ /, ''))).toEqual(['— 1 of 2 right', '— 0 of 2 right']);
    expect(board.content ?? '').not.toMatch(/<@/);
  });

  it('keeps a question’s picture on the board when the answer count changes, sending no file', { timeout: 180_000 }, async () => {
    const double = scenario().double;
    const [dee, eli] = ['310000000000000004', '310000000000000005'].map((id) => scenario().as(id));
    // Level 3 of this topic has three questions, one of them with a picture: a round of three asks them all.
    const started = await double.slash('quiz', { mode: 'group', topic: 'bayesian-updating', level: 3, questions: 3, seconds: 300 }, dee!);
    let board = (await started.settled())!;
    await (await double.click(board.id, control(board, 'Join').custom_id, eli!)).settled();
    await (await double.click(board.id, control(board, 'Start').custom_id, dee!)).settled();
    let checked = false;
    for (let question = 1; question <= 3 && !checked; question++) {
      board = double.message(board.id)!;
      expect(board.embeds[0].title).toBe(`Group quiz · Bayesian updating · question ${question} of 3`);
      const picture = board.attachments.find((a) => a.filename.startsWith('question-'));
      await (await double.click(board.id, control(board, letterFor(board, true)).custom_id, dee!)).settled();
      if (picture) {
        const since = double.requests.length;
        expect(board.embeds[0].image?.url).toBe(`attachment://${picture.filename}`);
        // The board now counts Dee's answer: the same picture, not sent again.
        board = await waitFor(() => {
          const shown = double.message(board.id);
          return shown?.embeds[0]?.fields?.[0]?.name === 'Answered: 1 of 2' ? shown : undefined;
        }, 'the answer count on the board');
        expect(board.attachments).toEqual([picture]);
        const edits = double.requests.slice(since).filter((r) => r.method === 'PATCH' && r.route === `/channels/${board.channelId}/messages/${board.id}`);
        expect(edits.length).toBeGreaterThan(0);
        expect(edits.flatMap((r) => r.uploads)).toEqual([]);
        checked = true;
      } else {
        await (await double.click(board.id, control(board, letterFor(board, true)).custom_id, eli!)).settled();
        board = await waitFor(() => {
          const shown = double.message(board.id);
          return footer(shown).startsWith('Everyone answered') ? shown : undefined;
        }, 'the question to close');
        await (await double.click(board.id, control(board, question === 3 ? 'See the scoreboard' : 'Next question').custom_id, dee!)).settled();
      }
    }
    expect(checked).toBe(true);
    expect(double.violations).toEqual([]);
  });
});
