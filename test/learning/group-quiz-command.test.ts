/**
 * /quiz mode:group and its board through the real router, on a real SQLite file and the real questions:
 * join, start, private answers, a doubled and a forged click, closing when everyone answered and (through
 * the clock job, no click) when time is up, the split, the scoreboard, and answers counted for review.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ButtonView, ComponentRequest, Invocation, MessageView } from '../../src/command-layer/types.js';
import { roundOptionOrder } from '../../src/learning/group-round.js';
import { closeQuestionsOnTime } from '../../commands/quiz/group.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
let clock: Date;
const ANA = person('700000000000000001', 'Ana');
const BO = person('700000000000000002', 'Bo @everyone');
const CY = person('700000000000000003', 'Cy');
const DEE = person('700000000000000004', 'Dee');
const BOARD = '500000000000000001';

beforeEach(async () => {
  clock = new Date('2026-12-01T09:00:00Z');
  app = await createTestApp(() => clock);
});
afterEach(async () => app.dispose());

const tick = (ms = 1_000) => (clock = new Date(clock.getTime() + ms));
async function slash(who: Invocation, options: Record<string, unknown>) {
  tick();
  return app.router.slash({ ...who, command: 'quiz', subcommand: null, options });
}
async function click(who: Invocation, customId: string) {
  tick();
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: BOARD };
  return app.router.component(request);
}
const buttonsOf = (view: MessageView): ButtonView[] => (view.rows ?? []).flat().filter((c): c is ButtonView => c.type === 'button');
function button(view: MessageView, label: string): string {
  const found = buttonsOf(view).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button in ${JSON.stringify(buttonsOf(view).map((b) => b.label))}`);
  return found.customId;
}
/** The letter for the right (or a wrong) answer of the question on the board. */
function letterFor(board: MessageView, right: boolean): string {
  const [, , roundId, , index] = button(board, 'A').split(':');
  const order = roundOptionOrder(roundId!, questionIds[Number(index)]!);
  return 'ABCD'[right ? order.indexOf(0) : order.findIndex((written) => written !== 0)]!;
}
let questionIds: string[] = [];
const lastEdit = () => app.edited.at(-1)!.message;

