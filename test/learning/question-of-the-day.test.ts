/**
 * The question of the day through the real router and storage: off by default, turned on in /settings
 * (needs a daily post), posted once after the server's daily post, answered privately by anyone, the
 * first answer of the day counted for review and a second refused with it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ButtonView, ComponentRequest, Invocation } from '../../src/command-layer/types.js';
import { postQuestionsOfTheDay, questionOfTheDay } from '../../commands/quiz/question-of-the-day.js';
import { optionOrder } from '../../src/learning/quiz-set.js';
import { responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
const now = new Date('2026-12-01T09:00:00Z');
const GUILD = '900000000000000001';
const DAILY_CHANNEL = '900000000000000003';
const admin = (): Invocation => ({ ...person('600000000000000001', 'Admin'), canManageGuild: true });
const ANA = person('600000000000000002', 'Ana');

beforeEach(async () => {
  app = await createTestApp(() => now);
});
afterEach(async () => app.dispose());

const settings = (who: Invocation, subcommand: string, options: Record<string, string | boolean> = {}) =>
  app.router.slash({ ...who, command: 'settings', subcommand, options });
const click = (who: Invocation, customId: string) => {
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: '1' };
  return app.router.component(request);
};
async function postDaily(localDate: string) {
  const key = { guildId: GUILD, localDate };
  await app.services.storage.dailyPosts.claim({ ...key, channelId: DAILY_CHANNEL }, now, 60_000);
  await app.services.storage.dailyPosts.markPosted(key, 'daily-message', now);
}

describe('the question of the day', () => {
  it('is off by default, needs a daily post to turn on, and only Manage Server may turn it on', async () => {
    expect(text(await settings(admin(), 'set', { 'question-of-the-day': true }))).toContain('choose a `daily-channel` first');
    await settings(admin(), 'set', { 'daily-channel': DAILY_CHANNEL });
    expect(text(await settings(admin(), 'show'))).toContain('Question of the day: off');
    await postDaily('2026-12-01');
    expect(await postQuestionsOfTheDay(app.services)).toBe(0);
    expect(text(await settings({ ...person('600000000000000009'), canManageGuild: false }, 'set', { 'question-of-the-day': true }))).toContain('Only members with the Manage Server permission');
    expect(text(await settings(admin(), 'set', { 'question-of-the-day': true }))).toContain('Question of the day: **on**');
    expect(text(await settings(admin(), 'show'))).toContain('Question of the day: **on**');
  });

  it('goes out once after the daily post, and takes each person’s first answer for their review', async () => {
    await settings(admin(), 'set', { 'daily-channel': DAILY_CHANNEL, 'question-of-the-day': true });
    expect(await postQuestionsOfTheDay(app.services)).toBe(0);
    await postDaily('2026-12-01');
    expect(await postQuestionsOfTheDay(app.services)).toBe(1);
    expect(await postQuestionsOfTheDay(app.services)).toBe(0);
    const post = app.posted.at(-1)!;
    expect(post.channelId).toBe(DAILY_CHANNEL);
    const question = questionOfTheDay(app.services.quizzes, '2026-12-01')!;
    expect(post.message.embeds?.[0]?.description).toContain(question.question);
    const buttons = (post.message.rows ?? []).flat() as ButtonView[];
    expect(buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);

    const order = optionOrder('question-of-the-day:2026-12-01', question.id);
    const wrong = buttons[order.findIndex((written) => written !== 0)]!;
    const right = buttons[order.indexOf(0)]!;
    const first = await click(ANA, wrong.customId);
    expect(first.kind === 'reply' && first.message.ephemeral).toBe(true);
    expect(text(first)).toContain(`Not quite: **${wrong.label}**`);
    expect(text(first)).toContain(`The answer is **${right.label}**`);
    const second = await click(ANA, right.customId);
    expect(text(second)).toContain(`You answered ${wrong.label} already; your first answer is the one that counts.`);
    const answers = await app.services.storage.quizzes.answers(ANA.user.id, 10);
    expect(answers.map((a) => [a.questionId, a.right, a.mode])).toEqual([[question.id, false, 'daily']]);
    expect(await app.services.storage.quizzes.getCard(ANA.user.id, question.id)).toBeDefined();

    // A forged date or a question that was not that day's is refused plainly and records nothing.
    const forged = right.customId.replace('2026-12-01', '2026-12-02');
    expect(text(await click(person('600000000000000003'), forged))).toMatch(/no longer here|not one I recognise/);
    expect(await app.services.storage.quizzes.answers('600000000000000003', 10)).toEqual([]);

    // /privacy forget takes the day's answer too, so the person may answer afresh.
    await app.services.storage.privacy.forget(ANA.user.id, (state) => state);
    expect(text(await click(ANA, right.customId))).toContain(`**${right.label}** is right.`);
  });
});
