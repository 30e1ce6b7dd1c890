/** /ask through the real command layer: an honest "not sure", and a comparison that offers the other side. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResponse, MessageView } from '../../src/command-layer/types.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

async function ask(question: string): Promise<MessageView> {
  const response: CommandResponse = await app.router.slash({ ...person('41'), command: 'ask', subcommand: null, options: { question } });
  if (response.kind !== 'reply') throw new Error(`expected a reply, got ${response.kind}`);
  return response.message;
}

const buttons = (message: MessageView) => (message.rows ?? []).flat().flatMap((c) => (c.type === 'button' ? [c] : []));

describe('/ask', () => {
  it('says it is not sure, privately, and offers the closest topics when none covers the question', async () => {
    const message = await ask('how do i center a div');
    expect(message.ephemeral).toBe(true);
    expect(message.embeds?.[0]?.title).toBe('I am not sure I have a topic for that');
    const offered = buttons(message);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    for (const button of offered) expect(button.label).toMatch(/^Read: /);
  });

  it('answers a comparison with one side and offers the other first', async () => {
    const message = await ask('grid search vs random search, which is better');
    expect(message.ephemeral).not.toBe(true);
    const shown = message.embeds?.[0]?.title ?? '';
    expect(['Grid search', 'Random search'].some((title) => shown.includes(title))).toBe(true);
    const other = shown.includes('Grid search') ? 'Random search' : 'Grid search';
    const didYouMean = buttons(message).filter((button) => button.label.startsWith('Did you mean'));
    expect(didYouMean[0]?.label).toBe(`Did you mean: ${other}?`);
    expect(message.embeds?.[0]?.description ?? message.content ?? '').toContain('against');
  });

  it('answers a symptom with the topic for it, confidently', async () => {
    const message = await ask('loss is nan after like 100 steps help');
    expect(message.ephemeral).not.toBe(true);
    expect(message.embeds?.[0]?.title).toContain('Training instability');
  });
});