describe('/quiz mode:group', () => {
  it('plays a round with three people to its scoreboard, closing one question when all answered and one on time', async () => {
    const lobby = await slash(ANA, { mode: 'group', topic: 'hyperparameters', level: 1, questions: 2, seconds: 30 });
    expect(lobby.kind).toBe('reply');
    expect(message(lobby).ephemeral).toBeFalsy();
    expect(message(lobby).embeds?.[0]?.title).toBe('Group quiz · Hyperparameters · 2 questions');
    const roundId = button(message(lobby), 'Join').split(':')[2]!;
    questionIds = ((await app.services.storage.quizRounds.get(roundId))!.round.state as { questionIds: string[] }).questionIds;

    // Only the host starts; Bo and Cy join; a second Join is told they are in.
    expect(text(await click(BO, button(message(lobby), 'Start')))).toContain('Only Ana, who started this round, can start it.');
    await click(BO, button(message(lobby), 'Join'));
    const joined = await click(CY, button(message(lobby), 'Join'));
    expect(message(joined).embeds?.[0]?.fields?.[0]).toEqual({ name: 'Joined (3)', value: 'Ana, Bo \\@everyone, Cy' });
    expect(text(await click(CY, button(message(lobby), 'Join')))).toContain('You are in this round already');

    let board = message(await click(ANA, button(message(lobby), 'Start')));
    expect(board.embeds?.[0]?.title).toBe('Group quiz · Hyperparameters · question 1 of 2');
    expect(buttonsOf(board).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    // A doubled Start shows the board as it is now and starts nothing twice.
    const doubled = await click(ANA, button(message(lobby), 'Start'));
    expect(message(doubled).embeds?.[0]?.title).toBe('Group quiz · Hyperparameters · question 1 of 2');

    const firstBoard = board;
    // Question 1: private answers; a second click keeps the first; the third answer closes it.
    const right = letterFor(board, true);
    const wrong = letterFor(board, false);
    const ack = await click(ANA, button(board, right));
    expect(message(ack).ephemeral).toBe(true);
    expect(text(ack)).toContain(`Your answer: **${right}**`);
    // The count on the board follows the answer without holding it up.
    await vi.waitFor(() => expect(lastEdit().embeds?.[0]?.fields?.[0]).toEqual({ name: 'Answered: 1 of 3', value: 'Waiting for Bo \\@everyone, Cy' }), { timeout: 30_000 });
    await click(BO, button(board, wrong));
    await vi.waitFor(() => expect(lastEdit().embeds?.[0]?.fields?.[0]?.name).toBe('Answered: 2 of 3'), { timeout: 30_000 });
    const second = await click(BO, button(board, right));
    expect(message(second).ephemeral).toBe(true);
    expect(text(second)).toContain(`You answered ${wrong} already; your first answer is the one that counts.`);
    const last = await click(CY, button(board, right));
    expect(text(last)).toContain('everyone has answered');
    board = lastEdit();
    expect(board.embeds?.[0]?.footer).toMatch(/^Everyone answered · 2 of 3 right/);
    expect(board.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([`${right} is right`, `Why not ${wrong}`]);
    expect(board.files?.[0]?.description).toBe(
      `Bar chart of how the group answered: 3 answers. ${'ABCD'.split('').map((l) => `${l} ${l === right ? 2 : l === wrong ? 1 : 0}`).join(', ')}. The right answer, ${right}, was chosen by 2 of 3.`,
    );
    // A late click on the closed question records nothing; Bo cannot move the round on.
    const editsBeforeLate = app.edited.length;
    const late = await click(DEE, button(firstBoard, 'A'));
    // The late click also shows the board afresh, in case an edit that lost a race left it on the old question.
    expect(app.edited.length).toBe(editsBeforeLate + 1);
    expect(lastEdit().embeds?.[0]?.footer).toMatch(/^Everyone answered/);
    expect(message(late).ephemeral).toBe(true);
    expect(text(late)).toContain('That question is not taking answers any more, so nothing was recorded. Question 1 of 2 has closed');
    expect(text(await click(BO, button(board, 'Next question')))).toContain('Only Ana, who started this round, can move it on.');

    // Question 2: only Ana answers; the clock closes it without a click.
    board = message(await click(ANA, button(board, 'Next question')));
    expect(board.embeds?.[0]?.title).toBe('Group quiz · Hyperparameters · question 2 of 2');
    await click(ANA, button(board, letterFor(board, true)));
    await vi.waitFor(() => expect(lastEdit().embeds?.[0]?.fields?.[0]?.name).toBe('Answered: 1 of 3'), { timeout: 30_000 });
    expect(await closeQuestionsOnTime(app.services)).toBe(0);
    tick(30_000);
    const edits = app.edited.length;
    expect(await closeQuestionsOnTime(app.services)).toBe(1);
    expect(app.edited.length).toBe(edits + 1);
    board = lastEdit();
    expect(app.edited.at(-1)!.messageId).toBe(BOARD);
    expect(board.embeds?.[0]?.footer).toMatch(/^Time is up · 1 of 1 right/);
    expect(await closeQuestionsOnTime(app.services)).toBe(0);

    const scores = message(await click(ANA, button(board, 'See the scoreboard')));
    expect(scores.embeds?.[0]?.description).toBe('🥇 Ana — 2 of 2 right\n🥈 Cy — 1 of 2 right\n🥉 Bo \\@everyone — 0 of 2 right');

    // Every first answer counts for its player's review, and nothing else does.
    const bo = await app.services.storage.quizzes.answers(BO.user.id, 10);
    expect(bo.map((a) => [a.questionId, a.right, a.mode, a.setId])).toEqual([[questionIds[0], false, 'group', roundId]]);
    expect(await app.services.storage.quizzes.getCard(BO.user.id, questionIds[0]!)).toBeDefined();
    expect((await app.services.storage.quizzes.answers(ANA.user.id, 10)).length).toBe(2);
    expect(await app.services.storage.quizzes.answers(DEE.user.id, 10)).toEqual([]);

    // /privacy show tells Bo what is kept of the round.
    const shown = text(await app.router.slash({ ...BO, command: 'privacy', subcommand: 'show', options: {} }));
    expect(shown).toContain('**Quiz answers:** 1 (2026-12-01 to 2026-12-01, UTC)');
    expect(shown).toContain('**Group quiz rounds you joined:** 1');
  });

  it('is refused outside a server channel, clearly', async () => {
    const response = await app.router.slash({ ...ANA, guildId: null, channelId: null, command: 'quiz', subcommand: null, options: { mode: 'group' } });
    expect(message(response).ephemeral).toBe(true);
    expect(text(response)).toContain('Group quiz rounds are played in a server channel.');
  });
});
