/** /ask repeats the question: as text the person typed, never as markup or a mention. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app.dispose());

async function askedText(question: string): Promise<string> {
  const response = await app.router.slash({ ...person('1'), command: 'ask', subcommand: null, options: { question } });
  if (response.kind === 'modal') throw new Error('expected a message');
  return [response.message.content, ...(response.message.embeds ?? []).map((e) => e.description)].join('\n');
}

/** Markup that is not escaped by a backslash. */
const live = (text: string, token: string) => text.split(token).slice(0, -1).filter((before) => !before.endsWith('\\')).length;

describe('/ask echoes the question as plain text', () => {
  it('an unclosed code fence stays in the question and does not swallow the answer', async () => {
    const text = await askedText('``` why is the learning rate on a log scale');
    expect(text).toContain('**You asked:** \\`\\`\\` why is the learning rate on a log scale');
    expect(live(text, '`'.repeat(3)) % 2).toBe(0);
  });

  it('mentions, bold and quotes in the question are inert', async () => {
    const text = await askedText('<@123> @everyone **why** > batch size');
    expect(text).toContain('\\<\\@123\\> \\@everyone \\*\\*why\\*\\* \\> batch size');
    expect(live(text, '<@')).toBe(0);
  });

  it('is escaped too when nothing matches', async () => {
    const text = await askedText('``` xyzzy **plugh**');
    // Nothing answers it: the reply says so (no topic, or none covering it well) and echoes it escaped.
    expect(text).toMatch(/^(?:I have no topic that matches|None of my topics answers) /m);
    expect(text).toContain('“\\`\\`\\` xyzzy \\*\\*plugh\\*\\*”');
  });
});
