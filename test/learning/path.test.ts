/** /path: the topics in order, each "read, then quiz", picking up where the person is. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ButtonView, CommandResponse, ComponentRequest } from '../../src/command-layer/types.js';
import { currentStep, learningPath, PATH_ORDER } from '../../src/learning/path.js';
import { messageOf as message, responseText as text } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

describe('the learning path', () => {
  it('keeps its order, skips topics that do not exist, and stands at the first step not read and quizzed', () => {
    const topics = new Map([
      ['hyperparameters', { game: 'bake' }],
      ['learning-rate', { game: 'train' }],
      ['grid-search', {}],
    ]);
    const path = learningPath({ topics, read: new Set(['hyperparameters', 'learning-rate']), quizzed: new Set(['hyperparameters']) });
    expect(path).toEqual([
      { topic: 'hyperparameters', read: true, quizzed: true, game: 'bake' },
      { topic: 'learning-rate', read: true, quizzed: false, game: 'train' },
      { topic: 'grid-search', read: false, quizzed: false },
    ]);
    expect(currentStep(path)).toBe(1);
    expect(currentStep(path.map((s) => ({ ...s, read: true, quizzed: true })))).toBeUndefined();
    expect(PATH_ORDER[0]).toBe('hyperparameters');
    expect(PATH_ORDER.at(-1)).toBe('successive-halving-and-hyperband');
  });
});

describe('/path', () => {
  let app: TestApp;
  let clock = new Date('2026-12-01T09:00:00Z');
  const ANA = person('730000000000000001', 'Ana');
  beforeEach(async () => {
    app = await createTestApp(() => clock);
  });
  afterEach(async () => app.dispose());
  const slash = (command: string) => {
    clock = new Date(clock.getTime() + 5_000);
    return app.router.slash({ ...ANA, command, subcommand: null, options: {} });
  };
  const click = (customId: string) => {
    clock = new Date(clock.getTime() + 5_000);
    const request: ComponentRequest = { ...ANA, source: 'button', customId, values: [], fields: {}, messageId: '1' };
    return app.router.component(request);
  };
  const button = (r: CommandResponse, label: string) => (message(r).rows ?? []).flat().find((c): c is ButtonView => c.type === 'button' && c.label === label)!.customId;

  it('walks a step: read, then quiz, then the next step; it remembers where the person is', async () => {
    const start = await slash('path');
    expect(message(start).ephemeral).toBe(true);
    expect(message(start).embeds?.[0]?.title).toMatch(/^Your learning path: step 1 of \d+$/);
    expect(text(start)).toContain('▶️ 1. **Hyperparameters** — read it, then the quiz · play `/play bake`');

    const read = await click(button(start, 'Read: Hyperparameters'));
    expect(message(read).embeds?.[0]?.title).toBe('Hyperparameters');
    expect(text(await slash('path'))).toContain('▶️ 1. **Hyperparameters** — read ✓, now the quiz');

    const quiz = await click(button(await slash('path'), 'Quiz: Hyperparameters'));
    await click(button(quiz, 'A'));
    const next = await slash('path');
    expect(message(next).embeds?.[0]?.title).toMatch(/^Your learning path: step 2 of \d+$/);
    expect(text(next)).toContain('✅ 1. Hyperparameters');
    expect(text(next)).toMatch(/▶️ 2\. \*\*.+\*\* — read it, then the quiz/);
    expect(message(next).embeds?.[0]?.footer).toMatch(/^1 of \d+ steps read and quizzed/);
  });
});
